"""Forms for running a forum: memberships, invitations, the forum's details, accepting an invite.

Forms check the input; the membership rules themselves live in ``Membership.clean()`` and
reach the form through the services (see ``forums.views.common.apply_errors``), next to the
field they are about.
"""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Size, Submit
from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forums.bilingual import WALES, Welsh, add_welsh_fields, welsh_initial
from forums.models import Forum, Membership
from membership.models import User

DATE_HINT = "For example, 27 3 2026. Use the date picker or type the date."
YES_NO = [("yes", "Yes"), ("no", "No")]


def _yes_no(label: str, help_text: str, required_message: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": required_message},
    )


def _date(label: str, *, required: bool, message: str = "", hint: str = DATE_HINT):
    return forms.DateField(
        label=label,
        required=required,
        help_text=hint,
        widget=forms.DateInput(
            attrs={"type": "date", "class": "govuk-input govuk-input--width-10"},
            format="%Y-%m-%d",
        ),
        error_messages={
            "required": message,
            "invalid": f"{label} must be a real date",
        },
    )


class PersonByEmailField(forms.EmailField):
    """An email address that must belong to someone with an account."""

    def __init__(self, *, missing_message: str, **kwargs):
        self.missing_message = missing_message
        super().__init__(**kwargs)

    def clean(self, value):
        email = super().clean(value)
        if not email:
            return None
        person = User.objects.filter(email__iexact=email).first()
        if person is None:
            raise ValidationError(self.missing_message)
        return person


class _SeatFields(forms.Form):
    """The fields of a seat on the forum, shared by adding, editing and inviting."""

    def _seat_fields(self, forum: Forum, agencies) -> None:
        self.fields["agency"] = forms.ModelChoiceField(
            label="Agency they represent",
            queryset=agencies,
            required=False,
            empty_label="Choose an agency",
            help_text="Only agencies that cover this forum's police force areas are listed.",
        )
        self.fields["role"] = forms.ChoiceField(
            label="Role",
            choices=Membership.Role.choices,
            widget=forms.RadioSelect,
            error_messages={"required": "Choose a role"},
        )
        self.fields["can_commit_resources"] = _yes_no(
            "Do they have authority to commit their agency's resources?",
            "Can they agree, at the table, to spend their agency's money or staff time?",
            "Say whether they have authority to commit resources",
        )


class MembershipForm(_SeatFields):
    """Add a person who already has an account to the forum, or change their seat."""

    def __init__(self, *args, forum: Forum, agencies, adding: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if adding:
            self.fields["person"] = PersonByEmailField(
                label="Email address",
                help_text="They must already have an account. To add someone new, send them an "
                "invitation instead.",
                missing_message="No one with this email address has an account: send them an "
                "invitation instead",
                error_messages={
                    "required": "Enter the email address of the person to add",
                    "invalid": "Enter an email address in the correct format, like "
                    "name@example.com",
                },
            )
        self._seat_fields(forum, agencies)
        self.fields["deputy"] = PersonByEmailField(
            label="Deputy's email address (optional)",
            required=False,
            help_text="The named person who attends when this member cannot. They must already "
            "have an account.",
            missing_message="No one with this email address has an account",
            error_messages={
                "invalid": "Enter the deputy's email address in the correct format, like "
                "name@example.com"
            },
        )
        self.fields["start_date"] = _date(
            "Start date", required=True, message="Enter the date the membership starts"
        )
        self.fields["end_date"] = _date(
            "End date (optional)",
            required=False,
            hint=f"{DATE_HINT} Leave blank if the membership has no planned end.",
        )
        self.fields["show_name_publicly"] = forms.BooleanField(
            label="They agree to their name being shown on the public site",
            required=False,
            help_text="Without consent the public sees only the agency and the role.",
        )
        if adding:
            self.fields["takes_over_as_chair"] = forms.BooleanField(
                label="They take over as chair from the current chair",
                required=False,
                help_text="The current chair's seat ends the day before this one starts. Only "
                "for the chair role.",
            )
        if adding and not self.is_bound:
            self.initial.setdefault("start_date", timezone.localdate())
        self.helper = FormHelper()
        self.helper.layout = Layout(
            *([Field.text("person", field_width=Fluid.TWO_THIRDS)] if adding else []),
            Field.select("agency"),
            Field.radios("role", legend_size=Size.SMALL),
            Field.radios("can_commit_resources", legend_size=Size.SMALL, inline=True),
            Field.text("deputy", field_width=Fluid.TWO_THIRDS),
            Field("start_date"),
            Field("end_date"),
            Field.checkbox("show_name_publicly", small=True),
            *([Field.checkbox("takes_over_as_chair", small=True)] if adding else []),
            Submit("submit", "Add member" if adding else "Save changes"),
        )

    @classmethod
    def initial_for(cls, membership: Membership) -> dict:
        return {
            "agency": membership.agency_id,
            "role": membership.role,
            "can_commit_resources": "yes" if membership.can_commit_resources else "no",
            "deputy": membership.deputy.email if membership.deputy else "",
            "start_date": membership.start_date,
            "end_date": membership.end_date,
            "show_name_publicly": membership.show_name_publicly,
        }


class MembershipEndForm(forms.Form):
    """When a membership ends."""

    end_date = _date("End date", required=True, message="Enter the date the membership ends")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("end_date", timezone.localdate())
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field("end_date"), Submit("submit", "End membership", css_class="govuk-button--warning")
        )


