"""Pure calculations on figures: rates, checks, RAG status and direction of travel.

Shared by the web form, the file import, the dashboards and open data so they agree.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

PERCENT, COUNT, DAYS, RATIO, GBP = "percent", "count", "days", "ratio", "gbp"
HIGHER, LOWER, NEUTRAL = "higher_is_better", "lower_is_better", "neutral"
HUNDRED = Decimal(100)
PLACES = Decimal("0.0001")
# Figures are stored with 4 decimal places in at most 16 digits: anything this large or more
# cannot be stored (and "1e309" would overflow the rounding: a server error before).
TOO_LARGE = Decimal(10) ** 12


class FigureError(ValueError):
    """A figure that cannot be accepted; ``errors`` maps a field to a message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def parse_number(text, *, label: str) -> Decimal | None:
    """A decimal from what the user typed (commas and % allowed), None if blank."""
    if text is None:
        return None
    if isinstance(text, (int, float, Decimal)):
        return Decimal(str(text))
    cleaned = str(text).strip().replace(",", "").rstrip("%").strip()
    if not cleaned:
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise FigureError({label: gettext("must be a number")}) from None
    if not number.is_finite() or abs(number) >= TOO_LARGE:
        raise FigureError({label: gettext("must be a number")})
    return number


def rate(unit: str, numerator: Decimal, denominator: Decimal) -> Decimal:
    """The rate from a numerator and denominator: a percentage for percentages, else a ratio."""
    result = numerator / denominator
    if unit == PERCENT:
        result *= HUNDRED
    return result.quantize(PLACES)


def check_figure(
    *, unit: str, value: Decimal | None, numerator: Decimal | None, denominator: Decimal | None
) -> Decimal:
    """The value to store, or FigureError naming each field that is wrong (GOV.UK voice)."""
    errors: dict[str, str] = {}
    uses_rate = numerator is not None or denominator is not None
    if uses_rate:
        if numerator is None:
            errors["numerator"] = gettext("Enter the numerator as well as the denominator")
        if denominator is None:
            errors["denominator"] = gettext("Enter the denominator as well as the numerator")
        if numerator is not None and numerator < 0:
            errors["numerator"] = gettext("The numerator cannot be negative")
        if denominator is not None and denominator <= 0:
            errors["denominator"] = gettext("The denominator must be more than 0")
        if errors:
            raise FigureError(errors)
        if unit == PERCENT and numerator > denominator:
            raise FigureError(
                {"numerator": gettext("The numerator cannot be larger than the denominator")}
            )
        computed = rate(unit, numerator, denominator)
        if value is not None and abs(value - computed) > Decimal("0.1"):
            raise FigureError(
                {
                    "value": gettext(
                        "The value does not match the numerator and denominator (%(computed)s)"
                    )
                    % {"computed": computed}
                }
            )
        value = computed
    if value is None:
        raise FigureError({"value": gettext("Enter a figure, or a numerator and denominator")})
    if value < 0:
        raise FigureError({"value": gettext("The figure cannot be negative")})
    if value >= TOO_LARGE:
        raise FigureError({"value": gettext("The figure is too large")})
    if unit == PERCENT and value > HUNDRED:
        raise FigureError({"value": gettext("A percentage must be between 0 and 100")})
    if unit == COUNT and value != value.to_integral_value():
        raise FigureError({"value": gettext("A count must be a whole number")})
    return value.quantize(PLACES)


@dataclass(frozen=True)
class Rag:
    code: str  # red, amber, green or "" (no target / no judgement)
    label: str  # lazy: read in the language of whoever is looking

    @property
    def tag_class(self) -> str:
        return {
            "green": "govuk-tag--green",
            "amber": "govuk-tag--yellow",
            "red": "govuk-tag--red",
        }.get(self.code, "govuk-tag--grey")


NO_RAG = Rag("", _("No target"))
RAG_GREEN = Rag("green", _("On target"))
RAG_AMBER = Rag("amber", _("Near target"))
RAG_RED = Rag("red", _("Off target"))
RAGS = {rag.code: rag for rag in (NO_RAG, RAG_GREEN, RAG_AMBER, RAG_RED)}


def rag_status(
    *, polarity: str, value: Decimal | None, target: Decimal | None, tolerance: Decimal | None
) -> Rag:
    """Green on or beyond the target, amber within the tolerance short of it, red beyond."""
    if value is None or target is None or polarity == NEUTRAL:
        return NO_RAG
    tolerance = abs(tolerance or Decimal(0))
    shortfall = target - value if polarity == HIGHER else value - target
    if shortfall <= 0:
        return RAG_GREEN
    if shortfall <= tolerance:
        return RAG_AMBER
    return RAG_RED


@dataclass(frozen=True)
class Direction:
    change: Decimal | None
    word: str  # Improving, Worsening, No change, Up, Down, or "" when nothing to compare
    symbol: str

    @property
    def text(self) -> str:
        if self.change is None:
            return gettext("No earlier figure")
        return f"{self.word} ({self.change:+.1f})"


NO_DIRECTION = Direction(None, "", "")


def direction(*, polarity: str, value: Decimal | None, earlier: Decimal | None) -> Direction:
    """How a figure moved from an earlier one, judged by the indicator's polarity."""
    if value is None or earlier is None:
        return NO_DIRECTION
    change = value - earlier
    if change == 0:
        return Direction(change, gettext("No change"), "→")
    up = change > 0
    symbol = "↑" if up else "↓"
    if polarity == NEUTRAL:
        return Direction(change, gettext("Up") if up else gettext("Down"), symbol)
    better = up if polarity == HIGHER else not up
    return Direction(change, gettext("Improving") if better else gettext("Worsening"), symbol)


def combine(
    unit: str, figures: list[tuple]
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """One figure from several agencies' (value, numerator, denominator) for the same period.

    Counts and money add up; rates with numerators and denominators are pooled; otherwise the
    mean is used. One figure is returned as it is.
    """
    if not figures:
        return None, None, None
    if len(figures) == 1:
        return figures[0]
    values = [value for value, _, _ in figures if value is not None]
    if unit in (COUNT, GBP):
        return sum(values, Decimal(0)), None, None
    if all(num is not None and den for _, num, den in figures):
        numerator = sum((num for _, num, _ in figures), Decimal(0))
        denominator = sum((den for _, _, den in figures), Decimal(0))
        return rate(unit, numerator, denominator), numerator, denominator
    return (sum(values, Decimal(0)) / len(values)).quantize(PLACES), None, None


def format_value(unit: str, value: Decimal | None) -> str:
    """A figure as people read it: 72.4%, 1,234, 96 days, £12,300."""
    if value is None:
        return gettext("No figure")
    if unit == PERCENT:
        return f"{value:.1f}%"
    if unit == COUNT:
        return f"{value:,.0f}"
    if unit == DAYS:
        number = f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.1f}"
        return gettext("%(number)s days") % {"number": number}
    if unit == GBP:
        return f"£{value:,.0f}"
    return f"{value:,.2f}"
