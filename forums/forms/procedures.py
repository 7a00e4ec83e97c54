"""Forms for decisions in writing: start a written procedure, add a paper, answer for an agency."""

import datetime

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Size, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums.forms.base import GdsForm, _date, _time
from forums.forms.papers import PaperForm
from forums.models import Confidentiality, ProcedureResponse, WrittenProcedure
from forums.uploads import MAX_BYTES, check_upload
from membership.models import Agency

PAPER_HINT = _("PDF, Word, Excel, PowerPoint, OpenDocument text or CSV, up to 25MB.")


def _checked(upload):
    if upload:
        if upload.size > MAX_BYTES:
            raise ValidationError(gettext("The file must be smaller than 25MB"))
        check_upload(upload)
    return upload


class ProcedureStartForm(GdsForm):
    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        error_messages={"required": _("Enter the title of the proposal")},
    )
    proposal = forms.CharField(
        label=_("What the board is asked to agree"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Write it as the decision will be recorded, for example 'The board agrees "
            "to fund a joint victim contact audit led by CPS.'"
        ),
        error_messages={"required": _("Enter what the board is asked to agree")},
    )
    background = forms.CharField(
        label=_("Background (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    closes_on = _date(_("Responses by (date)"), message=_("Enter the date responses are due by"))
    closes_time = _time(_("Responses by (time)"), message=_("Enter the time responses are due by"))
    rule = forms.ChoiceField(
        label=_("How the outcome is decided"),
        choices=WrittenProcedure.Rule.choices,
        initial=WrittenProcedure.Rule.CONSENSUS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how the outcome is decided")},
    )
    quorum = forms.IntegerField(
        label=_("Quorum (optional)"),
        required=False,
        min_value=1,
        help_text=_(
            "How many agencies must respond. Leave it empty for more than half of the "
            "agencies on the board."
        ),
        error_messages={
            "invalid": _("Enter the quorum as a whole number, like 4"),
            "min_value": _("The quorum must be at least 1 agency"),
        },
    )
    confidentiality = forms.ChoiceField(
        label=_("Who may see it"),
        choices=WrittenProcedure.CONFIDENTIALITY_CHOICES,
        initial=Confidentiality.CONFIDENTIAL,
        widget=forms.RadioSelect,
        help_text=_("A public proposal and its outcome are published once it is decided."),
        error_messages={"required": _("Choose who may see it")},
    )
    confidentiality_reason = forms.CharField(
        label=_("Reason it is not public"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    paper = forms.FileField(
        label=_("Paper (optional)"),
        required=False,
        help_text=format_lazy(
            "{} {}", PAPER_HINT, _("You can add more papers once it has started.")
        ),
        error_messages={"empty": _("The selected file is empty"), "invalid": _("Select a file")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("title", field_width=Fluid.TWO_THIRDS),
            Field.textarea("proposal"),
            Field.textarea("background"),
            Field("closes_on"),
            Field("closes_time"),
            Field.radios("rule", legend_size=Size.SMALL),
            Field.text("quorum", field_width=Fluid.ONE_QUARTER),
            Field.radios("confidentiality", legend_size=Size.SMALL),
            Field.textarea("confidentiality_reason"),
            Field("paper"),
            Submit("submit", gettext("Start the written procedure")),
        )
        self.fields["quorum"].widget = forms.TextInput(
            attrs={"inputmode": "numeric", "spellcheck": "false"}
        )

    def clean_paper(self):
        return _checked(self.cleaned_data.get("paper"))

    def clean(self):
        data = super().clean()
        day, time = data.get("closes_on"), data.get("closes_time")
        if day and time:
            data["closes_at"] = timezone.make_aware(datetime.datetime.combine(day, time))
            if data["closes_at"] <= timezone.now():
                self.add_error("closes_on", gettext("The deadline must be in the future"))
        if (
            data.get("confidentiality") == Confidentiality.CONFIDENTIAL
            and not (data.get("confidentiality_reason") or "").strip()
        ):
            self.add_error(
                "confidentiality_reason", gettext("Enter why this proposal is not public")
            )
        return data


class MinutesInWritingForm(GdsForm):
    """The deadline for agencies to approve circulated minutes in writing."""

    submit_label = _("Ask the board to approve the minutes")

    closes_on = _date(_("Responses by (date)"), message=_("Enter the date responses are due by"))
    closes_time = _time(_("Responses by (time)"), message=_("Enter the time responses are due by"))

    def clean(self):
        data = super().clean()
        day, time = data.get("closes_on"), data.get("closes_time")
        if day and time:
            data["closes_at"] = timezone.make_aware(datetime.datetime.combine(day, time))
            if data["closes_at"] <= timezone.now():
                self.add_error("closes_on", gettext("The deadline must be in the future"))
        return data


class ProcedurePaperForm(GdsForm):
    submit_label = _("Add paper")

    title = forms.CharField(
        label=_("Paper title"),
        max_length=300,
        error_messages={"required": _("Enter the paper title")},
    )
    file = PaperForm.base_fields["file"]

    def clean_file(self):
        return _checked(self.cleaned_data["file"])


class ProcedureResponseForm(GdsForm):
    """One agency's answer; the agency is asked only when the person speaks for more than one."""

    submit_label = _("Send your agency's answer")

    agency = forms.ModelChoiceField(
        label=_("Which agency are you answering for?"),
        queryset=None,
        empty_label=_("Choose an agency"),
        error_messages={"required": _("Choose the agency you are answering for")},
    )
    answer = forms.ChoiceField(
        label=_("Your agency's answer"),
        choices=ProcedureResponse.Answer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether your agency agrees or objects")},
    )
    comments = forms.CharField(
        label=_("Comments"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Needed if your agency agrees with comments or objects."),
    )
    refer_to_meeting = forms.BooleanField(
        label=_("If you object: ask for the matter to go to the next meeting instead"),
        required=False,
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.only_agency = agencies[0] if len(agencies) == 1 else None
        fields = [Field.radios("answer", legend_size=Size.MEDIUM)]
        if self.only_agency is None:
            self.fields["agency"].queryset = Agency.objects.filter(
                pk__in=[a.pk for a in agencies]
            ).order_by("name")
            fields.insert(0, Field.select("agency"))
        else:
            del self.fields["agency"]  # one agency: nothing to ask
        self.helper.layout = Layout(
            *fields,
            Field.textarea("comments"),
            Field.checkbox("refer_to_meeting"),
            Submit("submit", self.submit_label),
        )

    def clean(self):
        data = super().clean()
        if self.only_agency is not None:
            data["agency"] = self.only_agency
        return data

    @staticmethod
    def initial_for(response: ProcedureResponse | None) -> dict:
        if response is None:
            return {}
        return {
            "agency": response.agency_id,
            "answer": response.answer,
            "comments": response.comments,
            "refer_to_meeting": response.refer_to_meeting,
        }
