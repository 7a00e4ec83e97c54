"""Forms of the cascade: sending an item to boards, and a board's schedule and decline."""

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from forums.models import Meeting
from national import selectors_cascade
from national.models_cascade import CascadeItem
from priorities.forms.base import date_field, gds_layout


class SendForm(forms.Form):
    """Who the item goes to, what for, by when, and what the boards should know."""

    ALL = "all"
    REGION = "region"
    PICKED = "picked"

    purpose = forms.ChoiceField(
        label=_("What the boards should do with it"),
        choices=CascadeItem.Purpose.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether it is for information or for discussion")},
    )
    summary = forms.CharField(
        label=_("Summary for the boards"),
        widget=forms.Textarea,
        max_length=5000,
        help_text=_("It goes on each board's forward plan item with the title."),
        error_messages={"required": _("Enter a summary for the boards")},
    )
    consider_by = date_field(
        _("Consider by (any day in the month)"),
        message=_("Enter the month the boards should consider it by"),
    )
    send_to = forms.ChoiceField(
        label=_("Send it to"),
        widget=forms.RadioSelect,
        choices=[
            (ALL, _("Every local board")),
            (REGION, _("The local boards in one region")),
            (PICKED, _("The boards I choose below")),
        ],
        error_messages={"required": _("Choose which boards to send it to")},
    )
    region = forms.ChoiceField(label=_("Region (if you send it to one region)"), required=False)
    boards = forms.ModelMultipleChoiceField(
        label=_("Boards (if you choose them)"),
        queryset=selectors_cascade.local_boards(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("Choose a region"))] + [
            (region, region) for region in selectors_cascade.regions()
        ]
        self.helper = gds_layout(self, _("Send to the boards"))

    def clean(self):
        data = super().clean()
        send_to = data.get("send_to")
        if send_to == self.REGION and not data.get("region"):
            self.add_error("region", _("Choose the region"))
        if send_to == self.PICKED and not data.get("boards"):
            self.add_error("boards", _("Choose at least one board"))
        consider_by = data.get("consider_by")
        if consider_by and consider_by.replace(day=1) < timezone.localdate().replace(day=1):
            self.add_error(
                "consider_by", _("The month to consider it by must be this month or later")
            )
        return data

    def chosen_boards(self):
        send_to = self.cleaned_data["send_to"]
        if send_to == self.ALL:
            return list(selectors_cascade.local_boards())
        if send_to == self.REGION:
            return selectors_cascade.boards_in_region(self.cleaned_data["region"])
        return list(self.cleaned_data["boards"])


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, meeting: Meeting) -> str:
        when = formats.date_format(timezone.localtime(meeting.starts_at), "j F Y")
        if meeting.status == Meeting.Status.SCHEDULED:
            return _("%(title)s, %(when)s") % {"title": meeting.title, "when": when}
        return _("%(title)s, %(when)s (agenda published: forward plan only)") % {
            "title": meeting.title,
            "when": when,
        }


class ScheduleForm(forms.Form):
    meeting = MeetingChoiceField(
        label=_("Which meeting"),
        queryset=Meeting.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Choose the meeting")},
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.helper = gds_layout(self, _("Schedule it"))


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the board is declining it"),
        widget=forms.Textarea,
        max_length=5000,
        help_text=_("The national team sees this."),
        error_messages={"required": _("Say why the board is declining this item")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_layout(self, _("Decline it"))

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Say why the board is declining this item"))
        return reason
