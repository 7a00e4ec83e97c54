"""Sign-off counts every answer for what it is: "Do not agree" is not a signature, and an agency
changing its answer starts from the one it gave."""

import re

import pytest
from django.urls import reverse

from forums.models import Membership
from priorities.models import SignOff
from tests.priorities.factories import ObjectiveFactory, PriorityFactory, SignOffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def out_for_sign_off(forum, chair, member, advisory_member):
    priority = PriorityFactory(forum=forum, in_sign_off=True)
    ObjectiveFactory(priority=priority)
    return priority


def agency_of(person):
    return Membership.objects.get(person=person).agency


def tally_on(page: str) -> dict[str, int]:
    found = re.findall(r'govuk-tag--\w+">(\d+)</strong> ([^<]+)</li>', page)
    return {answer.strip(): int(count) for count, answer in found}


def test_the_priority_page_splits_agree_reservations_do_not_agree_and_not_yet(
    secretariat_client, member, chair, out_for_sign_off
):
    SignOffFactory(
        priority=out_for_sign_off,
        agency=agency_of(member),
        decision=SignOff.Decision.DISAGREE,
        comment="Not without more CPS lawyers",
        signed_by=member,
    )
    page = secretariat_client.get(
        reverse("priorities:detail", args=[out_for_sign_off.forum.slug, out_for_sign_off.pk])
    ).content.decode()
    assert "have signed" not in page
    assert tally_on(page) == {
        "Agree": 0,
        "Agree with reservations": 0,
        "Do not agree": 1,
        "Not answered yet": 1,  # the chair's agency; an advisory member's never signs
    }


def test_the_priority_list_counts_each_answer_separately(
    secretariat_client, member, chair, out_for_sign_off
):
    SignOffFactory(
        priority=out_for_sign_off,
        agency=agency_of(member),
        decision=SignOff.Decision.DISAGREE,
        comment="No",
        signed_by=member,
    )
    SignOffFactory(priority=out_for_sign_off, agency=agency_of(chair), signed_by=chair)
    listing = secretariat_client.get(
        reverse("priorities:workspace-list", args=[out_for_sign_off.forum.slug])
    ).content.decode()
    assert "1 agree, 0 with reservations, 1 do not agree, 0 not answered yet" in listing
    assert "agencies signed" not in listing


def test_the_sign_off_form_starts_from_the_agencys_current_answer(
    member_client, member, out_for_sign_off
):
    SignOffFactory(
        priority=out_for_sign_off,
        agency=agency_of(member),
        decision=SignOff.Decision.RESERVATIONS,
        comment="Only if CPS staffing allows",
        signed_by=member,
    )
    page = member_client.get(
        reverse("priorities:sign-off", args=[out_for_sign_off.forum.slug, out_for_sign_off.pk])
    ).content.decode()
    checked = re.findall(r"<input[^>]*checked[^>]*>", page)
    assert len(checked) == 1 and 'value="reservations"' in checked[0]
    assert "Only if CPS staffing allows</textarea>" in page


def test_the_sign_off_form_chooses_nothing_before_the_agency_answers(
    member_client, out_for_sign_off
):
    page = member_client.get(
        reverse("priorities:sign-off", args=[out_for_sign_off.forum.slug, out_for_sign_off.pk])
    ).content.decode()
    assert not re.findall(r"<input[^>]*checked[^>]*>", page)
