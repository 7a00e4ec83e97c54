"""Forms for reporting to the national level and for questions between boards and the team."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums.models import Forum, Membership
from forums.uploads import MAX_BYTES, check_upload
from national.models import Bulletin, BulletinSection, BulletinSeries, NationalSubmission
from priorities.forms.base import GDSModelForm, date_field, gds_layout
from priorities.models import Theme, plan_year_label


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


class SeriesForm(GDSModelForm):
    submit_label = _("Save the series")
    messages = {
        "name": _("Enter the series' name"),
        "slug": _("Enter a web address made of lower-case letters, numbers and hyphens"),
        "publisher": _("Enter who publishes it"),
    }

    class Meta:
        model = BulletinSeries
        fields = ["name", "slug", "publisher_forum", "publisher", "description"]

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        boards = Forum.objects.filter(
            kind=Forum.Kind.REGIONAL_BOARD,
            memberships__in=Membership.objects.current().filter(
                person_id=person.pk, role__in=Membership.RUNNING_ROLES
            ),
        ).distinct()
        field = self.fields["publisher_forum"]
        field.queryset = boards.order_by("name")
        field.error_messages["required"] = _("Choose the regional board that publishes it")
        if not person.is_national_viewer:
            # Only the national team publishes national series.
            field.required = True
            field.help_text = ""
        elif not boards.exists():
            del self.fields["publisher_forum"]
            self.helper = gds_layout(self, self.submit_label)


class BulletinForm(GDSModelForm):
    submit_label = _("Save the draft")
    messages = {
        "series": _("Choose the series"),
        "number": _("Enter the bulletin's number"),
        "title": _("Enter a title"),
        "audience": _("Choose who may read it"),
    }
    issued_on = date_field(_("Date of issue"), message=_("Enter the date of issue"))
    call_closes_on = date_field(_("Send content by (optional)"), required=False)

    class Meta:
        model = Bulletin
        fields = [
            "series",
            "number",
            "title",
            "issued_on",
            "introduction",
            "audience",
            "group",
            "call_for_content",
            "call_closes_on",
        ]
        widgets = {"audience": forms.RadioSelect}

    def __init__(self, *args, series, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = series
        self.fields["group"].queryset = Forum.objects.order_by("name")
        self.fields["group"].required = False


class SectionForm(GDSModelForm):
    submit_label = _("Save the section")
    messages = {"heading": _("Enter a heading"), "body": _("Enter the section's text")}

    class Meta:
        model = BulletinSection
        fields = ["heading", "theme", "body", "links"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.national()

    def clean_links(self):
        links = self.cleaned_data["links"]
        for line in links.splitlines():
            if line.strip() and not line.partition("|")[2].strip().startswith(
                ("https://", "http://")
            ):
                raise forms.ValidationError(
                    _(
                        "Write each link as its text, a vertical bar, then an address starting https://"
                    )
                )
        return links


class AttachmentForm(forms.Form):
    """A file for a section: checked for type (from its content) and size, as papers are."""

    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("What readers will see as the link, for example 'Victims' Code data, Q2'."),
        error_messages={"required": _("Enter a title for the file")},
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_layout(self, _("Attach the file"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(gettext("The file must be smaller than 25MB"))
        check_upload(upload)
        return upload


class EmailSubscribeForm(forms.Form):
    """The public's way to get a series' public bulletins by e-mail (no account)."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We will send a link to confirm it is yours. Nothing else is sent until then."),
        error_messages={
            "required": _("Enter your e-mail address"),
            "invalid": _("Enter an e-mail address in the correct format, like name@example.com"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_layout(self, _("Subscribe"))


class OfferForm(forms.Form):
    text = forms.CharField(
        label=_("What you would like to share"),
        widget=forms.Textarea,
        max_length=5000,
        error_messages={"required": _("Enter what you would like to share")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_layout(self, _("Send"))
