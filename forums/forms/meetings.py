"""Forms for scheduling, changing and cancelling meetings."""

from crispy_forms_gds.layout import Layout, Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forums.bilingual import TITLE, Welsh, add_welsh_fields, welsh_initial
from forums.forms.base import GdsForm, _date, _time
from forums.models import Meeting, MeetingSeries

# A bilingual forum's meeting forms take these in Welsh too (forums/bilingual.py).
MEETING_WELSH = [TITLE, Welsh("location", _("Place (English)"), "Lleoliad (Cymraeg)")]


class MeetingForm(GdsForm):
    submit_label = "Save meeting"

    title = forms.CharField(
        max_length=200,
        initial="Board meeting",
        error_messages={"required": "Enter the meeting title"},
    )
    date = _date("Date", message="Enter the meeting date")
    start_time = _time("Start time")
    end_time = _time("End time", required=False)
    location = forms.CharField(
        label="Place", max_length=300, required=False, help_text="Leave blank if online only."
    )
    online_link = forms.URLField(
        label="Online meeting link",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter the link in full, starting with https://"},
    )
    papers_deadline = _date("Papers deadline", required=False)
    is_public = forms.BooleanField(
        label="Show this meeting on the public site", required=False, initial=True
    )

    def __init__(self, *args, forum=None, **kwargs):
        super().__init__(*args, **kwargs)
        if forum is not None:
            add_welsh_fields(self, forum=forum, fields=MEETING_WELSH)

    def clean(self):
        data = super().clean()
        if not data.get("location") and not data.get("online_link") and not self.errors:
            self.add_error("location", "Enter the place or an online meeting link")
        date, start, end = data.get("date"), data.get("start_time"), data.get("end_time")
        if date and start:
            data["starts_at"] = timezone.make_aware(timezone.datetime.combine(date, start))
            data["ends_at"] = None
            if end:
                if end <= start:
                    self.add_error("end_time", "The end time must be after the start time")
                else:
                    data["ends_at"] = timezone.make_aware(timezone.datetime.combine(date, end))
        deadline = data.get("papers_deadline")
        if deadline and date and deadline > date:
            self.add_error("papers_deadline", "The papers deadline must be before the meeting")
        return data

    @classmethod
    def initial_for(cls, meeting: Meeting) -> dict:
        start = timezone.localtime(meeting.starts_at)
        return {
            **welsh_initial(meeting, MEETING_WELSH),
            "title": meeting.title,
            "date": start.date(),
            "start_time": start.time(),
            "end_time": timezone.localtime(meeting.ends_at).time() if meeting.ends_at else None,
            "location": meeting.location,
            "online_link": meeting.online_link,
            "papers_deadline": meeting.papers_deadline,
            "is_public": meeting.is_public,
        }


class MeetingSeriesForm(MeetingForm):
    submit_label = "Schedule meetings"

    frequency = forms.ChoiceField(
        label="How often",
        choices=MeetingSeries.Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how often the meetings are"},
    )
    count = forms.IntegerField(
        label="Number of meetings",
        min_value=1,
        max_value=24,
        error_messages={
            "required": "Enter the number of meetings",
            "min_value": "Enter a number of meetings between 1 and 24",
            "max_value": "Enter a number of meetings between 1 and 24",
            "invalid": "Enter a number of meetings between 1 and 24",
        },
    )

    def __init__(self, *args, forum=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].label = "Date of the first meeting"
        del self.fields["papers_deadline"]
        self.helper.layout = Layout(
            *[self._layout_field(name, field) for name, field in self.fields.items()],
            Submit("submit", self.submit_label),
        )
        if forum is not None:
            add_welsh_fields(self, forum=forum, fields=MEETING_WELSH)


class CancelForm(GdsForm):
    submit_label = "Continue"

    reason = forms.CharField(
        label="Why is the meeting cancelled?",
        help_text="Everyone invited is told by email, with this reason.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the meeting is cancelled"},
    )
