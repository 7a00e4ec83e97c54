"""Writes for priorities and plans. Each service takes the acting person and checks the rule.

Only the secretariat and chair edit; members sign off for their own agency; advisory members
never sign off; the chair approves the annual evaluation. The public may only answer an open
consultation (``response_submit``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from forums.models import Action, AgendaItem, Decision, Forum, MinuteEntry
from membership.models import Agency, User
from membership.notifications import notify
from priorities.models import (
    AnnualEvaluation,
    Answer,
    Consultation,
    DeliveryAction,
    EvaluationOutcome,
    Objective,
    Priority,
    PriorityDiscussion,
    Question,
    Response,
    Risk,
    SignOff,
    Tension,
    Theme,
    YouSaidWeDid,
)
from priorities.models.consultation import MAX_ANSWER_LENGTH
from priorities.rules import represents_agency


def _require(person: User, perm: str, forum: Forum) -> None:
    if not person.has_perm(perm, forum):
        raise PermissionDenied


def _set(instance, fields: dict[str, Any]) -> None:
    for name, value in fields.items():
        setattr(instance, name, value)


def _save(instance, m2m: dict[str, Iterable] | None = None, update_fields=None):
    instance.full_clean()
    instance.save(update_fields=update_fields)
    for name, values in (m2m or {}).items():
        getattr(instance, name).set(values)
    return instance


M2M_FIELDS = {"indicators", "cited_responses", "agencies", "priorities"}


def _split(fields: dict[str, Any]) -> tuple[dict, dict]:
    plain = {k: v for k, v in fields.items() if k not in M2M_FIELDS}
    m2m = {k: v for k, v in fields.items() if k in M2M_FIELDS}
    return plain, m2m


# --- priorities -----------------------------------------------------------------------------


@transaction.atomic
def priority_create(*, forum: Forum, by: User, fields: dict[str, Any]) -> Priority:
    """Draft a new priority for the forum."""
    _require(by, "priorities.edit_plans", forum)
    plain, m2m = _split(fields)
    priority = Priority(forum=forum, status=Priority.Status.DRAFT, **plain)
    return _save(priority, m2m)


@transaction.atomic
def priority_update(*, priority: Priority, by: User, fields: dict[str, Any]) -> Priority:
    """Change a priority; an agreed priority's changes are kept in its history."""
    _require(by, "priorities.edit_plans", priority.forum)
    _check_changeable(priority)
    plain, m2m = _split(fields)
    _set(priority, plain)
    return _save(priority, m2m)


def _check_changeable(priority: Priority) -> None:
    """Agencies sign off what they see: nothing changes while the priority is out for sign-off."""
    if priority.status == Priority.Status.RETIRED:
        raise ValidationError("A retired priority cannot be changed")
    if priority.status == Priority.Status.SIGN_OFF:
        raise ValidationError(
            "Take the priority back to draft before changing it: agencies are signing off "
            "what they see now"
        )


@transaction.atomic
def priority_send_for_sign_off(*, priority: Priority, by: User) -> Priority:
    """Send a draft priority to every agency on the forum for sign-off, and tell them."""
    _require(by, "priorities.edit_plans", priority.forum)
    if priority.status != Priority.Status.DRAFT:
        raise ValidationError("Only a draft priority can go out for sign-off")
    if not priority.objectives.exists():
        raise ValidationError(
            "Add at least one objective with a measure and a target before sending the "
            "priority for sign-off"
        )
    priority.status = Priority.Status.SIGN_OFF
    priority.sign_off_round += 1
    priority.sent_for_sign_off_at = timezone.now()
    priority.save(update_fields=["status", "sign_off_round", "sent_for_sign_off_at", "updated_at"])
    _notify_signers(priority)
    return priority


def _notify_signers(priority: Priority) -> None:
    from forums.models import Membership
    from priorities.rules import SIGNING_ROLES

    signers = [
        m.person
        for m in Membership.objects.current()
        .filter(
            forum=priority.forum,
            role__in=SIGNING_ROLES,
            agency__isnull=False,
            agency__agency_type__advisory_only=False,
        )
        .select_related("person")
    ]
    notify(
        key=f"priorities:sign-off:{priority.pk}:round={priority.sign_off_round}",
        recipients=signers,
        category="priorities",
        subject=f"Sign off the priority: {priority.title}",
        template="priorities/email/sign_off_requested",
        context={"priority": priority, "forum": priority.forum},
        url=reverse("priorities:sign-off", args=[priority.forum.slug, priority.pk]),
    )


