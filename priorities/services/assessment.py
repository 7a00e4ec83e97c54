"""The annual self-assessment: open it, members rate, the secretariat agrees, the chair approves,
the board publishes. And the register of related partnerships."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forums.models import Action, Forum
from forums.services.actions import action_create
from membership.models import Agency, User
from priorities.assessment_questions import STAGES_BY_CODE, questions_of
from priorities.models import (
    AssessmentAnswer,
    RelatedPartnership,
    SelfAssessment,
    StageConclusion,
)
from priorities.services._common import _require, _save, _set

RUN = "priorities.run_self_assessment"


@transaction.atomic
def assessment_open(
    *, forum: Forum, plan_year: int, closes_on: datetime.date, by: User
) -> SelfAssessment:
    """Open a plan year's self-assessment for members' ratings (one per forum and year)."""
    _require(by, RUN, forum)
    if closes_on < timezone.localdate():
        raise ValidationError({"closes_on": _("The closing date must be today or in the future")})
    if SelfAssessment.objects.filter(forum=forum, plan_year=plan_year).exists():
        raise ValidationError({"plan_year": _("This plan year already has a self-assessment")})
    return SelfAssessment.objects.create(
        forum=forum, plan_year=plan_year, closes_on=closes_on, opened_by=by
    )


@transaction.atomic
def assessment_rate(
    *, assessment: SelfAssessment, person: User, stage: str, ratings: dict[str, tuple[int, str]]
) -> list[AssessmentAnswer]:
    """Record a member's ratings of one stage's questions: {question code: (score, comment)}."""
    _require(person, "priorities.rate_self_assessment", assessment.forum)
    if not assessment.is_open:
        raise ValidationError(_("Ratings have closed: the secretariat has agreed the rating"))
    codes = {question.code for question in questions_of(stage)}
    if stage not in STAGES_BY_CODE or set(ratings) - codes:
        raise ValidationError(_("Those questions are not part of this stage"))
    answers = []
    for code, (score, comment) in ratings.items():
        answer, _created = AssessmentAnswer.objects.update_or_create(
            assessment=assessment,
            person=person,
            question=code,
            defaults={"score": score, "comment": comment},
        )
        answers.append(answer)
    return answers


@transaction.atomic
def assessment_agree(
    *,
    assessment: SelfAssessment,
    by: User,
    conclusions: dict[str, tuple[int, str]],
    rating: str,
    summary: str,
) -> SelfAssessment:
    """The secretariat agrees a rating for each stage and overall; ratings then close."""
    _require(by, RUN, assessment.forum)
    if assessment.is_approved:
        raise ValidationError(_("An approved self-assessment cannot be changed"))
    missing = set(STAGES_BY_CODE) - set(conclusions)
    if missing:
        raise ValidationError(_("Agree a rating for every stage"))
    for stage, (score, comment) in conclusions.items():
        StageConclusion.objects.update_or_create(
            assessment=assessment, stage=stage, defaults={"score": score, "comment": comment}
        )
    _set(
        assessment,
        {
            "rating": rating,
            "summary": summary,
            "status": SelfAssessment.Status.AGREED,
            "agreed_by": by,
            "agreed_at": timezone.now(),
        },
    )
    return _save(
        assessment, update_fields=["rating", "summary", "status", "agreed_by", "agreed_at"]
    )


@transaction.atomic
def assessment_add_action(
    *,
    assessment: SelfAssessment,
    by: User,
    title: str,
    due_date: datetime.date,
    accountable_agency: Agency | None = None,
) -> Action:
    """An improvement action, in the forum's own action list, linked to the assessment."""
    _require(by, RUN, assessment.forum)
    if assessment.is_approved:
        raise ValidationError(_("An approved self-assessment cannot be changed"))
    action = action_create(
        forum=assessment.forum,
        by=by,
        title=title,
        due_date=due_date,
        accountable_agency=accountable_agency,
        description=_("Improvement action from the self-assessment of %(year)s")
        % {"year": assessment.plan_year_label},
    )
    assessment.improvement_actions.add(action)
    return action


@transaction.atomic
def assessment_approve(*, assessment: SelfAssessment, by: User) -> SelfAssessment:
    _require(by, "priorities.approve_self_assessment", assessment.forum)
    if assessment.status != SelfAssessment.Status.AGREED:
        raise ValidationError(_("The secretariat must agree the rating before the chair approves"))
    _set(
        assessment,
        {
            "status": SelfAssessment.Status.APPROVED,
            "approved_by": by,
            "approved_at": timezone.now(),
        },
    )
    return _save(assessment, update_fields=["status", "approved_by", "approved_at"])


@transaction.atomic
def assessment_publish(*, assessment: SelfAssessment, by: User) -> SelfAssessment:
    """Publish the summary (overall and stage ratings, conclusions, improvement actions'
    titles). Members' individual ratings and comments are never published."""
    _require(by, RUN, assessment.forum)
    if not assessment.is_approved:
        raise ValidationError(_("Only a self-assessment the chair has approved can be published"))
    _set(assessment, {"is_published": True, "published_at": timezone.now()})
    return _save(assessment, update_fields=["is_published", "published_at"])


@transaction.atomic
def partnership_save(
    *, forum: Forum, by: User, fields: dict, partnership: RelatedPartnership | None = None
) -> RelatedPartnership:
    """Add a related partnership to the board's register, or change one."""
    _require(by, "priorities.edit_plans", forum)
    partnership = partnership or RelatedPartnership(forum=forum)
    _set(partnership, fields)
    return _save(partnership)


@transaction.atomic
def partnership_remove(*, partnership: RelatedPartnership, by: User) -> None:
    _require(by, "priorities.edit_plans", partnership.forum)
    partnership.delete()
