"""Forms for meetings, agendas, papers, attendance, minutes, actions and escalations."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Size, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from forums.models import (
    Action,
    AgendaItem,
    Attendance,
    Confidentiality,
    Escalation,
    Meeting,
    MeetingSeries,
    Membership,
    SecurityClassification,
)
from forums.uploads import MAX_BYTES, check_upload
from membership.models import Agency, User

DATE_HINT = "Use the date picker or type it as day/month/year, for example 27/3/2026"
TIME_HINT = "Use the 24-hour clock, for example 14:00"


def _date(label, required=True, hint=DATE_HINT, message="Enter the date"):
    return forms.DateField(
        label=label,
        required=required,
        help_text=hint,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"required": message, "invalid": "Enter a real date"},
    )


def _time(label, required=True, message="Enter the start time"):
    return forms.TimeField(
        label=label,
        required=required,
        help_text=TIME_HINT,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": message, "invalid": "Enter a time like 14:00"},
    )


class GdsForm(forms.Form):
    """A form laid out with GOV.UK components, field by field, from the widget types."""

    submit_label = "Save"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            *[self._layout_field(name, field) for name, field in self.fields.items()],
            Submit("submit", self.submit_label),
        )

    def _layout_field(self, name, field):
        widget = field.widget
        if isinstance(widget, forms.RadioSelect):
            return Field.radios(name, legend_size=Size.SMALL)
        if isinstance(widget, forms.CheckboxSelectMultiple):
            return Field.checkboxes(name, legend_size=Size.SMALL)
        if isinstance(widget, forms.CheckboxInput):
            return Field.checkbox(name)
        if isinstance(widget, forms.Select):
            return Field.select(name)
        if isinstance(widget, forms.Textarea):
            return Field.textarea(name)
        if isinstance(widget, (forms.DateInput, forms.TimeInput, forms.FileInput)):
            return Field(name)
        if isinstance(widget, forms.NumberInput):
            # The GOV.UK pack leaves type=number unstyled and without its error state: use a
            # text box with a number keyboard, as the Design System recommends.
            field.widget = forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"})
            return Field.text(name, field_width=Fluid.ONE_QUARTER)
        return Field.text(name, field_width=Fluid.TWO_THIRDS)


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].label = "Date of the first meeting"
        del self.fields["papers_deadline"]
        self.helper.layout = Layout(
            *[self._layout_field(name, field) for name, field in self.fields.items()],
            Submit("submit", self.submit_label),
        )


class CancelForm(GdsForm):
    submit_label = "Cancel the meeting"

    reason = forms.CharField(
        label="Why is the meeting cancelled?",
        help_text="Members are told by email.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the meeting is cancelled"},
    )


class AgendaItemForm(GdsForm):
    submit_label = "Save item"

    title = forms.CharField(max_length=300, error_messages={"required": "Enter the item title"})
    purpose = forms.ChoiceField(
        choices=AgendaItem.Purpose.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the purpose of the item"},
    )
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    presenter = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, label="Presenter (member)"
    )
    presenter_agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(), required=False, label="Presenting agency"
    )
    minutes_allowed = forms.IntegerField(
        label="Time allowed (minutes)",
        required=False,
        min_value=1,
        max_value=480,
        error_messages={"invalid": "Enter the time allowed as a number of minutes"},
    )
    confidentiality = forms.ChoiceField(
        choices=Confidentiality.choices,
        widget=forms.RadioSelect,
        initial=Confidentiality.PUBLIC,
        error_messages={"required": "Choose who may see this item"},
    )
    confidentiality_reason = forms.CharField(
        label="Reason it is not public",
        required=False,
        help_text="Needed for confidential and restricted items.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    public_title = forms.CharField(
        label="Title to show the public (optional)",
        required=False,
        max_length=300,
        help_text="For a confidential item. Without it the public agenda says 'Confidential item'.",
    )
    restricted_to = forms.ModelMultipleChoiceField(
        label="People who may see a restricted item",
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        seats = Membership.objects.current().filter(forum=forum)
        people = User.objects.filter(memberships__in=seats).distinct().order_by("full_name")
        self.fields["presenter"].queryset = people
        self.fields["restricted_to"].queryset = people
        self.fields["presenter_agency"].queryset = Agency.objects.filter(
            memberships__in=seats
        ).distinct()

    def clean(self):
        data = super().clean()
        level = data.get("confidentiality")
        if level and level != Confidentiality.PUBLIC and not data.get("confidentiality_reason"):
            self.add_error("confidentiality_reason", "Enter why this item is not public")
        if level == Confidentiality.RESTRICTED and not data.get("restricted_to"):
            self.add_error("restricted_to", "Choose the people who may see this restricted item")
        return data


class PaperForm(GdsForm):
    submit_label = "Upload paper"

    title = forms.CharField(max_length=300, error_messages={"required": "Enter the paper title"})
    classification = forms.ChoiceField(
        label="Security classification",
        choices=SecurityClassification.choices,
        widget=forms.RadioSelect,
        initial=SecurityClassification.OFFICIAL,
        help_text="The Government Security Classification marking the author gave the paper.",
        error_messages={"required": "Choose the security classification"},
    )
    file = forms.FileField(
        help_text="PDF, Word, Excel, PowerPoint, OpenDocument text or CSV, up to 25MB.",
        error_messages={
            "required": "Select a file",
            "empty": "The selected file is empty",
            "invalid": "Select a file",
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError("The file must be smaller than 25MB")
        check_upload(upload)
        return upload


class PaperVersionForm(GdsForm):
    submit_label = "Upload new version"

    file = PaperForm.base_fields["file"]
    note = forms.CharField(label="What changed (optional)", required=False, max_length=300)
    clean_file = PaperForm.clean_file


class RsvpForm(GdsForm):
    submit_label = "Send reply"

    reply = forms.ChoiceField(
        label="Will you attend?",
        choices=[c for c in Attendance.Reply.choices if c[0] != Attendance.Reply.NO_REPLY],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether you will attend"},
    )
    deputy_email = forms.EmailField(
        label="Your deputy's email address",
        required=False,
        help_text="Only if you are sending a deputy. They must already have an account.",
        error_messages={"invalid": "Enter an email address in the correct format"},
    )

    def clean(self):
        data = super().clean()
        if data.get("reply") == Attendance.Reply.DEPUTY:
            email = (data.get("deputy_email") or "").strip().lower()
            if not email:
                if "deputy_email" not in self.errors:
                    self.add_error("deputy_email", "Enter the email address of your deputy")
            else:
                deputy = User.objects.filter(email__iexact=email, is_active=True).first()
                if deputy is None:
                    self.add_error(
                        "deputy_email",
                        "There is no one with that email address in the system: ask the "
                        "secretariat to add your deputy",
                    )
                data["deputy"] = deputy
        return data


class AttendanceRecordForm(forms.Form):
    """One radio group per attendance row; laid out by the template (a table)."""

    def __init__(self, *args, attendances, **kwargs):
        super().__init__(*args, **kwargs)
        self.attendances = attendances
        for attendance in attendances:
            self.fields[f"a{attendance.pk}"] = forms.ChoiceField(
                label=str(attendance.person),
                choices=Attendance.Actual.choices,
                initial=attendance.actual,
                widget=forms.RadioSelect,
                error_messages={"required": f"Select whether {attendance.person} attended"},
            )

    def rows(self):
        return [(a, self[f"a{a.pk}"]) for a in self.attendances]

    def actual(self) -> dict[int, str]:
        return {a.pk: self.cleaned_data[f"a{a.pk}"] for a in self.attendances}


class DeclarationForm(GdsForm):
    submit_label = "Record declaration"

    person = forms.ModelChoiceField(
        queryset=User.objects.none(), error_messages={"required": "Choose who declared"}
    )
    agenda_item = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(),
        required=False,
        label="Agenda item (leave blank for the whole meeting)",
    )
    interest = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the interest declared"},
    )
    action_taken = forms.CharField(
        label="Action taken (optional)",
        required=False,
        max_length=300,
        help_text="For example: left the room for this item.",
    )

    def __init__(self, *args, meeting, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = User.objects.filter(
            meeting_attendances__meeting=meeting
        ).order_by("full_name")
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(
            pk__in=[i.pk for i in items]
        )


class MinuteEntryForm(GdsForm):
    submit_label = "Save minute"

    text = forms.CharField(
        label="Minute",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
    )


class MinutesIntroductionForm(GdsForm):
    submit_label = "Save introduction"

    introduction = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="For example: the chair welcomed members; apologies were noted.",
    )


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


class ApproveForm(GdsForm):
    submit_label = "Approve minutes"

    at_meeting = forms.ModelChoiceField(
        label="Meeting at which the minutes were approved",
        queryset=Meeting.objects.none(),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the meeting at which the minutes were approved"},
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["at_meeting"].queryset = meetings


class DecisionForm(GdsForm):
    submit_label = "Record decision"

    agenda_item = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(),
        error_messages={"required": "Choose the agenda item the decision was taken on"},
    )
    text = forms.CharField(
        label="Decision",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the decision"},
    )

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(
            pk__in=[i.pk for i in items]
        ).order_by("order")


class ActionForm(GdsForm):
    submit_label = "Save action"

    title = forms.CharField(
        label="What needs to be done",
        max_length=300,
        error_messages={"required": "Enter what needs to be done"},
    )
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    owner = forms.ModelChoiceField(
        queryset=User.objects.none(),
        required=False,
        help_text="A member of the forum. Advisory members cannot own actions.",
    )
    accountable_agency = forms.ModelChoiceField(queryset=Agency.objects.none(), required=False)
    due_date = _date("Due date", message="Enter the due date")
    agenda_item = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(), required=False, label="Agenda item (optional)"
    )

    def __init__(self, *args, forum, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        seats = (
            Membership.objects.current()
            .filter(forum=forum, role__in=Membership.MEMBER_ROLES)
            .exclude(role=Membership.Role.ADVISORY)
        )
        self.fields["owner"].queryset = (
            User.objects.filter(memberships__in=seats).distinct().order_by("full_name")
        )
        self.fields["accountable_agency"].queryset = Agency.objects.filter(
            memberships__in=Membership.objects.current().filter(forum=forum)
        ).distinct()
        if items:
            self.fields["agenda_item"].queryset = AgendaItem.objects.filter(
                pk__in=[i.pk for i in items]
            ).order_by("order")
        else:
            del self.fields["agenda_item"]
            self.helper.layout = Layout(
                *[self._layout_field(name, field) for name, field in self.fields.items()],
                Submit("submit", self.submit_label),
            )

    def clean(self):
        data = super().clean()
        if not data.get("owner") and not data.get("accountable_agency"):
            self.add_error("owner", "Choose the member or agency who owns the action")
        return data


class ActionUpdateForm(GdsForm):
    submit_label = "Save update"

    status = forms.ChoiceField(
        choices=Action.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the status of the action"},
    )
    percent_complete = forms.IntegerField(
        label="Per cent complete",
        min_value=0,
        max_value=100,
        error_messages={
            "required": "Enter how complete the action is, from 0 to 100",
            "min_value": "Enter a percentage between 0 and 100",
            "max_value": "Enter a percentage between 0 and 100",
            "invalid": "Enter a percentage between 0 and 100",
        },
    )
    text = forms.CharField(
        label="Progress update",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what has happened since the last update"},
    )


class ActionFilterForm(forms.Form):
    """Filters on the actions list (GET)."""

    status = forms.ChoiceField(
        required=False,
        choices=[("", "Any status"), ("open", "Open (not started or in progress)")]
        + list(Action.Status.choices),
        widget=forms.Select(attrs={"class": "govuk-select govuk-!-width-full"}),
    )
    owner = forms.ChoiceField(
        required=False, widget=forms.Select(attrs={"class": "govuk-select govuk-!-width-full"})
    )
    agency = forms.ChoiceField(
        required=False, widget=forms.Select(attrs={"class": "govuk-select govuk-!-width-full"})
    )
    due_before = forms.DateField(
        label="Due on or before",
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "govuk-input govuk-!-width-full"}),
    )
    overdue = forms.BooleanField(
        label="Only overdue",
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "govuk-checkboxes__input"}),
    )

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        seats = Membership.objects.current().filter(forum=forum).select_related("person", "agency")
        people = {}
        agencies = {}
        for seat in seats:
            people[seat.person_id] = seat.person.full_name
            if seat.agency_id:
                agencies[seat.agency_id] = seat.agency.name
        self.fields["owner"].choices = [("", "Anyone"), ("me", "Me")] + sorted(
            ((str(k), v) for k, v in people.items()), key=lambda c: c[1]
        )
        self.fields["agency"].choices = [("", "Any agency")] + sorted(
            ((str(k), v) for k, v in agencies.items()), key=lambda c: c[1]
        )


class EscalationForm(GdsForm):
    submit_label = "Raise escalation"

    level = forms.ChoiceField(
        label="Escalate to",
        choices=Escalation.Level.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose where to escalate the issue"},
    )
    title = forms.CharField(
        label="Issue", max_length=300, error_messages={"required": "Enter the issue"}
    )
    description = forms.CharField(
        label="What is the issue?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what the issue is"},
    )
    tried_so_far = forms.CharField(
        label="What has been tried",
        required=False,
        help_text="Why it could not be solved between the agencies involved.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        if forum.parent_id is None:
            self.fields["level"].choices = [
                c for c in Escalation.Level.choices if c[0] != Escalation.Level.PARENT_BOARD
            ]


class EscalationResponseForm(GdsForm):
    submit_label = "Send response"

    response = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), error_messages={"required": "Enter the response"}
    )


class ForwardPlanItemForm(GdsForm):
    submit_label = "Add to forward plan"

    title = forms.CharField(max_length=300, error_messages={"required": "Enter the item title"})
    planned_for = _date(
        "Planned for (any day in the month of the meeting)",
        message="Enter the month it is planned for",
    )
    purpose = forms.ChoiceField(
        choices=AgendaItem.Purpose.choices,
        widget=forms.RadioSelect,
        initial=AgendaItem.Purpose.DISCUSSION,
        error_messages={"required": "Choose the purpose of the item"},
    )
    confidentiality = forms.ChoiceField(
        choices=[c for c in Confidentiality.choices if c[0] != Confidentiality.RESTRICTED],
        widget=forms.RadioSelect,
        initial=Confidentiality.PUBLIC,
        error_messages={"required": "Choose who may see this item"},
    )
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search minutes, decisions and actions", required=False, max_length=200
    )