@transaction.atomic
def priority_return_to_draft(*, priority: Priority, by: User) -> Priority:
    """Take a priority back from sign-off to revise it (the sign-offs so far are kept)."""
    _require(by, "priorities.edit_plans", priority.forum)
    if priority.status != Priority.Status.SIGN_OFF:
        raise ValidationError("Only a priority out for sign-off can go back to draft")
    priority.status = Priority.Status.DRAFT
    priority.save(update_fields=["status", "updated_at"])
    return priority


@transaction.atomic
def priority_agree(*, priority: Priority, by: User) -> Priority:
    """Record the priority as agreed: every agency has signed and none disagrees."""
    from priorities.selectors import sign_off_board

    _require(by, "priorities.edit_plans", priority.forum)
    if priority.status != Priority.Status.SIGN_OFF:
        raise ValidationError("Only a priority out for sign-off can be agreed")
    board = sign_off_board(priority=priority)
    if board.outstanding:
        names = ", ".join(str(row.agency) for row in board.outstanding)
        raise ValidationError(f"These agencies have not signed off yet: {names}")
    if board.disagreements:
        names = ", ".join(str(s.agency) for s in board.disagreements)
        raise ValidationError(
            f"These agencies do not agree: {names}. Resolve it (record a tension if need be), "
            "revise the priority and send it for sign-off again"
        )
    priority.status = Priority.Status.AGREED
    priority.agreed_at = timezone.now()
    priority.save(update_fields=["status", "agreed_at", "updated_at"])
    return priority


@transaction.atomic
def priority_retire(*, priority: Priority, by: User) -> Priority:
    _require(by, "priorities.edit_plans", priority.forum)
    if priority.status != Priority.Status.AGREED:
        raise ValidationError("Only an agreed priority can be retired")
    priority.status = Priority.Status.RETIRED
    priority.retired_at = timezone.now()
    priority.save(update_fields=["status", "retired_at", "updated_at"])
    return priority


# --- objectives -----------------------------------------------------------------------------


@transaction.atomic
def objective_create(*, priority: Priority, by: User, fields: dict[str, Any]) -> Objective:
    _require(by, "priorities.edit_plans", priority.forum)
    _check_changeable(priority)
    objective = Objective(priority=priority, order=priority.objectives.count() + 1, **fields)
    return _save(objective)


@transaction.atomic
def objective_update(*, objective: Objective, by: User, fields: dict[str, Any]) -> Objective:
    _require(by, "priorities.edit_plans", objective.priority.forum)
    _check_changeable(objective.priority)
    _set(objective, fields)
    return _save(objective)


@transaction.atomic
def objective_delete(*, objective: Objective, by: User) -> None:
    _require(by, "priorities.edit_plans", objective.priority.forum)
    if objective.priority.status != Priority.Status.DRAFT:
        raise ValidationError("Objectives can only be removed while the priority is a draft")
    objective.delete()


# --- sign-off -------------------------------------------------------------------------------


@transaction.atomic
def sign_off_record(
    *, priority: Priority, agency: Agency, decision: str, comment: str, by: User
) -> SignOff:
    """Record (or change) an agency's sign-off in the current round.

    Only a member representing that agency may sign for it; advisory members never do."""
    forum = priority.forum
    if not by.has_perm("priorities.sign_off", forum) or not represents_agency(by, forum, agency):
        raise PermissionDenied("You can only sign off for the agency you represent")
    if priority.status != Priority.Status.SIGN_OFF:
        raise ValidationError("This priority is not out for sign-off")
    if decision not in SignOff.Decision.values:
        raise ValidationError({"decision": "Choose whether your agency agrees"})
    if decision != SignOff.Decision.AGREE and not comment.strip():
        raise ValidationError({"comment": "Say what your agency's reservations or objections are"})
    sign_off, _ = SignOff.objects.update_or_create(
        priority=priority,
        round=priority.sign_off_round,
        agency=agency,
        defaults={
            "decision": decision,
            "comment": comment.strip(),
            "signed_by": by,
            "signed_at": timezone.now(),
        },
    )
    if decision != SignOff.Decision.AGREE:
        _notify_objection(sign_off)
    return sign_off


