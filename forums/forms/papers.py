"""Forms for uploading a paper and a new version of it."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums.forms.base import GdsForm
from forums.models import SecurityClassification
from forums.uploads import MAX_BYTES, check_agenda_upload


class PaperForm(GdsForm):
    submit_label = _("Upload paper")

    title = forms.CharField(
        label=_("Title"), max_length=300, error_messages={"required": _("Enter the paper title")}
    )
    classification = forms.ChoiceField(
        label=_("Security classification"),
        choices=SecurityClassification.choices,
        widget=forms.RadioSelect,
        initial=SecurityClassification.OFFICIAL,
        help_text=_("The Government Security Classification marking the author gave the paper."),
        error_messages={"required": _("Choose the security classification")},
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

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(gettext("The file must be smaller than 25MB"))
        check_agenda_upload(upload)
        return upload


class PaperVersionForm(GdsForm):
    submit_label = _("Upload new version")

    file = PaperForm.base_fields["file"]
    note = forms.CharField(label=_("What changed (optional)"), required=False, max_length=300)
    clean_file = PaperForm.clean_file
