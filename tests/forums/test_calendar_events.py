"""One event per meeting wherever it comes from: feeds and the emailed invitation agree."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from forums import reminders
from forums.models import Meeting
from forums.services import meetings as services
from tests.forums.factories import MeetingFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _event(content: bytes, meeting: Meeting):
    calendar = Calendar.from_ical(content)
    (event,) = [e for e in calendar.walk("VEVENT") if meeting.title in str(e["summary"])]
    return event


@pytest.fixture
def meeting(forum, secretariat):
    starts = timezone.make_aware(
        datetime.datetime.combine(TODAY + datetime.timedelta(days=7), datetime.time(14, 30))
    )
    return MeetingFactory(
        forum=forum, title="Spring board", starts_at=starts, created_by=secretariat
    )


def test_the_feeds_and_the_reminder_invitation_carry_the_same_event(
    client, forum, member, meeting, django_capture_on_commit_callbacks
):
    public = _event(client.get(reverse("meetings:public-ics", args=[forum.slug])).content, meeting)
    personal = _event(
        client.get(reverse("meetings:personal-feed", args=[member.calendar_token])).content,
        meeting,
    )
    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_meeting_reminders(today=TODAY)
    (message,) = [m for m in mail.outbox if m.to == [member.email]]
    name, content, mimetype = message.attachments[0]
    invited = _event(content.encode() if isinstance(content, str) else content, meeting)
    assert str(invited["uid"]) == str(public["uid"]) == str(personal["uid"])
    assert str(invited["uid"]) == f"meeting-{meeting.pk}@testserver"
    for event in (public, personal, invited):
        assert event.decoded("dtstart") == meeting.starts_at
        assert event["dtstart"].to_ical().endswith(b"Z")  # UTC everywhere
        assert event.decoded("sequence") == 0
    assert Calendar.from_ical(content)["method"] == "PUBLISH"


def test_sequence_rises_when_the_meeting_moves_and_again_when_it_is_cancelled(
    client, forum, secretariat, meeting
):
    url = reverse("meetings:public-ics", args=[forum.slug])
    before = _event(client.get(url).content, meeting)
    later = meeting.starts_at + datetime.timedelta(days=1)
    moved_to = {"starts_at": later, "ends_at": later + datetime.timedelta(hours=2)}
    services.meeting_update(meeting=meeting, by=secretariat, **moved_to)
    services.meeting_update(meeting=meeting, by=secretariat, **moved_to)  # no change
    moved = _event(client.get(url).content, meeting)
    assert moved.decoded("sequence") == before.decoded("sequence") + 1
    assert moved.decoded("dtstart") == later
    assert str(moved["status"]) == "CONFIRMED"
    services.meeting_cancel(meeting=meeting, by=secretariat, reason="No quorum")
    cancelled = _event(client.get(url).content, meeting)
    assert cancelled.decoded("sequence") == moved.decoded("sequence") + 1
    assert str(cancelled["status"]) == "CANCELLED"
    assert str(cancelled["uid"]) == str(before["uid"])


def test_a_site_admin_moving_a_meeting_raises_its_sequence_too(rf, site_admin, meeting):
    from types import SimpleNamespace

    from django.contrib import admin

    model_admin = admin.site._registry[Meeting]
    request = rf.post("/admin/")
    request.user = site_admin
    model_admin.save_model(request, meeting, SimpleNamespace(changed_data=["title"]), True)
    model_admin.save_model(request, meeting, SimpleNamespace(changed_data=["is_public"]), True)
    meeting.refresh_from_db()
    assert meeting.sequence == 1  # the title shows in calendars; being public does not
