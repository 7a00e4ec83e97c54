"""Check before you act: publishing the agenda, marking a meeting held and cancelling it show
what will happen, who is told and what becomes public, and act only on the confirming POST;
cancelling sits apart from the routine buttons, as a warning button."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from forums.models import Meeting
from tests.forums.factories import AgendaItemFactory, MeetingFactory, PaperFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(forum, secretariat):
    meeting = MeetingFactory(forum=forum, created_by=secretariat, title="Spring board")
    public = AgendaItemFactory(meeting=meeting, title="Community payback update")
    PaperFactory(agenda_item=public, title="Payback figures")
    AgendaItemFactory(meeting=meeting, title="Gang injunctions", confidential=True)
    return meeting


def _url(name, meeting):
    return reverse(f"meetings:{name}", args=[meeting.forum.slug, meeting.pk])


def test_publishing_the_agenda_shows_who_is_told_and_what_becomes_public_first(
    secretariat_client, member, chair, meeting
):
    page = secretariat_client.get(_url("workspace-publish-agenda", meeting)).content.decode()
    assert "Who will be told" in page
    assert member.full_name in page and chair.full_name in page
    assert "Agenda item: Community payback update" in page
    assert "Paper: Payback figures" in page
    assert "Gang injunctions" not in page  # shown publicly only as "Confidential item"
    assert "Agenda item: Confidential item" in page
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.SCHEDULED
    assert secretariat_client.post(_url("workspace-publish-agenda", meeting)).status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.AGENDA_PUBLISHED


def test_a_meeting_kept_off_the_public_site_makes_nothing_public(secretariat_client, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(is_public=False)
    page = secretariat_client.get(_url("workspace-publish-agenda", meeting)).content.decode()
    assert "Nothing becomes public." in page


def test_marking_held_asks_first(secretariat_client, forum, secretariat):
    meeting = MeetingFactory(forum=forum, created_by=secretariat, past=True)
    page = secretariat_client.get(_url("workspace-held", meeting)).content.decode()
    assert "Mark the meeting as held" in page and "Nobody will be told." in page
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.SCHEDULED
    secretariat_client.post(_url("workspace-held", meeting))
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD


def test_cancelling_asks_why_then_shows_who_is_told_then_cancels(
    secretariat_client, member, meeting, django_capture_on_commit_callbacks
):
    url = _url("workspace-cancel", meeting)
    missing = secretariat_client.post(url, {"reason": ""}).content.decode()
    assert "Enter why the meeting is cancelled" in missing
    check = secretariat_client.post(url, {"reason": "Not quorate"}).content.decode()
    assert member.full_name in check
    assert re.search(r'class="govuk-button govuk-button--warning"[^>]*>Cancel the meeting<', check)
    assert '<input type="hidden" name="reason" value="Not quorate">' in check
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.SCHEDULED
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        done = secretariat_client.post(url, {"reason": "Not quorate", "confirmed": "yes"})
    assert done.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED
    assert member.email in [message.to[0] for message in mail.outbox]


def test_cancel_is_a_warning_button_set_apart_from_the_routine_buttons(secretariat_client, meeting):
    page = secretariat_client.get(_url("workspace-meeting", meeting)).content.decode()
    groups = re.findall(r'<div class="govuk-button-group[^"]*">(.*?)</div>', page, re.S)
    (apart,) = [group for group in groups if "Cancel the meeting" in group]
    assert re.findall(r'class="govuk-button[^"]*"', apart) == [
        'class="govuk-button govuk-button--warning"'
    ]
    assert "Publish the agenda" not in apart and "Change details" not in apart
    assert any("Publish the agenda" in group for group in groups)


@pytest.mark.parametrize("name", ["workspace-publish-agenda", "workspace-held"])
def test_checks_are_for_whoever_runs_the_forum(
    client, member_client, other_forum_member_client, meeting, name
):
    url = _url(name, meeting)
    assert client.get(url).status_code == 302
    assert member_client.get(url).status_code == 403
    assert other_forum_member_client.get(url).status_code == 404


def test_marking_held_waits_for_the_start_with_the_reason(secretariat_client, secretariat, forum):
    """Offered only once the meeting has started (the one rule for recording actions)."""
    from django.core.exceptions import ValidationError

    from forums.services.meetings import meeting_mark_held

    future = MeetingFactory(forum=forum, agenda_published=True)
    page = secretariat_client.get(
        reverse("meetings:workspace-meeting", args=[forum.slug, future.pk])
    ).content.decode()
    assert "You can mark the meeting as held once the meeting has started" in page
    assert reverse("meetings:workspace-held", args=[forum.slug, future.pk]) not in page
    response = secretariat_client.post(_url("workspace-held", future))
    assert response.status_code == 302
    future.refresh_from_db()
    assert future.status == Meeting.Status.AGENDA_PUBLISHED
    with pytest.raises(ValidationError):
        meeting_mark_held(meeting=future, by=secretariat)
