"""Services: the planning cycle from draft to agreed, sign-off rules, registers, evaluation."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from forums.models import Membership
from priorities import services
from priorities.models import AnnualEvaluation, EvaluationOutcome, Priority, Risk, SignOff
from tests.forums.factories import MembershipFactory
from tests.membership.factories import AgencyFactory, agency_type
from tests.priorities.factories import (
    AnnualEvaluationFactory,
    ConsultationFactory,
    ObjectiveFactory,
    PriorityFactory,
    QuestionFactory,
    theme,
)

pytestmark = pytest.mark.django_db


def agency_of(person, forum):
    return Membership.objects.get(person=person, forum=forum).agency


@pytest.fixture
def priority(forum, secretariat, chair, member, advisory_member):
    """A draft priority with one objective, on a forum with a chair (PCC) and a CPS member."""
    priority = PriorityFactory(forum=forum)
    ObjectiveFactory(priority=priority)
    return priority


@pytest.fixture
def out_for_sign_off(priority, secretariat):
    return services.priority_send_for_sign_off(priority=priority, by=secretariat)


def test_secretariat_drafts_a_priority(forum, secretariat):
    priority = services.priority_create(
        forum=forum,
        by=secretariat,
        fields={
            "plan_year": 2026,
            "title": "Fewer trials failing because witnesses do not attend",
            "theme": theme("vulnerable_victims_witnesses"),
            "description": "Support witnesses to attend.",
        },
    )
    assert priority.status == Priority.Status.DRAFT
    assert priority.history.count() == 1


def test_member_cannot_draft_a_priority(forum, member, secretariat):
    fields = {
        "plan_year": 2026,
        "title": "Swifter justice",
        "theme": theme("vulnerable_victims_witnesses"),
        "description": "Fewer cases waiting.",
    }
    with pytest.raises(PermissionDenied):
        services.priority_create(forum=forum, by=member, fields=fields)
    assert services.priority_create(forum=forum, by=secretariat, fields=fields).forum == forum


def test_priority_without_objectives_cannot_go_out_for_sign_off(forum, secretariat):
    priority = PriorityFactory(forum=forum)
    with pytest.raises(ValidationError, match="at least one objective"):
        services.priority_send_for_sign_off(priority=priority, by=secretariat)


def test_sending_for_sign_off_emails_each_signing_member_but_not_advisory(
    priority, secretariat, chair, member, advisory_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.priority_send_for_sign_off(priority=priority, by=secretariat)
    priority.refresh_from_db()
    assert priority.status == Priority.Status.SIGN_OFF
    assert priority.sign_off_round == 1
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([chair.email, member.email])
    assert "Sign off the priority" in mail.outbox[0].subject


def test_member_signs_off_for_their_own_agency(out_for_sign_off, forum, member):
    sign_off = services.sign_off_record(
        priority=out_for_sign_off,
        agency=agency_of(member, forum),
        decision=SignOff.Decision.AGREE,
        comment="",
        by=member,
    )
    assert sign_off.round == 1
    assert sign_off.signed_by == member


def test_member_cannot_sign_off_for_another_agency(out_for_sign_off, forum, member, chair):
    def sign(agency, by):
        return services.sign_off_record(
            priority=out_for_sign_off,
            agency=agency,
            decision=SignOff.Decision.AGREE,
            comment="",
            by=by,
        )

    with pytest.raises(PermissionDenied):
        sign(agency_of(chair, forum), member)
    assert sign(agency_of(member, forum), member).agency == agency_of(member, forum)


def test_advisory_member_cannot_sign_off(out_for_sign_off, forum, advisory_member, member):
    def sign(by):
        return services.sign_off_record(
            priority=out_for_sign_off,
            agency=agency_of(by, forum),
            decision=SignOff.Decision.AGREE,
            comment="",
            by=by,
        )

    with pytest.raises(PermissionDenied):
        sign(advisory_member)
    assert sign(member).signed_by == member


def test_secretariat_cannot_sign_off_for_the_agency_it_works_for(
    out_for_sign_off, forum, secretariat, chair
):
    pcc = agency_of(secretariat, forum)

    def sign(by, agency):
        return services.sign_off_record(
            priority=out_for_sign_off,
            agency=agency,
            decision=SignOff.Decision.AGREE,
            comment="",
            by=by,
        )

    with pytest.raises(PermissionDenied):
        sign(secretariat, pcc)
    assert sign(chair, agency_of(chair, forum)).signed_by == chair  # the agency's seat signs


def test_reservations_need_a_comment(out_for_sign_off, forum, member):
    with pytest.raises(ValidationError) as error:
        services.sign_off_record(
            priority=out_for_sign_off,
            agency=agency_of(member, forum),
            decision=SignOff.Decision.RESERVATIONS,
            comment=" ",
            by=member,
        )
    assert "comment" in error.value.message_dict


def test_signing_again_changes_the_answer_and_keeps_history(out_for_sign_off, forum, member):
    agency = agency_of(member, forum)
    for decision, comment in (("disagree", "Not resourced"), ("agree", "")):
        services.sign_off_record(
            priority=out_for_sign_off, agency=agency, decision=decision, comment=comment, by=member
        )
    sign_off = SignOff.objects.get(priority=out_for_sign_off)
    assert sign_off.decision == "agree"
    assert sign_off.history.count() == 2


def test_draft_priority_cannot_be_signed_off(priority, forum, member):
    with pytest.raises(ValidationError, match="not out for sign-off"):
        services.sign_off_record(
            priority=priority,
            agency=agency_of(member, forum),
            decision="agree",
            comment="",
            by=member,
        )


def test_priority_is_agreed_only_when_every_agency_has_signed(
    out_for_sign_off, forum, secretariat, member, chair
):
    services.sign_off_record(
        priority=out_for_sign_off,
        agency=agency_of(member, forum),
        decision="agree",
        comment="",
        by=member,
    )
    with pytest.raises(ValidationError, match="not signed off yet"):
        services.priority_agree(priority=out_for_sign_off, by=secretariat)
    services.sign_off_record(
        priority=out_for_sign_off,
        agency=agency_of(chair, forum),
        decision="reservations",
        comment="Subject to funding",
        by=chair,
    )
    services.priority_agree(priority=out_for_sign_off, by=secretariat)
    assert out_for_sign_off.status == Priority.Status.AGREED


def test_priority_is_not_agreed_while_an_agency_does_not_agree(
    out_for_sign_off, forum, secretariat, member, chair
):
    for person, decision in ((member, "disagree"), (chair, "agree")):
        services.sign_off_record(
            priority=out_for_sign_off,
            agency=agency_of(person, forum),
            decision=decision,
            comment="We cannot resource it",
            by=person,
        )
    with pytest.raises(ValidationError, match="do not agree"):
        services.priority_agree(priority=out_for_sign_off, by=secretariat)


def test_changes_to_an_agreed_priority_are_kept_in_history(forum, secretariat):
    priority = PriorityFactory(forum=forum, agreed=True)
    services.priority_update(
        priority=priority, by=secretariat, fields={"description": "A sharper description"}
    )
    assert priority.history.count() == 2
    assert priority.history.first().description == "A sharper description"


def test_retired_priority_cannot_be_changed(forum, secretariat):
    priority = PriorityFactory(forum=forum, retired=True)
    with pytest.raises(ValidationError):
        services.priority_update(priority=priority, by=secretariat, fields={"title": "x"})


def test_objective_without_a_measure_is_refused_by_the_service(forum, secretariat):
    priority = PriorityFactory(forum=forum)
    with pytest.raises(ValidationError) as error:
        services.objective_create(
            priority=priority,
            by=secretariat,
            fields={
                "title": "Better",
                "local_measure": "",
                "target": 5,
                "target_date": datetime.date(2027, 3, 31),
            },
        )
    assert "indicator" in error.value.message_dict


def test_risk_score_is_likelihood_times_impact(forum, secretariat):
    risk = services.risk_create(
        forum=forum,
        by=secretariat,
        fields={
            "title": "Interpreters unavailable",
            "cause": "Contract gap",
            "consequence": "Adjourned hearings",
            "likelihood": 4,
            "impact": 5,
            "review_date": timezone.localdate(),
        },
    )
    assert risk.score == 20
    assert risk.level == "Very high"


@pytest.mark.parametrize("likelihood", [0, 6, None])
def test_risk_likelihood_outside_1_to_5_is_refused(forum, secretariat, likelihood):
    with pytest.raises(ValidationError):
        services.risk_create(
            forum=forum,
            by=secretariat,
            fields={
                "title": "x",
                "cause": "x",
                "consequence": "x",
                "likelihood": likelihood,
                "impact": 3,
                "review_date": timezone.localdate(),
            },
        )
    assert not Risk.objects.exists()


def test_tension_resolved_without_saying_how_is_refused(forum, secretariat):
    tension = services.tension_create(
        forum=forum,
        by=secretariat,
        fields={
            "title": "Hearings per case vs conviction rate",
            "agency_plan": "HMCTS: fewer hearings per case",
            "conflict": "Fewer hearings may lower convictions",
            "agencies": [AgencyFactory(agency_type=agency_type("hmcts"))],
        },
    )
    with pytest.raises(ValidationError):
        services.tension_update(tension=tension, by=secretariat, fields={"status": "resolved"})


# --- consultations --------------------------------------------------------------------------


def test_public_answers_are_stored(forum):
    question = QuestionFactory(consultation=ConsultationFactory(forum=forum))
    response = services.response_submit(
        consultation=question.consultation,
        answers={question.pk: "  Keep victims informed  "},
        about_you={"age_band": "25_44"},
    )
    assert response.answers.get().text == "Keep victims informed"
    assert response.age_band == "25_44"


def test_answers_after_closing_are_refused(forum):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    consultation = ConsultationFactory(
        forum=forum, opens_on=yesterday - datetime.timedelta(days=10), closes_on=yesterday
    )
    question = QuestionFactory(consultation=consultation)
    with pytest.raises(ValidationError, match="closed"):
        services.response_submit(consultation=consultation, answers={question.pk: "Late"})


@pytest.mark.parametrize(
    "text,message",
    [("", "Answer at least one question"), ("x" * 5001, "5,000 characters or fewer")],
)
def test_empty_or_oversized_answers_are_refused(forum, text, message):
    question = QuestionFactory(consultation=ConsultationFactory(forum=forum))
    with pytest.raises(ValidationError, match=message):
        services.response_submit(consultation=question.consultation, answers={question.pk: text})
    assert not question.consultation.responses.exists()


def test_questions_cannot_be_added_once_people_have_answered(forum, secretariat):
    question = QuestionFactory(consultation=ConsultationFactory(forum=forum))
    services.response_submit(consultation=question.consultation, answers={question.pk: "Yes"})
    with pytest.raises(ValidationError):
        services.question_create(
            consultation=question.consultation, by=secretariat, fields={"text": "Another?"}
        )


# --- annual evaluation ----------------------------------------------------------------------


@pytest.fixture
def evaluation(forum):
    evaluation = AnnualEvaluationFactory(forum=forum)
    PriorityFactory(forum=forum, plan_year=evaluation.plan_year, agreed=True, title="A")
    return evaluation


def test_evaluation_needs_an_outcome_for_every_priority_before_approval(evaluation, chair):
    with pytest.raises(ValidationError, match="every priority"):
        services.evaluation_approve(evaluation=evaluation, by=chair)


def test_chair_approves_a_complete_evaluation(evaluation, chair, secretariat):
    priority = Priority.objects.get(title="A")
    services.outcome_record(
        evaluation=evaluation,
        priority=priority,
        by=secretariat,
        fields={"outcome": EvaluationOutcome.Outcome.PARTLY_MET, "narrative": "Halfway there"},
    )
    services.evaluation_approve(evaluation=evaluation, by=chair)
    assert evaluation.status == AnnualEvaluation.Status.APPROVED
    assert evaluation.approved_by == chair


def test_secretariat_cannot_approve_the_evaluation(evaluation, secretariat, chair):
    services.outcome_record(
        evaluation=evaluation,
        priority=Priority.objects.get(title="A"),
        by=secretariat,
        fields={"outcome": EvaluationOutcome.Outcome.MET, "narrative": "Done"},
    )
    with pytest.raises(PermissionDenied):
        services.evaluation_approve(evaluation=evaluation, by=secretariat)
    services.evaluation_approve(evaluation=evaluation, by=chair)
    assert evaluation.status == AnnualEvaluation.Status.APPROVED


def test_member_representing_two_agencies_signs_for_either(forum, priority, secretariat):
    person = MembershipFactory(
        forum=forum, role=Membership.Role.MEMBER, agency=AgencyFactory()
    ).person
    services.priority_send_for_sign_off(priority=priority, by=secretariat)
    agency = Membership.objects.get(person=person).agency
    services.sign_off_record(
        priority=priority, agency=agency, decision="agree", comment="", by=person
    )
    assert SignOff.objects.filter(agency=agency).exists()


def test_nothing_changes_while_a_priority_is_out_for_sign_off(out_for_sign_off, secretariat):
    with pytest.raises(ValidationError, match="back to draft"):
        services.priority_update(priority=out_for_sign_off, by=secretariat, fields={"title": "x"})
    with pytest.raises(ValidationError, match="back to draft"):
        services.objective_update(
            objective=out_for_sign_off.objectives.get(), by=secretariat, fields={"target": 1}
        )


def test_sending_again_after_changes_starts_a_new_round(
    out_for_sign_off, forum, secretariat, member
):
    services.sign_off_record(
        priority=out_for_sign_off,
        agency=agency_of(member, forum),
        decision="agree",
        comment="",
        by=member,
    )
    services.priority_return_to_draft(priority=out_for_sign_off, by=secretariat)
    services.priority_update(priority=out_for_sign_off, by=secretariat, fields={"title": "Sharper"})
    services.priority_send_for_sign_off(priority=out_for_sign_off, by=secretariat)
    from priorities.selectors import sign_off_board

    board = sign_off_board(priority=out_for_sign_off)
    assert out_for_sign_off.sign_off_round == 2
    assert not board.signed


def test_secretariat_and_chair_hear_at_once_when_an_agency_does_not_agree(
    out_for_sign_off, forum, secretariat, chair, member, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.sign_off_record(
            priority=out_for_sign_off,
            agency=agency_of(member, forum),
            decision="disagree",
            comment="We cannot resource it this year",
            by=member,
        )
    assert sorted(m.to[0] for m in mail.outbox) == sorted([secretariat.email, chair.email])
    assert "We cannot resource it this year" in mail.outbox[0].body
