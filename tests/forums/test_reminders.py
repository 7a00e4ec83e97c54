"""Reminders for meetings, papers and actions: right people, right day, once each."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from forums import reminders
from forums.models import Attendance, Confidentiality
from forums.tasks import send_action_reminders, send_meeting_reminders
from membership.models import NotificationPreference
from tests.forums.factories import (
    ActionFactory,
    AgendaItemFactory,
    MeetingFactory,
    PaperFactory,
    at,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _emails_to(person):
    return [m for m in mail.outbox if m.to == [person.email]]


@pytest.fixture
def meeting_next_week(forum):
    meeting = MeetingFactory(forum=forum, agenda_published=True, days_ahead=7)
    AgendaItemFactory(meeting=meeting, title="Victims' Code compliance")
    return meeting


def test_meeting_in_seven_days_reminds_each_member_once_even_when_run_twice(
    meeting_next_week, secretariat, member, data_submitter, django_capture_on_commit_callbacks
):
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            reminders.send_meeting_reminders(today=TODAY)
    assert len(_emails_to(member)) == 1
    assert len(_emails_to(secretariat)) == 1
    assert _emails_to(data_submitter) == []  # not a member of the board
    body = _emails_to(member)[0].body
    assert meeting_next_week.title in body
    assert "Middlesbrough Town Hall" in body  # where
    assert "Victims' Code compliance" in body  # agenda
    assert "/workspace/" in body  # link
    assert "/workspace/preferences/" in body  # preferences link


def test_meeting_reminder_is_not_sent_on_other_days(
    meeting_next_week, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_meeting_reminders(today=TODAY + datetime.timedelta(days=1))
        reminders.send_meeting_reminders(today=TODAY - datetime.timedelta(days=2))
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_meeting_reminders(today=TODAY)  # seven days before
    assert len(_emails_to(member)) == 1


def test_day_before_reminder_and_task_wrapper(forum, member, django_capture_on_commit_callbacks):
    MeetingFactory(
        forum=forum, agenda_published=True, starts_at=at(TODAY + datetime.timedelta(days=1), hour=9)
    )
    with django_capture_on_commit_callbacks(execute=True):
        send_meeting_reminders.delay(TODAY.isoformat())
        send_meeting_reminders.delay(TODAY.isoformat())
    (message,) = _emails_to(member)
    assert "tomorrow" in message.subject


def test_members_who_sent_apologies_are_not_reminded_the_day_before(
    forum, member, secretariat, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(forum=forum, agenda_published=True, days_ahead=1)
    Attendance.objects.create(meeting=meeting, person=member, reply=Attendance.Reply.APOLOGIES)
    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_meeting_reminders(today=TODAY)
    assert _emails_to(member) == []
    assert len(_emails_to(secretariat)) == 1  # no apologies: reminded


def test_cancelled_meetings_get_no_reminder(forum, member, django_capture_on_commit_callbacks):
    MeetingFactory(forum=forum, title="Called off", days_ahead=7, cancelled=True)
    MeetingFactory(forum=forum, title="Going ahead", days_ahead=7, agenda_published=True)
    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_meeting_reminders(today=TODAY)
    (message,) = _emails_to(member)
    assert "Going ahead" in message.subject
    assert "Called off" not in message.subject + message.body


def test_meeting_reminder_attaches_an_icalendar_invitation_that_parses(
    meeting_next_week, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_meeting_reminders(today=TODAY)
    (message,) = _emails_to(member)
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype == "text/calendar"
    calendar = Calendar.from_ical(content)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == meeting_next_week.starts_at
    assert meeting_next_week.title in str(event["summary"])
    assert str(event["location"]) == "Middlesbrough Town Hall"


def test_restricted_item_and_paper_reach_only_the_named_member_and_secretariat(
    meeting_next_week,
    forum,
    secretariat,
    member,
    advisory_member,
    django_capture_on_commit_callbacks,
):
    secret = AgendaItemFactory(
        meeting=meeting_next_week,
        title="Operation Nightjar briefing",
        confidentiality=Confidentiality.RESTRICTED,
        restricted_to=[member],
    )
    PaperFactory(agenda_item=secret, title="Nightjar intelligence summary", restricted_to=[member])
    public_item = meeting_next_week.agenda_items.get(title="Victims' Code compliance")
    dashboard = PaperFactory(agenda_item=public_item, title="Compliance dashboard")
    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_meeting_reminders(today=TODAY)
    for person in (member, secretariat):
        (message,) = _emails_to(person)
        assert "Operation Nightjar briefing" in message.body
        assert "Nightjar intelligence summary" in message.body
    (advisory_email,) = _emails_to(advisory_member)
    assert "Nightjar" not in advisory_email.body
    assert "Nightjar" not in advisory_email.alternatives[0][0]
    assert "Compliance dashboard" in advisory_email.body
    assert f"/papers/{dashboard.pk}/download/" in advisory_email.body  # a link to the paper


def test_preference_off_stops_the_ordinary_reminder_but_not_the_essential_invitation(
    forum, member, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(person=member, reminders=False)
    MeetingFactory(forum=forum, agenda_published=True, title="Next week", days_ahead=7)
    MeetingFactory(forum=forum, agenda_published=True, title="Tomorrow", days_ahead=1)
    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_meeting_reminders(today=TODAY)
    subjects = [m.subject for m in _emails_to(member)]
    assert len(subjects) == 1 and "Next week" in subjects[0]  # the 7-day invitation is essential
    assert member.notifications.filter(subject__contains="Tomorrow", status="skipped").exists()


def test_presenter_without_a_paper_is_reminded_three_days_before_and_on_the_deadline(
    forum, member, chair, django_capture_on_commit_callbacks
):
    deadline = TODAY + datetime.timedelta(days=3)
    meeting = MeetingFactory(
        forum=forum, agenda_published=True, days_ahead=10, papers_deadline=deadline
    )
    AgendaItemFactory(meeting=meeting, title="Court backlog", presenter=member)
    done = AgendaItemFactory(meeting=meeting, title="Youth diversion", presenter=chair)
    PaperFactory(agenda_item=done, title="Youth diversion paper")
    for day in (TODAY, TODAY, deadline, TODAY + datetime.timedelta(days=1)):
        with django_capture_on_commit_callbacks(execute=True):
            reminders.send_papers_due_reminders(today=day)
    messages = _emails_to(member)
    assert len(messages) == 2
    assert "Court backlog" in messages[0].body and "in 3 days" in messages[0].subject
    assert "today" in messages[1].subject
    assert _emails_to(chair) == []  # paper already in


def test_action_due_in_three_days_and_overdue_weekly(
    forum, member, django_capture_on_commit_callbacks
):
    ActionFactory(
        forum=forum,
        owner=member,
        title="Publish the witness care leaflet",
        due_date=TODAY + datetime.timedelta(days=3),
    )
    ActionFactory(
        forum=forum,
        owner=member,
        title="Review remand figures",
        due_date=TODAY - datetime.timedelta(days=10),
    )
    ActionFactory(
        forum=forum,
        owner=member,
        title="Done already",
        status="done",
        due_date=TODAY - datetime.timedelta(days=10),
    )
    monday = TODAY - datetime.timedelta(days=TODAY.weekday())
    for day in (monday, monday, monday + datetime.timedelta(days=2)):
        with django_capture_on_commit_callbacks(execute=True):
            send_action_reminders.delay(day.isoformat())
    with django_capture_on_commit_callbacks(execute=True):
        send_action_reminders.delay((monday + datetime.timedelta(days=7)).isoformat())
    overdue = [m for m in _emails_to(member) if "overdue" in m.subject]
    assert len(overdue) == 2  # once a week
    assert "Review remand figures" in overdue[0].body
    assert "Done already" not in overdue[0].body


def test_action_due_in_three_days_is_sent_once(forum, member, django_capture_on_commit_callbacks):
    ActionFactory(
        forum=forum,
        owner=member,
        title="Publish the leaflet",
        due_date=TODAY + datetime.timedelta(days=3),
    )
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            reminders.send_action_reminders(today=TODAY)
    (message,) = _emails_to(member)
    assert "Publish the leaflet" in message.body
    assert "due in 3 days" in message.subject


def test_other_forum_member_is_never_reminded(
    meeting_next_week, member, other_forum_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_meeting_reminders(today=TODAY)
    assert len(_emails_to(member)) == 1
    assert _emails_to(other_forum_member) == []


def test_the_daily_task_uses_the_local_date_when_time_is_frozen_at_7am(
    forum, member, django_capture_on_commit_callbacks
):
    import time_machine

    meeting_day = TODAY + datetime.timedelta(days=9)
    MeetingFactory(
        forum=forum, agenda_published=True, title="Frozen-time board", starts_at=at(meeting_day)
    )
    seven_am = at(meeting_day - datetime.timedelta(days=7), hour=7)
    for moment in (seven_am, seven_am + datetime.timedelta(days=1)):
        with (
            time_machine.travel(moment, tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            send_meeting_reminders.delay()
    (message,) = _emails_to(member)
    assert "Frozen-time board" in message.subject


def test_a_guest_presenter_is_not_sent_a_confidential_items_title(
    forum, data_submitter, django_capture_on_commit_callbacks
):
    deadline = TODAY + datetime.timedelta(days=3)
    meeting = MeetingFactory(
        forum=forum, agenda_published=True, days_ahead=10, papers_deadline=deadline
    )
    AgendaItemFactory(
        meeting=meeting,
        title="Gold command review",
        presenter=data_submitter,
        confidentiality=Confidentiality.CONFIDENTIAL,
    )
    AgendaItemFactory(meeting=meeting, title="Court data quality", presenter=data_submitter)
    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_papers_due_reminders(today=TODAY)
    (message,) = _emails_to(data_submitter)
    assert "Court data quality" in message.body
    assert "Gold command" not in message.body


def test_action_on_a_restricted_item_is_not_sent_to_an_owner_not_named_on_it(
    forum, member, advisory_member, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(forum=forum, agenda_published=True)
    item = AgendaItemFactory(
        meeting=meeting,
        title="Covert tasking",
        confidentiality=Confidentiality.RESTRICTED,
        restricted_to=[member],
    )
    for owner in (member, advisory_member):
        ActionFactory(
            forum=forum,
            owner=owner,
            agenda_item=item,
            title=f"Covert follow-up for {owner.pk}",
            due_date=TODAY + datetime.timedelta(days=3),
        )
    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_action_reminders(today=TODAY)
    assert len(_emails_to(member)) == 1
    assert _emails_to(advisory_member) == []