def _notify_objection(sign_off: SignOff) -> None:
    """No surprises: the secretariat and chair hear at once when an agency objects."""
    from forums.models import Membership

    priority = sign_off.priority
    runners = [
        m.person
        for m in Membership.objects.current()
        .filter(forum=priority.forum, role__in=Membership.RUNNING_ROLES)
        .select_related("person")
    ]
    notify(
        key=f"priorities:objection:{sign_off.pk}:{sign_off.decision}:{sign_off.history.count()}",
        recipients=runners,
        category="priorities",
        subject=f"{sign_off.agency}: {sign_off.get_decision_display().lower()} — {priority.title}",
        template="priorities/email/sign_off_objection",
        context={"sign_off": sign_off, "priority": priority, "forum": priority.forum},
        url=reverse("priorities:detail", args=[priority.forum.slug, priority.pk]),
    )


# --- links to meetings ----------------------------------------------------------------------


@transaction.atomic
def delivery_action_link(
    *, priority: Priority, action: Action, objective: Objective | None, by: User
) -> DeliveryAction:
    """Put one of the forum's actions on the priority's delivery plan."""
    _require(by, "priorities.edit_plans", priority.forum)
    if action.forum_id != priority.forum_id:
        raise ValidationError({"action": "Choose an action of this forum"})
    if objective is not None and objective.priority_id != priority.pk:
        raise ValidationError({"objective": "Choose an objective of this priority"})
    link, _ = DeliveryAction.objects.update_or_create(
        priority=priority, action=action, defaults={"objective": objective, "linked_by": by}
    )
    return link


@transaction.atomic
def delivery_action_unlink(*, link: DeliveryAction, by: User) -> None:
    _require(by, "priorities.edit_plans", link.priority.forum)
    link.delete()


@transaction.atomic
def discussion_link(
    *,
    priority: Priority,
    by: User,
    agenda_item: AgendaItem | None = None,
    decision: Decision | None = None,
    minute_entry: MinuteEntry | None = None,
) -> PriorityDiscussion:
    """Record where the priority was discussed or decided (exactly one thing)."""
    _require(by, "priorities.edit_plans", priority.forum)
    chosen = [x for x in (agenda_item, decision, minute_entry) if x is not None]
    if len(chosen) != 1:
        raise ValidationError("Choose one agenda item, decision or minute")
    forum_id = (
        agenda_item.meeting.forum_id
        if agenda_item
        else decision.forum_id
        if decision
        else minute_entry.minutes.meeting.forum_id
    )
    if forum_id != priority.forum_id:
        raise ValidationError("Choose something from this forum's meetings")
    link, _ = PriorityDiscussion.objects.get_or_create(
        priority=priority,
        agenda_item=agenda_item,
        decision=decision,
        minute_entry=minute_entry,
        defaults={"linked_by": by},
    )
    return link


# --- tensions and risks ---------------------------------------------------------------------


@transaction.atomic
def tension_create(*, forum: Forum, by: User, fields: dict[str, Any]) -> Tension:
    _require(by, "priorities.edit_plans", forum)
    plain, m2m = _split(fields)
    return _save(Tension(forum=forum, **plain), m2m)


@transaction.atomic
def tension_update(*, tension: Tension, by: User, fields: dict[str, Any]) -> Tension:
    _require(by, "priorities.edit_plans", tension.forum)
    plain, m2m = _split(fields)
    _set(tension, plain)
    if tension.status != Tension.Status.OPEN and not tension.resolution.strip():
        raise ValidationError({"resolution": "Say how the tension was resolved or escalated"})
    return _save(tension, m2m)


@transaction.atomic
def risk_create(*, forum: Forum, by: User, fields: dict[str, Any]) -> Risk:
    _require(by, "priorities.edit_plans", forum)
    risk = Risk(forum=forum, **fields)
    _score(risk)
    return _save(risk)


