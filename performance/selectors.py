"""Reads of the performance app, scoped to who is asking, in a fixed number of queries.

Public pages and open data call these with ``published_only=True``: only accepted figures of
public forums for periods the forum has published. Nothing here writes.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from forums.models import Forum, Meeting, Membership
from forums.rules import is_forum_member
from membership.models import Agency, User
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
from performance.models import (
    DataOwnerConfirmation,
    Indicator,
    Measurement,
    PerformanceReturn,
    PeriodPublication,
    ReportingPeriod,
    Target,
    VictimsCodeRight,
)
from performance.rules import submitting_agency_ids

TREND_LENGTH = 24
Status = PerformanceReturn.Status


# --- forums and returns, scoped to the person ------------------------------------------------


def public_forum(*, slug: str) -> Forum:
    try:
        return Forum.objects.public().prefetch_related("areas").get(slug=slug)
    except Forum.DoesNotExist:
        raise Http404("No such forum") from None


def indicators_for_forum(*, forum: Forum) -> QuerySet[Indicator]:
    """The core suite and the forum's own local indicators."""
    return (
        Indicator.objects.filter(Q(forum__isnull=True) | Q(forum=forum), is_active=True)
        .select_related("responsible_agency_type", "victims_code_right")
        .order_by("responsible_agency_type__name", "name")
    )


def return_list_for(*, person: User, forum: Forum) -> QuerySet[PerformanceReturn]:
    """Returns the person may see: all of the forum's for members, else their agencies' own."""
    returns = PerformanceReturn.objects.filter(forum=forum).select_related("period", "agency")
    if not is_forum_member(person, forum):
        returns = returns.filter(agency_id__in=submitting_agency_ids(person, forum))
    return returns


def return_get_for(*, person: User, forum: Forum, pk: int) -> PerformanceReturn:
    """One return the person may see (another agency's, for a data submitter, is a 404)."""
    try:
        return (
            return_list_for(person=person, forum=forum)
            .select_related("forum", "agency__agency_type", "submitted_by", "reviewed_by")
            .get(pk=pk)
        )
    except PerformanceReturn.DoesNotExist:
        raise Http404("No such return") from None


def return_measurements(*, performance_return: PerformanceReturn) -> list[Measurement]:
    return list(
        performance_return.measurements.select_related("indicator").order_by(
            "indicator__name", "breakdown_dimension", "breakdown"
        )
    )


def return_history(*, performance_return: PerformanceReturn) -> list:
    """Changes to the return and its figures, newest first, with who made them."""
    events = list(
        performance_return.history.select_related("history_user").order_by("-history_date")
    )
    figure_changes = list(
        Measurement.history.filter(performance_return_id=performance_return.pk)
        .select_related("history_user", "indicator")
        .order_by("-history_date")[:200]
    )
    return sorted(events + figure_changes, key=lambda item: item.history_date, reverse=True)


# --- who owes what ---------------------------------------------------------------------------

RECENT_PERIODS = {periods.MONTHLY: 3, periods.QUARTERLY: 2, periods.ANNUAL: 1}


@dataclass
class OwedReturn:
    """One agency's return for one period: started or not, late or not."""

    agency: Agency
    spec: periods.PeriodSpec
    indicator_count: int
    performance_return: PerformanceReturn | None
    today: datetime.date

    @property
    def status_label(self) -> str:
        if self.performance_return is None:
            return "Not started"
        return self.performance_return.get_status_display()

    @property
    def is_late(self) -> bool:
        open_states = (None, Status.DRAFT, Status.RETURNED)
        status = self.performance_return.status if self.performance_return else None
        return status in open_states and self.spec.due_date < self.today

    @property
    def awaits_review(self) -> bool:
        return bool(
            self.performance_return
            and self.performance_return.status in PerformanceReturn.AWAITING_REVIEW
        )

    @property
    def tag_class(self) -> str:
        if self.is_late:
            return "govuk-tag--red"
        if self.awaits_review:
            return "govuk-tag--blue"
        status = self.performance_return.status if self.performance_return else None
        return {
            Status.ACCEPTED: "govuk-tag--green",
            Status.RETURNED: "govuk-tag--orange",
            Status.DRAFT: "govuk-tag--yellow",
        }.get(status, "govuk-tag--grey")


