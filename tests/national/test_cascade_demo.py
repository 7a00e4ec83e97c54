"""The demo shows the cascade: national items sent to local boards, one accepted, one
scheduled for a meeting and one declined, and one waiting on Cleveland's home; seeding again
changes nothing."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from membership.models import User
from national.models_cascade import CascadeItem, CascadeRecipient

pytestmark = pytest.mark.django_db
Status = CascadeRecipient.Status


def _seed():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_the_demo_sends_items_that_boards_accepted_scheduled_and_declined(client):
    _seed()
    statuses = sorted(CascadeRecipient.objects.values_list("forum__slug", "status"))
    assert ("cleveland-cjb", Status.SCHEDULED) in statuses
    assert ("durham-cjb", Status.ACCEPTED) in statuses
    assert ("west-yorkshire-cjb", Status.DECLINED) in statuses
    assert ("cleveland-cjb", Status.WAITING) in statuses
    scheduled = CascadeRecipient.objects.get(forum__slug="cleveland-cjb", status=Status.SCHEDULED)
    assert scheduled.meeting is not None and scheduled.forward_plan_item is not None
    _seed()
    assert CascadeItem.objects.count() == 2
    assert sorted(CascadeRecipient.objects.values_list("forum__slug", "status")) == statuses

    secretary = User.objects.get(email="secretariat@demo.lcjb.example")
    client.force_login(secretary)
    home = client.get(reverse("forums:workspace")).content.decode()
    assert "Items from the national team" in home
    national = User.objects.get(email="national@demo.lcjb.example")
    client.force_login(national)
    page = client.get(reverse("national:cascade")).content.decode()
    assert "Reduce the Crown Court backlog" in page
