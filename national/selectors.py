"""The national view: how every area is doing, read only from what boards have published.

Every read goes through the public querysets (published figures of public forums, agreed
priorities of public forums, approved evaluations of public forums), so the national page can
show nothing a board's own public pages do not. A fixed number of queries whatever the number
of areas, indicators or months.
"""

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, F, Max, Q, QuerySet, Window
from django.db.models.functions import DenseRank
from django.http import Http404
from django.utils import timezone

from forums.models import Escalation, Forum, Membership
from forums.selectors.actions import national_escalations
from forums.selectors.forum import policing_bodies_staffed_by
from membership.models import PoliceForceArea
from national.models import (
    Bulletin,
    BulletinAttachment,
    BulletinSection,
    BulletinSeries,
    NationalQuestion,
    NationalSubmission,
)
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
from priorities.models import (
    AnnualEvaluation,
    EvaluationOutcome,
    Priority,
    Risk,
    Theme,
    current_plan_year,
    plan_year_label,
)

Outcome = EvaluationOutcome.Outcome
# A board is behind when it has published none of this many most recent ended periods.
PERIODS_BEHIND = 2


def _boards(*, areas: list[PoliceForceArea] | None = None):
    """Public local boards with their areas (within ``areas`` if given): where figures and
    plans come from."""
    boards = Forum.objects.public().filter(kind=Forum.Kind.LOCAL_BOARD)
    if areas is not None:
        boards = boards.filter(areas__in=areas).distinct()
    return list(boards.order_by("name").prefetch_related("areas"))


def _boards_by_area(boards: list[Forum]) -> dict[int, list[Forum]]:
    found: dict[int, list[Forum]] = defaultdict(list)
    for board in boards:
        for area in board.areas.all():
            found[area.pk].append(board)
    return found


@dataclass
class AreaFigure:
    """One area's latest published figure for an indicator."""

    area: PoliceForceArea
    board: Forum | None
    period: ReportingPeriod | None = None
    value: Decimal | None = None
    text: str = ""
    target_text: str = ""
    rag: Rag = NO_RAG
    change: Direction = NO_DIRECTION
    quartile: int | None = None  # 1 (best) to 4, by the indicator's polarity


@dataclass
class IndicatorRow:
    indicator: Indicator
    figures: list[AreaFigure] = field(default_factory=list)
    median: Decimal | None = None
    lower_quartile: Decimal | None = None
    upper_quartile: Decimal | None = None

    @property
    def reporting(self) -> list[AreaFigure]:
        return [figure for figure in self.figures if figure.value is not None]

    @property
    def latest_period(self) -> ReportingPeriod | None:
        """The period most areas' latest figures are for."""
        counts: dict[int, int] = defaultdict(int)
        by_pk = {}
        for figure in self.reporting:
            counts[figure.period.pk] += 1
            by_pk[figure.period.pk] = figure.period
        if not counts:
            return None
        return by_pk[max(counts, key=lambda pk: (counts[pk], by_pk[pk].start))]

    @property
    def rag_counts(self) -> dict[str, int]:
        counts = {"green": 0, "amber": 0, "red": 0}
        for figure in self.reporting:
            if figure.rag.code:
                counts[figure.rag.code] += 1
        return counts

    def text(self, value: Decimal | None) -> str:
        return format_value(self.indicator.unit, value) if value is not None else ""

    @property
    def median_text(self) -> str:
        return self.text(self.median)

    @property
    def lower_quartile_text(self) -> str:
        return self.text(self.lower_quartile)

    @property
    def upper_quartile_text(self) -> str:
        return self.text(self.upper_quartile)


def core_indicators():
    return Indicator.objects.filter(is_core=True, is_active=True, forum__isnull=True).order_by(
        "name"
    )


