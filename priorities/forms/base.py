"""The GOV.UK layout every priorities form uses: the date field, the layout and the model form."""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Size, Submit
from django import forms

from forums.bilingual import Welsh, add_welsh_fields
from forums.forms.base import real_prompts

DATE_HINT = "Use the date picker or type the date, for example 31 3 2027."


def date_field(label: str, *, required: bool = True, message: str = "", hint: str = DATE_HINT):
    return forms.DateField(
        label=label,
        required=required,
        help_text=hint,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": message, "invalid": f"{label} must be a real date"},
    )


def gds_layout(form: forms.Form, submit: str = "Save") -> FormHelper:
    """A GOV.UK layout for every field of the form, chosen from its widget; drop-downs open
    with a real prompt."""
    real_prompts(form)
    items = []
    for name, field in form.fields.items():
        widget = field.widget
        if isinstance(widget, forms.HiddenInput):
            items.append(Field(name))
        elif isinstance(widget, forms.Textarea):
            items.append(Field.textarea(name, rows=4))
        elif isinstance(widget, forms.RadioSelect):
            items.append(Field.radios(name, legend_size=Size.SMALL))
        elif isinstance(widget, forms.CheckboxSelectMultiple):
            items.append(Field.checkboxes(name, legend_size=Size.SMALL, small=True))
        elif isinstance(widget, forms.CheckboxInput):
            items.append(Field.checkbox(name))
        elif isinstance(widget, forms.Select | forms.SelectMultiple):
            items.append(Field.select(name))
        elif isinstance(widget, forms.NumberInput):
            # A text input with a number keyboard, as GOV.UK advises: crispy-forms-gds gives a
            # type="number" input neither the govuk-input style nor its error state.
            whole = isinstance(field, forms.IntegerField) and not isinstance(
                field,
                forms.DecimalField | forms.FloatField,  # both subclass IntegerField
            )
            field.widget = forms.TextInput(
                attrs={"inputmode": "numeric" if whole else "decimal", "spellcheck": "false"}
            )
            items.append(Field.text(name, field_width=5))
        elif isinstance(widget, forms.DateInput):
            items.append(Field(name))
        else:
            items.append(Field.text(name, field_width=Fluid.TWO_THIRDS))
    items.append(Submit("submit", submit))
    helper = FormHelper()
    helper.layout = Layout(*items)
    return helper


class GDSModelForm(forms.ModelForm):
    """A model form with GOV.UK layout; subclasses list ``messages`` for required fields, and
    ``welsh`` for the fields a bilingual forum also writes in Welsh (forums/bilingual.py)."""

    submit_label = "Save"
    messages: dict[str, str] = {}
    welsh: list[Welsh] = []

    def __init__(self, *args, forum=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, message in self.messages.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message
        self.helper = gds_layout(self, self.submit_label)
        self.add_welsh(forum)

    def add_welsh(self, forum) -> None:
        """Welsh beside English for a bilingual forum (after the layout is built)."""
        if forum is not None and self.welsh:
            add_welsh_fields(self, forum=forum, fields=self.welsh)
