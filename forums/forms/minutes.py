"""Forms for minutes: writing them, comments, circulation, approval and decisions."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums.forms.base import GdsForm, _date
from forums.models import AgendaItem, Minutes
from membership import dates


class MinutesWriteForm(forms.Form):
    """The whole minutes on one page: the introduction, then one minute per item in agenda
    order. Laid out by its template, between the attendance and declarations it shows."""

    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "class": "govuk-textarea"}),
        help_text=_("For example: the chair welcomed members and noted apologies."),
    )

    def __init__(self, *args, entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.entries = entries
        for number, entry in enumerate(entries, start=1):
            self.fields[f"entry_{entry.pk}"] = forms.CharField(
                label=f"{number}. {entry.agenda_item.title}",
                required=False,
                initial=entry.text,
                widget=forms.Textarea(attrs={"rows": 6, "class": "govuk-textarea"}),
            )

    def rows(self):
        return [(entry, self[f"entry_{entry.pk}"]) for entry in self.entries]

    def texts(self) -> dict[int, str]:
        return {e.pk: self.cleaned_data[f"entry_{e.pk}"] for e in self.entries}


class MinuteCommentForm(GdsForm):
    submit_label = _("Add comment")

    text = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter your comment")},
    )


class CirculateForm(GdsForm):
    submit_label = _("Circulate to members")

    comments_close_on = _date(_("Comments close on"), required=False)


CHAIRS_ACTION = "chairs_action"


class ApproveForm(GdsForm):
    """How the minutes are approved: at one of the meetings that can approve them (later,
    started, not cancelled), or by the chair's action between meetings."""

    submit_label = _("Approve minutes")

    route = forms.ChoiceField(
        label=_("How are the minutes approved?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how the minutes are approved"),
            "invalid_choice": _("Choose one of the meetings listed, or the chair's action"),
        },
    )

    def __init__(self, *args, meetings, next_meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.meetings = {str(m.pk): m for m in meetings}
        choices = [
            (
                pk,
                gettext("At the meeting on %(starts_at)s")
                % {"starts_at": dates.date_text(m.starts_at)},
            )
            for pk, m in self.meetings.items()
        ]
        choices.append((CHAIRS_ACTION, gettext("By the chair's action, between meetings")))
        field = self.fields["route"]
        field.choices = choices
        if not self.meetings:
            field.help_text = (
                gettext(
                    "The next meeting is on %(starts_at)s: the minutes can be approved there "
                    "once it has started. The chair's action is reported at the next meeting."
                )
                % {"starts_at": dates.date_and_time(next_meeting.starts_at)}
                if next_meeting
                else gettext(
                    "No later meeting is scheduled. The chair's action is reported at the "
                    "next meeting."
                )
            )
        else:
            field.help_text = gettext("The chair's action is reported at the next meeting.")

    def approval(self) -> dict:
        """The service's arguments: ``via`` and ``at_meeting``."""
        route = self.cleaned_data["route"]
        if route == CHAIRS_ACTION:
            return {"via": Minutes.ApprovedVia.CHAIRS_ACTION, "at_meeting": None}
        return {"via": Minutes.ApprovedVia.MEETING, "at_meeting": self.meetings[route]}


class DecisionForm(GdsForm):
    submit_label = _("Record decision")

    agenda_item = forms.ModelChoiceField(
        label=_("Agenda item"),
        queryset=AgendaItem.objects.none(),
        empty_label=_("Choose an agenda item"),
        error_messages={"required": _("Choose the agenda item the decision was taken on")},
    )
    text = forms.CharField(
        label=_("Decision"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter the decision")},
    )

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(
            pk__in=[i.pk for i in items]
        ).order_by("order")
