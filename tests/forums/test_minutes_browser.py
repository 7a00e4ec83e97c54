"""Minutes that close and deputies by name, in real Chromium, checked with axe (WCAG 2.2 AA)."""

import datetime

import pytest
from django.utils import timezone

from forums.models import AgendaItem, Attendance, Meeting, Membership, Minutes
from tests.browser import assert_accessible, assert_error_title, sign_in
from tests.forums.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    ForumFactory,
    MeetingFactory,
    MembershipFactory,
    MinuteEntryFactory,
    MinutesFactory,
)
from tests.membership.factories import PASSWORD, AgencyFactory, UserFactory, agency_type

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def board():
    """A forum with its chair and secretariat, and last month's meeting held, minutes out."""
    forum = ForumFactory(slug="cleveland-cjb", name="Cleveland Criminal Justice Board")
    chair = UserFactory(email="chair@example.org", full_name="Steve Turner")
    MembershipFactory(
        forum=forum,
        person=chair,
        role=Membership.Role.CHAIR,
        agency=AgencyFactory(agency_type=agency_type("pcc")),
    )
    secretariat = UserFactory(email="sec@example.org", full_name="Priya Shah")
    MembershipFactory(
        forum=forum,
        person=secretariat,
        role=Membership.Role.SECRETARIAT,
        agency=AgencyFactory(agency_type=agency_type("pcc")),
    )
    held = MeetingFactory(
        forum=forum,
        title="Board meeting",
        status=Meeting.Status.HELD,
        starts_at=timezone.now() - datetime.timedelta(days=40),
    )
    minutes = MinutesFactory(meeting=held, circulated=True)
    MinuteEntryFactory(minutes=minutes, agenda_item__title="Performance report")
    return forum, chair, secretariat, held, minutes


def _minutes_url(live_server, forum, meeting):
    return f"{live_server.url}/workspace/forums/{forum.slug}/meetings/{meeting.pk}/minutes/"


def test_chair_approves_circulated_minutes_at_a_started_meeting(live_server, page):
    forum, chair, _, held, minutes = board()
    today = MeetingFactory(
        forum=forum,
        title="Board meeting",
        status=Meeting.Status.AGENDA_PUBLISHED,
        starts_at=timezone.now() - datetime.timedelta(minutes=30),
    )
    sign_in(page, live_server.url, chair.email, PASSWORD)
    page.goto(_minutes_url(live_server, forum, held))
    assert_accessible(page)
    page.get_by_role("link", name="Approve the minutes").click()
    assert_accessible(page)
    page.get_by_role("button", name="Approve minutes").click()
    assert_error_title(page)
    assert page.get_by_text("Choose how the minutes are approved").first.is_visible()
    assert_accessible(page)
    when = timezone.localtime(today.starts_at)
    page.get_by_label(f"At the meeting on {when.day} {when:%B %Y}").check()
    page.get_by_role("button", name="Approve minutes").click()
    page.wait_for_url("**/minutes/")
    assert page.get_by_text("Minutes approved").first.is_visible()
    assert page.get_by_text(f"by {chair.full_name}, at the meeting on").is_visible()
    assert_accessible(page)
    minutes.refresh_from_db()
    assert minutes.approved_at_meeting == today


def test_chair_approves_by_chairs_action_reported_at_the_next_meeting(live_server, page):
    forum, chair, _, held, minutes = board()
    upcoming = MeetingFactory(forum=forum, title="Board meeting", agenda_published=True)
    AgendaItemFactory(
        meeting=upcoming, kind=AgendaItem.Kind.PREVIOUS_MINUTES, title="Minutes of last meeting"
    )
    sign_in(page, live_server.url, chair.email, PASSWORD)
    page.goto(_minutes_url(live_server, forum, held) + "approve/")
    assert page.get_by_text("can be approved there once it has started").is_visible()
    page.get_by_label("By the chair's action, between meetings").check()
    page.get_by_role("button", name="Approve minutes").click()
    page.wait_for_url("**/minutes/")
    assert page.get_by_text("By the chair's action on").is_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/workspace/forums/{forum.slug}/meetings/{upcoming.pk}/")
    assert page.get_by_text("reported for noting").is_visible()
    assert_accessible(page)
    minutes.refresh_from_db()
    assert minutes.approved_via == Minutes.ApprovedVia.CHAIRS_ACTION


def test_a_deputy_recorded_by_name_appears_in_the_minutes(live_server, page):
    forum, _, secretariat, _, _ = board()
    meeting = MeetingFactory(
        forum=forum,
        title="Board meeting",
        status=Meeting.Status.AGENDA_PUBLISHED,
        starts_at=timezone.now() - datetime.timedelta(hours=2),
    )
    AgendaItemFactory(meeting=meeting, title="Youth remand")
    seat = MembershipFactory(
        forum=forum,
        person=UserFactory(full_name="Mark Dunn"),
        agency=AgencyFactory(name="Durham Constabulary"),
    )
    row = AttendanceFactory(
        meeting=meeting, person=seat.person, membership=seat, agency=seat.agency
    )
    sign_in(page, live_server.url, secretariat.email, PASSWORD)
    page.goto(f"{live_server.url}/workspace/forums/{forum.slug}/meetings/{meeting.pk}/")
    page.get_by_role("link", name="Record attendance").click()
    assert_accessible(page)
    page.locator(f"#id_a{row.pk}_2").check()  # Deputy attended
    page.get_by_role("button", name="Save attendance").click()
    assert_error_title(page)
    assert page.get_by_text("Choose or name the deputy for Mark Dunn").first.is_visible()
    assert_accessible(page)
    page.get_by_label("Or the deputy's name, if not in the system for Mark Dunn").fill("Jane Smith")
    page.get_by_role("button", name="Save attendance").click()
    page.wait_for_url("**/meetings/*/#attendance")
    page.get_by_role("button", name="Start the minutes").click()
    page.wait_for_url("**/minutes/write/")
    assert page.get_by_text(
        "Jane Smith (deputising for Mark Dunn, Durham Constabulary)"
    ).is_visible()
    assert_accessible(page)
    page.get_by_label("1. Youth remand").fill("The board agreed the plan.")
    page.get_by_role("button", name="Save the minutes").click()
    page.wait_for_url("**/minutes/")
    assert page.get_by_text(
        "Jane Smith (deputising for Mark Dunn, Durham Constabulary)"
    ).is_visible()
    assert page.get_by_text("The board agreed the plan.").is_visible()
    assert_accessible(page)
    row.refresh_from_db()
    assert row.actual == Attendance.Actual.DEPUTY_PRESENT and row.deputy_name == "Jane Smith"
