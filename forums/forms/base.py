"""The GOV.UK layout the meeting forms share: date and time fields and the GdsForm base."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Size, Submit
from django import forms

DATE_HINT = "Use the date picker or type it as day/month/year, for example 27/3/2026"
TIME_HINT = "Use the 24-hour clock, for example 14:00"


def _date(label, required=True, hint=DATE_HINT, message="Enter the date"):
    return forms.DateField(
        label=label,
        required=required,
        help_text=hint,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"required": message, "invalid": "Enter a real date"},
    )


def _time(label, required=True, message="Enter the start time"):
    return forms.TimeField(
        label=label,
        required=required,
        help_text=TIME_HINT,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": message, "invalid": "Enter a time like 14:00"},
    )


class GdsForm(forms.Form):
    """A form laid out with GOV.UK components, field by field, from the widget types."""

    submit_label = "Save"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
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
