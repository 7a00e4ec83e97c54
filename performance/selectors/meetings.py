"""Performance at meetings: exceptions to put on the agenda, the next meeting and frozen figures."""

from dataclasses import dataclass
from decimal import Decimal

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext

from forums.models import Forum, Meeting
from performance import periods
from performance.calculations import RAGS, format_value, rag_status
from performance.selectors._common import _target_for
from performance.selectors.dashboard import Dashboard, IndicatorSummary

CONTROL_SIGMAS = 3
CONTROL_MIN_POINTS = 8


@dataclass
class PerformanceException:
    """An accepted figure the board should look at: off target twice running, or unusual."""

    summary: IndicatorSummary
    reasons: list[str]

    @property
    def description(self) -> str:
        """The drafted agenda item's text, with the figures."""
        summary = self.summary
        unit = summary.indicator.unit
        recent = ", ".join(
            f"{point.period.label}: {format_value(unit, point.value)}"
            for point in summary.points[-4:]
        )
        return gettext(
            "%(indicator)s needs the board's attention: %(reasons)s.\n\n"
            "Recent figures: %(recent)s.\nTarget: %(target)s. "
            "Since the previous period: %(previous)s. "
            "Since the same period last year: %(last_year)s."
        ) % {
            "indicator": summary.indicator.name,
            "reasons": "; ".join(self.reasons),
            "recent": recent,
            "target": summary.target_text,
            "previous": summary.vs_previous.text,
            "last_year": summary.vs_last_year.text,
        }


def performance_exceptions(*, dashboard: Dashboard) -> list[PerformanceException]:
    """Figures outside tolerance for a second period running, or beyond their control limits
    (the mean of their own history plus or minus three standard deviations)."""
    found = []
    for summary in dashboard.with_figures:
        reasons = []
        item = summary.indicator
        points = summary.points
        if len(points) >= 2 and summary.rag.code == "red":
            before = points[-2]
            target = _target_for(summary.targets, before.period)
            if (
                target
                and rag_status(
                    polarity=item.polarity,
                    value=before.value,
                    target=target.value,
                    tolerance=target.amber_tolerance,
                ).code
                == "red"
            ):
                reasons.append(
                    gettext(
                        "outside its target tolerance for a second period running "
                        "(%(before)s and %(latest)s)"
                    )
                    % {"before": before.period.label, "latest": points[-1].period.label}
                )
        history = [point.value for point in points[:-1] if point.value is not None]
        if len(history) >= CONTROL_MIN_POINTS and points[-1].value is not None:
            mean = sum(history, Decimal(0)) / len(history)
            spread = (sum((v - mean) ** 2 for v in history) / len(history)).sqrt()
            low, high = mean - CONTROL_SIGMAS * spread, mean + CONTROL_SIGMAS * spread
            if spread > 0 and not low <= points[-1].value <= high:
                reasons.append(
                    gettext(
                        "%(period)s's figure (%(figure)s) is outside its usual range of "
                        "%(low)s to %(high)s"
                    )
                    % {
                        "period": points[-1].period.label,
                        "figure": summary.latest_text,
                        "low": format_value(item.unit, max(low, Decimal(0))),
                        "high": format_value(item.unit, high),
                    }
                )
        if reasons:
            found.append(PerformanceException(summary, reasons))
    return found


def next_meeting(*, forum: Forum):
    """The forum's next meeting that can still take agenda items, if any."""
    return (
        Meeting.objects.filter(
            forum=forum,
            starts_at__gte=timezone.now(),
            status__in=(Meeting.Status.SCHEDULED, Meeting.Status.AGENDA_PUBLISHED),
        )
        .order_by("starts_at")
        .first()
    )


def meetings_with_figures(*, forum: Forum):
    """The forum's meetings, latest first, with their frozen figures if any."""
    return (
        Meeting.objects.filter(forum=forum)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("performance_figures")
        .order_by("-starts_at")[:40]
    )


def meeting_of(*, forum: Forum, pk: int):
    try:
        return Meeting.objects.select_related("performance_figures").get(forum=forum, pk=pk)
    except Meeting.DoesNotExist:
        raise Http404("No such meeting") from None


@dataclass
class FrozenFigure:
    frozen: dict
    now_text: str
    changed: bool

    # The words were kept in the language of whoever froze the figures; what can be worked out
    # again from the codes and values kept beside them is read in the language of the reader.
    @property
    def period_label(self) -> str:
        spec = periods.parse_code(self.frozen.get("period", ""))
        return spec.label if spec else self.frozen.get("period_label", "")

    @property
    def text(self) -> str:
        value = self.frozen.get("value")
        if "unit" not in self.frozen:
            return self.frozen.get("text", "")
        return format_value(self.frozen["unit"], Decimal(value) if value is not None else None)

    @property
    def target(self) -> str:
        stored = self.frozen.get("target", "")
        return gettext("No target") if stored == "No target" else stored

    @property
    def rag_label(self) -> str:
        rag = RAGS.get(self.frozen.get("rag"))
        return str(rag.label) if rag else self.frozen.get("rag_label", "")


def frozen_against_now(*, snapshot, dashboard: Dashboard) -> list[FrozenFigure]:
    """Each frozen figure beside the same indicator and period's figure today."""
    current = {}
    for summary in dashboard.summaries:
        for point in summary.points:
            current[(summary.indicator.slug, point.period.code)] = (
                point.value,
                format_value(summary.indicator.unit, point.value),
            )
    rows = []
    for frozen in snapshot.figures:
        value, text = current.get(
            (frozen["indicator"], frozen["period"]), (None, gettext("No figure now"))
        )
        then = Decimal(frozen["value"]) if frozen["value"] is not None else None
        rows.append(FrozenFigure(frozen, text, value != then))
    return rows