def returns_overview(
    *, forum: Forum, agency_ids: set[int] | None = None, today: datetime.date | None = None
) -> list[OwedReturn]:
    """Who owes what for the recent periods, what is late and what is waiting for review.

    Also lists any older return still open or waiting for review. ``agency_ids`` limits it to
    the agencies a data submitter works for.
    """
    today = today or timezone.localdate()
    agencies = Agency.objects.filter(
        memberships__in=Membership.objects.current().filter(forum=forum)
    ).distinct()
    if agency_ids is not None:
        agencies = agencies.filter(pk__in=agency_ids)
    agencies = list(agencies.select_related("agency_type").order_by("name"))
    counts: dict[tuple[int, str], int] = defaultdict(int)
    for type_id, frequency in Indicator.objects.filter(
        Q(forum__isnull=True) | Q(forum=forum), is_active=True
    ).values_list("responsible_agency_type_id", "frequency"):
        counts[(type_id, frequency)] += 1
    specs = [
        spec
        for frequency, count in RECENT_PERIODS.items()
        for spec in periods.recent_ended(frequency, today, count)
    ]
    returns = PerformanceReturn.objects.filter(forum=forum, agency__in=agencies).filter(
        Q(period__code__in=[spec.code for spec in specs])
        | Q(status__in=(Status.DRAFT, Status.RETURNED, Status.SUBMITTED, Status.RESUBMITTED))
    )
    by_key = {(r.agency_id, r.period.code): r for r in returns.select_related("period", "agency")}
    rows = []
    for agency in agencies:
        for spec in specs:
            owed = counts.get((agency.agency_type_id, spec.frequency), 0)
            if owed:
                found = by_key.pop((agency.pk, spec.code), None)
                rows.append(OwedReturn(agency, spec, owed, found, today))
    for found in by_key.values():
        period = found.period
        spec = periods.PeriodSpec(period.frequency, period.start, period.end, period.code)
        owed = counts.get((found.agency.agency_type_id, period.frequency), 0)
        rows.append(OwedReturn(found.agency, spec, owed, found, today))
    rows.sort(key=lambda row: (-row.spec.end.toordinal(), row.agency.name))
    return rows


# --- figures ---------------------------------------------------------------------------------


def accepted_returns(*, published_only: bool) -> QuerySet[PerformanceReturn]:
    """Accepted returns; with ``published_only`` only public forums' published periods."""
    returns = PerformanceReturn.objects.filter(status=Status.ACCEPTED)
    if published_only:
        returns = (
            returns.filter(forum__is_public=True)
            .alias(
                published=Exists(
                    PeriodPublication.objects.filter(
                        forum_id=OuterRef("forum_id"), period_id=OuterRef("period_id")
                    )
                )
            )
            .filter(published=True)
        )
    return returns


def accepted_measurements(
    *, published_only: bool, returns: Q | None = None, materialize: bool = False
) -> QuerySet[Measurement]:
    """Figures of accepted returns (filtered by ``returns``), published only if asked.

    With ``materialize`` the (few) return ids are fetched first, in one query, so the figures
    are read through their index rather than by scanning every figure of the instance.
    """
    chosen = accepted_returns(published_only=published_only).filter(returns or Q())
    if materialize:
        return Measurement.objects.filter(
            performance_return_id__in=list(chosen.values_list("pk", flat=True))
        ).order_by()
    return Measurement.objects.filter(performance_return__in=chosen).order_by()


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
        return format_value(self.indicator.unit, self.target.value) if self.target else "No target"

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


def _target_for(targets: list[Target], period: ReportingPeriod) -> Target | None:
    """The most specific target covering the period; the forum's own before its area's."""
    covering = [t for t in targets if t.period.start <= period.start and t.period.end >= period.end]
    if not covering:
        return None
    covering.sort(key=lambda t: (t.forum_id is None, (t.period.end - t.period.start).days))
    return covering[0]


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


# --- publication -----------------------------------------------------------------------------


@dataclass
class PeriodState:
    """A period of a forum: its accepted returns, confirmations and publication."""

    period: ReportingPeriod
    returns: list[PerformanceReturn]
    confirmations: dict[int, DataOwnerConfirmation]
    publication: PeriodPublication | None

    @property
    def accepted(self) -> list[PerformanceReturn]:
        return [r for r in self.returns if r.status == Status.ACCEPTED]

    @property
    def ready(self) -> bool:
        return bool(self.accepted) and all(r.agency_id in self.confirmations for r in self.accepted)


