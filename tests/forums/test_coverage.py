"""The coverage check: which core agency types are missing or sit without authority."""

import datetime

import pytest
from django.utils import timezone

from forums.coverage import forum_coverage, forums_coverage
from forums.models import Forum, Membership
from membership.models import AgencyType
from tests.forums.factories import ForumFactory, MembershipFactory
from tests.membership.factories import AgencyFactory, agency_type

pytestmark = pytest.mark.django_db

CORE = ["pcc", "police", "cps", "hmcts", "prison_service", "probation", "youth_justice",
        "victim_services"]  # fmt: skip


def seat(forum, slug, role=Membership.Role.MEMBER, **kwargs):
    return MembershipFactory(
        forum=forum, role=role, agency=AgencyFactory(agency_type=agency_type(slug)), **kwargs
    )


def full_board():
    forum = ForumFactory()
    seat(forum, "pcc", Membership.Role.CHAIR)
    for slug in CORE[1:]:
        seat(forum, slug)
    return forum


def slugs(types):
    return sorted(agency_type.slug for agency_type in types)


def test_core_types_come_from_the_reference_data():
    assert slugs(AgencyType.objects.filter(core_member_expected=True)) == sorted(CORE)


def test_a_full_board_with_authority_is_complete():
    coverage = forum_coverage(forum=full_board())
    assert coverage.is_complete
    assert coverage.has_chair
    assert coverage.represented_count == len(CORE)


def test_an_empty_board_misses_every_core_agency_and_has_no_chair():
    coverage = forum_coverage(forum=ForumFactory())
    assert slugs(coverage.missing) == sorted(CORE)
    assert not coverage.has_chair
    assert coverage.gap_count == len(CORE)


def test_a_type_represented_only_without_authority_is_reported():
    forum = full_board()
    Membership.objects.filter(forum=forum, agency__agency_type__slug="probation").update(
        can_commit_resources=False
    )
    seat(forum, "cps", can_commit_resources=False)  # a second CPS seat, junior
    coverage = forum_coverage(forum=forum)
    assert slugs(coverage.without_authority) == ["probation"]
    assert coverage.missing == ()


def test_secretariat_guests_data_submitters_and_past_members_do_not_count():
    forum = ForumFactory()
    seat(forum, "pcc", Membership.Role.SECRETARIAT)
    seat(forum, "police", Membership.Role.GUEST)
    seat(forum, "hmcts", Membership.Role.DATA_SUBMITTER)
    seat(
        forum,
        "cps",
        start_date=timezone.localdate() - datetime.timedelta(days=100),
        end_date=timezone.localdate() - datetime.timedelta(days=1),
    )
    coverage = forum_coverage(forum=forum)
    assert slugs(coverage.missing) == sorted(CORE)


def test_sub_groups_are_not_checked():
    board = full_board()
    sub = ForumFactory(kind=Forum.Kind.SUB_GROUP, parent=board)
    coverage = forum_coverage(forum=sub)
    assert not coverage.checked
    assert coverage.is_complete


def test_coverage_of_many_forums_takes_a_fixed_number_of_queries(django_assert_num_queries):
    forums = [full_board(), ForumFactory(), full_board()]
    with django_assert_num_queries(2):
        result = forums_coverage(forums=forums)
    assert [result[forum.pk].is_complete for forum in forums] == [True, False, True]
    more = forums + [full_board() for _ in range(4)]
    with django_assert_num_queries(2):
        forums_coverage(forums=more)


def test_forums_with_gaps_lists_only_boards_that_fall_short(django_assert_num_queries):
    from forums.coverage import forums_with_gaps

    complete = full_board()
    short = ForumFactory(name="Short Board")
    ForumFactory(kind=Forum.Kind.SUB_GROUP, parent=complete)
    with django_assert_num_queries(3):
        gaps = forums_with_gaps()
    assert [forum for forum, _ in gaps] == [short]
