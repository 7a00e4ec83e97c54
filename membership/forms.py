"""Forms for people: signing in, their account and their notification preferences."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Size, Submit
from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from lcjb.language import html_lang
from membership.models import NotificationPreference, User
from membership.sign_in import normalise_username


class SignInForm(auth_forms.AuthenticationForm):
    """Email and password, with messages in the GOV.UK voice."""

    error_messages = {
        "invalid_login": _(
            "Enter a correct email address and password. Both are case-sensitive "
            "for the password only."
        ),
        "inactive": _("This account has been closed. Contact your board's secretariat."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Email address")
        self.fields["username"].widget = forms.EmailInput(attrs={"autocomplete": "email"})
        self.fields["username"].error_messages["required"] = _("Enter your email address")
        self.fields["password"].error_messages["required"] = _("Enter your password")
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("username", field_width=Fluid.TWO_THIRDS),
            Field.text("password", field_width=Fluid.TWO_THIRDS),
            Submit("submit", _("Sign in")),
        )

    def clean_username(self):
        return normalise_username(self.cleaned_data.get("username"))


class AccountForm(forms.ModelForm):
    """A person's own name and job title, and the language they use the service in."""

    language = forms.ChoiceField(
        label=_("Language for the service and your emails"),
        # Each language named in itself, marked as such for screen readers (WCAG 3.1.2).
        choices=[
            (code, format_html('<span lang="{}">{}</span>', html_lang(code), name))
            for code, name in settings.LANGUAGES
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the language for the service and your emails")},
    )

    class Meta:
        model = User
        fields = ["full_name", "job_title", "language"]
        labels = {"full_name": _("Full name"), "job_title": _("Job title (optional)")}
        error_messages = {"full_name": {"required": _("Enter your full name")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("full_name", field_width=Fluid.TWO_THIRDS),
            Field.text("job_title", field_width=Fluid.TWO_THIRDS),
            Field.radios("language", legend_size=Size.SMALL, inline=True),
            Submit("submit", _("Save changes")),
        )


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].error_messages["required"] = _("Enter your current password")
        self.fields["new_password1"].error_messages["required"] = _("Enter a new password")
        self.fields["new_password2"].error_messages["required"] = _("Enter the new password again")
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("old_password", field_width=Fluid.TWO_THIRDS),
            Field.text("new_password1", field_width=Fluid.TWO_THIRDS),
            Field.text("new_password2", field_width=Fluid.TWO_THIRDS),
            Submit("submit", _("Change password")),
        )


class PasswordResetForm(auth_forms.PasswordResetForm):
    def send_mail(self, *args, **kwargs):
        """In the language of the person it is sent to, whatever page asked for it (its link
        opens the reset page in that language too)."""
        context = args[2] if len(args) > 2 else kwargs["context"]
        with translation.override(context["user"].language):
            super().send_mail(*args, **kwargs)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].error_messages["required"] = _("Enter your email address")
        self.fields["email"].error_messages["invalid"] = _(
            "Enter an email address in the correct format, like name@example.com"
        )
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("email", field_width=Fluid.TWO_THIRDS),
            Submit("submit", _("Send reset link")),
        )


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].error_messages["required"] = _("Enter a new password")
        self.fields["new_password2"].error_messages["required"] = _("Enter the new password again")
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("new_password1", field_width=Fluid.TWO_THIRDS),
            Field.text("new_password2", field_width=Fluid.TWO_THIRDS),
            Submit("submit", _("Set password")),
        )


class NotificationPreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = ["reminders", "digest", "digest_weekday"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.checkbox("reminders", small=True),
            Field.checkbox("digest", small=True),
            Field.select("digest_weekday"),
            Submit("submit", _("Save preferences")),
        )
        self.fields["digest_weekday"].error_messages["required"] = _(
            "Choose the day of the week for your digest"
        )


class TwoFactorCodeForm(forms.Form):
    """A 6-digit code from the person's authenticator app, checked against their device; or,
    given ``backup_device``, one of their single-use backup codes (used up when accepted)."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("The 6-digit code your app shows now, for example 123456"),
        max_length=20,
        error_messages={"required": _("Enter the 6-digit code from your authenticator app")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, device=None, backup_device=None, submit_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device
        self.backup_device = backup_device
        self.used_device = None
        if backup_device is not None:
            field = self.fields["code"]
            field.label = _("Code from your authenticator app, or a backup code")
            field.help_text = _(
                "The 6-digit code your app shows now, like 123456, or one of your backup codes, "
                "like abcd efgh"
            )
            field.widget.attrs["inputmode"] = "text"
            field.error_messages["required"] = _(
                "Enter the 6-digit code from your authenticator app, or a backup code"
            )
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("code", field_width=10 if backup_device is not None else 5),
            Submit("submit", submit_label or _("Continue")),
        )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split()).replace("-", "").lower()
        if self.backup_device is not None and not code.isdigit():
            if not self.backup_device.verify_token(code):
                raise forms.ValidationError(
                    _(
                        "That backup code is not right or has already been used: each backup code "
                        "works once. After several wrong codes you must wait before trying again."
                    )
                )
            self.used_device = self.backup_device
            return code
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError(_("Enter the code as 6 digits, like 123456"))
        if self.device is None or not self.device.verify_token(code):
            raise forms.ValidationError(
                _(
                    "That code is not right. Check your app shows this account and enter the "
                    "newest code. After several wrong codes you must wait before trying again."
                )
            )
        self.used_device = self.device
        return code
