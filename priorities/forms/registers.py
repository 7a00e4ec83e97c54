"""Forms for the tensions and risks registers."""

from __future__ import annotations

from django import forms

from priorities.forms.base import GDSModelForm, date_field, gds_layout
from priorities.models import Risk, Tension


class TensionForm(GDSModelForm):
    submit_label = "Save tension"
    messages = {
        "title": "Enter a short title for the tension",
        "agency_plan": "Describe the agency's own plan or measure",
        "conflict": "Describe how it conflicts with the shared priority",
        "agencies": "Choose the agencies involved",
        "status": "Choose the status of the tension",
    }

    class Meta:
        model = Tension
        fields = [
            "title",
            "priority",
            "agency_plan",
            "conflict",
            "agencies",
            "impact",
            "status",
            "resolution",
        ]
        widgets = {"agencies": forms.CheckboxSelectMultiple, "status": forms.RadioSelect}
        labels = {"priority": "Shared priority affected"}

    def __init__(self, *args, priorities, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority"].queryset = priorities
        self.fields["agencies"].queryset = agencies
        self.helper = gds_layout(self, self.submit_label)

    def clean(self):
        data = super().clean()
        if (
            data.get("status") in (Tension.Status.RESOLVED, Tension.Status.ESCALATED)
            and not (data.get("resolution") or "").strip()
        ):
            self.add_error("resolution", "Say how the tension was resolved or escalated")
        return data


SCORE_CHOICES = [(n, str(n)) for n in range(1, 6)]


class RiskForm(GDSModelForm):
    submit_label = "Save risk"
    messages = {
        "title": "Enter a short title for the risk",
        "cause": "Describe the cause",
        "consequence": "Describe the consequence",
        "likelihood": "Choose the likelihood, from 1 to 5",
        "impact": "Choose the impact, from 1 to 5",
        "review_date": "Enter the review date",
        "status": "Choose the status of the risk",
    }

    review_date = date_field("Review date", message="Enter the review date")

    class Meta:
        model = Risk
        fields = [
            "title",
            "priority",
            "cause",
            "consequence",
            "likelihood",
            "impact",
            "owner",
            "owner_agency",
            "mitigations",
            "review_date",
            "status",
            "shared_upward",
        ]
        labels = {"priority": "Priority it threatens (optional)", "owner_agency": "Owning agency"}
        help_texts = {
            "likelihood": "1 is rare, 5 is almost certain.",
            "impact": "1 is negligible, 5 is severe.",
        }

    def __init__(self, *args, priorities, members, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("likelihood", "impact"):
            self.fields[name] = forms.TypedChoiceField(
                label=name.capitalize(),
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                help_text=self.Meta.help_texts[name],
                error_messages={
                    "required": self.messages[name],
                    "invalid_choice": f"The {name} must be a whole number from 1 to 5",
                },
            )
        self.fields["priority"].queryset = priorities
        self.fields["owner"].queryset = members
        self.fields["owner_agency"].queryset = agencies
        self.fields["status"].widget = forms.RadioSelect(choices=Risk.Status.choices)
        self.helper = gds_layout(self, self.submit_label)
