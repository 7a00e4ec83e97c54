"""Minutes that close: the chair approves at a later meeting once it has started, or by the
chair's action between meetings (reported at the next meeting); circulating and publishing are
checked before they happen."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from forums.models import Minutes
from forums.services import minutes as minute_services
from tests.forums.factories import (
    AgendaItemFactory,
    MeetingFactory,
    MinuteEntryFactory,
    MinutesFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def circulated(forum):
    meeting = MeetingFactory(forum=forum, held=True)
    return MinutesFactory(meeting=meeting, circulated=True)


def _approve_url(minutes):
    return reverse(
        "meetings:workspace-minutes-approve", args=[minutes.meeting.forum.slug, minutes.meeting.pk]
    )


def test_the_form_offers_only_meetings_that_can_approve(chair_client, forum, circulated):
    started = MeetingFactory(
        forum=forum, starts_at=timezone.now() - datetime.timedelta(hours=1), title="Started"
    )
    MeetingFactory(forum=forum, days_ahead=20)  # not started yet
    MeetingFactory(
        forum=forum, starts_at=timezone.now() - datetime.timedelta(days=2), cancelled=True
    )
    MeetingFactory(forum=MeetingFactory().forum, starts_at=timezone.now())  # another forum
    page = chair_client.get(_approve_url(circulated)).content.decode()
    assert page.count('name="route"') == 2  # the started meeting and the chair's action
    assert f'value="{started.pk}"' in page
    assert "By the chair&#x27;s action, between meetings" in page


def test_with_no_meeting_able_to_approve_the_form_says_when_the_next_one_is(
    chair_client, forum, circulated
):
    next_meeting = MeetingFactory(forum=forum, days_ahead=20)
    next_meeting.starts_at = next_meeting.starts_at.replace(hour=14, minute=0)
    next_meeting.save()
    page = chair_client.get(_approve_url(circulated)).content.decode()
    when = timezone.localtime(next_meeting.starts_at)
    assert f"The next meeting is on {when.day} {when:%B %Y}, 2pm" in page
    assert "can be approved there once it has started" in page


def test_chair_approves_at_a_started_meeting(chair_client, chair, forum, circulated):
    later = MeetingFactory(forum=forum, starts_at=timezone.now() - datetime.timedelta(minutes=5))
    response = chair_client.post(_approve_url(circulated), {"route": later.pk})
    assert response.status_code == 302
    circulated.refresh_from_db()
    assert circulated.is_approved
    assert circulated.approved_via == Minutes.ApprovedVia.MEETING
    assert circulated.approved_at_meeting == later
    assert circulated.approved_by == chair
    page = chair_client.get(response.url).content.decode()
    assert "Approved by the chair by" not in page
    assert f", by {chair}, at the meeting on" in page


def test_chair_approves_by_chairs_action_and_it_is_reported_at_the_next_meeting(
    chair_client, member_client, chair, forum, circulated
):
    chair_client.post(_approve_url(circulated), {"route": "chairs_action"})
    circulated.refresh_from_db()
    assert circulated.approved_via == Minutes.ApprovedVia.CHAIRS_ACTION
    assert circulated.approved_by == chair and circulated.approved_at_meeting is None
    page = chair_client.get(
        reverse("meetings:workspace-minutes", args=[forum.slug, circulated.meeting.pk])
    ).content.decode()
    assert "By the chair's action on" in page and str(chair) in page
    # The next meeting's "minutes of the previous meeting" item reports it.
    next_meeting = MeetingFactory(forum=forum, agenda_published=True)
    AgendaItemFactory(meeting=next_meeting, kind="previous_minutes", title="Previous minutes")
    agenda = member_client.get(
        reverse("meetings:workspace-meeting", args=[forum.slug, next_meeting.pk])
    ).content.decode()
    assert "approved by the chair's action on" in agenda
    assert "reported for noting" in agenda


def test_service_refuses_a_meeting_that_has_not_started(chair, forum, circulated):
    future = MeetingFactory(forum=forum, days_ahead=3)
    with pytest.raises(ValidationError):
        minute_services.minutes_approve(minutes=circulated, approved_by=chair, at_meeting=future)
    cancelled = MeetingFactory(
        forum=forum, starts_at=timezone.now() - datetime.timedelta(hours=2), cancelled=True
    )
    with pytest.raises(ValidationError):
        minute_services.minutes_approve(minutes=circulated, approved_by=chair, at_meeting=cancelled)


def test_approval_page_refuses_before_offering_a_form_for_draft_minutes(chair_client, forum):
    draft = MinutesFactory(meeting=MeetingFactory(forum=forum, held=True))
    response = chair_client.get(_approve_url(draft), follow=True)
    assert "Only circulated minutes can be approved" in response.content.decode()
    assert 'name="route"' not in response.content.decode()


def test_circulating_shows_who_is_told_before_anything_is_sent(secretariat_client, member, forum):
    minutes = MinutesFactory(meeting=MeetingFactory(forum=forum, held=True))
    url = reverse("meetings:workspace-minutes-circulate", args=[forum.slug, minutes.meeting.pk])
    check = secretariat_client.post(url, {"comments_close_on": "2099-01-31"}, follow=True)
    body = check.content.decode()
    assert "Comments close on 31 January 2099" in body
    assert "Check before you circulate the draft minutes" in body
    assert member.full_name in body
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.DRAFT and not mail.outbox
    secretariat_client.post(url, {"comments_close_on": "2099-01-31", "confirmed": "yes"})
    minutes.refresh_from_db()
    assert minutes.is_circulated
    assert str(minutes.comments_close_on) == "2099-01-31"


def test_publishing_shows_what_becomes_public_then_publishes(secretariat_client, forum):
    minutes = MinutesFactory(meeting=MeetingFactory(forum=forum, held=True), approved=True)
    MinuteEntryFactory(minutes=minutes, agenda_item__title="Victims' Code compliance")
    MinuteEntryFactory(
        minutes=minutes, agenda_item__title="Covert operation", agenda_item__restricted=True
    )
    url = reverse("meetings:workspace-minutes-publish", args=[forum.slug, minutes.meeting.pk])
    body = secretariat_client.get(url).content.decode()
    assert "What the public will see" in body
    assert "Victims&#x27; Code compliance" in body and "Covert operation" not in body
    minutes.refresh_from_db()
    assert not minutes.is_published
    secretariat_client.post(url)
    minutes.refresh_from_db()
    assert minutes.is_published


@pytest.mark.parametrize("role", ["secretariat_client", "member_client"])
def test_only_the_chair_may_approve(request, role, circulated):
    assert request.getfixturevalue(role).get(_approve_url(circulated)).status_code == 403


def test_anonymous_is_sent_to_sign_in_and_other_forums_get_404(
    client, other_forum_member_client, circulated
):
    assert "/accounts/sign-in/" in client.get(_approve_url(circulated)).url
    assert other_forum_member_client.get(_approve_url(circulated)).status_code == 404


def test_the_next_meetings_minutes_report_the_chairs_action(secretariat_client, forum):
    earlier = MeetingFactory(forum=forum, held=True)
    MinutesFactory(meeting=earlier, by_chairs_action=True)
    later = MeetingFactory(forum=forum, starts_at=timezone.now() - datetime.timedelta(hours=3))
    MinutesFactory(meeting=later)
    page = secretariat_client.get(
        reverse("meetings:workspace-minutes", args=[forum.slug, later.pk])
    ).content.decode()
    when = timezone.localtime(earlier.starts_at)
    assert f"Reported: the minutes of the meeting on {when.day} {when:%B %Y}" in page
    assert "were approved by the chair's action on" in page


def test_a_meeting_not_offered_is_refused_next_to_the_question(chair_client, forum, circulated):
    future = MeetingFactory(forum=forum, days_ahead=5)
    response = chair_client.post(_approve_url(circulated), {"route": future.pk})
    assert "Choose one of the meetings listed, or the chair&#x27;s action" in (
        response.content.decode()
    )
    circulated.refresh_from_db()
    assert circulated.is_circulated
