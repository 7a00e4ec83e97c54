"""Minutes approved by the board in writing, between meetings (issue 12: minutes that close)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from forums.models import Meeting, Minutes, WrittenProcedure
from forums.services.minutes import minutes_put_in_writing
from tests.forums.factories import MinutesFactory
from tests.forums.test_procedures import AGREE, OBJECT, answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def minutes(forum, chair, member, secretariat):
    return MinutesFactory(meeting__forum=forum, meeting__held=True, circulated=True)


def _url(minutes):
    meeting = minutes.meeting
    return reverse("meetings:workspace-minutes-in-writing", args=[meeting.forum.slug, meeting.pk])


def _deadline_form(days=7):
    closes = timezone.localdate() + datetime.timedelta(days=days)
    return {"closes_on": closes.isoformat(), "closes_time": "17:00"}


def _client(person):
    client = Client()
    client.force_login(person)
    return client


def test_the_secretariat_asks_the_board_and_agreement_approves_the_minutes(
    minutes, secretariat, chair, member
):
    client = _client(secretariat)
    minutes_page = reverse(
        "meetings:workspace-minutes", args=[minutes.meeting.forum.slug, minutes.meeting.pk]
    )
    assert "Ask the board to approve in writing" in client.get(minutes_page).text
    response = client.post(_url(minutes), _deadline_form())
    assert response.status_code == 302, response.content.decode()[-1500:]
    procedure = WrittenProcedure.objects.get(minutes=minutes)
    assert procedure.title.startswith("Approve the minutes of the meeting on")
    assert "Ask the board to approve in writing" not in client.get(minutes_page).text
    answer(procedure, chair, AGREE)
    answer(procedure, member, AGREE)  # every agency has answered: the procedure concludes
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.APPROVED
    assert minutes.approved_via == Minutes.ApprovedVia.IN_WRITING
    assert minutes.meeting.status == Meeting.Status.MINUTES_APPROVED
    assert "By the board in writing" in client.get(minutes_page).text


def test_an_objection_leaves_the_minutes_to_be_approved_another_way(
    minutes, secretariat, chair, member
):
    procedure = minutes_put_in_writing(
        minutes=minutes, by=secretariat, closes_at=timezone.now() + datetime.timedelta(days=7)
    )
    answer(procedure, chair, AGREE)
    answer(procedure, member, OBJECT)
    minutes.refresh_from_db()
    assert minutes.status == Minutes.Status.CIRCULATED
    assert minutes.approved_via == ""


def test_the_board_is_asked_once_and_only_about_circulated_minutes(
    forum, minutes, secretariat, chair, member
):
    client = _client(secretariat)
    client.post(_url(minutes), _deadline_form())
    again = client.post(_url(minutes), _deadline_form())
    assert "already being asked to approve these minutes" in again.text
    assert WrittenProcedure.objects.filter(minutes=minutes).count() == 1
    draft = MinutesFactory(meeting__forum=forum, meeting__held=True)
    response = client.get(_url(draft))
    assert response.status_code == 302  # back to the minutes with the reason
    assert not WrittenProcedure.objects.filter(minutes=draft).exists()


def test_a_past_deadline_is_refused_next_to_the_field_and_keeps_what_was_typed(
    minutes, secretariat
):
    page = _client(secretariat).post(_url(minutes), _deadline_form(days=-2))
    assert page.status_code == 200
    assert "The deadline must be in the future" in page.text
    assert 'value="17:00"' in page.text
    assert not WrittenProcedure.objects.exists()


@pytest.mark.parametrize("role", ["member_client", "advisory_client"])
def test_members_may_not_put_minutes_to_the_board(request, role, minutes):
    client = request.getfixturevalue(role)
    assert client.post(_url(minutes), _deadline_form()).status_code == 403
    assert not WrittenProcedure.objects.exists()


def test_another_forums_member_and_visitors_are_refused(minutes, other_forum_member_client, client):
    assert other_forum_member_client.get(_url(minutes)).status_code == 404
    response = client.get(_url(minutes))
    assert response.status_code == 302 and "sign-in" in response["Location"]