@transaction.atomic
def risk_update(*, risk: Risk, by: User, fields: dict[str, Any]) -> Risk:
    _require(by, "priorities.edit_plans", risk.forum)
    _set(risk, fields)
    _score(risk)
    return _save(risk)


def _score(risk: Risk) -> None:
    for name in ("likelihood", "impact"):
        value = getattr(risk, name)
        if value is None or not 1 <= value <= 5:
            raise ValidationError({name: f"The {name} must be a whole number from 1 to 5"})
    risk.score = risk.likelihood * risk.impact


# --- consultations --------------------------------------------------------------------------


@transaction.atomic
def consultation_create(*, forum: Forum, by: User, fields: dict[str, Any]) -> Consultation:
    _require(by, "priorities.edit_plans", forum)
    plain, m2m = _split(fields)
    if "priorities" in m2m:
        _check_same_forum(forum, m2m["priorities"])
    return _save(Consultation(forum=forum, created_by=by, **plain), m2m)


@transaction.atomic
def consultation_update(
    *, consultation: Consultation, by: User, fields: dict[str, Any]
) -> Consultation:
    _require(by, "priorities.edit_plans", consultation.forum)
    plain, m2m = _split(fields)
    if "priorities" in m2m:
        _check_same_forum(consultation.forum, m2m["priorities"])
    _set(consultation, plain)
    return _save(consultation, m2m)


def _check_same_forum(forum: Forum, priorities: Iterable[Priority]) -> None:
    if any(p.forum_id != forum.pk for p in priorities):
        raise ValidationError({"priorities": "Choose priorities of this forum"})


@transaction.atomic
def question_create(*, consultation: Consultation, by: User, fields: dict[str, Any]) -> Question:
    _require(by, "priorities.edit_plans", consultation.forum)
    if consultation.responses.exists():
        raise ValidationError("Questions cannot be added once people have answered")
    order = consultation.questions.count() + 1
    return _save(Question(consultation=consultation, order=order, **fields))


@transaction.atomic
def question_update(*, question: Question, by: User, fields: dict[str, Any]) -> Question:
    _require(by, "priorities.edit_plans", question.consultation.forum)
    _set(question, fields)
    return _save(question)


@transaction.atomic
def question_delete(*, question: Question, by: User) -> None:
    _require(by, "priorities.edit_plans", question.consultation.forum)
    if question.answers.exists():
        raise ValidationError("A question people have answered cannot be removed")
    question.delete()


@transaction.atomic
def response_submit(
    *,
    consultation: Consultation,
    answers: dict[int, str],
    about_you: dict[str, str] | None = None,
    on=None,
) -> Response:
    """Store one member of the public's answers to an open consultation (no sign-in)."""
    if not consultation.is_open(on):
        raise ValidationError("This consultation is closed and no longer accepts answers")
    questions = {q.pk: q for q in consultation.questions.all()}
    errors = {}
    cleaned = {}
    for question in questions.values():
        text = (answers.get(question.pk) or "").strip()
        if len(text) > MAX_ANSWER_LENGTH:
            errors[f"question_{question.pk}"] = (
                f"Your answer must be {MAX_ANSWER_LENGTH:,} characters or fewer"
            )
        elif question.required and not text:
            errors[f"question_{question.pk}"] = f"Answer the question: {question.text}"
        elif question.kind == Question.Kind.CHOICE and text and text not in question.choice_list:
            errors[f"question_{question.pk}"] = "Choose one of the answers"
        elif text:
            cleaned[question.pk] = text
    if errors:
        raise ValidationError(errors)
    if not cleaned:
        raise ValidationError("Answer at least one question before you send your answers")
    about_you = {k: v for k, v in (about_you or {}).items() if v}
    if not consultation.equality_monitoring:
        about_you = {k: v for k, v in about_you.items() if k == "respondent_type"}
    response = Response(consultation=consultation, **about_you)
    response.full_clean()
    response.save()
    Answer.objects.bulk_create(
        Answer(response=response, question=questions[pk], text=text) for pk, text in cleaned.items()
    )
    return response


