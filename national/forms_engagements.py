"""Forms for national engagements."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums.models import Forum
from forums.uploads import MAX_BYTES, check_upload
from membership.models import User
from national.models_engagement import Engagement, Release
from priorities.forms.base import GDSModelForm, date_field, gds_layout


class EngagementForm(GDSModelForm):
    submit_label = _("Save the engagement")
    messages = {
        "title": _("Enter the engagement's title"),
        "department": _("Enter the department leading the policy"),
        "stage": _("Choose the stage the policy is at"),
        "deadline": _("Enter the date responses are due"),
    }

    deadline = date_field(_("Respond by"), message=_("Enter the date responses are due"))
    audience_groups = forms.ModelMultipleChoiceField(
        label=_("National groups asked"),
        queryset=Forum.objects.filter(kind=Forum.Kind.NATIONAL_GROUP).order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    leads = forms.ModelMultipleChoiceField(
        label=_("Other policy leads (optional)"),
        queryset=User.objects.filter(is_national_viewer=True, is_active=True).order_by("full_name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("You lead it; other national staff you choose lead it with you."),
    )

    class Meta:
        model = Engagement
        fields = ["title", "department", "stage", "background", "deadline", "all_policing_bodies"]
        widgets = {"stage": forms.RadioSelect}
        labels = {"all_policing_bodies": _("Ask every local policing body")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["audience_groups"].initial = list(self.instance.audience_groups.all())
            self.fields["leads"].initial = list(self.instance.leads.all())
        self.helper = gds_layout(self, self.submit_label)

    def clean(self):
        data = super().clean()
        if not data.get("all_policing_bodies") and not data.get("audience_groups"):
            self.add_error(
                "audience_groups",
                gettext("Choose at least one national group, or every local policing body"),
            )
        return data


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Question"),
        widget=forms.Textarea,
        max_length=5000,
        error_messages={"required": _("Enter the question")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_layout(self, _("Save the question"))


class DECLARATION:
    IN_SCOPE = "in_scope"
    OUT_OF_SCOPE = "out_of_scope"


class EngagementPaperForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=300, error_messages={"required": _("Enter the paper title")}
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word, Excel, PowerPoint, OpenDocument text or CSV, up to 25MB."),
        error_messages={
            "required": _("Select a file"),
            "empty": _("The selected file is empty"),
            "invalid": _("Select a file"),
        },
    )
    declaration = forms.ChoiceField(
        label=_("Is the paper in scope for engagement?"),
        widget=forms.RadioSelect,
        choices=[
            (
                DECLARATION.IN_SCOPE,
                _(
                    "I declare it does not touch judicial or prosecutorial independence or "
                    "national security and is not otherwise out of scope"
                ),
            ),
            (
                DECLARATION.OUT_OF_SCOPE,
                _(
                    "It touches judicial or prosecutorial independence or national security, or "
                    "is otherwise out of scope"
                ),
            ),
        ],
        error_messages={"required": _("Say whether the paper is in scope")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_layout(self, _("Upload paper"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(gettext("The file must be smaller than 25MB"))
        check_upload(upload)
        return upload


class ReleaseForm(forms.Form):
    release = forms.ChoiceField(
        label=_("Release"),
        choices=Release.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    released_from = date_field(_("Released from"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_layout(self, _("Save the release"))

    def clean(self):
        data = super().clean()
        if data.get("release") and not data.get("released_from"):
            self.add_error("released_from", gettext("Enter the date it is released from"))
        return data


class AgendaChoiceForm(forms.Form):
    agenda_item = forms.ChoiceField(
        label=_("Agenda item"), error_messages={"required": _("Choose the agenda item")}
    )

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = {str(item.pk): item for item in items}
        self.fields["agenda_item"].choices = [("", "")] + [
            (str(item.pk), f"{item.meeting} — {item.title}") for item in items
        ]
        self.helper = gds_layout(self, _("Add to the agenda"))

    def clean_agenda_item(self):
        return self.items[self.cleaned_data["agenda_item"]]


class ResponseForm(forms.Form):
    """One steer per question, and the optional local perspective."""

    local_perspective = forms.CharField(
        label=_("Local perspective (optional)"),
        widget=forms.Textarea,
        required=False,
        max_length=10000,
        help_text=_("What your board's partners said, if you asked them."),
    )

    def __init__(self, *args, questions, with_perspective: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        fields = {}
        for number, question in enumerate(self.questions, start=1):
            fields[f"q{question.pk}"] = forms.CharField(
                label=_("%(number)s. %(question)s") % {"number": number, "question": question},
                widget=forms.Textarea,
                required=False,
                max_length=10000,
            )
        if with_perspective:
            fields["local_perspective"] = self.fields["local_perspective"]
        self.fields = fields
        self.helper = gds_layout(self, _("Save the draft"))

    def steers(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data.get(f"q{q.pk}", "").strip() for q in self.questions}


class OutcomeForm(forms.Form):
    outcome = forms.CharField(
        label=_("You said, we did"),
        widget=forms.Textarea,
        max_length=20000,
        error_messages={"required": _("Enter what was done with the responses")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_layout(self, _("Save the outcome"))
