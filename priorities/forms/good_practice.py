"""Forms of the good-practice library: an entry, the library's search, the curator's review and
a board's adoption."""

from __future__ import annotations

from django import forms

from priorities.forms.base import GDSModelForm, gds_layout
from priorities.models import GoodPracticeAdoption, GoodPracticeEntry

Entry = GoodPracticeEntry


class GoodPracticeEntryForm(GDSModelForm):
    submit_label = "Save entry"
    messages = {
        "title": "Enter a title",
        "theme": "Choose the theme",
        "area": "Choose the area",
        "agencies": "Choose at least one agency involved",
        "what_was_done": "Say what was done",
        "contact": "Enter who to contact",
        "evidence_level": "Choose how far it has got",
    }

    class Meta:
        model = Entry
        fields = [
            "title",
            "theme",
            "area",
            "agencies",
            "what_was_done",
            "evidence",
            "indicators",
            "cost",
            "contact",
            "evidence_level",
        ]
        widgets = {
            "agencies": forms.CheckboxSelectMultiple,
            "indicators": forms.CheckboxSelectMultiple,
            "evidence_level": forms.RadioSelect,
        }
        help_texts = {
            "title": "For example 'Witness care calls the day before trial'.",
            "what_was_done": "What changed, who did it and how, so another board could do it.",
            "evidence": "What changed as a result, with figures if you have them.",
            "indicators": "Optional: the performance indicators that show the effect.",
            "cost": "Money, staff time and anything else it took.",
            "contact": "A role and an email address, for example 'Board manager, "
            "lcjb@example.org'.",
            "evidence_level": "An idea not yet tried, tried in practice, or evaluated with "
            "evidence of its effect.",
        }

    def __init__(self, *args, themes, areas, agencies, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = themes
        self.fields["theme"].empty_label = "Choose a theme"
        self.fields["area"].queryset = areas
        self.fields["area"].empty_label = "Choose an area"
        self.fields["agencies"].queryset = agencies
        self.fields["indicators"].queryset = indicators
        self.fields["evidence_level"].choices = Entry.EvidenceLevel.choices
        self.helper = gds_layout(self, self.submit_label)


def _choices(prompt: str, pairs) -> list[tuple[str, str]]:
    return [("", prompt), *pairs]


class LibrarySearchForm(forms.Form):
    """The library's search (a GET form: every answer optional)."""

    q = forms.CharField(label="Search", required=False, max_length=200)
    theme = forms.ChoiceField(label="Theme", required=False)
    agency_type = forms.ChoiceField(label="Agency involved", required=False)
    area = forms.ChoiceField(label="Area", required=False)
    evidence_level = forms.ChoiceField(
        label="Evidence",
        required=False,
        choices=_choices("Any evidence", Entry.EvidenceLevel.choices),
    )

    def __init__(self, *args, themes, agency_types, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"class": "govuk-input", "type": "search"})
        for name in ("theme", "agency_type", "area", "evidence_level"):
            self.fields[name].widget.attrs["class"] = "govuk-select"
        self.fields["theme"].choices = _choices("All themes", [(t.slug, t.name) for t in themes])
        self.fields["agency_type"].choices = _choices(
            "Any agency", [(a.slug, a.name) for a in agency_types]
        )
        self.fields["area"].choices = _choices("All areas", [(a.code, a.name) for a in areas])


class ReviewForm(forms.Form):
    """The curator's decision on a submitted entry."""

    PUBLISH_PUBLIC = "public"
    PUBLISH_PARTNERS = "partners"
    REJECT = "reject"

    decision = forms.ChoiceField(
        label="Your decision",
        widget=forms.RadioSelect,
        choices=[
            (PUBLISH_PUBLIC, "Publish it for everyone"),
            (PUBLISH_PARTNERS, "Publish it for partners only"),
            (REJECT, "Do not publish it"),
        ],
        error_messages={"required": "Choose whether to publish the entry"},
    )
    reason = forms.CharField(
        label="Why not (if you do not publish it)",
        required=False,
        widget=forms.Textarea,
        help_text="The board sees this and may change the entry and submit it again.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_layout(self, "Save decision")

    def clean(self):
        data = super().clean()
        if data.get("decision") == self.REJECT and not (data.get("reason") or "").strip():
            self.add_error("reason", "Say why the entry is not published")
        return data


class AdoptionForm(GDSModelForm):
    submit_label = "Record adoption"

    class Meta:
        model = GoodPracticeAdoption
        fields = ["priority", "note"]
        help_texts = {"priority": "Optional: the priority of your board it helps deliver."}

    def __init__(self, *args, priorities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority"].queryset = priorities
        self.fields["priority"].empty_label = "No particular priority"
        self.helper = gds_layout(self, self.submit_label)
