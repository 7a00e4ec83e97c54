"""A page offers a step exactly when the service behind it would take it: one rule for both.

For every status of a meeting (or of its minutes) the page is read for the button, then the
service is asked to do the step; the statuses where the button shows must be those where the
service acts.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from forums.models import Attendance, Meeting, Minutes
from forums.services.agenda import agenda_item_add
from forums.services.attendance import attendance_reply
from forums.services.meetings import (
    meeting_cancel,
    meeting_mark_held,
    meeting_publish_agenda,
    meeting_schedule,
)
from forums.services.minutes import (
    minute_comment_add,
    minutes_approve,
    minutes_circulate,
    minutes_publish,
    minutes_start,
)

pytestmark = pytest.mark.django_db
OPEN = {Meeting.Status.SCHEDULED, Meeting.Status.AGENDA_PUBLISHED}


def _meeting(forum, secretariat, status, days_ago=2) -> Meeting:
    meeting = meeting_schedule(
        forum=forum,
        by=secretariat,
        title="Board meeting",
        starts_at=timezone.now() - datetime.timedelta(days=days_ago),
    )
    agenda_item_add(meeting=meeting, by=secretariat, title="Youth justice")
    Meeting.objects.filter(pk=meeting.pk).update(status=status, cancelled_reason="Snow")
    meeting.refresh_from_db()
    return meeting


def _accepts(step) -> bool:
    try:
        step()
    except ValidationError:
        return False
    return True


def _meeting_page(client, meeting) -> str:
    return client.get(
        reverse("meetings:workspace-meeting", args=[meeting.forum.slug, meeting.pk])
    ).text


def _compare(client, forum, secretariat, text, step):
    offered, accepted = set(), set()
    for status in Meeting.Status.values:
        meeting = _meeting(forum, secretariat, status)
        if text(meeting) in _meeting_page(client, meeting):
            offered.add(status)
        if _accepts(lambda: step(meeting)):  # noqa: B023 (called at once)
            accepted.add(status)
    return offered, accepted


def test_publishing_the_agenda_is_offered_exactly_while_it_can_be_published(
    secretariat_client, secretariat, forum
):
    offered, accepted = _compare(
        secretariat_client,
        forum,
        secretariat,
        lambda meeting: "Publish the agenda",
        lambda meeting: meeting_publish_agenda(meeting=meeting, by=secretariat),
    )
    assert offered == accepted == {Meeting.Status.SCHEDULED}


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("Mark as held", lambda meeting, by: meeting_mark_held(meeting=meeting, by=by)),
        ("Cancel the meeting", lambda m, by: meeting_cancel(meeting=m, by=by, reason="Snow")),
        ("Add an agenda item", lambda m, by: agenda_item_add(meeting=m, by=by, title="Any")),
    ],
)
def test_changing_a_meeting_is_offered_exactly_while_it_is_open(
    secretariat_client, secretariat, forum, text, step
):
    offered, accepted = _compare(
        secretariat_client,
        forum,
        secretariat,
        lambda meeting: text,
        lambda meeting: step(meeting, secretariat),
    )
    assert offered == accepted == OPEN


def test_replying_is_offered_exactly_while_replies_are_taken(
    member_client, member, secretariat, forum
):
    offered, accepted = _compare(
        member_client,
        forum,
        secretariat,
        lambda meeting: reverse("meetings:workspace-rsvp", args=[forum.slug, meeting.pk]),
        lambda meeting: attendance_reply(
            meeting=meeting, person=member, reply=Attendance.Reply.ATTENDING
        ),
    )
    assert offered == accepted == OPEN


# --- minutes ----------------------------------------------------------------------------------


def _minutes(forum, secretariat, status) -> Minutes:
    meeting = _meeting(forum, secretariat, Meeting.Status.HELD, days_ago=3)
    minutes = minutes_start(meeting=meeting, by=secretariat)
    Minutes.objects.filter(pk=minutes.pk).update(status=status)
    minutes.refresh_from_db()
    return minutes


def _compare_minutes(client, forum, secretariat, text, step):
    offered, accepted = set(), set()
    for status in Minutes.Status.values:
        minutes = _minutes(forum, secretariat, status)
        meeting = minutes.meeting
        url = reverse("meetings:workspace-minutes", args=[forum.slug, meeting.pk])
        if text in client.get(url).text:
            offered.add(status)
        if _accepts(lambda: step(minutes)):  # noqa: B023 (called at once)
            accepted.add(status)
    return offered, accepted


def test_circulating_is_offered_exactly_for_draft_minutes(secretariat_client, secretariat, forum):
    offered, accepted = _compare_minutes(
        secretariat_client,
        forum,
        secretariat,
        "Circulate to members",
        lambda minutes: minutes_circulate(minutes=minutes, by=secretariat),
    )
    assert offered == accepted == {Minutes.Status.DRAFT}


def test_approving_is_offered_to_the_chair_exactly_for_circulated_minutes(
    chair_client, chair, secretariat, forum
):
    later = _meeting(forum, secretariat, Meeting.Status.HELD, days_ago=1)
    offered, accepted = _compare_minutes(
        chair_client,
        forum,
        secretariat,
        "Approve the minutes",
        lambda minutes: minutes_approve(minutes=minutes, approved_by=chair, at_meeting=later),
    )
    assert offered == accepted == {Minutes.Status.CIRCULATED}


def test_publishing_is_offered_exactly_for_approved_minutes(secretariat_client, secretariat, forum):
    offered, accepted = _compare_minutes(
        secretariat_client,
        forum,
        secretariat,
        "Publish the minutes",
        lambda minutes: minutes_publish(minutes=minutes, by=secretariat),
    )
    assert offered == accepted == {Minutes.Status.APPROVED}


def test_commenting_is_offered_to_members_exactly_while_minutes_are_circulated(
    member_client, member, secretariat, forum
):
    offered, accepted = _compare_minutes(
        member_client,
        forum,
        secretariat,
        "Comment on this minute",
        lambda minutes: minute_comment_add(
            entry=minutes.entries.first(), author=member, text="Please add the date"
        ),
    )
    assert offered == accepted == {Minutes.Status.CIRCULATED}
