"""Models of the priorities app, one module per part of the planning cycle."""

from priorities.models.assessment import (
    AssessmentAnswer,
    RelatedPartnership,
    Score,
    SelfAssessment,
    StageConclusion,
)
from priorities.models.consultation import (
    Answer,
    Consultation,
    ConsultationQuerySet,
    Question,
    Response,
    YouSaidWeDid,
)
from priorities.models.evaluation import AnnualEvaluation, EvaluationOutcome
from priorities.models.good_practice import (
    GoodPracticeAdoption,
    GoodPracticeEntry,
    GoodPracticeQuerySet,
)
from priorities.models.links import DeliveryAction, PriorityDiscussion
from priorities.models.plan import (
    Objective,
    Priority,
    PriorityQuerySet,
    Risk,
    SignOff,
    Tension,
    current_plan_year,
    plan_year_label,
)
from priorities.models.theme import Theme

__all__ = [
    "AnnualEvaluation",
    "AssessmentAnswer",
    "RelatedPartnership",
    "Score",
    "SelfAssessment",
    "StageConclusion",
    "DeliveryAction",
    "PriorityDiscussion",
    "Answer",
    "Consultation",
    "ConsultationQuerySet",
    "EvaluationOutcome",
    "GoodPracticeAdoption",
    "GoodPracticeEntry",
    "GoodPracticeQuerySet",
    "Objective",
    "Priority",
    "PriorityQuerySet",
    "Question",
    "Response",
    "Risk",
    "SignOff",
    "Tension",
    "Theme",
    "YouSaidWeDid",
    "current_plan_year",
    "plan_year_label",
]
