"""The GOV.UK layout the meeting forms share: date and time fields, the GdsForm base, and the
real prompts every app's forms give their drop-downs instead of Django's "---------"."""

import re

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Size, Submit
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

DATE_HINT = _("Use the date picker or type it as day/month/year, for example 27/3/2026")
TIME_HINT = _("Use the 24-hour clock, for example 14:00")
DATE_REQUIRED = _("Enter the date")
TIME_REQUIRED = _("Enter the start time")


def _date(label, required=True, hint=DATE_HINT, message=DATE_REQUIRED):
    return forms.DateField(
        label=label,
        required=required,
        help_text=hint,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"required": message, "invalid": _("Enter a real date")},
    )


def _time(label, required=True, message=TIME_REQUIRED):
    return forms.TimeField(
        label=label,
        required=required,
        help_text=TIME_HINT,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": message, "invalid": _("Enter a time like 14:00")},
    )


DJANGO_BLANK = "---------"


def prompt_for(field: forms.Field, name: str) -> str:
    """The first option of a drop-down: "Choose an agency" when an answer is needed, "No
    agency" when it may be left out (the label in lower case, without any "(optional)")."""
    label = re.sub(r"\s*\(.*?\)", "", str(field.label or name.replace("_", " "))).strip()
    words = label[:1].lower() + label[1:]
    if not field.required:
        return gettext("No %(thing)s") % {"thing": words}
    # English picks "an" or "a" by the first letter; other languages translate both alike.
    if words[:1] in "aeiou":
        return gettext("Choose an %(thing)s") % {"thing": words}
    return gettext("Choose a %(thing)s") % {"thing": words}


def real_prompts(form: forms.BaseForm) -> None:
    """Give every drop-down of the form a real first option instead of Django's "---------"
    (a model choice's empty label, or the blank choice of a model field with choices)."""
    for name, field in form.fields.items():
        if isinstance(field, forms.ModelMultipleChoiceField):
            continue
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label == DJANGO_BLANK:
                field.empty_label = prompt_for(field, name)
        elif isinstance(field, forms.ChoiceField) and not isinstance(
            field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple
        ):
            choices = list(field.choices)
            if choices and choices[0][0] in ("", None) and choices[0][1] == DJANGO_BLANK:
                field.choices = [("", prompt_for(field, name)), *choices[1:]]


class GdsForm(forms.Form):
    """A form laid out with GOV.UK components, field by field, from the widget types."""

    submit_label = _("Save")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        real_prompts(self)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            *[self._layout_field(name, field) for name, field in self.fields.items()],
            Submit("submit", self.submit_label),
        )

    def _layout_field(self, name, field):
        widget = field.widget
        if isinstance(widget, forms.RadioSelect):
            return Field.radios(name, legend_size=Size.SMALL)
        if isinstance(widget, forms.CheckboxSelectMultiple):
            return Field.checkboxes(name, legend_size=Size.SMALL)
        if isinstance(widget, forms.CheckboxInput):
            return Field.checkbox(name)
        if isinstance(widget, forms.Select):
            return Field.select(name)
        if isinstance(widget, forms.Textarea):
            return Field.textarea(name)
        if isinstance(widget, (forms.DateInput, forms.TimeInput, forms.FileInput)):
            return Field(name)
        if isinstance(widget, forms.NumberInput):
            # The GOV.UK pack leaves type=number unstyled and without its error state: use a
            # text box with a number keyboard, as the Design System recommends.
            field.widget = forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"})
            return Field.text(name, field_width=Fluid.ONE_QUARTER)
        return Field.text(name, field_width=Fluid.TWO_THIRDS)
