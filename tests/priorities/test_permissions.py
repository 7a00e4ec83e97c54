"""Who may open each workspace page: the role × page matrix."""

import pytest
from django.urls import reverse

from priorities.models import AnnualEvaluation, Priority
from tests.priorities.factories import (
    AnnualEvaluationFactory,
    ConsultationFactory,
    EvaluationOutcomeFactory,
    ObjectiveFactory,
    PriorityFactory,
    QuestionFactory,
    RiskFactory,
    TensionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def things(forum):
    priority = PriorityFactory(forum=forum, status=Priority.Status.AGREED, sign_off_round=1)
    objective = ObjectiveFactory(priority=priority)
    signing = PriorityFactory(forum=forum, in_sign_off=True)
    consultation = ConsultationFactory(forum=forum)
    question = QuestionFactory(consultation=consultation)
    evaluation = AnnualEvaluationFactory(forum=forum, plan_year=priority.plan_year)
    return {
        "priority": priority,
        "signing": signing,
        "objective": objective,
        "risk": RiskFactory(forum=forum),
        "tension": TensionFactory(forum=forum),
        "consultation": consultation,
        "question": question,
        "evaluation": evaluation,
    }


def url(name, forum, things):
    s = forum.slug
    p = things["priority"].pk
    c = things["consultation"].pk
    y = things["evaluation"].plan_year
    args = {
        "workspace-list": [s],
        "detail": [s, p],
        "tensions": [s],
        "risks": [s],
        "consultations": [s],
        "consultation": [s, c],
        "evaluations": [s],
        "evaluation": [s, y],
        "create": [s],
        "theme-create": [s],
        "edit": [s, p],
        "objective-create": [s, p],
        "objective-edit": [s, p, things["objective"].pk],
        "action-add": [s, p],
        "discussion-add": [s, p],
        "tension-create": [s],
        "tension-edit": [s, things["tension"].pk],
        "risk-create": [s],
        "risk-edit": [s, things["risk"].pk],
        "consultation-create": [s],
        "consultation-edit": [s, c],
        "question-create": [s, c],
        "question-edit": [s, c, things["question"].pk],
        "consultation-export": [s, c],
        "you-said-we-did-add": [s, c],
        "evaluation-summary": [s, y],
        "outcome-edit": [s, y, p],
        "sign-off": [s, things["signing"].pk],
    }[name]
    return reverse(f"priorities:{name}", args=args)


VIEW_PAGES = [
    "workspace-list",
    "detail",
    "tensions",
    "risks",
    "consultations",
    "consultation",
    "evaluations",
    "evaluation",
]
EDIT_PAGES = [
    "create",
    "theme-create",
    "edit",
    "objective-create",
    "objective-edit",
    "action-add",
    "discussion-add",
    "tension-create",
    "tension-edit",
    "risk-create",
    "risk-edit",
    "consultation-create",
    "consultation-edit",
    "question-create",
    "question-edit",
    "consultation-export",
    "you-said-we-did-add",
    "evaluation-summary",
    "outcome-edit",
]
ALL_PAGES = VIEW_PAGES + EDIT_PAGES + ["sign-off"]


@pytest.mark.parametrize("name", ALL_PAGES)
def test_anonymous_is_sent_to_sign_in(client, forum, things, name):
    response = client.get(url(name, forum, things))
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


def allowed(request, name):
    """Someone who may open the page: the secretariat, or a member for the sign-off form."""
    return request.getfixturevalue("member_client" if name == "sign-off" else "secretariat_client")


@pytest.mark.parametrize("name", ALL_PAGES)
def test_member_of_another_forum_gets_404(request, other_forum_member_client, forum, things, name):
    assert allowed(request, name).get(url(name, forum, things)).status_code == 200
    assert other_forum_member_client.get(url(name, forum, things)).status_code == 404


@pytest.mark.parametrize("name", ALL_PAGES)
def test_data_submitter_is_refused(request, data_submitter_client, forum, things, name):
    assert allowed(request, name).get(url(name, forum, things)).status_code == 200
    assert data_submitter_client.get(url(name, forum, things)).status_code == 403


@pytest.mark.parametrize("role", ["member_client", "advisory_client"])
@pytest.mark.parametrize("name", VIEW_PAGES)
def test_members_and_advisory_members_read_the_plans(request, forum, things, role, name):
    assert request.getfixturevalue(role).get(url(name, forum, things)).status_code == 200


@pytest.mark.parametrize("role", ["member_client", "advisory_client"])
@pytest.mark.parametrize("name", EDIT_PAGES)
def test_members_and_advisory_members_cannot_edit(
    request, secretariat_client, forum, things, role, name
):
    assert secretariat_client.get(url(name, forum, things)).status_code == 200
    assert request.getfixturevalue(role).get(url(name, forum, things)).status_code == 403


@pytest.mark.parametrize("role", ["secretariat_client", "chair_client"])
@pytest.mark.parametrize("name", VIEW_PAGES + EDIT_PAGES)
def test_secretariat_and_chair_open_every_page(request, forum, things, role, name):
    assert request.getfixturevalue(role).get(url(name, forum, things)).status_code == 200


@pytest.mark.parametrize(
    "role,status",
    [
        ("member_client", 200),
        ("chair_client", 200),
        ("advisory_client", 403),
        ("secretariat_client", 403),
    ],
)
def test_only_members_with_a_signing_seat_open_the_sign_off_form(
    request, forum, things, role, status
):
    assert request.getfixturevalue(role).get(url("sign-off", forum, things)).status_code == status


@pytest.mark.parametrize(
    "name,args",
    [
        ("status", lambda t: [t["priority"].pk]),
        ("action-remove", lambda t: [t["priority"].pk, 1]),
        ("cite", lambda t: [t["consultation"].pk]),
        ("evaluation-approve", lambda t: [t["evaluation"].plan_year]),
    ],
)
@pytest.mark.parametrize(
    "role,status",
    [("member_client", 403), ("advisory_client", 403), ("other_forum_member_client", 404)],
)
def test_members_cannot_post_changes(request, forum, things, name, args, role, status):
    target = reverse(f"priorities:{name}", args=[forum.slug, *args(things)])
    response = request.getfixturevalue(role).post(target, {"to": "agree", "response": 1})
    assert response.status_code == status


def test_secretariat_cannot_approve_the_evaluation(secretariat_client, chair_client, forum, things):
    evaluation = things["evaluation"]
    EvaluationOutcomeFactory(evaluation=evaluation, priority=things["priority"])
    target = reverse("priorities:evaluation-approve", args=[forum.slug, evaluation.plan_year])
    assert secretariat_client.post(target).status_code == 403
    evaluation.refresh_from_db()
    assert evaluation.status == AnnualEvaluation.Status.DRAFT
    assert chair_client.post(target).status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.status == AnnualEvaluation.Status.APPROVED


def test_another_forums_priority_is_404_even_for_the_secretariat(
    secretariat_client, forum, other_forum
):
    ours = PriorityFactory(forum=forum)
    assert (
        secretariat_client.get(reverse("priorities:detail", args=[forum.slug, ours.pk])).status_code
        == 200
    )
    priority = PriorityFactory(forum=other_forum)
    target = reverse("priorities:detail", args=[other_forum.slug, priority.pk])
    assert secretariat_client.get(target).status_code == 404


def test_a_priority_looked_up_through_the_wrong_forum_is_404(
    secretariat_client, other_forum_member_client, forum, other_forum
):
    priority = PriorityFactory(forum=other_forum)
    right = reverse("priorities:detail", args=[other_forum.slug, priority.pk])
    assert other_forum_member_client.get(right).status_code == 200
    target = reverse("priorities:detail", args=[forum.slug, priority.pk])
    assert secretariat_client.get(target).status_code == 404


def test_members_see_the_summary_but_only_the_secretariat_reads_answers(
    member_client, secretariat_client, forum, things
):
    from tests.priorities.factories import AnswerFactory

    AnswerFactory(
        response__consultation=things["consultation"],
        question=things["question"],
        text="A very private answer",
    )
    target = url("consultation", forum, things)
    assert "A very private answer" not in member_client.get(target).content.decode()
    assert "A very private answer" in secretariat_client.get(target).content.decode()
