"""The public answer form of a consultation, with its spam checks."""

from __future__ import annotations

import time

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Layout, Size
from django import forms
from django.core import signing
from django.utils.html import format_html

from forums.templatetags.bilingual import bilingual, bilingual_text, page_language
from priorities.models import Consultation, Question, Response
from priorities.models.consultation import MAX_ANSWER_LENGTH

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


def _choices(question: Question) -> list[tuple[str, str]]:
    """The answers to choose from: the English is what is stored (so answers count the same
    whichever language they came in), the label the Welsh on a Welsh page when every answer
    has one."""
    english = question.choice_list
    welsh = [line.strip() for line in (question.choices_cy or "").splitlines() if line.strip()]
    if page_language() == "cy" and len(welsh) == len(english):
        return list(zip(english, welsh, strict=True))
    return [(choice, choice) for choice in english]


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
            # The question in the page's language, or marked as in English (forums/bilingual).
            label, text = bilingual(question, "text"), bilingual_text(question, "text")
            hint = bilingual(question, "hint")
            if question.kind == Question.Kind.CHOICE:
                self.fields[name] = forms.ChoiceField(
                    label=label,
                    choices=_choices(question),
                    widget=forms.RadioSelect,
                    required=question.required,
                    help_text=hint,
                    error_messages={
                        "required": f"Answer the question: {text}",
                        "invalid_choice": "Choose one of the answers",
                    },
                )
            else:
                limit = f"Up to {MAX_ANSWER_LENGTH:,} characters."
                self.fields[name] = forms.CharField(
                    label=label,
                    widget=forms.Textarea(attrs={"rows": 5}),
                    required=question.required,
                    help_text=format_html("{} {}", hint, limit) if hint else limit,
                    max_length=MAX_ANSWER_LENGTH,
                    error_messages={
                        "required": f"Answer the question: {text}",
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
