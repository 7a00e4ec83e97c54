"""The national view shows every area's published material, and nothing else, in a fixed
number of queries."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from forums.models import Forum
from membership.models import PoliceForceArea
from national import selectors
from performance import periods
from performance.models import Target
from priorities.models import AnnualEvaluation, EvaluationOutcome
from tests.forums.factories import ForumFactory
from tests.membership.factories import AgencyFactory, agency_type
from tests.performance.factories import PerformanceReturnFactory, indicator, period, publish
from tests.priorities.factories import PriorityFactory, theme
from tests.queries import queries_for

pytestmark = pytest.mark.django_db
RATE = "cc_effective_trial_rate"  # a core indicator, higher is better, quarterly
UNPUBLISHED = "48.2468"  # a figure that must never reach the public
PRIVATE = "12.3456"


def _board(area: PoliceForceArea, **kwargs) -> Forum:
    return ForumFactory(name=f"{area.name} Criminal Justice Board", areas=[area], **kwargs)


def _figure(board, code, value, by, *, published=True):
    hmcts = AgencyFactory(agency_type=agency_type("hmcts"))
    hmcts.areas.set(board.areas.all())
    PerformanceReturnFactory(forum=board, agency=hmcts, code=code, figures={RATE: value})
    if published:
        publish(board, code, by)


@pytest.fixture
def areas():
    return list(PoliceForceArea.objects.order_by("name")[:5])


@pytest.fixture
def boards(areas, secretariat):
    """Four public boards with published figures 10, 20, 30, 40; one with only an unpublished
    one; and a private board."""
    made = []
    for area, value in zip(areas[:4], ["10", "20", "30", "40"], strict=True):
        board = _board(area)
        _figure(board, "2025-Q1", value, secretariat)
        made.append(board)
    _figure(made[0], "2024-Q4", "5", secretariat)  # the quarter before: improving
    _figure(made[0], "2025-Q2", UNPUBLISHED, secretariat, published=False)
    _figure(_board(areas[4], is_public=False), "2025-Q1", PRIVATE, secretariat)
    return made


def test_the_national_page_shows_published_figures_and_never_others(client, boards):
    response = client.get(reverse("national:overview"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "National core data suite" in page
    assert "25.0%" in page  # the median of 10, 20, 30 and 40
    detail = client.get(reverse("national:indicator", args=[RATE])).content.decode()
    for value in ("10.0%", "20.0%", "30.0%", "40.0%"):
        assert value in detail
    for secret in ("48.2", "12.3"):
        assert secret not in page
        assert secret not in detail


def test_median_and_quartiles_are_across_the_areas_latest_figures(boards):
    row = selectors.core_data(indicator=indicator(RATE))[0]
    assert row.median == Decimal("25")
    assert (row.lower_quartile, row.upper_quartile) == (Decimal("17.5"), Decimal("32.5"))
    assert len(row.reporting) == 4
    best = next(f for f in row.figures if f.value == Decimal("40"))
    worst = next(f for f in row.figures if f.value == Decimal("10"))
    assert (best.quartile, worst.quartile) == (1, 4)  # higher is better


def test_each_area_is_judged_against_its_own_target_and_its_period_before(boards, areas):
    Target.objects.create(
        indicator=indicator(RATE), area=areas[0], period=period("FY2024-25"), value=Decimal("8")
    )
    Target.objects.create(
        indicator=indicator(RATE), forum=boards[1], period=period("2025-Q1"), value=Decimal("50")
    )
    row = selectors.core_data(indicator=indicator(RATE))[0]
    by_area = {figure.area: figure for figure in row.figures}
    assert by_area[areas[0]].rag.code == "green"
    assert by_area[areas[0]].change.word == "Improving"
    assert by_area[areas[1]].rag.code == "red"
    assert by_area[areas[2]].rag.code == ""  # no target
    assert row.rag_counts == {"green": 1, "amber": 0, "red": 1}


def test_every_area_is_listed_even_without_a_board(client, boards):
    detail = client.get(reverse("national:indicator", args=[RATE])).content.decode()
    assert detail.count('<tr class="govuk-table__row">') - 1 == PoliceForceArea.objects.count()
    assert "No figure published" in detail


def test_the_table_sorts_by_figure_without_javascript(client, boards, areas):
    url = reverse("national:indicator", args=[RATE])
    page = client.get(url, {"sort": "figure", "order": "descending"}).content.decode()
    assert page.index("40.0%") < page.index("30.0%") < page.index("10.0%")
    assert 'aria-sort="descending"' in page
    page = client.get(url, {"sort": "figure"}).content.decode()
    assert page.index("10.0%") < page.index("40.0%")


def test_an_unknown_or_local_indicator_is_not_found(client, forum):
    assert client.get(reverse("national:indicator", args=["no-such"])).status_code == 404


def test_themes_count_only_agreed_priorities_of_public_boards(boards, areas):
    victims = theme("victims_and_witnesses")
    PriorityFactory(forum=boards[0], theme=victims, agreed=True)
    PriorityFactory(forum=boards[1], theme=victims)  # a draft
    private = Forum.objects.get(is_public=False)
    PriorityFactory(forum=private, theme=victims, agreed=True)
    coverage = {c.theme: c for c in selectors.themes_by_area()}[victims]
    assert coverage.areas_with == [areas[0]]
    assert areas[1] in coverage.areas_without and areas[4] in coverage.areas_without


def test_evaluations_count_outcomes_of_approved_evaluations_only(boards, chair):
    victims = theme("victims_and_witnesses")
    year = selectors.current_plan_year() - 1
    for board, status, outcome in [
        (boards[0], AnnualEvaluation.Status.APPROVED, "met"),
        (boards[1], AnnualEvaluation.Status.APPROVED, "not_met"),
        (boards[2], AnnualEvaluation.Status.DRAFT, "met"),
    ]:
        evaluation = AnnualEvaluation.objects.create(forum=board, plan_year=year, status=status)
        priority = PriorityFactory(forum=board, theme=victims, agreed=True, plan_year=year)
        EvaluationOutcome.objects.create(
            evaluation=evaluation, priority=priority, outcome=outcome, narrative="How it went."
        )
    summary = selectors.evaluations_summary()
    assert (summary.plan_year, summary.boards_published) == (year, 2)
    assert summary.by_theme == [(victims, {"met": 1, "partly_met": 0, "not_met": 1})]


def test_boards_behind_are_those_with_neither_of_the_last_two_months(areas, secretariat):
    today = timezone.localdate()
    due = [s for s in periods.recent_ended(periods.MONTHLY, today, 4) if s.due_date < today]
    up_to_date, behind = _board(areas[0]), _board(areas[1])
    for board, spec in ((up_to_date, due[1]), (behind, due[2])):
        hmcts = AgencyFactory(agency_type=agency_type("hmcts"))
        PerformanceReturnFactory(forum=board, agency=hmcts, code=spec.code, figures={})
        publish(board, spec.code, secretariat)
    lagging = {lag.area: lag for lag in selectors.boards_behind(today=today)}
    assert areas[0] not in lagging
    assert lagging[areas[1]].board == behind
    assert lagging[areas[1]].last_published.code == due[2].code
    assert lagging[areas[2]].board is None  # no public board at all


def test_the_national_pages_issue_a_fixed_number_of_queries(client, boards, areas, secretariat):
    urls = [reverse("national:overview"), reverse("national:indicator", args=[RATE])]
    before = [queries_for(client, url) for url in urls]
    for code in ("2024-Q1", "2024-Q2", "2024-Q3"):
        for board in boards:
            _figure(board, code, "33", secretariat)
    for area in PoliceForceArea.objects.exclude(pk__in=[a.pk for a in areas])[:6]:
        _figure(_board(area), "2025-Q1", "44", secretariat)
        PriorityFactory(forum=Forum.objects.get(areas=area), agreed=True)
    from django.core.cache import cache

    cache.clear()
    assert [queries_for(client, url) for url in urls] == before


def test_the_national_page_reads_in_welsh(client, boards):
    response = client.get("/cy/national/")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "cy"


@pytest.mark.parametrize("when", [datetime.date(2026, 3, 31), datetime.date(2026, 4, 1)])
def test_the_plan_year_starts_in_april(when):
    assert selectors.current_plan_year(when) == (2025 if when.month == 3 else 2026)
