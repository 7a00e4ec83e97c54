"""Forms for replying to a meeting, recording who attended and declarations of interest."""

from django import forms

from forums.forms.base import GdsForm
from forums.models import AgendaItem, Attendance
from membership.models import User


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
