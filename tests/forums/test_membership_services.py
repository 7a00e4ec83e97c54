"""Adding, changing and ending memberships: every rule, with its message on the right field."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from forums.models import Forum, Membership
from forums.services.forum import (
    forum_update,
    membership_create,
    membership_end,
    membership_update,
    memberships_end,
)
from tests.forums.factories import ForumFactory, MembershipFactory
from tests.membership.factories import AgencyFactory, UserFactory, agency_type, area

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


def test_membership_create_records_who_added_it(forum, secretariat):
    person = UserFactory()
    membership = membership_create(
        forum=forum,
        person=person,
        agency=AgencyFactory(agency_type=agency_type("cps")),
        role=Membership.Role.MEMBER,
        can_commit_resources=True,
        created_by=secretariat,
    )
    assert membership.is_current
    record = membership.history.get()
    assert record.history_user == secretariat
    assert record.history_change_reason == "Membership added"


def test_a_forum_has_only_one_current_chair(forum, chair, secretariat):
    with pytest.raises(ValidationError) as excinfo:
        membership_create(
            forum=forum,
            person=UserFactory(),
            agency=AgencyFactory(agency_type=agency_type("pcc")),
            role=Membership.Role.CHAIR,
            created_by=secretariat,
        )
    assert "already has a chair" in errors_of(excinfo)["role"][0]


def test_a_new_chair_may_start_after_the_old_one_ends(forum, chair, secretariat):
    def new_chair(start_date):
        return membership_create(
            forum=forum,
            person=UserFactory(),
            agency=AgencyFactory(agency_type=agency_type("pcc")),
            role=Membership.Role.CHAIR,
            start_date=start_date,
            created_by=secretariat,
        )

    old = Membership.objects.get(forum=forum, person=chair)
    membership_end(membership=old, ended_by=secretariat, end_date=TODAY)
    with pytest.raises(ValidationError) as excinfo:  # the old chair still sits today
        new_chair(TODAY)
    assert "already has a chair" in errors_of(excinfo)["role"][0]

    successor = new_chair(TODAY + DAY)

    def chairs_on(day):
        return list(
            Membership.objects.current(day)
            .filter(forum=forum, role=Membership.Role.CHAIR)
            .values_list("person", flat=True)
        )

    assert chairs_on(TODAY) == [chair.pk]
    assert chairs_on(TODAY + DAY) == [successor.person_id]


def test_no_two_overlapping_memberships_of_one_person(forum, member, secretariat):
    with pytest.raises(ValidationError) as excinfo:
        membership_create(
            forum=forum,
            person=member,
            agency=AgencyFactory(agency_type=agency_type("cps")),
            role=Membership.Role.MEMBER,
            created_by=secretariat,
        )
    assert "already has a membership" in errors_of(excinfo)["start_date"][0]


def test_the_judiciary_can_only_hold_an_advisory_seat(forum, secretariat):
    judge = AgencyFactory(agency_type=agency_type("judiciary"))
    with pytest.raises(ValidationError) as excinfo:
        membership_create(
            forum=forum,
            person=UserFactory(),
            agency=judge,
            role=Membership.Role.MEMBER,
            created_by=secretariat,
        )
    assert "can only hold an advisory seat" in errors_of(excinfo)["role"][0]
    membership_create(
        forum=forum,
        person=UserFactory(),
        agency=judge,
        role=Membership.Role.ADVISORY,
        created_by=secretariat,
    )


def test_the_agency_must_cover_one_of_the_forums_areas(forum, secretariat):
    elsewhere = AgencyFactory(agency_type=agency_type("cps"), areas=[area("E23000010")])
    with pytest.raises(ValidationError) as excinfo:
        membership_create(
            forum=forum,
            person=UserFactory(),
            agency=elsewhere,
            role=Membership.Role.MEMBER,
            created_by=secretariat,
        )
    assert "does not cover" in errors_of(excinfo)["agency"][0]


def test_a_regional_board_takes_agencies_from_anywhere(forum, secretariat):
    welsh_local = ForumFactory(areas=[area("W15000003")])
    regional = ForumFactory(regional=True, areas=[area("W15000003")])
    elsewhere = AgencyFactory(agency_type=agency_type("cps"), areas=[area("E23000010")])

    def seat_on(board):
        return membership_create(
            forum=board,
            person=UserFactory(),
            agency=elsewhere,
            role=Membership.Role.MEMBER,
            created_by=secretariat,
        )

    with pytest.raises(ValidationError) as excinfo:  # a local board: only its own areas
        seat_on(welsh_local)
    assert "does not cover" in errors_of(excinfo)["agency"][0]
    membership = seat_on(regional)
    assert membership.is_current
    assert Membership.objects.current().filter(forum=regional, agency=elsewhere).count() == 1


def test_the_end_date_must_not_be_before_the_start_date(forum, secretariat):
    with pytest.raises(ValidationError) as excinfo:
        membership_create(
            forum=forum,
            person=UserFactory(),
            agency=AgencyFactory(agency_type=agency_type("cps")),
            role=Membership.Role.MEMBER,
            start_date=TODAY,
            end_date=TODAY - DAY,
            created_by=secretariat,
        )
    assert "end_date" in errors_of(excinfo)


def test_membership_update_keeps_history_of_each_change(forum, member, secretariat):
    membership = Membership.objects.get(forum=forum, person=member)
    membership_update(
        membership=membership,
        updated_by=secretariat,
        can_commit_resources=False,
        show_name_publicly=True,
    )
    membership.refresh_from_db()
    assert not membership.can_commit_resources
    assert membership.show_name_publicly
    latest = membership.history.order_by("-history_date").first()
    assert latest.history_user == secretariat
    assert membership.history.count() == 2


def test_membership_update_checks_the_rules(forum, member, chair, secretariat):
    membership = Membership.objects.get(forum=forum, person=member)
    with pytest.raises(ValidationError) as excinfo:
        membership_update(membership=membership, updated_by=secretariat, role="chair")
    assert "role" in errors_of(excinfo)


def test_membership_update_refuses_fields_it_does_not_own(forum, member, secretariat):
    membership = Membership.objects.get(forum=forum, person=member)
    with pytest.raises(TypeError):
        membership_update(membership=membership, updated_by=secretariat, forum=ForumFactory())


def test_membership_end_keeps_the_record(forum, member, secretariat):
    membership = Membership.objects.get(forum=forum, person=member)
    membership_end(membership=membership, ended_by=secretariat, end_date=TODAY - DAY)
    membership.refresh_from_db()
    assert membership.end_date == TODAY - DAY
    assert not membership.is_current
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_membership_end_refuses_a_date_before_the_start(forum, member, secretariat):
    membership = Membership.objects.get(forum=forum, person=member)
    with pytest.raises(ValidationError) as excinfo:
        membership_end(membership=membership, ended_by=secretariat, end_date=TODAY - 400 * DAY)
    assert "end_date" in errors_of(excinfo)


def test_membership_end_refuses_a_membership_that_already_ended(forum, secretariat):
    ended = MembershipFactory(forum=forum, start_date=TODAY - 90 * DAY, end_date=TODAY - 10 * DAY)
    with pytest.raises(ValidationError) as excinfo:
        membership_end(membership=ended, ended_by=secretariat)
    assert "already ended" in errors_of(excinfo)["end_date"][0]


def test_memberships_end_ends_current_ones_and_leaves_past_ones(forum, member, secretariat):
    ended = MembershipFactory(forum=forum, start_date=TODAY - 90 * DAY, end_date=TODAY - 10 * DAY)
    count = memberships_end(
        memberships=Membership.objects.filter(forum=forum), ended_by=secretariat
    )
    assert count == 2  # the member and the secretariat
    ended.refresh_from_db()
    assert ended.end_date == TODAY - 10 * DAY
    assert not Membership.objects.current(TODAY + DAY).filter(forum=forum).exists()


def test_forum_update_changes_the_public_details(forum, secretariat):
    forum_update(
        forum=forum, updated_by=secretariat, terms_of_reference="New terms", is_public=False
    )
    forum.refresh_from_db()
    assert forum.terms_of_reference == "New terms"
    assert not forum.is_public
    assert forum.history.order_by("-history_date").first().history_user == secretariat


def test_forum_update_needs_an_end_date_for_a_task_and_finish_group(forum, secretariat):
    group = ForumFactory(kind=Forum.Kind.TASK_AND_FINISH, parent=forum, end_date=TODAY + 30 * DAY)
    with pytest.raises(ValidationError) as excinfo:
        forum_update(forum=group, updated_by=secretariat, end_date=None)
    assert "end_date" in errors_of(excinfo)
