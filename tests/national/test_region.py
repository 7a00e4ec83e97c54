"""A regional board sees its member boards' published figures and agreed priorities; its
members also see the risks the boards share upward and their escalations; it governs none."""

import pytest
from django.urls import reverse

from forums.models import Forum, Membership
from membership.models import PoliceForceArea
from priorities.models import Risk
from tests.forums.factories import ForumFactory, MembershipFactory, days_from_today
from tests.membership.factories import AgencyFactory, agency_type
from tests.performance.factories import PerformanceReturnFactory, publish
from tests.priorities.factories import PriorityFactory
from tests.queries import queries_for

pytestmark = pytest.mark.django_db
WALES = ["Dyfed-Powys", "Gwent", "North Wales", "South Wales"]


@pytest.fixture
def wales():
    return list(PoliceForceArea.objects.filter(name__in=WALES).order_by("name"))


@pytest.fixture
def region(wales):
    return ForumFactory(
        name="All-Wales Criminal Justice Board", slug="all-wales", regional=True, areas=wales
    )


def _risk(board, title, *, shared):
    return Risk.objects.create(
        forum=board,
        title=title,
        cause="A cause.",
        consequence="A consequence.",
        likelihood=4,
        impact=4,
        review_date=days_from_today(30),
        shared_upward=shared,
    )


@pytest.fixture
def boards(wales, region, secretariat):
    south, gwent = (ForumFactory(name=f"{area.name} CJB", areas=[area]) for area in wales[1:3])
    hmcts = AgencyFactory(agency_type=agency_type("hmcts"))
    for board, value in ((south, "55"), (gwent, "65")):
        PerformanceReturnFactory(
            forum=board, agency=hmcts, code="2025-Q1", figures={"cc_effective_trial_rate": value}
        )
        publish(board, "2025-Q1", secretariat)
    PerformanceReturnFactory(
        forum=south, agency=hmcts, code="2025-Q2", figures={"cc_effective_trial_rate": "48.2468"}
    )  # not published
    PriorityFactory(forum=south, title="Swifter justice in Gwent", agreed=True)
    PriorityFactory(forum=south, title="A draft never shown")
    _risk(south, "Shared court backlog risk", shared=True)
    _risk(south, "Unshared staffing risk", shared=False)
    english = ForumFactory(name="Cleveland CJB")  # outside the region
    _risk(english, "English shared risk", shared=True)
    return south, gwent


def _client_for(client, forum, **kwargs):
    seat = MembershipFactory(forum=forum, **kwargs)
    client.force_login(seat.person)
    return client


def test_the_public_roll_up_shows_published_figures_and_agreed_priorities_only(
    client, region, boards
):
    page = client.get(reverse("national:region", args=[region.slug])).content.decode()
    assert "55.0%" in page and "65.0%" in page
    assert "Swifter justice in Gwent" in page
    for hidden in ("48.2", "A draft never shown", "Shared court backlog risk", "Unshared"):
        assert hidden not in page


def test_the_regional_boards_members_also_see_shared_risks_only(client, region, boards):
    _client_for(client, region)
    page = client.get(reverse("national:region-workspace", args=[region.slug])).content.decode()
    assert "Shared court backlog risk" in page
    assert "Unshared staffing risk" not in page
    assert "English shared risk" not in page  # a board outside the region's areas
    assert "48.2" not in page


def test_a_board_that_is_not_regional_has_no_roll_up(client, boards):
    assert client.get(reverse("national:region", args=[boards[0].slug])).status_code == 404


def test_the_members_roll_up_is_refused_to_others(client, region, boards, other_forum_member):
    url = reverse("national:region-workspace", args=[region.slug])
    assert client.get(url).status_code == 302  # anonymous: to the sign-in page
    client.force_login(other_forum_member)
    assert client.get(url).status_code == 404  # another forum's member: not revealed
    client.logout()
    _client_for(client, region, role=Membership.Role.DATA_SUBMITTER)
    assert client.get(url).status_code == 403  # a seat, but not a member's


def test_an_advisory_member_reads_the_roll_up(client, region, boards):
    _client_for(client, region, advisory=True)
    url = reverse("national:region-workspace", args=[region.slug])
    assert "Shared court backlog risk" in client.get(url).content.decode()


def test_the_roll_up_issues_a_fixed_number_of_queries(client, region, boards, wales, secretariat):
    url = reverse("national:region", args=[region.slug])
    before = queries_for(client, url)
    extra = ForumFactory(name="Dyfed-Powys CJB", areas=[wales[0]])
    hmcts = AgencyFactory(agency_type=agency_type("hmcts"))
    PerformanceReturnFactory(
        forum=extra, agency=hmcts, code="2025-Q1", figures={"cc_effective_trial_rate": "70"}
    )
    publish(extra, "2025-Q1", secretariat)
    PriorityFactory(forum=extra, agreed=True)
    from django.core.cache import cache

    cache.clear()
    assert queries_for(client, url) == before
    assert Forum.objects.filter(kind=Forum.Kind.LOCAL_BOARD, areas__in=wales).count() == 3
