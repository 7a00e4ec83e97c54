"""The admin pages of the performance app open for a site admin."""

import pytest
from django.urls import reverse

from forums.models import Membership
from tests.performance.factories import PerformanceReturnFactory

pytestmark = pytest.mark.django_db

MODELS = [
    "indicator",
    "victimscoderight",
    "reportingperiod",
    "target",
    "performancereturn",
    "measurement",
    "periodpublication",
    "dataownerconfirmation",
    "meetingfigures",
]


@pytest.mark.parametrize("model", MODELS)
def test_changelists_open(site_admin_client, model):
    assert (
        site_admin_client.get(reverse(f"admin:performance_{model}_changelist")).status_code == 200
    )


def test_a_return_opens_with_its_figures_and_history(site_admin_client, forum, data_submitter):
    agency = Membership.objects.get(person=data_submitter, forum=forum).agency
    performance_return = PerformanceReturnFactory(
        forum=forum, agency=agency, figures={"cc_effective_trial_rate": "50"}
    )
    change = reverse("admin:performance_performancereturn_change", args=[performance_return.pk])
    assert b"Crown Court effective trial rate" in site_admin_client.get(change).content
    history = reverse("admin:performance_performancereturn_history", args=[performance_return.pk])
    assert site_admin_client.get(history).status_code == 200
