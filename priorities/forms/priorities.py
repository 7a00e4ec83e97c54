"""Forms for priorities, objectives, sign-off, registers, consultations and evaluations."""

from __future__ import annotations

import time

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Fluid, Layout, Size, Submit
from django import forms
from django.core import signing

from priorities.models import (
    AnnualEvaluation,
    Consultation,
    EvaluationOutcome,
    Objective,
    Priority,
    Question,
    Response,
    Risk,
    SignOff,
    Tension,
    YouSaidWeDid,
)
from priorities.models.consultation import MAX_ANSWER_LENGTH

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
    """A GOV.UK layout for every field of the form, chosen from its widget."""
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
    """A model form with GOV.UK layout; subclasses list ``messages`` for required fields."""

    submit_label = "Save"
    messages: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, message in self.messages.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message
        self.helper = gds_layout(self, self.submit_label)


class PriorityForm(GDSModelForm):
    submit_label = "Save priority"
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

    def __init__(self, *args, themes, indicators, agencies, members, **kwargs):
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

    def clean_plan_year(self):
        year = self.cleaned_data["plan_year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError("Enter a plan year between 2000 and 2100")
        return year


class ObjectiveForm(GDSModelForm):
    submit_label = "Save objective"
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

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators
        self.fields["indicator"].empty_label = "None: I will describe a local measure"
        for name in ("baseline", "target"):
            self.fields[name].widget = forms.NumberInput(attrs={"step": "any"})
            self.fields[name].error_messages["invalid"] = f"The {name} must be a number"
        self.helper = gds_layout(self, self.submit_label)

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

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        if len(agencies) == 1:
            self.fields["agency"].initial = agencies[0]
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


class TensionForm(GDSModelForm):
    submit_label = "Save tension"
    messages = {
        "title": "Enter a short title for the tension",
        "agency_plan": "Describe the agency's own plan or measure",
        "conflict": "Describe how it conflicts with the shared priority",
        "agencies": "Choose the agencies involved",
        "status": "Choose the status of the tension",
    }

    class Meta:
        model = Tension
        fields = [
            "title",
            "priority",
            "agency_plan",
            "conflict",
            "agencies",
            "impact",
            "status",
            "resolution",
        ]
        widgets = {"agencies": forms.CheckboxSelectMultiple, "status": forms.RadioSelect}
        labels = {"priority": "Shared priority affected"}

    def __init__(self, *args, priorities, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority"].queryset = priorities
        self.fields["agencies"].queryset = agencies
        self.helper = gds_layout(self, self.submit_label)

    def clean(self):
        data = super().clean()
        if (
            data.get("status") in (Tension.Status.RESOLVED, Tension.Status.ESCALATED)
            and not (data.get("resolution") or "").strip()
        ):
            self.add_error("resolution", "Say how the tension was resolved or escalated")
        return data


SCORE_CHOICES = [(n, str(n)) for n in range(1, 6)]


class RiskForm(GDSModelForm):
    submit_label = "Save risk"
    messages = {
        "title": "Enter a short title for the risk",
        "cause": "Describe the cause",
        "consequence": "Describe the consequence",
        "likelihood": "Choose the likelihood, from 1 to 5",
        "impact": "Choose the impact, from 1 to 5",
        "review_date": "Enter the review date",
        "status": "Choose the status of the risk",
    }

    review_date = date_field("Review date", message="Enter the review date")

    class Meta:
        model = Risk
        fields = [
            "title",
            "priority",
            "cause",
            "consequence",
            "likelihood",
            "impact",
            "owner",
            "owner_agency",
            "mitigations",
            "review_date",
            "status",
        ]
        labels = {"priority": "Priority it threatens (optional)", "owner_agency": "Owning agency"}
        help_texts = {
            "likelihood": "1 is rare, 5 is almost certain.",
            "impact": "1 is negligible, 5 is severe.",
        }

    def __init__(self, *args, priorities, members, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("likelihood", "impact"):
            self.fields[name] = forms.TypedChoiceField(
                label=name.capitalize(),
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                help_text=self.Meta.help_texts[name],
                error_messages={
                    "required": self.messages[name],
                    "invalid_choice": f"The {name} must be a whole number from 1 to 5",
                },
            )
        self.fields["priority"].queryset = priorities
        self.fields["owner"].queryset = members
        self.fields["owner_agency"].queryset = agencies
        self.fields["status"].widget = forms.RadioSelect(choices=Risk.Status.choices)
        self.helper = gds_layout(self, self.submit_label)


class ConsultationForm(GDSModelForm):
    submit_label = "Save consultation"
    messages = {
        "title": "Enter the title of the consultation",
        "introduction": "Explain what you are asking people about",
        "opens_on": "Enter the opening date",
        "closes_on": "Enter the closing date",
    }

    opens_on = date_field("Opening date", message="Enter the opening date")
    closes_on = date_field(
        "Closing date",
        message="Enter the closing date",
        hint="Answers are accepted until the end of this day. " + DATE_HINT,
    )

    class Meta:
        model = Consultation
        fields = [
            "title",
            "introduction",
            "priorities",
            "opens_on",
            "closes_on",
            "equality_monitoring",
            "is_published",
            "published_summary",
        ]
        widgets = {"priorities": forms.CheckboxSelectMultiple}

    def __init__(self, *args, priorities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priorities"].queryset = priorities
        self.helper = gds_layout(self, self.submit_label)

    def clean(self):
        data = super().clean()
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error(
                "closes_on", "The closing date must be the same as or after the opening date"
            )
        return data


class QuestionForm(GDSModelForm):
    submit_label = "Save question"
    messages = {"text": "Enter the question", "kind": "Choose the kind of answer"}

    class Meta:
        model = Question
        fields = ["text", "hint", "kind", "choices", "required"]
        widgets = {"kind": forms.RadioSelect, "choices": forms.Textarea}

    def clean(self):
        data = super().clean()
        choices = [c for c in (data.get("choices") or "").splitlines() if c.strip()]
        if data.get("kind") == Question.Kind.CHOICE and len(choices) < 2:
            self.add_error("choices", "Enter at least two answers, one per line")
        return data


class YouSaidWeDidForm(GDSModelForm):
    submit_label = "Add entry"
    messages = {"you_said": "Enter what people said", "we_did": "Enter what the board did"}

    class Meta:
        model = YouSaidWeDid
        fields = ["you_said", "we_did", "priority", "decision", "action"]

    def __init__(self, *args, priorities, decisions, actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority"].queryset = priorities
        self.fields["decision"].queryset = decisions
        self.fields["action"].queryset = actions
        self.helper = gds_layout(self, self.submit_label)


class EvaluationStartForm(forms.Form):
    plan_year = forms.TypedChoiceField(
        coerce=int,
        label="Plan year to evaluate",
        error_messages={"required": "Choose the plan year"},
    )

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        from priorities.models import plan_year_label

        self.fields["plan_year"].choices = [(y, plan_year_label(y)) for y in years]
        self.helper = gds_layout(self, "Start the evaluation")


class EvaluationSummaryForm(GDSModelForm):
    submit_label = "Save summary"

    class Meta:
        model = AnnualEvaluation
        fields = ["summary"]


class OutcomeForm(GDSModelForm):
    submit_label = "Save outcome"
    messages = {
        "outcome": "Choose whether the priority was met",
        "narrative": "Say what happened",
    }

    class Meta:
        model = EvaluationOutcome
        fields = ["outcome", "narrative", "figures", "next_action"]
        widgets = {"outcome": forms.RadioSelect}


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


# --- the public answer form -----------------------------------------------------------------

MIN_SECONDS_TO_ANSWER = 3
MAX_FORM_AGE = 60 * 60 * 24
_SIGNING_SALT = "priorities.consultation-started"


def started_token(at: float | None = None) -> str:
    """A signed record of when the form was shown, to refuse answers sent implausibly fast."""
    return signing.dumps(at if at is not None else time.time(), salt=_SIGNING_SALT)


ABOUT_YOU = {
    "age_band": ("Your age", Response.AgeBand.choices),
    "sex": ("Your sex", Response.Sex.choices),
    "ethnic_group": ("Your ethnic group", Response.EthnicGroup.choices),
    "disability": (
        "Do you consider yourself to have a disability or long-term health condition?",
        Response.YesNo.choices,
    ),
    "victim_of_crime": (
        "Have you been a victim of or witness to a crime in the last 3 years?",
        Response.YesNo.choices,
    ),
}


class PublicResponseForm(forms.Form):
    """The questions of one consultation, the optional equality questions and spam checks."""

    # Spam protection without third-party services: a field people never see (bots fill it),
    # and a signed time the form was shown (bots answer in under a second).
    website = forms.CharField(required=False, label="Leave this blank")
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, consultation: Consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.questions = list(consultation.questions.all())
        self.too_fast = False
        self.is_spam = False
        for question in self.questions:
            name = f"question_{question.pk}"
            if question.kind == Question.Kind.CHOICE:
                self.fields[name] = forms.ChoiceField(
                    label=question.text,
                    choices=[(c, c) for c in question.choice_list],
                    widget=forms.RadioSelect,
                    required=question.required,
                    help_text=question.hint,
                    error_messages={
                        "required": f"Answer the question: {question.text}",
                        "invalid_choice": "Choose one of the answers",
                    },
                )
            else:
                self.fields[name] = forms.CharField(
                    label=question.text,
                    widget=forms.Textarea(attrs={"rows": 5}),
                    required=question.required,
                    help_text=(question.hint + " " if question.hint else "")
                    + f"Up to {MAX_ANSWER_LENGTH:,} characters.",
                    max_length=MAX_ANSWER_LENGTH,
                    error_messages={
                        "required": f"Answer the question: {question.text}",
                        "max_length": f"Your answer must be {MAX_ANSWER_LENGTH:,} characters "
                        "or fewer",
                    },
                )
        self.fields["respondent_type"] = forms.ChoiceField(
            label="Are you answering as",
            required=False,
            widget=forms.RadioSelect,
            choices=[
                ("A member of the public", "A member of the public"),
                ("A victim or witness", "A victim or witness"),
                ("Someone who works in criminal justice", "Someone who works in criminal justice"),
                ("On behalf of an organisation", "On behalf of an organisation"),
            ],
        )
        if consultation.equality_monitoring:
            for name, (label, choices) in ABOUT_YOU.items():
                self.fields[name] = forms.ChoiceField(
                    label=label, required=False, choices=choices, widget=forms.RadioSelect
                )
        if not self.is_bound:
            self.initial["started"] = started_token()
        self.helper = FormHelper()
        layout = [Field("started")]
        for question in self.questions:
            name = f"question_{question.pk}"
            if question.kind == Question.Kind.CHOICE:
                layout.append(Field.radios(name, legend_size=Size.MEDIUM))
            else:
                layout.append(
                    Field.textarea(
                        name, label_size=Size.MEDIUM, max_characters=MAX_ANSWER_LENGTH, rows=6
                    )
                )
        layout.append(
            HTML(
                '<h2 class="govuk-heading-m">About you (optional)</h2>'
                '<p class="govuk-body">These questions help the board check it hears from '
                "everyone. You can leave any of them out. They are reported only as totals."
                "</p>"
            )
        )
        layout.append(Field.radios("respondent_type", legend_size=Size.SMALL, small=True))
        if consultation.equality_monitoring:
            for name in ABOUT_YOU:
                layout.append(Field.radios(name, legend_size=Size.SMALL, small=True))
        self.helper.layout = Layout(*layout)
        self.helper.form_tag = False

    @property
    def question_fields(self):
        return [self[f"question_{q.pk}"] for q in self.questions]

    @property
    def about_you_names(self) -> list[str]:
        names = ["respondent_type"]
        if self.consultation.equality_monitoring:
            names += list(ABOUT_YOU)
        return names

    def clean(self):
        data = super().clean()
        if data.get("website"):
            self.is_spam = True
        # The start-time problems go at the top of the form: the field itself is hidden.
        try:
            started = float(
                signing.loads(data.get("started") or "", salt=_SIGNING_SALT, max_age=MAX_FORM_AGE)
            )
        except (signing.BadSignature, TypeError, ValueError):
            self.add_error(
                None,
                "This page has expired. Copy your answers, reload the page and send them again",
            )
            return data
        if time.time() - started < MIN_SECONDS_TO_ANSWER:
            self.too_fast = True
            self.add_error(None, "That was very quick. Check your answers and send them again")
            return data
        answered = [q for q in self.questions if (data.get(f"question_{q.pk}") or "").strip()]
        if self.questions and not answered and not self.errors:
            self.add_error(None, "Answer at least one question before you send your answers")
        return data

    def answers(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data.get(f"question_{q.pk}") or "" for q in self.questions}

    def about_you(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in self.about_you_names}


class StatusForm(forms.Form):
    """The buttons that move a priority along: one hidden field says which."""

    ACTIONS = ("send", "agree", "return", "retire")
    to = forms.ChoiceField(choices=[(a, a) for a in ACTIONS])
