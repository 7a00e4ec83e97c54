"""The demo shows national engagement: the APCC groups with members, an early-stage engagement
with a collective and an individual response, and an implementation update released to the
boards, each seen by the demo roles that may see it (and seeded twice without change)."""

import html

import pytest
from django.core.management import call_command
from django.urls import reverse

from forums.models import Forum
from membership.demo import demo_email
from membership.models import User
from national.demo_engagements import EARLY, UPDATE
from national.models import Engagement, EngagementResponse

pytestmark = pytest.mark.django_db


def _page(client, role, url):
    client.force_login(User.objects.get(email=demo_email(role)))
    response = client.get(url)
    return response.status_code, html.unescape(response.content.decode())


def test_the_demo_seeds_engagements_that_each_role_sees_as_it_should(client):
    for _ in range(2):  # idempotent
        call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Forum.objects.filter(kind=Forum.Kind.NATIONAL_GROUP).count() == 3
    early, update = Engagement.objects.get(title=EARLY), Engagement.objects.get(title=UPDATE)
    assert early.papers.count() == 1 and update.papers.count() == 1
    kinds = set(
        EngagementResponse.objects.filter(engagement=early).values_list(
            "respondent__kind", flat=True
        )
    )
    assert kinds == {Forum.Kind.LOCAL_BOARD, Forum.Kind.NATIONAL_GROUP}
    early_url = reverse("national:engagement", args=[early.pk])
    update_url = reverse("national:engagement", args=[update.pk])
    assert (
        _page(client, "national", reverse("national:engagement-responses", args=[early.pk]))[0]
        == 200
    )
    for role in ("secretariat", "chair"):
        status, page = _page(client, role, early_url)
        assert status == 200 and EARLY in page
    # Ordinary board members see only what was released to the boards.
    for role in ("member", "advisory"):
        assert _page(client, role, early_url)[0] == 404
        status, page = _page(client, role, update_url)
        assert status == 200 and UPDATE in page and "we have moved the start" in page
    # A member of South Wales' board is not in the audience of the early-stage engagement.
    assert _page(client, "other", early_url)[0] == 404
    status, page = _page(client, "secretariat", reverse("forums:workspace"))
    assert UPDATE in page  # awaiting Cleveland's response, on the home page
