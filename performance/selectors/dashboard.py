"""A forum's dashboard: each indicator's trend, latest figure, target, RAG, direction, average."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from forums.models import Forum
from performance import periods
from performance.calculations import (
    NO_DIRECTION,
    NO_RAG,
    Direction,
    Rag,
    combine,
    direction,
    format_value,
    rag_status,
)
from performance.models import Indicator, PeriodPublication, ReportingPeriod, Target
from performance.selectors._common import _target_for
from performance.selectors.figures import accepted_measurements
from performance.selectors.returns import indicators_for_forum

TREND_LENGTH = 24


def _cutoff_filter(today: datetime.date) -> Q:
    """Returns recent enough for 24 periods of each frequency (and a year before the oldest)."""
    return (
        Q(period__frequency=periods.MONTHLY)
        & Q(period__start__gte=periods.add_months(today, -(TREND_LENGTH + 14)))
        | Q(period__frequency=periods.QUARTERLY)
        & Q(period__start__gte=periods.add_months(today, -3 * (TREND_LENGTH + 5)))
        | Q(period__frequency=periods.ANNUAL)
    )


FIGURE_FIELDS = (
    "indicator_id",
    "breakdown_dimension",
    "breakdown",
    "value",
    "numerator",
    "denominator",
    "is_provisional",
    "performance_return__agency_id",
    "performance_return__agency__name",
    "performance_return__is_revised",
    "performance_return__period_id",
    "performance_return__period__frequency",
    "performance_return__period__code",
    "performance_return__period__start",
    "performance_return__period__end",
    "performance_return__period__due_date",
)


def _period_from(row: dict, cache: dict) -> ReportingPeriod:
    pk = row["performance_return__period_id"]
    if pk not in cache:
        cache[pk] = ReportingPeriod(
            pk=pk,
            frequency=row["performance_return__period__frequency"],
            code=row["performance_return__period__code"],
            start=row["performance_return__period__start"],
            end=row["performance_return__period__end"],
            due_date=row["performance_return__period__due_date"],
        )
    return cache[pk]


@dataclass
class Point:
    """An indicator's figure for one period (several agencies' figures combined)."""

    period: ReportingPeriod
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    is_provisional: bool = False
    is_revised: bool = False
    agencies: list[str] = field(default_factory=list)


@dataclass
class Breakdown:
    dimension: str
    name: str
    value: Decimal | None
    text: str
    is_provisional: bool


@dataclass
class AgencyFigure:
    agency_name: str
    point: Point
    text: str
    rag: Rag


@dataclass
class IndicatorSummary:
    """Everything a dashboard shows about one indicator for one forum."""

    indicator: Indicator
    points: list[Point]
    target: Target | None = None
    rag: Rag = NO_RAG
    vs_previous: Direction = NO_DIRECTION
    vs_last_year: Direction = NO_DIRECTION
    average: Decimal | None = None
    average_forums: int = 0
    breakdowns: list[Breakdown] = field(default_factory=list)
    by_agency: list[AgencyFigure] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)

    @property
    def latest(self) -> Point | None:
        return self.points[-1] if self.points else None

    @property
    def latest_text(self) -> str:
        return format_value(self.indicator.unit, self.latest.value if self.latest else None)

    @property
    def target_text(self) -> str:
        if not self.target:
            return gettext("No target")
        return format_value(self.indicator.unit, self.target.value)

    @property
    def average_text(self) -> str:
        return format_value(self.indicator.unit, self.average) if self.average is not None else ""

    @property
    def table_rows(self) -> list[tuple[Point, str]]:
        return [(point, format_value(self.indicator.unit, point.value)) for point in self.points]


@dataclass
class Dashboard:
    forum: Forum
    summaries: list[IndicatorSummary]
    published_only: bool
    published_periods: list[PeriodPublication]

    @property
    def with_figures(self) -> list[IndicatorSummary]:
        return [summary for summary in self.summaries if summary.points]

    @property
    def rag_counts(self) -> dict[str, int]:
        counts = {"green": 0, "amber": 0, "red": 0}
        for summary in self.with_figures:
            if summary.rag.code:
                counts[summary.rag.code] += 1
        return counts


def _points(unit: str, rows: list[dict], cache: dict) -> list[Point]:
    """The last 24 periods' points, oldest first; several agencies' figures are combined."""
    grouped: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[row["performance_return__period_id"]].append(row)
    ordered = sorted(
        grouped.values(), key=lambda group: group[0]["performance_return__period__start"]
    )
    points = []
    for group in ordered[-TREND_LENGTH:]:
        first = group[0]
        if len(group) == 1:
            value, numerator, denominator = first["value"], first["numerator"], first["denominator"]
        else:
            value, numerator, denominator = combine(
                unit, [(r["value"], r["numerator"], r["denominator"]) for r in group]
            )
        points.append(
            Point(
                period=_period_from(first, cache),
                value=value,
                numerator=numerator,
                denominator=denominator,
                is_provisional=any(r["is_provisional"] for r in group),
                is_revised=any(r["performance_return__is_revised"] for r in group),
                agencies=sorted({r["performance_return__agency__name"] for r in group}),
            )
        )
    return points


def _averages(pairs: set[tuple[int, int]], units: dict[int, str]) -> dict:
    """The average of every public forum's published figure for each (indicator, period)."""
    if not pairs:
        return {}
    rows = (
        accepted_measurements(
            published_only=True,
            returns=Q(period_id__in={period for _, period in pairs}),
            materialize=True,
        )
        .filter(breakdown="", indicator_id__in={indicator for indicator, _ in pairs})
        .values_list(
            "indicator_id",
            "performance_return__period_id",
            "performance_return__forum_id",
            "value",
            "numerator",
            "denominator",
        )
    )
    per_forum: dict[tuple, list] = defaultdict(list)
    for indicator_id, period_id, forum_id, value, numerator, denominator in rows:
        if (indicator_id, period_id) in pairs:
            per_forum[(indicator_id, period_id, forum_id)].append((value, numerator, denominator))
    values: dict[tuple, list] = defaultdict(list)
    for (indicator_id, period_id, _forum), figures in per_forum.items():
        values[(indicator_id, period_id)].append(combine(units[indicator_id], figures)[0])
    return {key: (sum(found, Decimal(0)) / len(found), len(found)) for key, found in values.items()}