def period_state(*, forum: Forum, period: ReportingPeriod) -> PeriodState:
    returns = list(
        PerformanceReturn.objects.filter(forum=forum, period=period)
        .select_related("agency")
        .order_by("agency__name")
    )
    confirmations = {
        c.agency_id: c
        for c in DataOwnerConfirmation.objects.filter(forum=forum, period=period).select_related(
            "recorded_by"
        )
    }
    publication = (
        PeriodPublication.objects.filter(forum=forum, period=period)
        .select_related("published_by")
        .first()
    )
    return PeriodState(period, returns, confirmations, publication)


def periods_with_returns(*, forum: Forum) -> QuerySet[ReportingPeriod]:
    """Periods the forum has any return for, newest first, with publication state."""
    return (
        ReportingPeriod.objects.filter(returns__forum=forum)
        .distinct()
        .annotate(
            is_published=Exists(
                PeriodPublication.objects.filter(forum=forum, period=OuterRef("pk"))
            )
        )
        .order_by("-start", "frequency")
    )


def period_for_forum(*, forum: Forum, code: str) -> ReportingPeriod:
    try:
        return ReportingPeriod.objects.filter(returns__forum=forum).distinct().get(code=code)
    except ReportingPeriod.DoesNotExist:
        raise Http404("No such period") from None


def targets_for(*, forum: Forum) -> QuerySet[Target]:
    area_ids = [area.pk for area in forum.areas.all()]
    return (
        Target.objects.filter(Q(forum=forum) | Q(forum__isnull=True, area_id__in=area_ids))
        .select_related("indicator", "period", "area")
        .order_by("indicator__name", "-period__start")
    )


# --- open data -------------------------------------------------------------------------------


def open_data_last_updated() -> datetime.datetime | None:
    """When published figures last changed: a period published or a published return re-accepted."""
    published = PeriodPublication.objects.filter(forum__is_public=True).aggregate(
        latest=Max("published_at")
    )["latest"]
    reaccepted = (
        PerformanceReturn.objects.filter(status=Status.ACCEPTED, forum__is_public=True)
        .alias(
            published=Exists(
                PeriodPublication.objects.filter(
                    forum_id=OuterRef("forum_id"), period_id=OuterRef("period_id")
                )
            )
        )
        .filter(published=True)
        .aggregate(latest=Max("reviewed_at"))["latest"]
    )
    found = [moment for moment in (published, reaccepted) if moment]
    return max(found) if found else None


OPEN_FIGURE_COLUMNS = [
    (
        "forum",
        "performance_return__forum__slug",
        "Stable identifier of the board (its web address).",
    ),
    ("forum_name", "performance_return__forum__name", "Name of the board."),
    ("indicator", "indicator__slug", "Stable identifier of the indicator (see indicators)."),
    ("indicator_name", "indicator__name", "Name of the indicator."),
    ("unit", "indicator__unit", "percent, count, days, ratio or gbp."),
    (
        "period",
        "performance_return__period__code",
        "2026-03 (month), 2026-Q1 (calendar quarter) or FY2025-26 (financial year).",
    ),
    ("period_start", "performance_return__period__start", "First day of the period (ISO 8601)."),
    ("period_end", "performance_return__period__end", "Last day of the period (ISO 8601)."),
    ("agency", "performance_return__agency__name", "The agency that reported the figure."),
    (
        "breakdown_dimension",
        "breakdown_dimension",
        "What the figure is broken down by; blank for the total.",
    ),
    ("breakdown", "breakdown", "The group the figure is for; blank for the total."),
    (
        "value",
        "value",
        "The figure, in the indicator's unit (rates computed from numerator and denominator).",
    ),
    ("numerator", "numerator", "Numerator of a rate, where given."),
    ("denominator", "denominator", "Denominator of a rate, where given."),
    ("provisional", "is_provisional", "true if the agency marked the figure provisional."),
    (
        "revised",
        "performance_return__is_revised",
        "true if the figures were revised after first being accepted.",
    ),
]


def open_figures(*, forum: Forum | None = None):
    """Published figures as rows of values, in a stable order; one query, streamed."""
    measurements = accepted_measurements(
        published_only=True,
        returns=Q(forum=forum) if forum is not None else Q(),
        materialize=forum is not None,
    )
    return measurements.order_by(
        "performance_return__forum__slug",
        "indicator__slug",
        "performance_return__period__start",
        "performance_return__agency__name",
        "breakdown_dimension",
        "breakdown",
    ).values_list(*[source for _, source, _ in OPEN_FIGURE_COLUMNS])