@transaction.atomic
def you_said_we_did_create(
    *, consultation: Consultation, by: User, fields: dict[str, Any]
) -> YouSaidWeDid:
    _require(by, "priorities.edit_plans", consultation.forum)
    forum_id = consultation.forum_id
    for name in ("priority", "decision", "action"):
        linked = fields.get(name)
        if linked is not None and linked.forum_id != forum_id:
            raise ValidationError({name: "Choose something from this forum"})
    order = consultation.you_said_we_did.count() + 1
    return _save(YouSaidWeDid(consultation=consultation, order=order, **fields))


@transaction.atomic
def response_cite(*, priority: Priority, response: Response, by: User) -> None:
    """Cite a consultation response as evidence for a priority (members see it, never public)."""
    _require(by, "priorities.edit_plans", priority.forum)
    if response.consultation.forum_id != priority.forum_id:
        raise ValidationError("Choose a response to this forum's consultation")
    priority.cited_responses.add(response)


# --- themes ---------------------------------------------------------------------------------


@transaction.atomic
def local_theme_create(*, forum: Forum, by: User, name: str, description: str = "") -> Theme:
    from django.utils.text import slugify

    _require(by, "priorities.edit_plans", forum)
    slug = f"{forum.slug}-{slugify(name)}"[:80]
    if Theme.objects.filter(slug=slug).exists():
        raise ValidationError({"name": "This forum already has a theme with that name"})
    return _save(Theme(slug=slug, name=name, description=description, forum=forum))


# --- annual evaluation ----------------------------------------------------------------------


@transaction.atomic
def evaluation_start(*, forum: Forum, plan_year: int, by: User) -> AnnualEvaluation:
    """Start the evaluation of a plan year (one per forum and year)."""
    _require(by, "priorities.edit_plans", forum)
    evaluation, created = AnnualEvaluation.objects.get_or_create(forum=forum, plan_year=plan_year)
    if not created:
        raise ValidationError({"plan_year": "This plan year already has an evaluation"})
    return evaluation


@transaction.atomic
def evaluation_update(*, evaluation: AnnualEvaluation, by: User, summary: str) -> AnnualEvaluation:
    _require(by, "priorities.edit_plans", evaluation.forum)
    if evaluation.status == AnnualEvaluation.Status.APPROVED:
        raise ValidationError("An approved evaluation cannot be changed")
    evaluation.summary = summary
    evaluation.save(update_fields=["summary"])
    return evaluation


@transaction.atomic
def outcome_record(
    *, evaluation: AnnualEvaluation, priority: Priority, by: User, fields: dict[str, Any]
) -> EvaluationOutcome:
    _require(by, "priorities.edit_plans", evaluation.forum)
    if evaluation.status == AnnualEvaluation.Status.APPROVED:
        raise ValidationError("An approved evaluation cannot be changed")
    if priority.forum_id != evaluation.forum_id or priority.plan_year != evaluation.plan_year:
        raise ValidationError("Choose a priority of this forum's plan year")
    outcome = EvaluationOutcome.objects.filter(evaluation=evaluation, priority=priority).first()
    outcome = outcome or EvaluationOutcome(evaluation=evaluation, priority=priority)
    _set(outcome, fields)
    return _save(outcome)


@transaction.atomic
def evaluation_approve(*, evaluation: AnnualEvaluation, by: User) -> AnnualEvaluation:
    """The chair approves the evaluation: it becomes public. Every priority needs an outcome."""
    from priorities.selectors import evaluation_rows

    _require(by, "priorities.approve_evaluation", evaluation.forum)
    if evaluation.status == AnnualEvaluation.Status.APPROVED:
        raise ValidationError("This evaluation is already approved")
    missing = [str(p) for p, outcome in evaluation_rows(evaluation=evaluation) if outcome is None]
    if missing:
        raise ValidationError(f"Record an outcome for every priority first: {', '.join(missing)}")
    if not evaluation.summary.strip():
        raise ValidationError("Write the overall summary first")
    evaluation.status = AnnualEvaluation.Status.APPROVED
    evaluation.approved_by = by
    evaluation.approved_at = timezone.now()
    evaluation.save(update_fields=["status", "approved_by", "approved_at"])
    return evaluation
