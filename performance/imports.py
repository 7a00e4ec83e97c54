"""Returns as files: the template an agency fills in, and checking an upload's rows.

Files are read by the one import mechanism, ``membership/tabular.py``: all or nothing, every problem
reported against its row number (the header is row 1, as in a spreadsheet), nothing saved if
any row is wrong. This module says which columns a return has and what each cell must hold.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from membership import tabular
from performance.calculations import FigureError, check_figure, parse_number
from performance.models import Indicator, PerformanceReturn
from performance.services import FigureInput, indicators_owed

COLUMNS = [
    "indicator",
    "indicator_name",
    "period",
    "breakdown_dimension",
    "breakdown",
    "value",
    "numerator",
    "denominator",
    "provisional",
    "note",
]
REQUIRED_COLUMNS = {"indicator", "period", "value"}
YES, NO = tabular.YES, tabular.NO
YES_OR_NO = YES | NO
FORMULA_STARTS = tabular.FORMULA_STARTS  # what tabular.looks_like_formula checks, inline: hot loop
NOT_A_RETURN = _("The file must be a CSV or Excel (XLSX) file made from the template")


def _plain(number) -> str:
    if number is None:
        return ""
    text = f"{number:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def template_rows(performance_return: PerformanceReturn) -> list[list[str]]:
    """One row per indicator owed (with the figures already entered), then any breakdowns."""
    owed = indicators_owed(
        forum=performance_return.forum,
        agency=performance_return.agency,
        frequency=performance_return.period.frequency,
    ).order_by("name")
    saved = {
        (m.indicator_id, m.breakdown_dimension, m.breakdown): m
        for m in performance_return.measurements.all()
    }
    rows = []
    for indicator in owed:
        keys = [(indicator.pk, "", "")] + sorted(
            key for key in saved if key[0] == indicator.pk and key[2]
        )
        for key in keys:
            found = saved.get(key)
            rows.append(
                [
                    indicator.slug,
                    indicator.name,
                    performance_return.period.code,
                    key[1],
                    key[2],
                    _plain(found.value) if found and found.numerator is None else "",
                    _plain(found.numerator) if found else "",
                    _plain(found.denominator) if found else "",
                    "yes" if found and found.is_provisional else "",
                    found.note if found else "",
                ]
            )
    return rows


def template_csv(performance_return: PerformanceReturn) -> str:
    return tabular.template_csv(COLUMNS, template_rows(performance_return))


def template_xlsx(performance_return: PerformanceReturn) -> bytes:
    return tabular.template_xlsx(
        COLUMNS,
        template_rows(performance_return),
        sheet="Figures",
        widths={"A": 36, "B": 48},
        guidance=[
            gettext("Return of %(agency)s to %(forum)s")
            % {"agency": performance_return.agency, "forum": performance_return.forum},
            gettext("Period: %(label)s (%(code)s)")
            % {"label": performance_return.period.label, "code": performance_return.period.code},
            gettext(
                "Give either value, or numerator and denominator (the rate is worked out for you)."
            ),
            gettext("Percentages are 0 to 100. Counts are whole numbers and cannot be negative."),
            gettext("provisional: yes or leave blank."),
            gettext(
                "For a breakdown add a row with breakdown_dimension (e.g. Offence type) and "
                "breakdown (e.g. Adult rape)."
            ),
            gettext("Do not change the indicator or period columns."),
        ],
    )


def read_upload(upload) -> list[tabular.Row]:
    """Rows of an uploaded CSV or XLSX as (row number, {column: text}); FileProblem if unusable."""
    return tabular.read_rows(
        upload,
        required=REQUIRED_COLUMNS,
        hint=gettext(": download the template and use that"),
        not_a_spreadsheet=str(NOT_A_RETURN),
    )


def check_rows(
    performance_return: PerformanceReturn, rows: list[tabular.Row]
) -> tuple[list[FigureInput], tabular.Report]:
    """Every row checked: the figures to save, and a report of each bad row's problems."""
    catalogue = {indicator.slug: indicator for indicator in Indicator.objects.all()}
    owed = {
        indicator.pk
        for indicator in indicators_owed(
            forum=performance_return.forum,
            agency=performance_return.agency,
            frequency=performance_return.period.frequency,
        )
    }
    agency = performance_return.agency
    expected_period = performance_return.period.code
    report = tabular.Report()
    add = report.add
    figures = []
    first_row_of: dict[tuple, int] = {}
    for number, row in rows:
        slug = row.get("indicator", "")
        indicator = catalogue.get(slug)
        if not slug:
            add(number, gettext("Enter the indicator, as in the template"), "indicator")
        elif indicator is None:
            add(
                number,
                gettext("Unknown indicator '%(slug)s': use one from the template") % {"slug": slug},
                "indicator",
            )
        elif indicator.pk not in owed:
            add(
                number,
                gettext("%(indicator)s is not owed by %(agency)s in this return")
                % {"indicator": indicator.name, "agency": agency},
                "indicator",
            )
        period = row.get("period", "")
        if period.upper() != expected_period.upper():
            add(
                number,
                gettext("Wrong period '%(period)s': this return is for %(expected)s")
                % {"period": period, "expected": expected_period}
                if period
                else gettext("Enter the period: this return is for %(expected)s")
                % {"expected": expected_period},
                "period",
            )
        numbers = {}
        for part in ("value", "numerator", "denominator"):
            try:
                numbers[part] = parse_number(row.get(part, ""), label=part)
            except FigureError:
                add(
                    number,
                    gettext("The %(column)s '%(text)s' is not a number")
                    % {"column": part, "text": row.get(part)},
                    part,
                )
        provisional = row.get("provisional", "").lower()
        if provisional not in YES_OR_NO:
            add(
                number,
                gettext("Enter yes in provisional, or leave it blank, not '%(text)s'")
                % {"text": row.get("provisional")},
                "provisional",
            )
        dimension, breakdown = row.get("breakdown_dimension", ""), row.get("breakdown", "")
        if bool(dimension) != bool(breakdown):
            add(
                number,
                gettext("Give both breakdown_dimension and breakdown, or neither"),
                "breakdown",
            )
        if dimension.startswith(FORMULA_STARTS) or breakdown.startswith(FORMULA_STARTS):
            add(number, gettext("A breakdown cannot start with =, +, - or @"), "breakdown")
        if indicator is not None and len(numbers) == 3:
            try:
                check_figure(unit=indicator.unit, **numbers)
            except FigureError as error:
                for part, message in error.errors.items():
                    add(number, message, part)
        if indicator is not None:
            key = (indicator.pk, dimension, breakdown)
            if key in first_row_of:
                add(
                    number,
                    gettext("Duplicate of row %(row)s (same indicator and breakdown)")
                    % {"row": first_row_of[key]},
                )
            else:
                first_row_of[key] = number
        if number in report.problems:
            continue
        figures.append(
            FigureInput(
                indicator=indicator,
                is_provisional=provisional in YES,
                breakdown_dimension=dimension[:80],
                breakdown=breakdown[:120],
                note=row.get("note", "")[:500],
                **numbers,
            )
        )
    return figures, report