class InvitationForm(_SeatFields):
    """Invite someone by email to take a seat on the forum."""

    full_name = forms.CharField(
        label="Full name", max_length=150, error_messages={"required": "Enter their full name"}
    )
    email = forms.EmailField(
        label="Email address",
        help_text="We will email them a link that works once and expires after 7 days.",
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )

    def __init__(self, *args, forum: Forum, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self._seat_fields(forum, agencies)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("full_name", field_width=Fluid.TWO_THIRDS),
            Field.text("email", field_width=Fluid.TWO_THIRDS),
            Field.select("agency"),
            Field.radios("role", legend_size=Size.SMALL),
            Field.radios("can_commit_resources", legend_size=Size.SMALL, inline=True),
            Submit("submit", "Send invitation"),
        )


class PublicNameForm(forms.Form):
    """A member's own consent to their name appearing on the public site."""

    show_name_publicly = _yes_no(
        "Show your name on the forum's public page?",
        "If you say no, the public sees only your agency and your role.",
        "Say whether to show your name on the public page",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.radios("show_name_publicly", legend_size=Size.MEDIUM, inline=True),
            Submit("submit", "Save"),
        )


SUMMARY = Welsh(
    "public_summary", _("Summary for the public (English)"), "Crynodeb i'r cyhoedd (Cymraeg)"
)


class ForumDetailsForm(forms.Form):
    """What the secretariat keeps up to date about the forum."""

    public_summary = forms.CharField(
        label="Summary for the public",
        required=False,
        widget=forms.Textarea,
        help_text="Shown at the top of the forum's public page.",
    )
    terms_of_reference = forms.CharField(
        label="Terms of reference", required=False, widget=forms.Textarea
    )
    meeting_frequency = forms.ChoiceField(
        label="How often the forum meets",
        choices=Forum.Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how often the forum meets"},
    )
    is_public = _yes_no(
        "Show this forum on the public site?",
        "Private forums do not appear on the public site at all.",
        "Say whether to show this forum on the public site",
    )

    def __init__(self, *args, forum: Forum, **kwargs):
        super().__init__(*args, **kwargs)
        fields = [
            Field.textarea("public_summary", rows=4),
            Field.textarea("terms_of_reference", rows=10),
            Field.radios("meeting_frequency", legend_size=Size.SMALL),
            Field.radios("is_public", legend_size=Size.SMALL, inline=True),
        ]
        if not forum.areas.filter(country=WALES).exists():
            # Forums in Wales always hold Welsh and English; any other forum may choose to.
            self.fields["bilingual"] = _yes_no(
                _("Keep the public text in Welsh and English?"),
                _("The forms then ask for a Welsh version beside the English."),
                _("Say whether to keep the public text in Welsh and English"),
            )
            self.fields["bilingual"].required = False  # unanswered: left as it is
            self.fields["bilingual"].empty_value = None
            fields.append(Field.radios("bilingual", legend_size=Size.SMALL, inline=True))
        if forum.kind == Forum.Kind.TASK_AND_FINISH:
            self.fields["end_date"] = _date(
                "Date the group finishes",
                required=True,
                message="Enter the date the task-and-finish group ends",
            )
            fields.append(Field("end_date"))
        self.helper = FormHelper()
        self.helper.layout = Layout(*fields, Submit("submit", "Save changes"))
        add_welsh_fields(self, forum=forum, fields=[SUMMARY])

    def clean(self):
        data = super().clean()
        if data.get("bilingual") is None:
            data.pop("bilingual", None)
        return data

    @classmethod
    def initial_for(cls, forum: Forum) -> dict:
        return {
            **welsh_initial(forum, [SUMMARY]),
            "bilingual": "yes" if forum.bilingual else "no",
            "public_summary": forum.public_summary,
            "terms_of_reference": forum.terms_of_reference,
            "meeting_frequency": forum.meeting_frequency,
            "is_public": "yes" if forum.is_public else "no",
            "end_date": forum.end_date,
        }


class InvitationAcceptForm(forms.Form):
    """A new person accepting an invitation: their name and a password."""

    full_name = forms.CharField(
        label="Full name", max_length=150, error_messages={"required": "Enter your full name"}
    )
    password1 = forms.CharField(
        label="Create a password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 12 characters. Avoid common passwords and your name.",
        error_messages={"required": "Enter a password"},
    )
    password2 = forms.CharField(
        label="Confirm your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter your password again"},
    )

    def __init__(self, *args, person: User, **kwargs):
        self.person = person
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("full_name", field_width=Fluid.TWO_THIRDS),
            Field.text("password1", field_width=Fluid.TWO_THIRDS),
            Field.text("password2", field_width=Fluid.TWO_THIRDS),
            Submit("submit", "Accept and create your account"),
        )

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The passwords do not match")
        elif first:
            # Check against the name they typed, without changing the person before saving.
            who = User(email=self.person.email, full_name=cleaned.get("full_name") or "")
            try:
                password_validation.validate_password(first, who)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned
