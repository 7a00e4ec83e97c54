"""Forms for reporting to the national level and for questions between boards and the team."""

from django import forms
from django.utils.translation import gettext_lazy as _

from national.models import NationalSubmission
from priorities.forms.base import gds_layout
from priorities.models import plan_year_label


class SubmissionForm(forms.Form):
    plan_year = forms.TypedChoiceField(
        label=_("Plan year"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the plan year you are reporting on")},
    )
    note = forms.CharField(
        label=_("Covering note (optional)"),
        required=False,
        widget=forms.Textarea,
        help_text=_("Anything the national team should know when reading the figures."),
    )

    def __init__(self, *args, years: list[int], submit: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan_year"].choices = [(year, plan_year_label(year)) for year in years]
        self.helper = gds_layout(self, submit)


class QuestionForm(forms.Form):
    question = forms.CharField(
        label=_("Your question"),
        widget=forms.Textarea,
        max_length=5000,
        error_messages={"required": _("Enter your question")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_layout(self, _("Send the question"))


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea,
        max_length=10000,
        error_messages={"required": _("Enter your answer")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_layout(self, _("Send the answer"))


KIND_SLUGS = {
    "annual-evaluation": NationalSubmission.Kind.ANNUAL_EVALUATION,
    "victims-code": NationalSubmission.Kind.VICTIMS_CODE,
}
