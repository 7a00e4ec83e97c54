"""The weekly digest: secretariat and chair, on their chosen day, once a week."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from membership import digest
from membership.models import NotificationPreference
from membership.tasks import send_weekly_digests
from tests.forums.factories import ActionFactory, AgendaItemFactory, MeetingFactory, at

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
# A Tuesday within the next week (memberships in the fixtures started 30 days ago).
TUESDAY = TODAY + datetime.timedelta(days=(1 - TODAY.weekday()) % 7)
MONDAY = TUESDAY + datetime.timedelta(days=6)


def _emails_to(person):
    return [m for m in mail.outbox if m.to == [person.email]]


@pytest.fixture
def late_things(forum, member):
    ActionFactory(
        forum=forum,
        owner=member,
        title="Agree the witness care protocol",
        due_date=TUESDAY - datetime.timedelta(days=4),
    )
    meeting = MeetingFactory(
        forum=forum,
        agenda_published=True,
        title="December board",
        starts_at=at(TUESDAY + datetime.timedelta(days=5)),
        papers_deadline=TUESDAY + datetime.timedelta(days=1),
    )
    AgendaItemFactory(meeting=meeting, title="Remand population", presenter=member)


def test_digest_goes_on_each_persons_chosen_day_once_a_week(
    late_things, secretariat, chair, member, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(
        person=secretariat, digest_weekday=NotificationPreference.Weekday.TUESDAY
    )
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            send_weekly_digests.delay(TUESDAY.isoformat())
    (message,) = _emails_to(secretariat)
    assert _emails_to(chair) == []  # chair keeps the default, Monday
    assert _emails_to(member) == []  # members get no digest
    assert "Agree the witness care protocol" in message.body
    assert "4 days overdue" in message.body
    assert "Remand population" in message.body
    assert "/workspace/preferences/" in message.body

    with django_capture_on_commit_callbacks(execute=True):
        digest.send_weekly_digests(today=MONDAY)
    assert len(_emails_to(chair)) == 1
    assert len(_emails_to(secretariat)) == 1  # not their day


def test_digest_turned_off_is_kept_as_a_notice_but_not_emailed(
    late_things, secretariat, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(
        person=secretariat, digest=False, digest_weekday=NotificationPreference.Weekday.TUESDAY
    )
    with django_capture_on_commit_callbacks(execute=True):
        digest.send_weekly_digests(today=TUESDAY)
    assert _emails_to(secretariat) == []
    assert secretariat.notifications.filter(category="digest", status="skipped").count() == 1


def test_coverage_gaps_appear_as_empty_seats(late_things, forum, chair):
    sections = digest.digest_for(chair, [forum], TUESDAY)
    titles = [section.title for section in sections]
    assert "Overdue actions" in titles and "Upcoming meetings missing papers" in titles
    empty = next(s for s in sections if s.title == "Empty seats")
    assert any("police" in row.text.lower() for row in empty.rows)


def test_other_forums_items_are_not_in_the_digest(
    late_things, other_forum, chair, django_capture_on_commit_callbacks
):
    ActionFactory(
        forum=other_forum, title="Durham only action", due_date=MONDAY - datetime.timedelta(days=9)
    )
    with django_capture_on_commit_callbacks(execute=True):
        digest.send_weekly_digests(today=MONDAY)
    (message,) = _emails_to(chair)
    assert "Agree the witness care protocol" in message.body  # their own forum's action
    assert "Durham only action" not in message.body
