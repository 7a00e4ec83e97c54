"""Figures side by side: the Victims' Code rights, and one indicator across every public area."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from forums.models import Forum
from performance.calculations import combine, format_value
from performance.models import VictimsCodeRight
from performance.selectors.dashboard import Dashboard, IndicatorSummary
from performance.selectors.figures import accepted_measurements


@dataclass
class RightRow:
    right: VictimsCodeRight
    summaries: list[IndicatorSummary]


def victims_code_compliance(*, dashboard: Dashboard) -> list[RightRow]:
    """The twelve rights, each with the indicators that measure it (figures by agency)."""
    by_right: dict[int, list[IndicatorSummary]] = defaultdict(list)
    for summary in dashboard.summaries:
        if summary.indicator.victims_code_right_id:
            by_right[summary.indicator.victims_code_right_id].append(summary)
    return [RightRow(right, by_right.get(right.pk, [])) for right in VictimsCodeRight.objects.all()]


@dataclass
class AreaFigure:
    forum_name: str
    forum_slug: str
    value: Decimal | None
    text: str
    is_this_forum: bool


def indicator_comparison(
    *, forum: Forum, summary: IndicatorSummary
) -> tuple[list[AreaFigure], str]:
    """Every public forum's published figure for the same indicator and period, and the average.

    The forum's own figure is the one its dashboard shows (unpublished in the workspace).
    """
    if not summary.latest:
        return [], ""
    rows = (
        accepted_measurements(
            published_only=True,
            returns=Q(period_id=summary.latest.period.pk) & ~Q(forum=forum),
            materialize=True,
        )
        .filter(breakdown="", indicator=summary.indicator)
        .values_list(
            "performance_return__forum__name",
            "performance_return__forum__slug",
            "value",
            "numerator",
            "denominator",
        )
    )
    grouped: dict[tuple, list] = defaultdict(list)
    for name, slug, value, numerator, denominator in rows:
        grouped[(name, slug)].append((value, numerator, denominator))
    unit = summary.indicator.unit
    figures = [
        AreaFigure(name, slug, value, format_value(unit, value), False)
        for (name, slug), found in grouped.items()
        for value in [combine(unit, found)[0]]
    ]
    figures.append(
        AreaFigure(forum.name, forum.slug, summary.latest.value, summary.latest_text, True)
    )
    figures.sort(key=lambda f: (f.value is None, -(f.value or 0), f.forum_name))
    values = [f.value for f in figures if f.value is not None]
    average = format_value(unit, sum(values, Decimal(0)) / len(values)) if values else ""
    return figures, average
