"""The forward plan: the secretariat plans items; the public sees public items only."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from forums.models import ForwardPlanItem
from tests.forums.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_secretariat_plans_an_item_that_joins_the_meeting_that_month(secretariat_client, forum):
    meeting = MeetingFactory(forum=forum, starts_at=timezone.now() + datetime.timedelta(days=40))
    secretariat_client.post(
        reverse("meetings:workspace-forward-plan", args=[forum.slug]),
        {
            "title": "Domestic abuse deep dive",
            "planned_for": timezone.localtime(meeting.starts_at).date().isoformat(),
            "purpose": "discussion",
            "confidentiality": "public",
        },
    )
    item = ForwardPlanItem.objects.get()
    assert item.agenda_item.meeting == meeting


def test_member_sees_but_cannot_add_to_the_forward_plan(member_client, forum):
    url = reverse("meetings:workspace-forward-plan", args=[forum.slug])
    assert member_client.get(url).status_code == 200
    assert member_client.post(url, {"title": "X"}).status_code == 403


def test_public_forward_plan_shows_public_items_only(client, forum):
    today = timezone.localdate()
    ForwardPlanItem.objects.create(forum=forum, title="Open item", planned_for=today)
    ForwardPlanItem.objects.create(
        forum=forum, title="Hidden item", planned_for=today, confidentiality="confidential"
    )
    body = client.get(reverse("meetings:public-forward-plan", args=[forum.slug])).content.decode()
    assert "Open item" in body and "Hidden item" not in body


def test_forward_plan_without_title_says_so(secretariat_client, forum):
    response = secretariat_client.post(
        reverse("meetings:workspace-forward-plan", args=[forum.slug]),
        {
            "planned_for": timezone.localdate().isoformat(),
            "purpose": "discussion",
            "confidentiality": "public",
        },
    )
    assert "Enter the item title" in response.content.decode()
