"""Calendar feeds: public per forum, private per person, one per meeting."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from forums.models import Meeting
from tests.forums.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def events(response):
    calendar = Calendar.from_ical(response.content)
    return [component for component in calendar.walk("VEVENT")]


def test_public_feed_lists_public_meetings_without_agenda_or_links(client, forum):
    shown = MeetingFactory(
        forum=forum, title="Board meeting", online_link="https://meet.example/secret"
    )
    AgendaItemFactory(meeting=shown, title="Agenda secret", confidentiality="confidential")
    MeetingFactory(forum=forum, title="Private workshop", is_public=False)
    MeetingFactory(
        forum=forum, title="Called off", status=Meeting.Status.CANCELLED, cancelled_reason="x"
    )
    response = client.get(reverse("meetings:public-ics", args=[forum.slug]))
    assert response["Content-Type"].startswith("text/calendar")
    summaries = [str(event["summary"]) for event in events(response)]
    assert any("Board meeting" in s for s in summaries)
    assert not any("Private workshop" in s for s in summaries)
    assert any(s.startswith("CANCELLED") for s in summaries)
    assert b"Agenda secret" not in response.content and b"meet.example" not in response.content


def test_personal_feed_has_every_meeting_of_the_persons_forums(client, member, forum, other_forum):
    MeetingFactory(forum=forum, title="Private workshop", is_public=False)
    MeetingFactory(forum=other_forum, title="Durham meeting")
    response = client.get(reverse("meetings:personal-feed", args=[member.calendar_token]))
    body = response.content.decode()
    assert "Private workshop" in body and "Durham meeting" not in body


def test_wrong_token_is_404(client, member):
    url = reverse("meetings:personal-feed", args=[member.calendar_token])
    assert client.get(url).status_code == 200
    assert client.get(reverse("meetings:personal-feed", args=["x" * 30])).status_code == 404


def test_add_to_calendar_for_one_meeting(member_client, forum, other_forum_member_client):
    meeting = MeetingFactory(forum=forum)
    url = reverse("meetings:workspace-meeting-ics", args=[forum.slug, meeting.pk])
    assert len(events(member_client.get(url))) == 1
    assert other_forum_member_client.get(url).status_code == 404
