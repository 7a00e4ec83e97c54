"""The admin pages of the priorities app open for a site admin; responses stay read-only."""

import pytest
from django.urls import reverse

from tests.priorities.factories import AnswerFactory, PriorityFactory, RiskFactory

pytestmark = pytest.mark.django_db

MODELS = [
    "theme",
    "priority",
    "tension",
    "risk",
    "consultation",
    "response",
    "annualevaluation",
    "deliveryaction",
    "prioritydiscussion",
]


@pytest.mark.parametrize("model", MODELS)
def test_admin_lists_open(site_admin_client, model):
    PriorityFactory()
    RiskFactory()
    assert site_admin_client.get(reverse(f"admin:priorities_{model}_changelist")).status_code == 200


def test_admin_priority_page_opens(site_admin_client):
    priority = PriorityFactory()
    target = reverse("admin:priorities_priority_change", args=[priority.pk])
    assert site_admin_client.get(target).status_code == 200


def test_consultation_responses_cannot_be_changed_in_admin(site_admin_client):
    answer = AnswerFactory()
    target = reverse("admin:priorities_response_change", args=[answer.response.pk])
    page = site_admin_client.get(target)
    assert page.status_code == 200 and answer.text in page.content.decode()  # read-only view
    assert site_admin_client.post(target, {}).status_code == 403
