"""Forms for replying to a meeting, recording who attended and declarations of interest."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums.forms.base import GdsForm
from forums.models import AgendaItem, Attendance
from membership.models import User


class RsvpForm(GdsForm):
    submit_label = _("Send reply")

    reply = forms.ChoiceField(
        label=_("Will you attend?"),
        choices=[c for c in Attendance.Reply.choices if c[0] != Attendance.Reply.NO_REPLY],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you will attend")},
    )
    deputy_email = forms.EmailField(
        label=_("Your deputy's email address"),
        required=False,
        help_text=_("Only if you are sending a deputy. They must already have an account."),
        error_messages={"invalid": _("Enter an email address in the correct format")},
    )

    def clean(self):
        data = super().clean()
        if data.get("reply") == Attendance.Reply.DEPUTY:
            email = (data.get("deputy_email") or "").strip().lower()
            if not email:
                if "deputy_email" not in self.errors:
                    self.add_error(
                        "deputy_email", gettext("Enter the email address of your deputy")
                    )
            else:
                deputy = User.objects.filter(email__iexact=email, is_active=True).first()
                if deputy is None:
                    self.add_error(
                        "deputy_email",
                        gettext(
                            "There is no one with that email address in the system: ask the "
                            "secretariat to add your deputy"
                        ),
                    )
                data["deputy"] = deputy
        return data


class AttendanceRecordForm(forms.Form):
    """For each person invited: whether they came and, if a deputy came, who (someone in the
    system, or a named guest). Laid out by the template."""

    def __init__(self, *args, attendances, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.attendances = attendances
        # One list of people for every row's select (one query, however many rows).
        self.people = {str(person.pk): person for person in people}
        people_choices = [("", gettext("Choose a person"))] + [
            (pk, person.full_name or str(person)) for pk, person in self.people.items()
        ]
        for attendance in attendances:
            pk = attendance.pk
            self.fields[f"a{pk}"] = forms.ChoiceField(
                label=str(attendance.person),
                choices=Attendance.Actual.choices,
                initial=attendance.actual,
                widget=forms.RadioSelect,
                error_messages={
                    "required": gettext("Select whether %(person)s attended")
                    % {"person": attendance.person}
                },
            )
            self.fields[f"dp{pk}"] = forms.ChoiceField(
                label=gettext("Deputy, if someone in the system"),
                choices=people_choices,
                required=False,
                initial=str(attendance.deputy_id or ""),
            )
            self.fields[f"dn{pk}"] = forms.CharField(
                label=gettext("Or the deputy's name, if not in the system"),
                required=False,
                max_length=150,
                initial=attendance.deputy_name,
            )

    def clean(self):
        data = super().clean()
        for attendance in self.attendances:
            pk = attendance.pk
            if data.get(f"a{pk}") != Attendance.Actual.DEPUTY_PRESENT:
                continue
            deputy, name = (
                self.people.get(data.get(f"dp{pk}") or ""),
                (data.get(f"dn{pk}") or "").strip(),
            )
            if deputy is None and not name:
                self.add_error(
                    f"dp{pk}",
                    gettext("Choose or name the deputy for %(person)s")
                    % {"person": attendance.person},
                )
            elif deputy is not None and deputy.pk == attendance.person_id:
                self.add_error(
                    f"dp{pk}",
                    gettext("%(person)s cannot deputise for themselves")
                    % {"person": attendance.person},
                )
        return data

    def rows(self):
        return [
            (a, self[f"a{a.pk}"], self[f"dp{a.pk}"], self[f"dn{a.pk}"]) for a in self.attendances
        ]

    def actual(self) -> dict[int, str]:
        return {a.pk: self.cleaned_data[f"a{a.pk}"] for a in self.attendances}

    def deputies(self) -> dict[int, tuple]:
        """The deputy who came, for each row where one did."""
        return {
            a.pk: (self.people.get(self.cleaned_data[f"dp{a.pk}"]), self.cleaned_data[f"dn{a.pk}"])
            for a in self.attendances
            if self.cleaned_data[f"a{a.pk}"] == Attendance.Actual.DEPUTY_PRESENT
        }


class DeclarationForm(GdsForm):
    submit_label = _("Record declaration")

    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=User.objects.none(),
        error_messages={"required": _("Choose who declared")},
    )
    agenda_item = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(),
        required=False,
        label=_("Agenda item (leave blank for the whole meeting)"),
    )
    interest = forms.CharField(
        label=_("Interest"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter the interest declared")},
    )
    action_taken = forms.CharField(
        label=_("Action taken (optional)"),
        required=False,
        max_length=300,
        help_text=_("For example: left the room for this item."),
    )

    def __init__(self, *args, meeting, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = User.objects.filter(
            meeting_attendances__meeting=meeting
        ).order_by("full_name")
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(
            pk__in=[i.pk for i in items]
        )
