"""The annual evaluation: starting it, an outcome per priority, and the chair's approval."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from forums.models import Forum
from membership.models import User
from priorities.models import AnnualEvaluation, EvaluationOutcome, Priority
from priorities.services._common import _require, _save, _set


@transaction.atomic
def evaluation_start(*, forum: Forum, plan_year: int, by: User) -> AnnualEvaluation:
    """Start the evaluation of a plan year (one per forum and year)."""
    _require(by, "priorities.edit_plans", forum)
    evaluation, created = AnnualEvaluation.objects.get_or_create(forum=forum, plan_year=plan_year)
    if not created:
        raise ValidationError({"plan_year": "This plan year already has an evaluation"})
    return evaluation


@transaction.atomic
def evaluation_update(
    *, evaluation: AnnualEvaluation, by: User, summary: str, summary_cy: str | None = None
) -> AnnualEvaluation:
    """Change the overall summary (a bilingual forum's in Welsh too: ``summary_cy``)."""
    _require(by, "priorities.edit_plans", evaluation.forum)
    if evaluation.status == AnnualEvaluation.Status.APPROVED:
        raise ValidationError("An approved evaluation cannot be changed")
    evaluation.summary = summary
    update_fields = ["summary"]
    if summary_cy is not None:
        evaluation.summary_cy = summary_cy
        update_fields.append("summary_cy")
    evaluation.save(update_fields=update_fields)
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