def _latest_figures(*, boards: list[Forum], indicator_ids: list[int]) -> dict:
    """Each board's two latest published periods per indicator, totals only, in one query."""
    rows = (
        accepted_measurements(
            published_only=True,
            returns=Q(forum_id__in=[board.pk for board in boards]),
            materialize=True,  # the returns first: the ranking then reads figures by index
        )
        .filter(
            breakdown="",
            indicator_id__in=indicator_ids,
            performance_return__period__frequency=F("indicator__frequency"),
        )
        .annotate(
            rank=Window(
                DenseRank(),
                partition_by=[F("performance_return__forum_id"), F("indicator_id")],
                order_by=F("performance_return__period__start").desc(),
            )
        )
        .filter(rank__lte=2)
        .values_list(
            "performance_return__forum_id",
            "indicator_id",
            "performance_return__period_id",
            "value",
            "numerator",
            "denominator",
        )
    )
    grouped: dict[tuple[int, int], dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for forum_id, indicator_id, period_id, value, numerator, denominator in rows:
        grouped[(forum_id, indicator_id)][period_id].append((value, numerator, denominator))
    return grouped


def _quartile_of(value: Decimal, cuts: tuple[Decimal, Decimal, Decimal], polarity: str) -> int:
    position = 1 + sum(1 for cut in cuts if value > cut)  # 1 = lowest quarter
    return 5 - position if polarity == Indicator.Polarity.HIGHER else position


def core_data(
    *, indicator: Indicator | None = None, areas: list[PoliceForceArea] | None = None
) -> list[IndicatorRow]:
    """The core suite across every area (or the given ones): latest published figure, RAG
    against the area's target, direction since the period before, median and quartiles."""
    indicators = [indicator] if indicator else list(core_indicators())
    boards = _boards(areas=areas)
    areas = list(PoliceForceArea.objects.order_by("name")) if areas is None else areas
    by_area = _boards_by_area(boards)
    ids = [item.pk for item in indicators]
    figures = _latest_figures(boards=boards, indicator_ids=ids)
    period_ids = {pk for found in figures.values() for pk in found}
    period_rows = {
        period.pk: period for period in ReportingPeriod.objects.filter(pk__in=period_ids)
    }
    targets: dict[tuple, list[Target]] = defaultdict(list)
    for target in (
        Target.objects.filter(indicator_id__in=ids)
        .filter(Q(forum_id__in=[board.pk for board in boards]) | Q(forum__isnull=True))
        .select_related("period")
    ):
        targets[(target.indicator_id, "forum", target.forum_id)].append(target)
        if target.forum_id is None:
            targets[(target.indicator_id, "area", target.area_id)].append(target)

    result = []
    for item in indicators:
        row = IndicatorRow(indicator=item)
        for area in areas:
            area_boards = by_area.get(area.pk, [])
            figure = AreaFigure(area=area, board=area_boards[0] if area_boards else None)
            row.figures.append(figure)
            for board in area_boards:
                found = figures.get((board.pk, item.pk))
                if found:
                    figure.board = board
                    break
            else:
                continue
            ordered = sorted(found, key=lambda pk: period_rows[pk].start, reverse=True)
            latest = period_rows[ordered[0]]
            value = combine(item.unit, found[ordered[0]])[0]
            figure.period, figure.value = latest, value
            figure.text = format_value(item.unit, value)
            earlier = None
            if len(ordered) > 1:
                before = period_rows[ordered[1]]
                if before.start == periods.previous_start(latest.frequency, latest.start):
                    earlier = combine(item.unit, found[ordered[1]])[0]
            figure.change = direction(polarity=item.polarity, value=value, earlier=earlier)
            candidates = [
                *targets.get((item.pk, "forum", figure.board.pk), []),
                *[
                    target
                    for board_area in figure.board.areas.all()
                    for target in targets.get((item.pk, "area", board_area.pk), [])
                ],
            ]
            target = _target_for(candidates, latest)
            if target:
                figure.target_text = format_value(item.unit, target.value)
                figure.rag = rag_status(
                    polarity=item.polarity,
                    value=value,
                    target=target.value,
                    tolerance=target.amber_tolerance,
                )
        values = sorted(figure.value for figure in row.reporting)
        if values:
            row.median = statistics.median(values)
        if len(values) >= 2:
            cuts = statistics.quantiles(values, n=4, method="inclusive")
            row.lower_quartile, _, row.upper_quartile = cuts
            if item.polarity != Indicator.Polarity.NEUTRAL:
                for figure in row.reporting:
                    figure.quartile = _quartile_of(figure.value, tuple(cuts), item.polarity)
        result.append(row)
    return result


SORTS = {
    "area": lambda figure: (figure.area.name,),
    "figure": lambda figure: (figure.value is None, figure.value or 0, figure.area.name),
    "status": lambda figure: (
        {"red": 0, "amber": 1, "green": 2}.get(figure.rag.code, 3),
        figure.area.name,
    ),
}


def sorted_figures(row: IndicatorRow, sort: str, descending: bool) -> list[AreaFigure]:
    """The areas in the order asked for; areas without a figure always last."""
    key = SORTS.get(sort, SORTS["area"])
    with_figure = [figure for figure in row.figures if figure.value is not None or sort == "area"]
    without = [figure for figure in row.figures if figure not in with_figure]
    return sorted(with_figure, key=key, reverse=descending) + without


@dataclass
class ThemeCoverage:
    theme: Theme
    areas_with: list[PoliceForceArea]
    areas_without: list[PoliceForceArea]


def themes_by_area(*, plan_year: int | None = None) -> list[ThemeCoverage]:
    """For each national theme, the areas whose board has an agreed, public priority on it."""
    plan_year = plan_year or current_plan_year()
    areas = list(PoliceForceArea.objects.order_by("name"))
    pairs = set(
        Priority.objects.published()
        .filter(forum__kind=Forum.Kind.LOCAL_BOARD, plan_year=plan_year, theme__forum__isnull=True)
        .values_list("theme_id", "forum__areas")
        .distinct()
    )
    coverage = []
    for theme in Theme.objects.national().order_by("name"):
        with_ids = {area_id for theme_id, area_id in pairs if theme_id == theme.pk}
        coverage.append(
            ThemeCoverage(
                theme=theme,
                areas_with=[area for area in areas if area.pk in with_ids],
                areas_without=[area for area in areas if area.pk not in with_ids],
            )
        )
    return coverage


@dataclass
class EvaluationSummary:
    plan_year: int | None
    boards_published: int
    boards_total: int
    by_theme: list[tuple[Theme, dict[str, int]]]

    @property
    def plan_year_label(self) -> str:
        return plan_year_label(self.plan_year) if self.plan_year else ""


def evaluations_summary() -> EvaluationSummary:
    """The latest plan year with a published evaluation: met, partly met and not met by theme."""
    published = AnnualEvaluation.objects.published().filter(forum__kind=Forum.Kind.LOCAL_BOARD)
    boards_total = Forum.objects.public().filter(kind=Forum.Kind.LOCAL_BOARD).count()
    plan_year = published.aggregate(latest=Max("plan_year"))["latest"]
    if plan_year is None:
        return EvaluationSummary(None, 0, boards_total, [])
    boards_published = published.filter(plan_year=plan_year).values("forum_id").distinct().count()
    shown = [Outcome.MET, Outcome.PARTLY_MET, Outcome.NOT_MET]  # dropped ones are not judged
    counts: dict[int, dict[str, int]] = defaultdict(lambda: {outcome: 0 for outcome in shown})
    for theme_id, outcome, number in (
        EvaluationOutcome.objects.filter(
            evaluation__in=published.filter(plan_year=plan_year),
            outcome__in=shown,
        )
        .values_list("priority__theme_id", "outcome")
        .annotate(number=Count("pk"))
        .order_by()
    ):
        counts[theme_id][outcome] += number
    themes = Theme.objects.filter(pk__in=counts).order_by("name")
    return EvaluationSummary(
        plan_year, boards_published, boards_total, [(theme, counts[theme.pk]) for theme in themes]
    )


@dataclass
class PublicationLag:
    area: PoliceForceArea
    board: Forum | None
    last_published: ReportingPeriod | None


def boards_behind(*, today: datetime.date | None = None) -> list[PublicationLag]:
    """Areas whose board has published none of the last two monthly periods now due, and areas
    with no public board at all."""
    today = today or timezone.localdate()
    due = [
        spec
        for spec in periods.recent_ended(periods.MONTHLY, today, PERIODS_BEHIND + 2)
        if spec.due_date < today
    ][:PERIODS_BEHIND]
    if len(due) < PERIODS_BEHIND:
        return []
    oldest_due_start = due[-1].start
    boards = _boards()
    latest = dict(
        PeriodPublication.objects.filter(forum_id__in=[board.pk for board in boards])
        .values("forum_id")
        .annotate(latest=Max("period__start"))
        .values_list("forum_id", "latest")
    )
    latest_periods = {
        (period.start, period.frequency): period
        for period in ReportingPeriod.objects.filter(start__in=set(latest.values()))
    }
    behind = []
    by_area = _boards_by_area(boards)
    for area in PoliceForceArea.objects.order_by("name"):
        area_boards = by_area.get(area.pk, [])
        if not area_boards:
            behind.append(PublicationLag(area, None, None))
            continue
        board = max(area_boards, key=lambda b: latest.get(b.pk) or datetime.date.min)
        start = latest.get(board.pk)
        if start is None or start < oldest_due_start:
            period = (
                latest_periods.get((start, periods.MONTHLY))
                or next((p for (s, _), p in latest_periods.items() if s == start), None)
                if start
                else None
            )
            behind.append(PublicationLag(area, board, period))
    return behind


def national_view() -> dict:
    """Everything the national page shows, in a fixed number of queries."""
    return {
        "core": core_data(),
        "themes": themes_by_area(),
        "evaluations": evaluations_summary(),
        "behind": boards_behind(),
        "plan_year": current_plan_year(),
    }


# --- a regional board's roll-up of its member boards ----------------------------------------

# How many shared risks a regional board sees: the highest scored first.
TOP_SHARED_RISKS = 10


@dataclass
class RegionRollUp:
    """What a regional board sees of the local boards in its areas. It governs none of them:
    everything here is read only, and only what each board published or chose to share."""

    region: Forum
    areas: list[PoliceForceArea]
    boards: list[Forum]
    core: list[IndicatorRow]
    priorities_by_theme: list[tuple[Theme, list[Priority]]]
    shared_risks: list[Risk] = field(default_factory=list)
    escalations: list[Escalation] = field(default_factory=list)


def _region_areas(region: Forum) -> list[PoliceForceArea]:
    return sorted(region.areas.all(), key=lambda area: area.name)


def region_roll_up(*, region: Forum, for_members: bool) -> RegionRollUp:
    """The public roll-up (published figures and agreed priorities of the public boards), and
    for the regional board's own members also the risks boards share upward and their
    escalations. A fixed number of queries whatever the number of boards or months."""
    areas = _region_areas(region)
    boards = _boards(areas=areas)
    plan_year = current_plan_year()
    by_theme: dict[Theme, list[Priority]] = defaultdict(list)
    for priority in (
        Priority.objects.published()
        .filter(forum__in=boards, plan_year=plan_year)
        .select_related("theme", "forum")
        .order_by("theme__name", "forum__name", "title")
    ):
        by_theme[priority.theme].append(priority)
    roll_up = RegionRollUp(
        region=region,
        areas=areas,
        boards=boards,
        core=[row for row in core_data(areas=areas) if row.reporting],
        priorities_by_theme=sorted(by_theme.items(), key=lambda pair: pair[0].name),
    )
    if for_members:
        local = Forum.objects.filter(kind=Forum.Kind.LOCAL_BOARD, areas__in=areas).distinct()
        roll_up.shared_risks = list(
            Risk.objects.filter(forum__in=local, shared_upward=True)
            .exclude(status=Risk.Status.CLOSED)
            .select_related("forum", "owner_agency")
            .order_by("-score", "review_date")[:TOP_SHARED_RISKS]
        )
        roll_up.escalations = list(
            Escalation.objects.filter(from_forum__in=local)
            .exclude(status=Escalation.Status.CLOSED)
            .select_related("from_forum", "to_forum")
            .order_by("-raised_at")
        )
    return roll_up


# --- reporting to the national level ----------------------------------------------------------


@dataclass
class BoardReporting:
    """One board's year-end reporting: what it submitted, what is late, what it was asked."""

    board: Forum
    submissions: dict[str, NationalSubmission]
    open_questions: int
    is_past_due: bool

    def entries(self) -> list[tuple[str, NationalSubmission | None, bool]]:
        """(kind label, submission or None, late) for each kind of submission, in order."""
        return [
            (label, self.submissions.get(kind), self.is_past_due and kind not in self.submissions)
            for kind, label in NationalSubmission.Kind.choices
        ]

    @property
    def is_late(self) -> bool:
        return any(late for _, _, late in self.entries())


def due_date(plan_year: int) -> datetime.date:
    """When a plan year's national submissions are due (the plan year ends on 31 March)."""
    month, day = settings.NATIONAL_SUBMISSIONS_DUE
    return datetime.date(plan_year + 1, month, day)


def reporting_year(today: datetime.date | None = None) -> int:
    """The plan year boards report on now: the last one that has ended."""
    return current_plan_year(today) - 1


def reporting_overview(
    *, plan_year: int, today: datetime.date | None = None
) -> list[BoardReporting]:
    """Every local board (public or not: the national team sees what is submitted to it), with
    its submissions for the plan year and its unanswered questions. Three queries."""
    today = today or timezone.localdate()
    boards = list(Forum.objects.filter(kind=Forum.Kind.LOCAL_BOARD).order_by("name"))
    submitted: dict[int, dict[str, NationalSubmission]] = defaultdict(dict)
    for submission in NationalSubmission.objects.filter(plan_year=plan_year, forum__in=boards):
        submitted[submission.forum_id][submission.kind] = submission
    open_questions = dict(
        NationalQuestion.objects.filter(answered_at__isnull=True, forum__in=boards)
        .values("forum_id")
        .annotate(number=Count("pk"))
        .values_list("forum_id", "number")
    )
    past_due = today > due_date(plan_year)
    return [
        BoardReporting(
            board, submitted.get(board.pk, {}), open_questions.get(board.pk, 0), past_due
        )
        for board in boards
    ]


def forum_reporting(*, forum: Forum) -> dict:
    """A board's own page of reporting to the national level: its submissions and questions."""
    return {
        "submissions": list(forum.national_submissions.select_related("submitted_by")),
        "questions": list(
            forum.national_questions.select_related("asked_by", "answered_by", "submission")
        ),
    }


def submission_for(*, pk: int, forum: Forum | None = None) -> NationalSubmission:
    """A submission (of the forum, when given), else 404."""
    found = NationalSubmission.objects.select_related("forum", "submitted_by")
    if forum is not None:
        found = found.filter(forum=forum)
    submission = found.filter(pk=pk).first()
    if submission is None:
        raise Http404("No such submission")
    return submission


# --- bulletins --------------------------------------------------------------------------------


def editable_series(person) -> QuerySet[BulletinSeries]:
    """The series the person may write: ``national.edit_series`` as a filter (national series
    for the national team, a regional board's series for those who run that board)."""
    if not getattr(person, "is_authenticated", False):
        return BulletinSeries.objects.none()
    allowed = Q(
        publisher_forum__in=Membership.objects.current()
        .filter(person_id=person.pk, role__in=Membership.RUNNING_ROLES)
        .values("forum")
    )
    if getattr(person, "is_national_viewer", False):
        allowed |= Q(publisher_forum__isnull=True)
    return BulletinSeries.objects.filter(allowed)


def readable_bulletins(person) -> QuerySet[Bulletin]:
    """The bulletins a person may read: published ones for their audience (the national team
    reads every one, drafts too; a series' editors read its bulletins, drafts too). The one
    place the audience rule lives."""
    if getattr(person, "is_national_viewer", False):
        return Bulletin.objects.all()
    allowed = Q(audience=Bulletin.Audience.PUBLIC)
    if person.is_authenticated:
        seats = Membership.objects.current().filter(person=person)
        if seats.exists():
            allowed |= Q(audience=Bulletin.Audience.PARTNERS)
        if policing_bodies_staffed_by(person).exists():
            allowed |= Q(audience=Bulletin.Audience.OFFICES)
        allowed |= Q(
            audience=Bulletin.Audience.GROUP,
            group__in=seats.filter(role__in=Membership.MEMBER_ROLES).values("forum"),
        )
        # A series' own editors (whoever runs its regional board) read its drafts too.
        return Bulletin.objects.filter(
            (Q(published_at__isnull=False) & allowed)
            | Q(series__in=editable_series(person).values("pk"))
        )
    return Bulletin.objects.published().filter(allowed)


def bulletin_for(*, person, series: str, number: int) -> Bulletin:
    """A bulletin the person may read, else 404 (whether it exists is not revealed)."""
    found = (
        readable_bulletins(person)
        .select_related("series", "group")
        .filter(series__slug=series, number=number)
        .first()
    )
    if found is None:
        raise Http404("No such bulletin")
    return found


def bulletin_sections(bulletin: Bulletin) -> list[BulletinSection]:
    """The sections with their themes and attachments (two queries whatever their number)."""
    return list(bulletin.sections.select_related("theme").prefetch_related("attachments"))


def attachment_for(*, person, series: str, number: int, pk: int) -> BulletinAttachment:
    """An attachment of a bulletin the person may read, else 404: the file follows the
    bulletin's audience (``readable_bulletins``), so a public bulletin's files are public."""
    bulletin = bulletin_for(person=person, series=series, number=number)
    found = (
        BulletinAttachment.objects.filter(section__bulletin=bulletin, pk=pk)
        .select_related("section__bulletin")
        .first()
    )
    if found is None:
        raise Http404("No such file")
    return found


def series_with_bulletins(person) -> list[tuple[BulletinSeries, list[Bulletin]]]:
    """Every series with the bulletins the person may read, newest first (two queries)."""
    by_series: dict[int, list[Bulletin]] = defaultdict(list)
    for bulletin in (
        readable_bulletins(person).select_related("series").order_by("-issued_on", "-number")
    ):
        by_series[bulletin.series_id].append(bulletin)
    return [(series, by_series.get(series.pk, [])) for series in BulletinSeries.objects.all()]


def series_of_unsubscribe(token_data: dict) -> BulletinSeries | None:
    """The series a signed unsubscribe link is about (a public address's, or a person's)."""
    from national.models import BulletinEmailSubscriber

    if "e" in token_data:
        return BulletinSeries.objects.filter(
            pk__in=BulletinEmailSubscriber.objects.filter(pk=token_data["e"]).values("series")
        ).first()
    return BulletinSeries.objects.filter(pk=token_data.get("s")).first()


def next_number(series: BulletinSeries) -> int:
    return (series.bulletins.aggregate(top=Max("number"))["top"] or 0) + 1


# --- national escalations by theme ------------------------------------------------------------


@dataclass
class ThemeEscalations:
    theme: Theme | None  # None: not filed under a theme yet
    escalations: list[Escalation]

    @property
    def answered(self) -> int:
        return sum(1 for escalation in self.escalations if escalation.responded_at)


def escalations_by_theme() -> list[ThemeEscalations]:
    """National escalations (the national team's own list: ``forums``' rule) grouped by the
    theme the team filed them under, unfiled first. Two queries."""
    escalations = list(
        national_escalations().select_related("national_theme__theme").order_by("-raised_at")
    )
    grouped: dict[int | None, list[Escalation]] = defaultdict(list)
    themes: dict[int, Theme] = {}
    for escalation in escalations:
        filed = getattr(escalation, "national_theme", None)
        key = filed.theme_id if filed else None
        if filed:
            themes[key] = filed.theme
        grouped[key].append(escalation)
    rows = [ThemeEscalations(None, grouped[None])] if grouped.get(None) else []
    rows += [
        ThemeEscalations(themes[key], grouped[key])
        for key in sorted(themes, key=lambda pk: themes[pk].name)
    ]
    return rows
