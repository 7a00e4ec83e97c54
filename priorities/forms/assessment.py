"""Forms of the self-assessment (open, rate a stage, agree, improvement action) and of the
register of related partnerships."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from priorities.assessment_questions import STAGES, questions_of
from priorities.forms.base import GDSModelForm, date_field, gds_layout
from priorities.models import RelatedPartnership, Score, SelfAssessment, plan_year_label


def _score_field(label, *, help_text="", message) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=Score.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": message},
    )


COMMENT_LABEL = _("Comment (optional)")


def _comment_field(label=COMMENT_LABEL) -> forms.CharField:
    return forms.CharField(label=label, required=False, widget=forms.Textarea, max_length=5000)


class AssessmentOpenForm(forms.Form):
    plan_year = forms.TypedChoiceField(
        label=_("Plan year"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the plan year to assess")},
    )
    closes_on = date_field(_("Members rate by"), message=_("Enter the date ratings close"))

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan_year"].choices = [(year, plan_year_label(year)) for year in years]
        self.helper = gds_layout(self, pgettext_lazy("button", "Open for members' ratings"))


class StageRatingForm(forms.Form):
    """A member's ratings of one stage: a score and an optional comment for each question."""

    def __init__(self, *args, stage: str, evidence: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions_of(stage)
        for question in self.questions:
            held = [evidence[key] for key in question.evidence if key in evidence]
            hint = question.hint
            if held:
                hint = format_lazy(
                    "{} {} {}", hint, _("What the board's records show:"), " ".join(held)
                )
            self.fields[f"score_{question.code}"] = _score_field(
                question.text, help_text=hint, message=_("Choose a rating")
            )
            self.fields[f"comment_{question.code}"] = _comment_field()
        self.helper = gds_layout(self, _("Save and continue"))

    def ratings(self) -> dict[str, tuple[int, str]]:
        return {
            q.code: (self.cleaned_data[f"score_{q.code}"], self.cleaned_data[f"comment_{q.code}"])
            for q in self.questions
        }


class AgreeForm(forms.Form):
    """The secretariat's agreed rating of each stage, the overall rating and the conclusion."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for stage in STAGES:
            self.fields[f"score_{stage.code}"] = _score_field(
                stage.title,
                help_text=stage.summary,
                message=_("Choose the agreed rating of this stage"),
            )
            self.fields[f"comment_{stage.code}"] = _comment_field(_("Why (optional)"))
        self.fields["rating"] = forms.ChoiceField(
            label=_("Overall, is the board fit for purpose?"),
            choices=SelfAssessment.Rating.choices,
            widget=forms.RadioSelect,
            error_messages={"required": _("Choose the overall rating")},
        )
        self.fields["summary"] = forms.CharField(
            label=_("What the board concluded"),
            help_text=_("Published with the ratings if the board publishes its self-assessment."),
            widget=forms.Textarea,
            max_length=10000,
            error_messages={"required": _("Enter what the board concluded")},
        )
        self.helper = gds_layout(self, _("Agree the rating"))

    def conclusions(self) -> dict[str, tuple[int, str]]:
        return {
            stage.code: (
                self.cleaned_data[f"score_{stage.code}"],
                self.cleaned_data[f"comment_{stage.code}"],
            )
            for stage in STAGES
        }


class ImprovementActionForm(forms.Form):
    title = forms.CharField(
        label=_("What will be done"),
        max_length=300,
        error_messages={"required": _("Enter what will be done")},
    )
    due_date = date_field(_("Due date"), message=_("Enter the due date"))
    accountable_agency = forms.ModelChoiceField(
        label=_("Accountable agency"),
        queryset=None,
        error_messages={"required": _("Choose the agency accountable for the action")},
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accountable_agency"].queryset = agencies
        self.helper = gds_layout(self, _("Add the action"))


class PartnershipForm(GDSModelForm):
    submit_label = _("Save partnership")
    messages = {
        "name": _("Enter the partnership's name"),
        "kind": _("Choose the kind of partnership"),
        "how_linked": _("Describe how the board links with it"),
    }
    last_engaged_on = date_field(
        _("When the board last engaged with it (optional)"), required=False
    )

    class Meta:
        model = RelatedPartnership
        fields = ["name", "kind", "contact", "how_linked", "last_engaged_on"]
        widgets = {"kind": forms.RadioSelect}
