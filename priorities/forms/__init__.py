"""Forms for priorities, objectives, sign-off, registers, consultations and evaluations.

One module per part: priorities.py, registers.py, consultations.py, evaluations.py and
public.py (the public answer form); base.py holds the GOV.UK layout they share. Every public
name is re-exported here.
"""

from priorities.forms.base import DATE_HINT, GDSModelForm, date_field, gds_layout
from priorities.forms.consultations import ConsultationForm, QuestionForm, YouSaidWeDidForm
from priorities.forms.evaluations import EvaluationStartForm, EvaluationSummaryForm, OutcomeForm
from priorities.forms.good_practice import (
    AdoptionForm,
    GoodPracticeEntryForm,
    LibrarySearchForm,
    ReviewForm,
)
from priorities.forms.priorities import (
    DeliveryActionForm,
    DiscussionForm,
    ObjectiveForm,
    PriorityForm,
    SignOffForm,
    StatusForm,
    ThemeForm,
)
from priorities.forms.public import (
    ABOUT_YOU,
    MAX_FORM_AGE,
    MIN_SECONDS_TO_ANSWER,
    PublicResponseForm,
    started_token,
)
from priorities.forms.registers import SCORE_CHOICES, RiskForm, TensionForm

__all__ = [
    "DATE_HINT",
    "date_field",
    "gds_layout",
    "GDSModelForm",
    "PriorityForm",
    "ObjectiveForm",
    "SignOffForm",
    "DeliveryActionForm",
    "DiscussionForm",
    "ThemeForm",
    "StatusForm",
    "TensionForm",
    "SCORE_CHOICES",
    "RiskForm",
    "ConsultationForm",
    "QuestionForm",
    "YouSaidWeDidForm",
    "EvaluationStartForm",
    "EvaluationSummaryForm",
    "OutcomeForm",
    "MIN_SECONDS_TO_ANSWER",
    "MAX_FORM_AGE",
    "started_token",
    "ABOUT_YOU",
    "PublicResponseForm",
    "AdoptionForm",
    "GoodPracticeEntryForm",
    "LibrarySearchForm",
    "ReviewForm",
]
