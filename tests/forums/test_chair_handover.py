"""A new chair takes over from the current one in one step (after an election, say)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from forums.models import Membership
from tests.membership.factories import AgencyFactory, UserFactory, agency_type

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def add_chair(client, forum, email, **extra):
    agency = AgencyFactory(agency_type=agency_type("pcc"))
    return client.post(
        reverse("forums:membership-add", args=[forum.slug]),
        {
            "person": email,
            "agency": agency.pk,
            "role": "chair",
            "can_commit_resources": "yes",
            "start_date": TODAY.isoformat(),
            **extra,
        },
    )


def test_new_chair_takes_over_and_the_old_chairs_seat_ends_the_day_before(
    secretariat_client, secretariat, forum, chair
):
    UserFactory(email="new.chair@example.org")
    response = add_chair(
        secretariat_client, forum, "new.chair@example.org", takes_over_as_chair="on"
    )
    assert response.status_code == 302
    old = Membership.objects.get(forum=forum, person=chair)
    assert old.end_date == TODAY - datetime.timedelta(days=1)
    current = Membership.objects.current().filter(forum=forum, role=Membership.Role.CHAIR)
    assert [m.person.email for m in current] == ["new.chair@example.org"]
    assert old.history.first().history_user == secretariat  # who ended it is kept


def test_without_taking_over_the_one_chair_rule_still_explains_itself(
    secretariat_client, forum, chair
):
    UserFactory(email="new.chair@example.org")
    response = add_chair(secretariat_client, forum, "new.chair@example.org")
    assert response.status_code == 200
    assert "already has a chair" in response.content.decode()
    assert Membership.objects.get(forum=forum, person=chair).end_date is None


def test_taking_over_is_refused_for_a_seat_that_is_not_the_chair(secretariat_client, forum, chair):
    UserFactory(email="someone@example.org")
    agency = AgencyFactory(agency_type=agency_type("probation"))
    response = secretariat_client.post(
        reverse("forums:membership-add", args=[forum.slug]),
        {
            "person": "someone@example.org",
            "agency": agency.pk,
            "role": "member",
            "can_commit_resources": "yes",
            "start_date": TODAY.isoformat(),
            "takes_over_as_chair": "on",
        },
    )
    assert response.status_code == 200
    assert "Only tick this when the new seat is the chair" in response.content.decode()
    assert Membership.objects.get(forum=forum, person=chair).end_date is None


def test_member_cannot_add_a_chair(member_client, secretariat_client, forum, chair):
    UserFactory(email="new.chair@example.org")
    response = add_chair(member_client, forum, "new.chair@example.org", takes_over_as_chair="on")
    assert response.status_code == 403
    assert Membership.objects.get(forum=forum, person=chair).end_date is None
    response = add_chair(
        secretariat_client, forum, "new.chair@example.org", takes_over_as_chair="on"
    )
    assert response.status_code == 302
    assert Membership.objects.get(forum=forum, person=chair).end_date is not None
