"""Forms for running a consultation: the consultation, its questions and you said we did."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from forums.bilingual import TITLE, Welsh
from priorities.forms.base import DATE_HINT, GDSModelForm, date_field, gds_layout
from priorities.models import Consultation, Question, YouSaidWeDid


class ConsultationForm(GDSModelForm):
    submit_label = "Save consultation"
    welsh = [
        TITLE,
        Welsh("introduction", _("Introduction (English)"), "Cyflwyniad (Cymraeg)"),
        Welsh(
            "published_summary",
            _("Summary of what people said (English)"),
            "Crynodeb o'r hyn a ddywedodd pobl (Cymraeg)",
        ),
    ]
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

    def __init__(self, *args, priorities, forum=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priorities"].queryset = priorities
        self.helper = gds_layout(self, self.submit_label)
        self.add_welsh(forum)

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
    welsh = [
        Welsh("text", _("Question (English)"), "Cwestiwn (Cymraeg)"),
        Welsh("hint", _("Hint (English)"), "Awgrym (Cymraeg)"),
        Welsh(
            "choices", _("Answers to choose from (English)"), "Atebion i ddewis ohonynt (Cymraeg)"
        ),
    ]

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