def forum_dashboard(
    *,
    forum: Forum,
    published_only: bool,
    indicator: Indicator | None = None,
    today: datetime.date | None = None,
    ended_before: datetime.date | None = None,
) -> Dashboard:
    """Each indicator's trend, latest figure, target, RAG, direction and the all-areas average.

    Six queries whatever the amount of data: indicators, figures, targets, averages,
    publications and the forum's areas (prefetched by the caller's forum lookup or here).
    """
    today = today or timezone.localdate()
    indicators = list(
        indicators_for_forum(forum=forum).filter(pk=indicator.pk)
        if indicator
        else indicators_for_forum(forum=forum)
    )
    units = {i.pk: i.unit for i in indicators}
    rows = list(
        accepted_measurements(
            published_only=published_only,
            returns=Q(forum=forum)
            & _cutoff_filter(today)
            & (Q(period__end__lt=ended_before) if ended_before else Q()),
            materialize=True,
        )
        .filter(indicator_id__in=units)
        .values(*FIGURE_FIELDS)
    )
    area_ids = [area.pk for area in forum.areas.all()]
    targets_by_indicator: dict[int, list[Target]] = defaultdict(list)
    for target in Target.objects.filter(
        Q(forum=forum) | Q(forum__isnull=True, area_id__in=area_ids), indicator_id__in=units
    ).select_related("period"):
        targets_by_indicator[target.indicator_id].append(target)
    publications = list(
        PeriodPublication.objects.filter(forum=forum).select_related("period")[:TREND_LENGTH]
    )

    totals: dict[int, list[dict]] = defaultdict(list)
    parts: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        (parts if row["breakdown"] else totals)[row["indicator_id"]].append(row)
    cache: dict = {}
    summaries = []
    for item in indicators:
        points = _points(item.unit, totals.get(item.pk, []), cache)
        summary = IndicatorSummary(indicator=item, points=points)
        summaries.append(summary)
        if not points:
            continue
        latest = points[-1]
        by_start = {point.period.start: point for point in points}
        summary.targets = targets_by_indicator.get(item.pk, [])
        summary.target = _target_for(summary.targets, latest.period)
        if summary.target:
            summary.rag = rag_status(
                polarity=item.polarity,
                value=latest.value,
                target=summary.target.value,
                tolerance=summary.target.amber_tolerance,
            )
        previous = by_start.get(
            periods.previous_start(latest.period.frequency, latest.period.start)
        )
        year_ago = by_start.get(periods.year_earlier_start(latest.period.start))
        summary.vs_previous = direction(
            polarity=item.polarity, value=latest.value, earlier=previous and previous.value
        )
        summary.vs_last_year = direction(
            polarity=item.polarity, value=latest.value, earlier=year_ago and year_ago.value
        )
        summary.breakdowns = [
            Breakdown(
                row["breakdown_dimension"],
                row["breakdown"],
                row["value"],
                format_value(item.unit, row["value"]),
                row["is_provisional"],
            )
            for row in sorted(
                parts.get(item.pk, []),
                key=lambda r: (r["breakdown_dimension"], r["breakdown"]),
            )
            if row["performance_return__period_id"] == latest.period.pk
        ]
        latest_of_agency: dict[str, dict] = {}
        for row in totals[item.pk]:
            name = row["performance_return__agency__name"]
            found = latest_of_agency.get(name)
            start = row["performance_return__period__start"]
            if found is None or start > found["performance_return__period__start"]:
                latest_of_agency[name] = row
        for name, row in sorted(latest_of_agency.items()):
            agency_point = _points(item.unit, [row], cache)[-1]
            summary.by_agency.append(
                AgencyFigure(
                    name,
                    agency_point,
                    format_value(item.unit, agency_point.value),
                    rag_status(
                        polarity=item.polarity,
                        value=agency_point.value,
                        target=summary.target.value if summary.target else None,
                        tolerance=summary.target.amber_tolerance if summary.target else None,
                    ),
                )
            )
    latest_pairs = {(s.indicator.pk, s.latest.period.pk) for s in summaries if s.latest}
    averages = _averages(latest_pairs, units)
    for summary in summaries:
        if summary.latest:
            found = averages.get((summary.indicator.pk, summary.latest.period.pk))
            if found:
                summary.average, summary.average_forums = found
    return Dashboard(forum, summaries, published_only, publications)