OPEN_INDICATOR_COLUMNS = [
    ("indicator", "slug", "Stable identifier of the indicator."),
    ("name", "name", "Name of the indicator."),
    ("definition", "definition", "What is counted."),
    ("unit", "unit", "percent, count, days, ratio or gbp."),
    ("polarity", "polarity", "higher_is_better, lower_is_better or neutral."),
    ("frequency", "frequency", "monthly, quarterly or annual."),
    (
        "responsible_agency_type",
        "responsible_agency_type__slug",
        "The kind of agency that reports it.",
    ),
    ("source", "source", "Where the figure comes from."),
    ("core", "is_core", "true for the national core suite, false for a board's local indicator."),
    ("forum", "forum__slug", "For a local indicator, the board that uses it."),
    (
        "victims_code_right",
        "victims_code_right__number",
        "The Victims' Code right it measures, if any.",
    ),
]


def open_indicators():
    return (
        Indicator.objects.filter(is_active=True)
        .filter(Q(forum__isnull=True) | Q(forum__is_public=True))
        .order_by("slug")
        .values_list(*[source for _, source, _ in OPEN_INDICATOR_COLUMNS])
    )


OPEN_TARGET_COLUMNS = [
    ("forum", "forum__slug", "The board that set the target (blank for an area-wide target)."),
    ("area", "area__code", "ONS code of the police force area, for an area-wide target."),
    ("indicator", "indicator__slug", "Stable identifier of the indicator."),
    ("period", "period__code", "The period the target applies across."),
    ("period_start", "period__start", "First day of that period."),
    ("period_end", "period__end", "Last day of that period."),
    ("target", "value", "The target, in the indicator's unit."),
    ("amber_tolerance", "amber_tolerance", "How far short of the target is still amber."),
]


def open_targets():
    return (
        Target.objects.filter(Q(forum__isnull=True) | Q(forum__is_public=True))
        .order_by("forum__slug", "area__code", "indicator__slug", "period__start")
        .values_list(*[source for _, source, _ in OPEN_TARGET_COLUMNS])
    )


DATASETS = {
    "indicators": (
        "Indicators",
        "The indicator catalogue: national core suite and local indicators.",
        OPEN_INDICATOR_COLUMNS,
        open_indicators,
    ),
    "figures": (
        "Published figures",
        "Accepted figures of every board for the periods each board has published.",
        OPEN_FIGURE_COLUMNS,
        open_figures,
    ),
    "targets": (
        "Targets",
        "Targets set by boards, or for a whole police force area.",
        OPEN_TARGET_COLUMNS,
        open_targets,
    ),
}


# --- exceptions and meetings -----------------------------------------------------------------

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
        return (
            f"{summary.indicator.name} needs the board's attention: "
            + "; ".join(self.reasons)
            + f".\n\nRecent figures: {recent}.\nTarget: {summary.target_text}. "
            f"Since the previous period: {summary.vs_previous.text}. "
            f"Since the same period last year: {summary.vs_last_year.text}."
        )


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
                    f"outside its target tolerance for a second period running "
                    f"({before.period.label} and {points[-1].period.label})"
                )
        history = [point.value for point in points[:-1] if point.value is not None]
        if len(history) >= CONTROL_MIN_POINTS and points[-1].value is not None:
            mean = sum(history, Decimal(0)) / len(history)
            spread = (sum((v - mean) ** 2 for v in history) / len(history)).sqrt()
            low, high = mean - CONTROL_SIGMAS * spread, mean + CONTROL_SIGMAS * spread
            if spread > 0 and not low <= points[-1].value <= high:
                reasons.append(
                    f"{points[-1].period.label}'s figure ({summary.latest_text}) is outside its "
                    f"usual range of {format_value(item.unit, max(low, Decimal(0)))} to "
                    f"{format_value(item.unit, high)}"
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
        value, text = current.get((frozen["indicator"], frozen["period"]), (None, "No figure now"))
        then = Decimal(frozen["value"]) if frozen["value"] is not None else None
        rows.append(FrozenFigure(frozen, text, value != then))
    return rows
