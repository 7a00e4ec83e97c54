"""The secretariat writes the whole minutes on one page, saved all together, each entry keeping
its own history; public minutes show attendance by agency and role, apologies, declarations."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from forums.models import Attendance, Declaration
from tests.forums.factories import (
    AttendanceFactory,
    MeetingFactory,
    MembershipFactory,
    MinuteEntryFactory,
    MinutesFactory,
)
from tests.membership.factories import AgencyFactory, UserFactory
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def minutes(forum):
    meeting = MeetingFactory(forum=forum, held=True)
    minutes = MinutesFactory(meeting=meeting)
    for order, title in enumerate(["Welcome", "Performance", "Any other business"], start=1):
        MinuteEntryFactory(
            minutes=minutes, agenda_item__title=title, agenda_item__order=order, text=""
        )
    return minutes


def _write_url(minutes):
    meeting = minutes.meeting
    return reverse("meetings:workspace-minutes-write", args=[meeting.forum.slug, meeting.pk])


def test_every_item_is_on_one_page_in_agenda_order(secretariat_client, minutes):
    page = secretariat_client.get(_write_url(minutes)).content.decode()
    positions = [
        page.index(text)
        for text in [
            "Introduction",
            "Present",
            "Apologies",
            "Declarations of interest",
            "1. Welcome",
            "2. Performance",
            "3. Any other business",
        ]
    ]
    assert positions == sorted(positions)
    assert page.count("<textarea") == 4


def test_saving_writes_every_entry_and_keeps_each_history(secretariat_client, minutes):
    entries = list(minutes.entries.order_by("agenda_item__order"))
    data = {"introduction": "The chair welcomed members."}
    data.update({f"entry_{e.pk}": f"Minute {i}" for i, e in enumerate(entries)})
    assert secretariat_client.post(_write_url(minutes), data).status_code == 302
    minutes.refresh_from_db()
    assert minutes.introduction == "The chair welcomed members."
    for i, entry in enumerate(entries):
        entry.refresh_from_db()
        assert entry.text == f"Minute {i}"
        assert entry.history.count() == 2  # created, then written
    # Saving again with one change adds history to that entry only.
    data[f"entry_{entries[1].pk}"] = "Minute 1, corrected"
    secretariat_client.post(_write_url(minutes), data)
    assert [e.history.count() for e in entries] == [2, 3, 2]


def test_approved_minutes_cannot_be_written(secretariat_client, forum):
    approved = MinutesFactory(meeting=MeetingFactory(forum=forum, held=True), approved=True)
    response = secretariat_client.get(_write_url(approved), follow=True)
    assert "Approved minutes cannot be changed" in response.content.decode()


def test_writing_the_minutes_is_for_the_secretariat(
    client, member_client, other_forum_member_client, minutes
):
    url = _write_url(minutes)
    assert "/accounts/sign-in/" in client.get(url).url
    assert member_client.get(url).status_code == 403
    assert other_forum_member_client.get(url).status_code == 404


def test_public_minutes_show_attendance_by_agency_and_role_apologies_and_declarations(
    client, forum
):
    meeting = MeetingFactory(
        forum=forum, starts_at=timezone.now() - datetime.timedelta(days=9), minutes_approved=True
    )
    minutes = MinutesFactory(meeting=meeting, published=True)
    MinuteEntryFactory(minutes=minutes, agenda_item__title="Public item", text="Public minute")
    secret = MinuteEntryFactory(
        minutes=minutes,
        agenda_item__title="Hidden item",
        agenda_item__confidential=True,
        text="Secret minute",
    )
    named = MembershipFactory(
        forum=forum,
        person=UserFactory(full_name="Olivia Open"),
        agency=AgencyFactory(name="Cleveland Police"),
        show_name_publicly=True,
    )
    unnamed = MembershipFactory(
        forum=forum,
        person=UserFactory(full_name="Peter Private"),
        agency=AgencyFactory(name="Crown Prosecution Service"),
    )
    sorry = MembershipFactory(
        forum=forum,
        person=UserFactory(full_name="Sam Sorry"),
        agency=AgencyFactory(name="HM Courts"),
    )
    for seat, actual in [(named, "present"), (unnamed, "present"), (sorry, "apologies")]:
        AttendanceFactory(
            meeting=meeting,
            person=seat.person,
            membership=seat,
            agency=seat.agency,
            actual=actual,
        )
    Declaration.objects.create(
        meeting=meeting, person=unnamed.person, interest="Spouse works at a court"
    )
    Declaration.objects.create(
        meeting=meeting,
        person=named.person,
        interest="Hidden interest",
        agenda_item=secret.agenda_item,
    )
    page = client.get(
        reverse("meetings:public-meeting", args=[forum.slug, meeting.pk])
    ).content.decode()
    assert "Olivia Open, Member, Cleveland Police" in page
    assert "Member, Crown Prosecution Service" in page and "Peter Private" not in page
    assert "Member, HM Courts" in page and "Sam Sorry" not in page
    assert "Spouse works at a court" in page
    assert "Hidden interest" not in page and "Secret minute" not in page
    assert "Public minute" in page
    assert Attendance.objects.filter(meeting=meeting).count() == 3


def test_the_minutes_pages_issue_the_same_queries_however_many_items(
    secretariat_client, forum, minutes
):
    meeting = minutes.meeting
    urls = [
        _write_url(minutes),
        reverse("meetings:workspace-minutes", args=[forum.slug, meeting.pk]),
    ]

    def add(count):
        for _ in range(count):
            seat = MembershipFactory(forum=forum)
            AttendanceFactory(
                meeting=meeting,
                person=seat.person,
                membership=seat,
                agency=seat.agency,
                actual="deputy_present",
                deputy=UserFactory(),
            )
            MinuteEntryFactory(minutes=minutes)
            Declaration.objects.create(meeting=meeting, person=seat.person, interest="An interest")

    add(1)
    few = [queries_for(secretariat_client, url) for url in urls]
    add(6)
    assert [queries_for(secretariat_client, url) for url in urls] == few


def test_minutes_and_decisions_wait_for_the_meeting_to_start(secretariat, forum):
    from django.core.exceptions import ValidationError

    from forums.services import minutes as minute_services
    from tests.forums.factories import AgendaItemFactory

    meeting = MeetingFactory(forum=forum, days_ahead=3)
    item = AgendaItemFactory(meeting=meeting)
    with pytest.raises(ValidationError, match="You can start the minutes once the meeting"):
        minute_services.minutes_start(meeting=meeting, by=secretariat)
    with pytest.raises(ValidationError, match="You can record a decision once the meeting"):
        minute_services.decision_record(
            forum=forum, by=secretariat, text="Agreed", agenda_item=item
        )
    # A decision between meetings (no meeting) is not held back by this rule.
    decision = minute_services.decision_record(forum=forum, by=secretariat, text="Agreed")
    assert decision.meeting is None
