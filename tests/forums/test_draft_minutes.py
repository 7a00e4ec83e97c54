"""Draft minutes are the secretariat's and the chair's until circulated (issue 11, hole 6)."""

import pytest
from django.urls import reverse

from forums import confidentiality
from forums.models import MinuteEntry
from forums.services import minutes as minute_services
from tests.forums.factories import (
    ActionFactory,
    DecisionFactory,
    MinuteEntryFactory,
    days_from_today,
)

pytestmark = pytest.mark.django_db

DRAFT_TEXT = "Draft wording on the youth remand backlog"
NOT_CIRCULATED = "These minutes have not been circulated yet"


@pytest.fixture
def entry(forum):
    return MinuteEntryFactory(
        minutes__meeting__forum=forum, minutes__meeting__held=True, text=DRAFT_TEXT
    )


def _urls(entry):
    meeting = entry.minutes.meeting
    args = [meeting.forum.slug, meeting.pk]
    return {
        "page": reverse("meetings:workspace-minutes", args=args),
        "history": reverse("meetings:workspace-minute-history", args=[*args, entry.pk]),
        "comment": reverse("meetings:workspace-minute-comment", args=[*args, entry.pk]),
    }


@pytest.mark.parametrize("role", ["secretariat_client", "chair_client"])
def test_those_who_run_the_forum_read_the_draft(request, role, entry):
    client = request.getfixturevalue(role)
    urls = _urls(entry)
    page = client.get(urls["page"]).content.decode()
    assert DRAFT_TEXT in page
    assert NOT_CIRCULATED not in page
    assert client.get(urls["history"]).status_code == 200


@pytest.mark.parametrize("role", ["member_client", "advisory_client"])
def test_members_see_only_that_the_minutes_are_not_circulated(request, role, entry, secretariat):
    client = request.getfixturevalue(role)
    urls = _urls(entry)
    page = client.get(urls["page"])
    assert page.status_code == 200
    assert NOT_CIRCULATED in page.content.decode()
    assert DRAFT_TEXT not in page.content.decode()
    assert client.get(urls["history"]).status_code == 404
    assert client.post(urls["comment"], {"text": "Early view"}).status_code == 404
    # Control: once circulated the same member reads the entry, its history and may comment.
    minute_services.minutes_circulate(
        minutes=entry.minutes, by=secretariat, comments_close_on=days_from_today(14)
    )
    page = client.get(urls["page"]).content.decode()
    assert DRAFT_TEXT in page and NOT_CIRCULATED not in page
    assert client.get(urls["history"]).status_code == 200
    assert client.post(urls["comment"], {"text": "Early view"}).status_code == 302


def test_data_submitter_is_refused_the_minutes(data_submitter_client, entry):
    assert data_submitter_client.get(_urls(entry)["page"]).status_code == 403


def test_search_does_not_return_draft_entries_to_members(
    member_client, secretariat_client, entry, forum
):
    circulated = MinuteEntryFactory(
        minutes__meeting__forum=forum,
        minutes__circulated=True,
        text="Circulated wording on the youth remand backlog",
    )
    url = reverse("meetings:workspace-search")
    member_page = member_client.get(url, {"q": "youth remand backlog"}).content.decode()
    assert circulated.text in member_page
    assert DRAFT_TEXT not in member_page
    runner_page = secretariat_client.get(url, {"q": "youth remand backlog"}).content.decode()
    assert DRAFT_TEXT in runner_page and circulated.text in runner_page


def test_one_rule_for_querysets_and_objects(member, secretariat, entry):
    entries = MinuteEntry.objects.filter(pk=entry.pk)
    assert not confidentiality.visible_to(entries, member).exists()
    assert not confidentiality.visible_to(entries, member, entry.minutes.meeting.forum).exists()
    assert not confidentiality.can_see(member, entry)
    assert not member.has_perm("forums.read_minutes", entry.minutes)
    assert confidentiality.visible_to(entries, secretariat).exists()
    assert confidentiality.can_see(secretariat, entry)
    assert secretariat.has_perm("forums.read_minutes", entry.minutes)


@pytest.mark.parametrize("role", ["member_client", "advisory_client"])
def test_decisions_and_actions_of_a_meeting_with_draft_minutes_reach_members(
    request, role, entry, forum
):
    """Decided (ADR 5, addendum): what the board decided and who must act are the members'
    as soon as they are recorded; only the minutes' wording waits for circulation."""
    meeting = entry.minutes.meeting
    decision = DecisionFactory(forum=forum, meeting=meeting, text="Adopt the remand protocol")
    action = ActionFactory(forum=forum, meeting=meeting, title="Publish the remand protocol")
    client = request.getfixturevalue(role)
    decisions = client.get(reverse("meetings:workspace-decisions", args=[forum.slug]))
    actions = client.get(reverse("meetings:workspace-actions", args=[forum.slug]))
    assert decision.text in decisions.content.decode()
    assert action.title in actions.content.decode()
    minutes_page = client.get(_urls(entry)["page"]).content.decode()
    assert DRAFT_TEXT not in minutes_page
