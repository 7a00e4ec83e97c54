"""Forms for priorities, objectives, sign-off, delivery plans, discussions and local themes."""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from forums.bilingual import TITLE, Welsh
from priorities.forms.base import GDSModelForm, date_field, gds_layout
from priorities.models import Objective, Priority, SignOff


class PriorityForm(GDSModelForm):
    submit_label = "Save priority"
    welsh = [TITLE, Welsh("description", _("Description (English)"), "Disgrifiad (Cymraeg)")]
    messages = {
        "plan_year": "Enter the plan year",
        "title": "Enter the title of the priority",
        "theme": "Choose the theme",
        "description": "Describe the priority",
    }

    class Meta:
        model = Priority
        fields = [
            "plan_year",
            "title",
            "theme",
            "description",
            "evidence_notes",
            "indicators",
            "national_priority",
            "national_priority_reference",
            "police_crime_plan_objective",
            "police_crime_plan_reference",
            "lead_agency",
            "lead_member",
            "equality_considerations",
        ]
        widgets = {"indicators": forms.CheckboxSelectMultiple}
        help_texts = {
            "title": "Specific enough to act on: not 'crime reduction' but, for example, "
            "'Fewer trials that fail because witnesses do not attend'.",
            "national_priority_reference": "For example the national board's paper or year.",
            "police_crime_plan_reference": "For example 'Police and Crime Plan 2025–29, "
            "objective 3'.",
        }

    def __init__(self, *args, themes, indicators, agencies, members, forum=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan_year"].widget = forms.NumberInput()
        self.fields["plan_year"].help_text = "The year the plan year starts in, for example 2026."
        self.fields["plan_year"].error_messages["invalid"] = "Enter the plan year as a number"
        self.fields["theme"].queryset = themes
        self.fields["indicators"].queryset = indicators
        self.fields["indicators"].label = "Linked performance indicators"
        self.fields["lead_agency"].queryset = agencies
        self.fields["lead_member"].queryset = members
        self.helper = gds_layout(self, self.submit_label)
        self.add_welsh(forum)

    def clean_plan_year(self):
        year = self.cleaned_data["plan_year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError("Enter a plan year between 2000 and 2100")
        return year


class ObjectiveForm(GDSModelForm):
    submit_label = "Save objective"
    welsh = [Welsh("title", _("Objective (English)"), "Amcan (Cymraeg)")]
    messages = {
        "title": "Enter the objective",
        "target": "Enter the target",
        "target_date": "Enter the target date",
    }

    baseline_date = date_field("Baseline date", required=False)
    target_date = date_field("Target date", message="Enter the target date")

    class Meta:
        model = Objective
        fields = [
            "title",
            "indicator",
            "local_measure",
            "unit",
            "baseline",
            "baseline_date",
            "target",
            "target_date",
        ]
        labels = {"indicator": "Indicator from the performance catalogue"}

    def __init__(self, *args, indicators, forum=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators
        self.fields["indicator"].empty_label = "None: I will describe a local measure"
        for name in ("baseline", "target"):
            self.fields[name].widget = forms.NumberInput(attrs={"step": "any"})
            self.fields[name].error_messages["invalid"] = f"The {name} must be a number"
        self.helper = gds_layout(self, self.submit_label)
        self.add_welsh(forum)

    def clean(self):
        data = super().clean()
        # "Choose an indicator or describe a local measure" comes from Objective.clean().
        baseline_date, target_date = data.get("baseline_date"), data.get("target_date")
        if baseline_date and target_date and target_date <= baseline_date:
            self.add_error("target_date", "The target date must be after the baseline date")
        if data.get("baseline") is not None and not baseline_date:
            self.add_error("baseline_date", "Enter the date of the baseline")
        return data


class SignOffForm(forms.Form):
    agency = forms.ModelChoiceField(
        queryset=None,
        label="Agency you are signing for",
        error_messages={
            "required": "Choose the agency you are signing for",
            "invalid_choice": "You can only sign off for the agency you represent",
        },
    )
    decision = forms.ChoiceField(
        choices=SignOff.Decision.choices,
        widget=forms.RadioSelect,
        label="Does your agency agree to this priority?",
        error_messages={"required": "Choose whether your agency agrees"},
    )
    comment = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Comment",
        help_text="Required if your agency has reservations or does not agree.",
        max_length=5000,
    )

    def __init__(self, *args, agencies, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        if len(agencies) == 1:
            self.fields["agency"].initial = agencies[0]
        # Changing an answer starts from the one given: the agency's current answer is chosen.
        answered = [a for a in agencies if a.pk in (answers or {})]
        if answered:
            current = answers[answered[0].pk]
            self.fields["agency"].initial = answered[0]
            self.fields["decision"].initial = current.decision
            self.fields["comment"].initial = current.comment
        items = [
            Field.radios("agency", legend_size=Size.SMALL)
            if len(agencies) > 1
            else Field("agency", type="hidden"),
            Field.radios("decision", legend_size=Size.MEDIUM),
            Field.textarea("comment", rows=5),
            Submit("submit", "Record sign-off"),
        ]
        if len(agencies) <= 1:
            self.fields["agency"].widget = forms.HiddenInput()
            items[0] = Field("agency")
        else:
            self.fields["agency"].widget = forms.RadioSelect()
        self.helper = FormHelper()
        self.helper.layout = Layout(*items)

    def clean(self):
        data = super().clean()
        if "agency" in self._errors and isinstance(self.fields["agency"].widget, forms.HiddenInput):
            # The field is hidden when the person represents one agency: say it at the top.
            for message in self._errors.pop("agency"):
                self.add_error(None, message)
        objecting = data.get("decision") in (
            SignOff.Decision.RESERVATIONS,
            SignOff.Decision.DISAGREE,
        )
        if objecting and not (data.get("comment") or "").strip():
            self.add_error("comment", "Say what your agency's reservations or objections are")
        return data


class DeliveryActionForm(forms.Form):
    action = forms.ModelChoiceField(
        queryset=None,
        label="Action from the forum's action list",
        error_messages={"required": "Choose the action"},
    )
    objective = forms.ModelChoiceField(
        queryset=None, required=False, label="Objective it delivers (optional)"
    )

    def __init__(self, *args, actions, objectives, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = actions
        self.fields["objective"].queryset = objectives
        self.helper = gds_layout(self, "Add to the delivery plan")


class DiscussionForm(forms.Form):
    agenda_item = forms.ModelChoiceField(queryset=None, required=False, label="Agenda item")
    decision = forms.ModelChoiceField(queryset=None, required=False, label="Decision")
    minute_entry = forms.ModelChoiceField(queryset=None, required=False, label="Minute")

    def __init__(self, *args, agenda_items, decisions, minute_entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = agenda_items
        self.fields["agenda_item"].label_from_instance = lambda i: f"{i.meeting}: {i.title}"
        self.fields["decision"].queryset = decisions
        self.fields["minute_entry"].queryset = minute_entries
        self.fields["minute_entry"].label_from_instance = lambda e: (
            f"{e.agenda_item.meeting}: {e.agenda_item.title}"
        )
        self.helper = gds_layout(self, "Link")

    def clean(self):
        data = super().clean()
        chosen = [n for n in ("agenda_item", "decision", "minute_entry") if data.get(n)]
        if len(chosen) != 1:
            raise forms.ValidationError("Choose one agenda item, decision or minute")
        return data


class ThemeForm(forms.Form):
    name = forms.CharField(
        max_length=150, label="Name of the local theme", error_messages={"required": "Enter a name"}
    )
    description = forms.CharField(widget=forms.Textarea, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_layout(self, "Add theme")


class StatusForm(forms.Form):
    """The buttons that move a priority along: one hidden field says which."""

    ACTIONS = ("send", "agree", "return", "retire")
    to = forms.ChoiceField(choices=[(a, a) for a in ACTIONS])
