"""The site admin can look up and correct meetings, minutes and actions."""

import pytest
from django.urls import reverse

from tests.forums.factories import ActionFactory, MinuteEntryFactory, PaperFactory

pytestmark = pytest.mark.django_db
MODELS = [
    "meeting",
    "agendaitem",
    "paper",
    "minutes",
    "minuteentry",
    "decision",
    "action",
    "escalation",
    "forwardplanitem",
    "declaration",
    "minutecomment",
    "meetingseries",
]


@pytest.mark.parametrize("model", MODELS)
def test_changelists_open(site_admin_client, model):
    MinuteEntryFactory()
    ActionFactory()
    PaperFactory()
    assert site_admin_client.get(reverse(f"admin:forums_{model}_changelist")).status_code == 200


def test_minutes_history_in_admin(site_admin_client):
    entry = MinuteEntryFactory()
    url = reverse("admin:forums_minutes_history", args=[entry.minutes.pk])
    assert site_admin_client.get(url).status_code == 200
    assert (
        site_admin_client.get(
            reverse("admin:forums_meeting_change", args=[entry.minutes.meeting.pk])
        ).status_code
        == 200
    )
