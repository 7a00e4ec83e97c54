"""A meeting that moves, changes place or is cancelled after its agenda is out tells everyone
invited, with a calendar event that updates the one they have, and its automatic items follow."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from forums.models import AgendaItem, Meeting
from forums.services import meetings as services
from membership.models import Notification, NotificationPreference
from tests.forums.factories import MeetingFactory, at, days_from_today

pytestmark = pytest.mark.django_db


def _feed_event(client, forum, meeting):
    calendar = Calendar.from_ical(
        client.get(reverse("meetings:public-ics", args=[forum.slug])).content
    )
    (event,) = [e for e in calendar.walk("VEVENT") if meeting.title in str(e["summary"])]
    return event


def _attached(message):
    (name, content, mimetype) = message.attachments[0]
    assert mimetype.startswith("text/calendar")
    calendar = Calendar.from_ical(content)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


@pytest.fixture
def published(forum, secretariat, member, chair):
    meeting = services.meeting_schedule(
        forum=forum,
        by=secretariat,
        title="Spring board",
        starts_at=at(days_from_today(20), 14, 30),
        ends_at=at(days_from_today(20), 16),
        location="Town Hall",
    )
    return services.meeting_publish_agenda(meeting=meeting, by=secretariat)


def _move(meeting, by, days, **extra):
    starts = at(days_from_today(days), 10)
    return services.meeting_update(
        meeting=meeting,
        by=by,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        **extra,
    )


def test_moving_a_published_meeting_emails_everyone_invited_with_an_updated_invitation(
    client, forum, secretariat, member, chair, published, django_capture_on_commit_callbacks
):
    before = _feed_event(client, forum, published)
    # Even someone who turned every reminder and notice off is told: it is essential.
    NotificationPreference.objects.update_or_create(person=member, defaults={"reminders": False})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _move(published, secretariat, 27, location="Police HQ")
    told = sorted(message.to[0] for message in mail.outbox)
    assert told == sorted([secretariat.email, member.email, chair.email])
    message = next(m for m in mail.outbox if m.to == [member.email])
    old_date = "2:30pm"
    assert message.subject.startswith(f"Meeting changed: {forum.name}")
    assert old_date in message.body and "10am" in message.body
    assert "Town Hall → Police HQ" in message.body
    calendar, event = _attached(message)
    after = _feed_event(client, forum, published)
    assert str(calendar["method"]) == "REQUEST"
    assert str(event["uid"]) == str(before["uid"]) == str(after["uid"])
    assert event.decoded("sequence") > before.decoded("sequence")
    assert event.decoded("sequence") == after.decoded("sequence")
    assert event.decoded("dtstart") == at(days_from_today(27), 10)
    assert "organizer" in event
    # The in-app notice says it too.
    notice = Notification.objects.get(
        recipient=member, key__startswith=f"meeting:{published.pk}:changed"
    )
    assert "Police HQ" in notice.body_text


def test_a_change_before_the_agenda_is_out_or_to_the_deadline_tells_nobody(
    forum, secretariat, member, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(forum=forum, created_by=secretariat)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _move(meeting, secretariat, 30)
    assert mail.outbox == []
    published = MeetingFactory(forum=forum, agenda_published=True, created_by=secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(
            meeting=published, by=secretariat, papers_deadline=days_from_today(5)
        )
    assert mail.outbox == []


def test_cancelling_sends_a_cancel_for_the_same_event_with_a_higher_sequence(
    client, forum, secretariat, member, published, django_capture_on_commit_callbacks
):
    before = _feed_event(client, forum, published)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(meeting=published, by=secretariat, reason="Not quorate")
    message = next(m for m in mail.outbox if m.to == [member.email])
    assert "Not quorate" in message.body
    calendar, event = _attached(message)
    assert str(calendar["method"]) == "CANCEL"
    assert str(event["uid"]) == str(before["uid"])
    assert event.decoded("sequence") > before.decoded("sequence")
    assert str(event["status"]) == "CANCELLED"


def _minutes_item(meeting):
    return meeting.agenda_items.filter(kind=AgendaItem.Kind.PREVIOUS_MINUTES).first()


def test_the_previous_minutes_item_follows_when_the_previous_meeting_moves(forum, secretariat):
    first = services.meeting_schedule(
        forum=forum,
        by=secretariat,
        title="January",
        starts_at=at(days_from_today(10)),
        location="Hall",
    )
    second = services.meeting_schedule(
        forum=forum,
        by=secretariat,
        title="March",
        starts_at=at(days_from_today(60)),
        location="Hall",
    )
    assert _minutes_item(first) is None
    new_date = days_from_today(12)
    _move(first, secretariat, 12)
    expected = f"Minutes of the meeting on {new_date.day} {new_date:%B %Y}"
    assert _minutes_item(second).title == expected


def test_a_meeting_moved_past_another_takes_its_minutes_item_with_it(forum, secretariat):
    a = services.meeting_schedule(
        forum=forum, by=secretariat, title="A", starts_at=at(days_from_today(10)), location="Hall"
    )
    b = services.meeting_schedule(
        forum=forum, by=secretariat, title="B", starts_at=at(days_from_today(40)), location="Hall"
    )
    _move(a, secretariat, 70)  # A now follows B
    b_day = days_from_today(40)
    assert _minutes_item(b) is None
    assert _minutes_item(a).title == f"Minutes of the meeting on {b_day.day} {b_day:%B %Y}"
    assert a.agenda_items.order_by("order", "pk").first().kind == AgendaItem.Kind.PREVIOUS_MINUTES


def test_cancelling_a_meeting_moves_the_next_ones_minutes_item_back(forum, secretariat):
    earlier = MeetingFactory(forum=forum, past=True, status=Meeting.Status.HELD)
    middle = services.meeting_schedule(
        forum=forum,
        by=secretariat,
        title="Middle",
        starts_at=at(days_from_today(10)),
        location="Hall",
    )
    last = services.meeting_schedule(
        forum=forum,
        by=secretariat,
        title="Last",
        starts_at=at(days_from_today(40)),
        location="Hall",
    )
    services.meeting_cancel(meeting=middle, by=secretariat, reason="No business")
    day = timezone.localtime(earlier.starts_at).date()
    assert _minutes_item(last).title == f"Minutes of the meeting on {day.day} {day:%B %Y}"
