"""Forms for minutes: writing them, comments, circulation, approval and decisions."""

from django import forms
from django.utils.translation import gettext, gettext_lazy

from forums.bilingual import WELSH_HINT, Welsh, add_welsh_fields
from forums.forms.base import GdsForm, _date
from forums.models import AgendaItem, Minutes
from membership import dates


class MinutesWriteForm(forms.Form):
    """The whole minutes on one page: the introduction, then one minute per item in agenda
    order. Laid out by its template, between the attendance and declarations it shows."""

    introduction = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "class": "govuk-textarea"}),
        help_text="For example: the chair welcomed members and noted apologies.",
    )

    def __init__(self, *args, entries, forum=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.entries = entries
        # A bilingual forum's minutes are written in Welsh beside the English.
        self.bilingual = bool(forum and forum.bilingual)
        for number, entry in enumerate(entries, start=1):
            self.fields[f"entry_{entry.pk}"] = forms.CharField(
                label=f"{number}. {entry.agenda_item.title}",
                required=False,
                initial=entry.text,
                widget=forms.Textarea(attrs={"rows": 6, "class": "govuk-textarea"}),
            )
            if self.bilingual:
                english = gettext("English")
                self.fields[f"entry_{entry.pk}"].label += f" ({english})"
                title = entry.agenda_item.title_cy or entry.agenda_item.title
                self.fields[f"entry_{entry.pk}_cy"] = forms.CharField(
                    label=f"{number}. {title} (Cymraeg)",
                    required=False,
                    initial=entry.text_cy,
                    help_text=WELSH_HINT,
                    widget=forms.Textarea(attrs={"rows": 6, "lang": "cy"}),
                )
        if self.bilingual:
            self.fields["introduction_cy"] = forms.CharField(
                label="Cyflwyniad (Cymraeg)",
                required=False,
                help_text=WELSH_HINT,
                widget=forms.Textarea(attrs={"rows": 4, "lang": "cy"}),
            )

    def rows(self):
        """(entry, its field, its Welsh field or None) in agenda order."""
        return [
            (entry, self[f"entry_{entry.pk}"], self.welsh(f"entry_{entry.pk}_cy"))
            for entry in self.entries
        ]

    def welsh(self, name: str):
        return self[name] if name in self.fields else None

    def welsh_introduction(self):
        return self.welsh("introduction_cy")

    def texts(self) -> dict[int, str]:
        return {e.pk: self.cleaned_data[f"entry_{e.pk}"] for e in self.entries}

    def texts_cy(self) -> dict[int, str] | None:
        """The Welsh minutes by entry id (a bilingual forum's; None for any other)."""
        if not self.bilingual:
            return None
        return {e.pk: self.cleaned_data[f"entry_{e.pk}_cy"] for e in self.entries}


class MinuteCommentForm(GdsForm):
    submit_label = "Add comment"

    text = forms.CharField(
        label="Your comment",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter your comment"},
    )


class CirculateForm(GdsForm):
    submit_label = "Circulate to members"

    comments_close_on = _date("Comments close on", required=False)


CHAIRS_ACTION = "chairs_action"


class ApproveForm(GdsForm):
    """How the minutes are approved: at one of the meetings that can approve them (later,
    started, not cancelled), or by the chair's action between meetings."""

    submit_label = "Approve minutes"

    route = forms.ChoiceField(
        label="How are the minutes approved?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how the minutes are approved",
            "invalid_choice": "Choose one of the meetings listed, or the chair's action",
        },
    )

    def __init__(self, *args, meetings, next_meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.meetings = {str(m.pk): m for m in meetings}
        choices = [
            (pk, f"At the meeting on {dates.date_text(m.starts_at)}")
            for pk, m in self.meetings.items()
        ]
        choices.append((CHAIRS_ACTION, "By the chair's action, between meetings"))
        field = self.fields["route"]
        field.choices = choices
        if not self.meetings:
            field.help_text = (
                f"The next meeting is on {dates.date_and_time(next_meeting.starts_at)}: the "
                "minutes can be approved there once it has started. The chair's action is "
                "reported at the next meeting."
                if next_meeting
                else "No later meeting is scheduled. The chair's action is reported at the "
                "next meeting."
            )
        else:
            field.help_text = "The chair's action is reported at the next meeting."

    def approval(self) -> dict:
        """The service's arguments: ``via`` and ``at_meeting``."""
        route = self.cleaned_data["route"]
        if route == CHAIRS_ACTION:
            return {"via": Minutes.ApprovedVia.CHAIRS_ACTION, "at_meeting": None}
        return {"via": Minutes.ApprovedVia.MEETING, "at_meeting": self.meetings[route]}


DECISION_WELSH = [Welsh("text", gettext_lazy("Decision (English)"), "Penderfyniad (Cymraeg)")]


class DecisionForm(GdsForm):
    submit_label = "Record decision"

    agenda_item = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(),
        empty_label="Choose an agenda item",
        error_messages={"required": "Choose the agenda item the decision was taken on"},
    )
    text = forms.CharField(
        label="Decision",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the decision"},
    )

    def __init__(self, *args, items, forum=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(
            pk__in=[i.pk for i in items]
        ).order_by("order")
        if forum is not None:
            add_welsh_fields(self, forum=forum, fields=DECISION_WELSH)
