"""Drop-downs open with a real prompt ("Choose an agency", "No agenda item"), never Django's
"---------", whichever app's form they are in."""

import pytest
from django import forms

from forums.forms.actions import ActionForm
from forums.forms.base import GdsForm, prompt_for, real_prompts
from membership.models import Agency

pytestmark = pytest.mark.django_db


class Example(GdsForm):
    agency = forms.ModelChoiceField(queryset=Agency.objects.all(), label="Agency")
    owner_agency = forms.ModelChoiceField(queryset=Agency.objects.all(), required=False)
    item = forms.ModelChoiceField(
        queryset=Agency.objects.all(), required=False, label="Agenda item (optional)"
    )


def test_required_and_optional_drop_downs_get_prompts_from_their_labels():
    form = Example()
    assert form.fields["agency"].empty_label == "Choose an agency"
    assert form.fields["owner_agency"].empty_label == "No owner agency"
    assert form.fields["item"].empty_label == "No agenda item"
    assert "---------" not in str(form["agency"])


def test_a_model_fields_blank_choice_becomes_a_prompt():
    from priorities.models import Risk

    class RiskForm(forms.ModelForm):
        class Meta:
            model = Risk
            fields = ["priority", "owner", "owner_agency", "status"]

    form = RiskForm()
    real_prompts(form)
    assert "---------" not in "".join(str(form[name]) for name in form.fields)


def test_a_prompt_already_written_is_kept():
    field = forms.ModelChoiceField(queryset=Agency.objects.all(), empty_label="Pick one")
    form = forms.Form()
    form.fields["agency"] = field
    real_prompts(form)
    assert field.empty_label == "Pick one"
    assert prompt_for(forms.ChoiceField(label="Meeting"), "meeting") == "Choose a meeting"


def test_the_action_form_has_no_dashes(forum, secretariat):
    from django.template import Context, Template

    form = ActionForm(forum=forum)
    html = Template("{% load crispy_forms_tags %}{% crispy form %}").render(Context({"form": form}))
    assert "---------" not in html
    assert "No accountable agency" in html
