"""The priorities demo data: every state the issue asks for, and safe to run twice."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from priorities.models import (
    AnnualEvaluation,
    Consultation,
    Priority,
    Response,
    Risk,
    SignOff,
    Tension,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("seed_demo", stdout=io.StringIO())


def counts():
    return [
        m.objects.count()
        for m in (Priority, SignOff, Tension, Risk, Consultation, Response, AnnualEvaluation)
    ]


def test_demo_has_the_whole_planning_cycle_and_is_safe_to_run_twice(seeded, client):
    before = counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert counts() == before
    cleveland = Priority.objects.filter(forum__slug="cleveland-cjb")
    assert {"draft", "sign_off", "agreed"} <= set(cleveland.values_list("status", flat=True))
    decisions = set(SignOff.objects.values_list("decision", flat=True))
    assert decisions == {"agree", "reservations", "disagree"}
    out = cleveland.get(status="sign_off")
    assert out.sign_offs.count() < 8  # some agencies have still to answer
    assert Risk.objects.filter(review_date__lt=timezone.localdate()).exists()
    states = {c.state for c in Consultation.objects.all()}
    assert {"Open", "Closed"} <= states
    assert AnnualEvaluation.objects.filter(status="approved").exists()
    assert cleveland.filter(delivery_actions__isnull=False).exists()
    page = client.get(reverse("priorities:public-list", args=["cleveland-cjb"]))
    assert "Fewer trials that fail" in page.content.decode()
    assert "Case files shared digitally" not in page.content.decode()
    themes = client.get(reverse("priorities:themes")).content.decode()
    assert "South Wales" in themes
