"""Forms for actions, their progress and filters, and escalations."""

from crispy_forms_gds.layout import Layout, Submit
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums.forms.base import GdsForm, _date
from forums.models import Action, AgendaItem, Escalation, Membership
from membership.models import Agency, User


class ActionForm(GdsForm):
    submit_label = _("Save action")

    title = forms.CharField(
        label=_("What needs to be done"),
        max_length=300,
        error_messages={"required": _("Enter what needs to be done")},
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    owner = forms.ModelChoiceField(
        label=_("Owner"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("A member of the forum. Advisory members cannot own actions."),
    )
    accountable_agency = forms.ModelChoiceField(
        label=_("Accountable agency"), queryset=Agency.objects.none(), required=False
    )
    due_date = _date(_("Due date"), message=_("Enter the due date"))
    agenda_item = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(), required=False, label=_("Agenda item (optional)")
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
            self.add_error("owner", _("Choose the member or agency who owns the action"))
        return data


class ActionUpdateForm(GdsForm):
    submit_label = _("Save update")

    status = forms.ChoiceField(
        label=_("Status"),
        choices=Action.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the status of the action")},
    )
    percent_complete = forms.IntegerField(
        label=_("Per cent complete"),
        min_value=0,
        max_value=100,
        error_messages={
            "required": _("Enter how complete the action is, from 0 to 100"),
            "min_value": _("Enter a percentage between 0 and 100"),
            "max_value": _("Enter a percentage between 0 and 100"),
            "invalid": _("Enter a percentage between 0 and 100"),
        },
    )
    text = forms.CharField(
        label=_("Progress update"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter what has happened since the last update")},
    )


class ActionFilterForm(forms.Form):
    """Filters on the actions list (GET)."""

    status = forms.ChoiceField(
        required=False,
        choices=[("", _("Any status")), ("open", _("Open (not started or in progress)"))]
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
        label=_("Due on or before"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "govuk-input govuk-!-width-full"}),
    )
    overdue = forms.BooleanField(
        label=_("Only overdue"),
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
        self.fields["owner"].choices = [("", gettext("Anyone")), ("me", gettext("Me"))] + sorted(
            ((str(k), v) for k, v in people.items()), key=lambda c: c[1]
        )
        self.fields["agency"].choices = [("", gettext("Any agency"))] + sorted(
            ((str(k), v) for k, v in agencies.items()), key=lambda c: c[1]
        )


class EscalationForm(GdsForm):
    submit_label = _("Raise escalation")

    level = forms.ChoiceField(
        label=_("Escalate to"),
        choices=Escalation.Level.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose where to escalate the issue")},
    )
    title = forms.CharField(
        label=_("Issue"), max_length=300, error_messages={"required": _("Enter the issue")}
    )
    description = forms.CharField(
        label=_("What is the issue?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Enter what the issue is")},
    )
    tried_so_far = forms.CharField(
        label=_("What has been tried"),
        required=False,
        help_text=_("Why it could not be solved between the agencies involved."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        if forum.parent_id is None:
            self.fields["level"].choices = [
                c for c in Escalation.Level.choices if c[0] != Escalation.Level.PARENT_BOARD
            ]


class EscalationResponseForm(GdsForm):
    submit_label = _("Send response")

    response = forms.CharField(
        label=_("Response"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Enter the response")},
    )
