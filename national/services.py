"""Reporting to the national level: year-end submissions with frozen figures, and questions."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forums.models import Forum, Membership
from membership import notifications
from membership.models import User
from national.models import NationalQuestion, NationalSubmission
from performance.selectors import forum_dashboard, victims_code_compliance
from priorities.models import AnnualEvaluation, plan_year_label

Kind = NationalSubmission.Kind


def _figure(summary) -> dict:
    latest = summary.latest
    return {
        "indicator": summary.indicator.slug,
        "name": summary.indicator.name,
        "agency_type": summary.indicator.responsible_agency_type.name,
        "period": latest.period.label if latest else "",
        "value": summary.latest_text if latest else "",
        "target": summary.target_text if latest and summary.target else "",
        "rag": summary.rag.code,
    }


def snapshot_for(*, forum: Forum, kind: str, plan_year: int, evaluation=None) -> dict:
    """The figures (and outcomes) as they stand now, frozen into plain values: later revisions
    of a figure never change what was submitted."""
    board = forum_dashboard(
        forum=forum, published_only=False, ended_before=datetime.date(plan_year + 1, 4, 1)
    )
    snapshot: dict = {"taken_at": timezone.now().isoformat()}
    if kind == Kind.VICTIMS_CODE:
        snapshot["rights"] = [
            {
                "number": row.right.number,
                "title": row.right.short_title,
                "figures": [_figure(summary) for summary in row.summaries if summary.latest],
            }
            for row in victims_code_compliance(dashboard=board)
        ]
    else:
        snapshot["summary"] = evaluation.summary
        snapshot["outcomes"] = [
            {
                "priority": outcome.priority.title,
                "theme": outcome.priority.theme.name,
                "outcome": outcome.outcome,
                "narrative": outcome.narrative,
                "next_action": outcome.next_action,
            }
            for outcome in evaluation.outcomes.select_related("priority__theme")
        ]
        snapshot["figures"] = [_figure(summary) for summary in board.with_figures]
    return snapshot


@transaction.atomic
def submission_make(
    *, forum: Forum, kind: str, plan_year: int, note: str, submitted_by: User
) -> NationalSubmission:
    """Submit (or submit again) a plan year's annual evaluation or Victims' Code report."""
    evaluation = None
    if kind == Kind.ANNUAL_EVALUATION:
        evaluation = AnnualEvaluation.objects.filter(
            forum=forum, plan_year=plan_year, status=AnnualEvaluation.Status.APPROVED
        ).first()
        if evaluation is None:
            raise ValidationError(
                _(
                    "The annual evaluation of %(year)s must be approved by the chair before "
                    "it is submitted"
                )
                % {"year": plan_year_label(plan_year)}
            )
    submission, _created = NationalSubmission.objects.update_or_create(
        forum=forum,
        kind=kind,
        plan_year=plan_year,
        defaults={
            "evaluation": evaluation,
            "note": note,
            "snapshot": snapshot_for(
                forum=forum, kind=kind, plan_year=plan_year, evaluation=evaluation
            ),
            "submitted_by": submitted_by,
            "submitted_at": timezone.now(),
        },
    )
    return submission


def _running(forum: Forum) -> list[User]:
    return [
        seat.person
        for seat in Membership.objects.current()
        .filter(forum=forum, role__in=Membership.RUNNING_ROLES)
        .select_related("person")
    ]


@transaction.atomic
def question_ask(
    *, forum: Forum, question: str, asked_by: User, submission: NationalSubmission | None = None
) -> NationalQuestion:
    """Ask a board a question; its secretariat and chair are told, and it waits on their home."""
    asked = NationalQuestion.objects.create(
        forum=forum, question=question, asked_by=asked_by, submission=submission
    )
    url = reverse("national:forum-reporting", args=[forum.slug])
    transaction.on_commit(
        lambda: notifications.notify(
            key=f"national-question:{asked.pk}",
            recipients=_running(forum),
            category="priorities",
            subject=gettext_lazy("A question from the national team"),
            template="national/email/question_asked",
            context={"question": asked, "forum": forum},
            url=url,
        )
    )
    return asked


@transaction.atomic
def question_answer(*, question: NationalQuestion, answer: str, answered_by: User):
    """Answer a national question; whoever asked it is told."""
    if question.is_answered:
        raise ValidationError(_("This question has already been answered"))
    question.answer = answer
    question.answered_by = answered_by
    question.answered_at = timezone.now()
    question.save(update_fields=["answer", "answered_by", "answered_at"])
    transaction.on_commit(
        lambda: notifications.notify(
            key=f"national-answer:{question.pk}",
            recipients=[question.asked_by],
            category="priorities",
            subject=gettext_lazy("A board has answered your question"),
            template="national/email/question_answered",
            context={"question": question, "forum": question.forum},
            url=reverse("national:workspace"),
        )
    )
    return question
