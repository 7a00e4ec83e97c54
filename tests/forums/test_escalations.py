"""Escalations: sub-group to parent board, board to national; who may see and answer them."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from forums.models import Escalation, Membership
from tests.forums.factories import ForumFactory, MeetingFactory, MembershipFactory
from tests.membership.factories import UserFactory

pytestmark = pytest.mark.django_db


def client_for(person):
    client = Client()
    client.force_login(person)
    return client


def test_member_raises_a_national_escalation_which_national_viewers_answer(member_client, forum):
    response = member_client.post(
        reverse("meetings:workspace-escalation-raise", args=[forum.slug]),
        {"level": "national", "title": "Court backlog", "description": "Trials wait two years"},
    )
    assert response.status_code == 302
    escalation = Escalation.objects.get()
    national = client_for(UserFactory(national_viewer=True))
    page = national.get(reverse("meetings:workspace-national-escalations"))
    assert "Court backlog" in page.content.decode()
    national.post(
        reverse("meetings:workspace-national-escalations"),
        {"escalation": escalation.pk, "response": "Raised with HMCTS"},
    )
    escalation.refresh_from_db()
    assert escalation.status == Escalation.Status.RESPONDED


def test_national_page_is_refused_to_members(member_client):
    url = reverse("meetings:workspace-national-escalations")
    assert client_for(UserFactory(national_viewer=True)).get(url).status_code == 200
    assert member_client.get(url).status_code == 403


def test_escalation_without_description_keeps_the_title(member_client, forum):
    response = member_client.post(
        reverse("meetings:workspace-escalation-raise", args=[forum.slug]),
        {"level": "national", "title": "Court backlog"},
    )
    body = response.content.decode()
    assert "Enter what the issue is" in body and "Court backlog" in body


def test_sub_group_escalation_is_proposed_to_the_parent_and_answered(forum, secretariat_client):
    sub_group = ForumFactory(kind="sub_group", parent=forum, slug="victims-group")
    person = MembershipFactory(forum=sub_group, role=Membership.Role.MEMBER).person
    meeting = MeetingFactory(forum=forum, starts_at=timezone.now() + datetime.timedelta(days=9))
    client_for(person).post(
        reverse("meetings:workspace-escalation-raise", args=[sub_group.slug]),
        {"level": "parent_board", "title": "Witness care gaps", "description": "No cover"},
    )
    escalation = Escalation.objects.get()
    assert escalation.agenda_item.meeting == meeting
    page = secretariat_client.get(
        reverse("meetings:workspace-meeting", args=[forum.slug, meeting.pk])
    )
    assert "Witness care gaps" in page.content.decode()
    secretariat_client.post(
        reverse(
            "meetings:workspace-item-accept",
            args=[forum.slug, meeting.pk, escalation.agenda_item.pk],
        )
    )
    escalation.agenda_item.refresh_from_db()
    assert escalation.agenda_item.status == "on_agenda"
    secretariat_client.post(
        reverse("meetings:workspace-escalation-respond", args=[forum.slug, escalation.pk]),
        {"response": "Agreed to fund cover"},
    )
    escalation.refresh_from_db()
    assert escalation.response == "Agreed to fund cover"


def test_member_cannot_respond_to_a_sub_group_escalation(member_client, secretariat_client, forum):
    sub_group = ForumFactory(kind="sub_group", parent=forum)
    escalation = Escalation.objects.create(
        from_forum=sub_group,
        to_forum=forum,
        level="parent_board",
        title="X",
        description="Y",
        raised_by=UserFactory(),
    )
    url = reverse("meetings:workspace-escalation-respond", args=[forum.slug, escalation.pk])
    assert secretariat_client.get(url).status_code == 200
    assert member_client.get(url).status_code == 403


def test_escalation_waits_for_the_parents_next_meeting(forum, secretariat):
    from forums.services.meetings import meeting_schedule

    sub_group = ForumFactory(kind="sub_group", parent=forum)
    person = MembershipFactory(forum=sub_group).person
    from forums.services.actions import escalation_raise

    escalation = escalation_raise(
        from_forum=sub_group, by=person, level="parent_board", title="Gap", description="No cover"
    )
    assert escalation.agenda_item is None
    meeting = meeting_schedule(
        forum=forum,
        by=secretariat,
        title="Board",
        starts_at=timezone.now() + datetime.timedelta(days=5),
    )
    escalation.refresh_from_db()
    assert escalation.agenda_item.meeting == meeting
    assert escalation.status == Escalation.Status.ON_AGENDA
