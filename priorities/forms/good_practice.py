"""Forms of the good-practice library: an entry, the library's search, the curator's review and
a board's adoption."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from priorities.forms.base import GDSModelForm, gds_layout
from priorities.models import GoodPracticeAdoption, GoodPracticeEntry

Entry = GoodPracticeEntry


class GoodPracticeEntryForm(GDSModelForm):
    submit_label = _("Save entry")
    messages = {
        "title": _("Enter a title"),
        "theme": _("Choose the theme"),
        "area": _("Choose the area"),
        "agencies": _("Choose at least one agency involved"),
        "what_was_done": _("Say what was done"),
        "contact": _("Enter who to contact"),
        "evidence_level": _("Choose how far it has got"),
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
        labels = {"title": _("Title"), "theme": _("Theme"), "area": _("Area")}
        help_texts = {
            "title": _("For example 'Witness care calls the day before trial'."),
            "what_was_done": _("What changed, who did it and how, so another board could do it."),
            "evidence": _("What changed as a result, with figures if you have them."),
            "indicators": _("Optional: the performance indicators that show the effect."),
            "cost": _("Money, staff time and anything else it took."),
            "contact": _(
                "A role and an email address, for example 'Board manager, lcjb@example.org'."
            ),
            "evidence_level": _(
                "An idea not yet tried, tried in practice, or evaluated with "
                "evidence of its effect."
            ),
        }

    def __init__(self, *args, themes, areas, agencies, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = themes
        self.fields["theme"].empty_label = _("Choose a theme")
        self.fields["area"].queryset = areas
        self.fields["area"].empty_label = _("Choose an area")
        self.fields["agencies"].queryset = agencies
        self.fields["indicators"].queryset = indicators
        self.fields["evidence_level"].choices = Entry.EvidenceLevel.choices
        self.helper = gds_layout(self, self.submit_label)


def _choices(prompt, pairs) -> list[tuple[str, str]]:
    return [("", prompt), *pairs]


class LibrarySearchForm(forms.Form):
    """The library's search (a GET form: every answer optional)."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    agency_type = forms.ChoiceField(label=_("Agency involved"), required=False)
    area = forms.ChoiceField(label=_("Area"), required=False)
    evidence_level = forms.ChoiceField(
        label=_("Evidence"),
        required=False,
        choices=_choices(_("Any evidence"), Entry.EvidenceLevel.choices),
    )

    def __init__(self, *args, themes, agency_types, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"class": "govuk-input", "type": "search"})
        for name in ("theme", "agency_type", "area", "evidence_level"):
            self.fields[name].widget.attrs["class"] = "govuk-select"
        self.fields["theme"].choices = _choices(_("All themes"), [(t.slug, str(t)) for t in themes])
        self.fields["agency_type"].choices = _choices(
            _("Any agency"), [(a.slug, str(a)) for a in agency_types]
        )
        self.fields["area"].choices = _choices(_("All areas"), [(a.code, a.name) for a in areas])


class ReviewForm(forms.Form):
    """The curator's decision on a submitted entry."""

    PUBLISH_PUBLIC = "public"
    PUBLISH_PARTNERS = "partners"
    REJECT = "reject"

    decision = forms.ChoiceField(
        label=_("Your decision"),
        widget=forms.RadioSelect,
        choices=[
            (PUBLISH_PUBLIC, _("Publish it for everyone")),
            (PUBLISH_PARTNERS, _("Publish it for partners only")),
            (REJECT, _("Do not publish it")),
        ],
        error_messages={"required": _("Choose whether to publish the entry")},
    )
    reason = forms.CharField(
        label=_("Your note to the board (needed if you do not publish it)"),
        required=False,
        widget=forms.Textarea,
        help_text=_(
            "The board's secretariat is e-mailed your decision and this note. If you do not "
            "publish the entry, say why: the board may change it and submit it again."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_layout(self, _("Save decision"))

    def clean(self):
        data = super().clean()
        if data.get("decision") == self.REJECT and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say why the entry is not published"))
        return data


class AdoptionForm(GDSModelForm):
    submit_label = _("Record adoption")

    class Meta:
        model = GoodPracticeAdoption
        fields = ["priority", "note"]
        help_texts = {"priority": _("Optional: the priority of your board it helps deliver.")}

    def __init__(self, *args, priorities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority"].queryset = priorities
        self.fields["priority"].empty_label = _("No particular priority")
        self.helper = gds_layout(self, self.submit_label)
