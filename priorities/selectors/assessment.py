"""The self-assessment's reads: the evidence the app already holds for each question, the
members' ratings question by question, and last year's agreed ratings to compare with."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, Max, OuterRef, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from forums.coverage import forum_coverage
from forums.models import Action, Escalation, Forum, Meeting
from forums.selectors.attendance import attendance_statistics
from membership import dates
from priorities.assessment_questions import QUESTIONS, STAGES, Question, Stage, questions_of
from priorities.models import (
    AnnualEvaluation,
    AssessmentAnswer,
    Consultation,
    Objective,
    Priority,
    RelatedPartnership,
    Risk,
    Score,
    SelfAssessment,
    StageConclusion,
    Tension,
)


def assessment_for(*, forum: Forum, plan_year: int) -> SelfAssessment:
    found = SelfAssessment.objects.filter(forum=forum, plan_year=plan_year).first()
    if found is None:
        raise Http404("No self-assessment for that year")
    return found


def _year_bounds(plan_year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(plan_year, 4, 1), datetime.date(plan_year + 1, 3, 31)


def assessment_evidence(*, forum: Forum, plan_year: int) -> dict[str, str]:
    """One sentence per kind of evidence, from the records the board keeps here (a fixed
    number of queries). Keys match ``Question.evidence``."""
    start, end = _year_bounds(plan_year)
    today = timezone.localdate()
    evidence: dict[str, str] = {}

    coverage = forum_coverage(forum=forum)
    if coverage.checked:
        text = _("%(present)s of %(core)s recommended agencies are represented.") % {
            "present": coverage.represented_count,
            "core": len(coverage.core_types),
        }
        if coverage.missing:
            text += " " + _("Missing: %(names)s.") % {
                "names": ", ".join(t.name for t in coverage.missing)
            }
        if coverage.without_authority:
            text += " " + _("Without authority to commit resources: %(names)s.") % {
                "names": ", ".join(t.name for t in coverage.without_authority)
            }
        evidence["coverage"] = text

    agencies = attendance_statistics(forum=forum)["agencies"]
    if agencies:
        low = [row["agency__name"] for row in agencies if row["represented"] * 2 < row["meetings"]]
        evidence["attendance"] = _("Over the last 12 months, %(count)s agencies attended.") % {
            "count": len(agencies)
        } + (
            " "
            + _("Represented at fewer than half the meetings: %(names)s.")
            % {"names": ", ".join(low)}
            if low
            else " " + _("Every agency was represented at half the meetings or more.")
        )

    meetings = Meeting.objects.filter(
        forum=forum, starts_at__date__range=(start, min(end, today))
    ).exclude(status=Meeting.Status.CANCELLED)
    evidence["meetings"] = ngettext(
        "%(count)s meeting held in the plan year.",
        "%(count)s meetings held in the plan year.",
        meetings.count(),
    ) % {"count": meetings.count()}

    escalations = Escalation.objects.filter(
        from_forum=forum, raised_at__date__range=(start, end)
    ).aggregate(raised=Count("pk"), answered=Count("pk", filter=Q(responded_at__isnull=False)))
    evidence["escalations"] = _("%(raised)s escalated, %(answered)s answered.") % escalations

    risks = Risk.objects.filter(forum=forum).exclude(status=Risk.Status.CLOSED)
    counts = risks.aggregate(
        open=Count("pk"),
        overdue=Count("pk", filter=Q(review_date__lt=today)),
        shared=Count("pk", filter=Q(shared_upward=True)),
    )
    evidence["risks"] = (
        _(
            "%(open)s risks on the register; %(overdue)s past their review date; "
            "%(shared)s shared with the regional board."
        )
        % counts
    )

    priorities = Priority.objects.filter(
        forum=forum, plan_year=plan_year, status=Priority.Status.AGREED
    ).annotate(
        measured=Exists(Objective.objects.filter(priority=OuterRef("pk"), indicator__isnull=False))
    )
    agreed = list(priorities.values_list("measured", flat=True))
    evidence["priorities"] = _("%(agreed)s priorities agreed for the plan year.") % {
        "agreed": len(agreed)
    }
    evidence["measures"] = _(
        "%(measured)s of %(agreed)s agreed priorities have a measure from the indicator catalogue."
    ) % {
        "measured": sum(agreed),
        "agreed": len(agreed),
    }
    evidence["tensions"] = _("%(count)s tensions between agency plans recorded.") % {
        "count": Tension.objects.filter(forum=forum, raised_at__range=(start, end)).count()
    }

    actions = Action.objects.filter(forum=forum).aggregate(
        open=Count("pk", filter=Q(status__in=Action.OPEN_STATUSES)),
        overdue=Count(
            "pk",
            filter=Q(status__in=Action.OPEN_STATUSES, due_date__lt=today),
        ),
        owned=Count(
            "pk",
            filter=Q(status__in=Action.OPEN_STATUSES)
            & (Q(owner__isnull=False) | Q(accountable_agency__isnull=False)),
        ),
    )
    evidence["actions"] = (
        _("%(open)s open actions, %(owned)s with a named owner or agency, %(overdue)s overdue.")
        % actions
    )

    evaluation = (
        AnnualEvaluation.objects.filter(forum=forum, plan_year__lte=plan_year)
        .order_by("-plan_year")
        .first()
    )
    if evaluation is None:
        evidence["evaluations"] = _("No annual evaluation recorded yet.")
    elif evaluation.is_approved:
        evidence["evaluations"] = _("The evaluation of %(year)s is approved%(public)s.") % {
            "year": evaluation.plan_year_label,
            "public": _(" and public") if forum.is_public else "",
        }
    else:
        evidence["evaluations"] = _("The evaluation of %(year)s is still a draft.") % {
            "year": evaluation.plan_year_label
        }

    consultations = Consultation.objects.filter(
        forum=forum, opens_on__lte=end, closes_on__gte=start
    ).aggregate(held=Count("pk", distinct=True), responses=Count("responses", distinct=True))
    evidence["consultations"] = (
        _("%(held)s public consultations in the plan year, with %(responses)s responses.")
        % consultations
    )

    partnerships = RelatedPartnership.objects.filter(forum=forum).aggregate(
        count=Count("pk"), latest=Max("last_engaged_on")
    )
    if partnerships["count"]:
        evidence["partnerships"] = _(
            "%(count)s related partnerships on the register; last engaged %(when)s."
        ) % {
            "count": partnerships["count"],
            "when": dates.date_text(partnerships["latest"])
            if partnerships["latest"]
            else _("never"),
        }
    else:
        evidence["partnerships"] = _("No related partnerships on the register yet.")
    return evidence


@dataclass
class QuestionRow:
    question: Question
    evidence: list[str]
    counts: dict[int, int] = field(default_factory=dict)  # score → how many members
    mine: AssessmentAnswer | None = None
    comments: list[AssessmentAnswer] = field(default_factory=list)

    @property
    def rated(self) -> int:
        return sum(self.counts.values())

    @property
    def spread(self) -> list[tuple[str, int]]:
        return [(label, self.counts.get(score, 0)) for score, label in Score.choices]


@dataclass
class StageRow:
    stage: Stage
    questions: list[QuestionRow]
    conclusion: StageConclusion | None = None
    last_year: StageConclusion | None = None

    @property
    def answered_by_me(self) -> bool:
        return all(row.mine for row in self.questions)


def assessment_rows(*, assessment: SelfAssessment, person, with_comments: bool) -> list[StageRow]:
    """Each stage with its questions, evidence, the spread of members' ratings, the person's
    own answers, the agreed conclusion and last year's (with comments for the secretariat)."""
    evidence = assessment_evidence(forum=assessment.forum, plan_year=assessment.plan_year)
    answers = list(assessment.answers.select_related("person"))
    conclusions = {c.stage: c for c in assessment.conclusions.all()}
    previous = (
        SelfAssessment.objects.filter(
            forum=assessment.forum,
            plan_year__lt=assessment.plan_year,
            status=SelfAssessment.Status.APPROVED,
        )
        .order_by("-plan_year")
        .first()
    )
    last_year = {c.stage: c for c in previous.conclusions.all()} if previous else {}
    counts: dict[str, Counter] = defaultdict(Counter)
    mine: dict[str, AssessmentAnswer] = {}
    comments: dict[str, list[AssessmentAnswer]] = defaultdict(list)
    for answer in answers:
        counts[answer.question][answer.score] += 1
        if answer.person_id == person.pk:
            mine[answer.question] = answer
        if with_comments and answer.comment:
            comments[answer.question].append(answer)
    return [
        StageRow(
            stage=stage,
            questions=[
                QuestionRow(
                    question=question,
                    evidence=[evidence[key] for key in question.evidence if key in evidence],
                    counts=dict(counts[question.code]),
                    mine=mine.get(question.code),
                    comments=comments[question.code],
                )
                for question in questions_of(stage.code)
            ],
            conclusion=conclusions.get(stage.code),
            last_year=last_year.get(stage.code),
        )
        for stage in STAGES
    ]


def raters(*, assessment: SelfAssessment) -> int:
    """How many people have rated at least one question."""
    return assessment.answers.values("person_id").distinct().count()


def published_assessment(*, forum: Forum) -> SelfAssessment | None:
    return (
        SelfAssessment.objects.published()
        .filter(forum=forum)
        .prefetch_related("conclusions", "improvement_actions")
        .order_by("-plan_year")
        .first()
    )


def partnerships_of(*, forum: Forum):
    return RelatedPartnership.objects.filter(forum=forum)


QUESTION_COUNT = len(QUESTIONS)
