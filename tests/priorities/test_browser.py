"""In real Chromium with axe: the public consultation form and a workspace priority page."""

import pytest
from django.urls import reverse

from forums.models import Membership
from priorities.models import Priority, SignOff
from tests.browser import assert_accessible, assert_error_title, sign_in
from tests.membership.factories import PASSWORD
from tests.priorities.factories import (
    ConsultationFactory,
    ObjectiveFactory,
    PriorityFactory,
    QuestionFactory,
    RiskFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_public_answers_a_consultation_and_secretariat_reads_a_priority(
    live_server, page, forum, secretariat, member, chair, monkeypatch
):
    monkeypatch.setattr("priorities.forms.public.MIN_SECONDS_TO_ANSWER", 0)
    consultation = ConsultationFactory(forum=forum, title="Draft priorities for next year")
    QuestionFactory(consultation=consultation, text="What matters most to you?", order=1)
    QuestionFactory(
        consultation=consultation,
        text="Should vulnerable witnesses be a priority?",
        kind="choice",
        choices="Yes\nNo\nNot sure",
        order=2,
    )
    url = live_server.url + reverse(
        "priorities:public-consultation", args=[forum.slug, consultation.pk]
    )

    page.goto(url)
    assert_accessible(page)
    page.get_by_role("button", name="Send your answers").click()
    assert_error_title(page)
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)

    page.get_by_label("What matters most to you?").fill("Being told when my trial is.")
    page.get_by_role("group", name="Should vulnerable witnesses be a priority?").get_by_label(
        "Yes"
    ).check()
    page.get_by_role("group", name="Your age").get_by_label("25 to 44").check()
    page.get_by_role("button", name="Send your answers").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Answers sent"
    assert_accessible(page)
    assert consultation.responses.get().age_band == "25_44"

    priority = PriorityFactory(
        forum=forum,
        status=Priority.Status.SIGN_OFF,
        sign_off_round=1,
        title="Fewer trials fail because witnesses do not attend",
    )
    ObjectiveFactory(priority=priority)
    SignOff.objects.create(
        priority=priority,
        round=1,
        agency=Membership.objects.get(person=member).agency,
        decision=SignOff.Decision.RESERVATIONS,
        comment="Depends on staffing",
        signed_by=member,
    )
    RiskFactory(forum=forum, priority=priority)
    sign_in(page, live_server.url, secretariat.email, PASSWORD)
    page.goto(live_server.url + reverse("priorities:detail", args=[forum.slug, priority.pk]))
    assert "Depends on staffing" in page.content()
    assert "Not signed yet" in page.content()
    assert_accessible(page)
    page.goto(live_server.url + reverse("priorities:risks", args=[forum.slug]))
    assert_accessible(page)
