"""A meeting's time reads the same on its pages, in emails, in feeds and in PDFs."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from forums import reminders, reports
from forums.models import Meeting
from tests.forums.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
WHEN = "2:30pm to 4:30pm"


@pytest.fixture
def meeting(forum):
    starts = timezone.make_aware(
        datetime.datetime.combine(TODAY + datetime.timedelta(days=7), datetime.time(14, 30))
    )
    meeting = MeetingFactory(
        forum=forum,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        status=Meeting.Status.AGENDA_PUBLISHED,
        agenda_published_at=timezone.now(),
    )
    AgendaItemFactory(meeting=meeting, title="Witness care")
    return meeting


def test_pages_emails_feeds_and_pdfs_say_the_same_time(
    client, member_client, forum, member, meeting, django_capture_on_commit_callbacks
):
    day = f"{timezone.localtime(meeting.starts_at):%A} {meeting.starts_at.day}"
    expected = f"{day} {timezone.localtime(meeting.starts_at):%B %Y}, {WHEN}"
    pages = [
        member_client.get(reverse("meetings:workspace-meeting", args=[forum.slug, meeting.pk])),
        client.get(reverse("meetings:public-meeting", args=[forum.slug, meeting.pk])),
        client.get(reverse("feeds:forum", args=[forum.slug])),
    ]
    for page in pages:
        assert expected in page.content.decode(), page.request["PATH_INFO"]
    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_meeting_reminders(today=TODAY)
    (email,) = [m for m in mail.outbox if m.to == [member.email]]
    assert expected in email.body
    pack = reports.board_pack_collect(meeting, "member", None)
    assert pack["meeting"]["when"] == expected
    assert "14:30" not in "".join(p.content.decode() for p in pages) + email.body
