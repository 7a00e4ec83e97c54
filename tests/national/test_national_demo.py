"""The demo shows the national layer: every area in the national view, an English regional
arrangement with a shared risk, a published self-assessment and a question from the team."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from forums.models import Forum
from membership.models import PoliceForceArea, User
from national import selectors
from national.models import NationalQuestion, NationalSubmission
from performance.models import Indicator
from priorities.models import SelfAssessment

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_the_demo_fills_the_national_layer(client, demo):
    row = selectors.core_data(indicator=Indicator.objects.get(slug="police_charge_rate"))[0]
    assert len(row.reporting) == PoliceForceArea.objects.count()  # every area has a figure
    generated = Forum.objects.filter(slug__startswith="demo-area-")
    assert all("(demonstration data)" in name for name in generated.values_list("name", flat=True))
    assert SelfAssessment.objects.published().filter(forum__slug="cleveland-cjb").exists()
    assert NationalSubmission.objects.filter(forum__slug="cleveland-cjb").exists()
    assert NationalQuestion.objects.filter(answered_at__isnull=True).exists()
    chair = User.objects.get(email="chair@demo.lcjb.example")
    client.force_login(chair)
    page = client.get(reverse("national:region-workspace", args=["north-east-cjb"]))
    assert "Witness Care Unit staffing falls short" in page.content.decode()
