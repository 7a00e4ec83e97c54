"""Number questions are GOV.UK text inputs with a number keyboard, styled and shown in error."""

import re

from crispy_forms.utils import render_crispy_form
from django import forms

from priorities.forms import gds_layout


class _Form(forms.Form):
    year = forms.IntegerField(label="Plan year", error_messages={"invalid": "Enter a year"})
    target = forms.DecimalField(label="Target", error_messages={"invalid": "Enter a number"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_layout(self)


def _inputs(form) -> dict[str, str]:
    html = render_crispy_form(form)
    return {re.search(r'name="(\w+)"', tag)[1]: tag for tag in re.findall(r"<input[^>]*>", html)}


def test_number_questions_are_styled_text_inputs_with_a_number_keyboard():
    inputs = _inputs(_Form())
    assert 'type="text"' in inputs["year"] and 'inputmode="numeric"' in inputs["year"]
    assert 'type="text"' in inputs["target"] and 'inputmode="decimal"' in inputs["target"]
    assert all("govuk-input " in inputs[name] for name in ("year", "target"))


def test_a_wrong_number_is_shown_in_error():
    form = _Form(data={"year": "next", "target": "lots"})
    assert not form.is_valid()
    inputs = _inputs(form)
    assert "govuk-input--error" in inputs["year"] and "govuk-input--error" in inputs["target"]


def test_the_target_form_number_questions_are_styled(db):
    from performance.forms import TargetForm
    from performance.models import Indicator

    inputs = _inputs(TargetForm(indicators=Indicator.objects.none(), data={"value": "x"}))
    assert "govuk-input--error" in inputs["value"] and 'inputmode="decimal"' in inputs["value"]
    assert "govuk-input " in inputs["amber_tolerance"]
