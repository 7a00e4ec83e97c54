"""Forms for the annual evaluation: starting it, its summary and each priority's outcome."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from forums.bilingual import Welsh
from priorities.forms.base import GDSModelForm, gds_layout
from priorities.models import AnnualEvaluation, EvaluationOutcome


class EvaluationStartForm(forms.Form):
    plan_year = forms.TypedChoiceField(
        coerce=int,
        label="Plan year to evaluate",
        error_messages={"required": "Choose the plan year"},
    )

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        from priorities.models import plan_year_label

        self.fields["plan_year"].choices = [(y, plan_year_label(y)) for y in years]
        self.helper = gds_layout(self, "Start the evaluation")


class EvaluationSummaryForm(GDSModelForm):
    submit_label = "Save summary"
    welsh = [Welsh("summary", _("Overall summary (English)"), "Crynodeb cyffredinol (Cymraeg)")]

    class Meta:
        model = AnnualEvaluation
        fields = ["summary"]


class OutcomeForm(GDSModelForm):
    submit_label = "Save outcome"
    welsh = [Welsh("narrative", _("What happened (English)"), "Beth ddigwyddodd (Cymraeg)")]
    messages = {
        "outcome": "Choose whether the priority was met",
        "narrative": "Say what happened",
    }

    class Meta:
        model = EvaluationOutcome
        fields = ["outcome", "narrative", "figures", "next_action"]
        widgets = {"outcome": forms.RadioSelect}
