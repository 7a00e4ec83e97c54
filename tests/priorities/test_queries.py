"""Workspace planning pages issue the same number of queries however much data there is."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from forums.models import Action, ActionUpdate, Membership
from priorities.models import SignOff
from tests.priorities.factories import (
    AnswerFactory,
    ConsultationFactory,
    ObjectiveFactory,
    PriorityFactory,
    QuestionFactory,
    RiskFactory,
    TensionFactory,
)
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


def grow(forum, priority, consultation, member, n):
    agency = Membership.objects.get(person=member, forum=forum).agency
    for i in range(n):
        objective = ObjectiveFactory(priority=priority)
        action = Action.objects.create(
            forum=forum,
            title=f"Action {i}",
            owner=member,
            accountable_agency=agency,
            due_date=timezone.localdate() - datetime.timedelta(days=i),
        )
        ActionUpdate.objects.create(
            action=action, author=member, text="Going", status="in_progress", percent_complete=10
        )
        priority.delivery_actions.create(action=action, objective=objective)
        RiskFactory(forum=forum, priority=priority, likelihood=1 + i % 5)
        TensionFactory(forum=forum, priority=priority).agencies.add(agency)
        other = PriorityFactory(forum=forum, in_sign_off=True)
        SignOff.objects.create(
            priority=other, round=1, agency=agency, decision="agree", signed_by=member
        )
        question = QuestionFactory(consultation=consultation)
        AnswerFactory(response__consultation=consultation, question=question)


@pytest.mark.parametrize(
    "name",
    ["detail", "workspace-list", "risks", "tensions", "consultation", "consultation-export"],
)
def test_workspace_pages_do_not_grow_with_data(secretariat_client, forum, member, chair, name):
    priority = PriorityFactory(forum=forum, agreed=True)
    consultation = ConsultationFactory(forum=forum)
    args = {
        "detail": [forum.slug, priority.pk],
        "consultation": [forum.slug, consultation.pk],
        "consultation-export": [forum.slug, consultation.pk],
    }.get(name, [forum.slug])
    target = reverse(f"priorities:{name}", args=args)
    grow(forum, priority, consultation, member, 1)
    small = queries_for(secretariat_client, target)
    grow(forum, priority, consultation, member, 4)
    assert queries_for(secretariat_client, target) == small


def test_public_consultation_pages_do_not_grow_with_questions_or_entries(client, forum):
    from priorities.models import AnnualEvaluation
    from tests.priorities.factories import AnnualEvaluationFactory, EvaluationOutcomeFactory

    consultation = ConsultationFactory(forum=forum)
    evaluation = AnnualEvaluationFactory(
        forum=forum, status=AnnualEvaluation.Status.APPROVED, approved_at=timezone.now()
    )
    pages = [
        reverse("priorities:public-consultation", args=[forum.slug, consultation.pk]),
        reverse("priorities:public-you-said-we-did", args=[forum.slug, consultation.pk]),
        reverse("priorities:public-evaluation", args=[forum.slug, evaluation.plan_year]),
    ]

    def grow(n):
        for _ in range(n):
            QuestionFactory(consultation=consultation, kind="choice", choices="Yes\nNo")
            priority = PriorityFactory(forum=forum, plan_year=evaluation.plan_year, agreed=True)
            consultation.you_said_we_did.create(you_said="x", we_did="y", priority=priority)
            EvaluationOutcomeFactory(evaluation=evaluation, priority=priority)

    grow(1)
    small = [queries_for(client, page) for page in pages]
    grow(4)
    assert [queries_for(client, page) for page in pages] == small
