"""Forms for the tensions and risks registers."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from priorities.forms.base import GDSModelForm, date_field, gds_layout
from priorities.models import Risk, Tension


class TensionForm(GDSModelForm):
    submit_label = _("Save tension")
    messages = {
        "title": _("Enter a short title for the tension"),
        "agency_plan": _("Describe the agency's own plan or measure"),
        "conflict": _("Describe how it conflicts with the shared priority"),
        "agencies": _("Choose the agencies involved"),
        "status": _("Choose the status of the tension"),
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
        labels = {
            "title": _("Title"),
            "priority": _("Shared priority affected"),
            "agencies": _("Agencies"),
            "impact": _("Impact"),
            "status": _("Status"),
        }

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
            self.add_error("resolution", _("Say how the tension was resolved or escalated"))
        return data


SCORE_CHOICES = [(n, str(n)) for n in range(1, 6)]


class RiskForm(GDSModelForm):
    submit_label = _("Save risk")
    messages = {
        "title": _("Enter a short title for the risk"),
        "cause": _("Describe the cause"),
        "consequence": _("Describe the consequence"),
        "likelihood": _("Choose the likelihood, from 1 to 5"),
        "impact": _("Choose the impact, from 1 to 5"),
        "review_date": _("Enter the review date"),
        "status": _("Choose the status of the risk"),
    }
    score_labels = {"likelihood": _("Likelihood"), "impact": _("Impact")}
    score_invalid = {
        "likelihood": _("The likelihood must be a whole number from 1 to 5"),
        "impact": _("The impact must be a whole number from 1 to 5"),
    }

    review_date = date_field(_("Review date"), message=_("Enter the review date"))

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
        labels = {
            "title": _("Title"),
            "priority": _("Priority it threatens (optional)"),
            "cause": _("Cause"),
            "consequence": _("Consequence"),
            "owner": _("Owner"),
            "owner_agency": _("Owning agency"),
            "mitigations": _("Mitigations"),
            "status": _("Status"),
        }
        help_texts = {
            "likelihood": _("1 is rare, 5 is almost certain."),
            "impact": _("1 is negligible, 5 is severe."),
        }

    def __init__(self, *args, priorities, members, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("likelihood", "impact"):
            self.fields[name] = forms.TypedChoiceField(
                label=self.score_labels[name],
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                help_text=self.Meta.help_texts[name],
                error_messages={
                    "required": self.messages[name],
                    "invalid_choice": self.score_invalid[name],
                },
            )
        self.fields["priority"].queryset = priorities
        self.fields["owner"].queryset = members
        self.fields["owner_agency"].queryset = agencies
        self.fields["status"].widget = forms.RadioSelect(choices=Risk.Status.choices)
        self.helper = gds_layout(self, self.submit_label)
