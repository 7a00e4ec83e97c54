"""Consultations: questions, the public's answers, you said we did, and citing a response."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from forums.models import Forum
from membership.models import User
from priorities.models import Answer, Consultation, Priority, Question, Response, YouSaidWeDid
from priorities.models.consultation import MAX_ANSWER_LENGTH
from priorities.services._common import _require, _save, _set, _split


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
        raise ValidationError({"priorities": gettext("Choose priorities of this forum")})


@transaction.atomic
def question_create(*, consultation: Consultation, by: User, fields: dict[str, Any]) -> Question:
    _require(by, "priorities.edit_plans", consultation.forum)
    if consultation.responses.exists():
        raise ValidationError(gettext("Questions cannot be added once people have answered"))
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
        raise ValidationError(gettext("A question people have answered cannot be removed"))
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
        raise ValidationError(gettext("This consultation is closed and no longer accepts answers"))
    questions = {q.pk: q for q in consultation.questions.all()}
    errors = {}
    cleaned = {}
    for question in questions.values():
        text = (answers.get(question.pk) or "").strip()
        if len(text) > MAX_ANSWER_LENGTH:
            errors[f"question_{question.pk}"] = gettext(
                "Your answer must be %(count)s characters or fewer"
            ) % {"count": f"{MAX_ANSWER_LENGTH:,}"}
        elif question.required and not text:
            errors[f"question_{question.pk}"] = gettext("Answer the question: %(question)s") % {
                "question": question.text
            }
        elif question.kind == Question.Kind.CHOICE and text and text not in question.choice_list:
            errors[f"question_{question.pk}"] = gettext("Choose one of the answers")
        elif text:
            cleaned[question.pk] = text
    if errors:
        raise ValidationError(errors)
    if not cleaned:
        raise ValidationError(gettext("Answer at least one question before you send your answers"))
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
            raise ValidationError({name: gettext("Choose something from this forum")})
    order = consultation.you_said_we_did.count() + 1
    return _save(YouSaidWeDid(consultation=consultation, order=order, **fields))


@transaction.atomic
def response_cite(*, priority: Priority, response: Response, by: User) -> None:
    """Cite a consultation response as evidence for a priority (members see it, never public)."""
    _require(by, "priorities.edit_plans", priority.forum)
    if response.consultation.forum_id != priority.forum_id:
        raise ValidationError(gettext("Choose a response to this forum's consultation"))
    priority.cited_responses.add(response)
