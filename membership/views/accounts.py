"""Signing in and out, password reset, and a person's own account and preferences."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from lcjb import language
from membership import security, selectors, services, two_factor
from membership.forms import (
    AccountForm,
    NotificationPreferenceForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
    SignInForm,
    TwoFactorCodeForm,
)
from membership.models import SecurityEvent


@method_decorator(login_not_required, name="dispatch")
class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        """Signed in with the password; with two-factor on, the code page comes next."""
        response = super().form_valid(form)
        if two_factor.confirmed_device(form.get_user()) is not None:
            two_factor.start_pending(self.request)
            person = form.get_user()
            verify = language.localised_url(reverse("two-factor-verify"), person.language)
            return redirect(f"{verify}?next={self.get_success_url()}")
        return response

    def get_success_url(self):
        """Where they were going, in the language they chose (their preference)."""
        return language.localised_url(super().get_success_url(), self.request.user.language)


@method_decorator(login_not_required, name="dispatch")
class SignOutView(auth_views.LogoutView):
    template_name = "registration/logged_out.html"


@method_decorator(login_not_required, name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    email_template_name = "registration/password_reset_email.txt"
    html_email_template_name = "registration/password_reset_email.html"
    subject_template_name = "registration/password_reset_subject.txt"
    extra_email_context = {"site_name": settings.SERVICE_NAME}
    success_url = reverse_lazy("password_reset_done")


@method_decorator(login_not_required, name="dispatch")
class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    pass


@method_decorator(login_not_required, name="dispatch")
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form):
        """The new password is saved by Django's form; the person is told it changed."""
        with transaction.atomic():
            response = super().form_valid(form)
            security.security_event_record(
                person=form.user, kind=SecurityEvent.Kind.PASSWORD_RESET, by=form.user
            )
        return response


@method_decorator(login_not_required, name="dispatch")
class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    pass


@require_http_methods(["GET", "POST"])
def account(request):
    """'Your account': name and job title, and links to password and preferences."""
    form = AccountForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        person = services.person_update(
            person=request.user, updated_by=request.user, **form.cleaned_data
        )
        messages.success(request, gettext("Your details have been saved"))
        # In the language just chosen, if it changed.
        return redirect(language.localised_url(reverse("account"), person.language))
    context = {
        "form": form,
        "two_factor_on": two_factor.confirmed_device(request.user) is not None,
        **_two_factor_context(request.user),
    }
    return render(request, "membership/account.html", context)


@require_http_methods(["GET", "POST"])
def password_change(request):
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.person_password_change(
            person=request.user, password=form.cleaned_data["new_password1"]
        )
        update_session_auth_hash(request, request.user)
        messages.success(request, gettext("Your password has been changed"))
        return redirect("account")
    return render(request, "membership/password_change.html", {"form": form})


@require_http_methods(["GET", "POST"])
def preferences(request):
    """Which non-essential emails a person wants, and the day of their weekly digest."""
    preference = selectors.notification_preference_for(person=request.user)
    form = NotificationPreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        services.notification_preference_update(person=request.user, **form.cleaned_data)
        messages.success(request, gettext("Your notification preferences have been saved"))
        return redirect("membership:preferences")
    return render(request, "membership/preferences.html", {"form": form})


BACKUP_CODES_SESSION_KEY = "two_factor_new_backup_codes"


def _two_factor_context(person) -> dict:
    return {
        "required_roles": two_factor.roles_requiring(person),
        "backup_codes_left": security.backup_codes_left(person),
    }


@require_http_methods(["GET", "POST"])
def two_factor_settings(request):
    """Turn two-factor sign-in on (scan a QR code, confirm with a code) or off (with a code).

    Turning it on makes the first backup codes, shown once on the next page. A person whose
    role requires two-factor cannot turn it off: the page says so and a post is refused.
    """
    person = request.user
    device = two_factor.confirmed_device(person)
    if device is None:
        device = security.two_factor_setup_start(person=person)
        form = TwoFactorCodeForm(
            request.POST or None, device=device, submit_label=gettext("Turn on")
        )
        if request.method == "POST" and form.is_valid():
            codes = security.two_factor_turn_on(person=person, device=device)
            two_factor.complete(request, device)
            request.session[BACKUP_CODES_SESSION_KEY] = codes
            messages.success(request, gettext("Two-factor sign-in is on"))
            query = urlencode({"next": two_factor.safe_next(request, reverse("account"))})
            return redirect(f"{reverse('two-factor-backup-codes')}?{query}")
        context = {
            "form": form,
            "enabled": False,
            "qr_code": two_factor.qr_code_data_uri(device),
            "key": two_factor.readable_key(device),
            **_two_factor_context(person),
        }
        return render(request, "registration/two_factor_settings.html", context)
    context = {"enabled": True, **_two_factor_context(person)}
    if context["required_roles"]:
        if request.method == "POST":
            raise PermissionDenied("Two-factor sign-in is required for your role")
        return render(request, "registration/two_factor_settings.html", context)
    form = TwoFactorCodeForm(
        request.POST or None,
        device=device,
        backup_device=security.backup_device(person),
        submit_label=gettext("Turn off"),
    )
    if request.method == "POST" and form.is_valid():
        security.two_factor_turn_off(person=person, device=device)
        request.session.pop(two_factor.PENDING_SESSION_KEY, None)
        messages.success(request, gettext("Two-factor sign-in is off"))
        return redirect("account")
    return render(request, "registration/two_factor_settings.html", {"form": form, **context})


@never_cache
@require_http_methods(["GET", "POST"])
def two_factor_backup_codes(request):
    """Backup codes: new ones are shown once, just after they are made; otherwise how many are
    left, and a button to make a new set (which stops the old set working)."""
    person = request.user
    if two_factor.confirmed_device(person) is None:
        return redirect("two-factor")
    if request.method == "POST":
        request.session[BACKUP_CODES_SESSION_KEY] = security.backup_codes_regenerate(person=person)
        return redirect("two-factor-backup-codes")
    codes = request.session.pop(BACKUP_CODES_SESSION_KEY, None)
    context = {
        "codes": [security.readable_backup_code(code) for code in codes or []],
        "next": two_factor.safe_next(request, reverse("account")),
        "backup_code_count": security.BACKUP_CODE_COUNT,
        **_two_factor_context(person),
    }
    return render(request, "registration/two_factor_backup_codes.html", context)


@require_http_methods(["GET", "POST"])
def two_factor_verify(request):
    """The second step of signing in: a code from the person's authenticator app, or one of
    their backup codes (used up, and the person told how many are left)."""
    person = request.user
    device = two_factor.confirmed_device(person)
    default = reverse("forums:workspace")
    if device is None or not request.session.get(two_factor.PENDING_SESSION_KEY):
        return redirect(two_factor.safe_next(request, default))
    backup_device = security.backup_device(person)
    form = TwoFactorCodeForm(request.POST or None, device=device, backup_device=backup_device)
    if request.method == "POST" and form.is_valid():
        two_factor.complete(request, form.used_device)
        if form.used_device == backup_device:
            left = security.backup_codes_left(person)
            messages.warning(
                request,
                ngettext(
                    "You used a backup code. You have %(left)d backup code left: make a new set "
                    "from your account if you are running out.",
                    "You used a backup code. You have %(left)d backup codes left: make a new set "
                    "from your account if you are running out.",
                    left,
                )
                % {"left": left},
            )
        return redirect(two_factor.safe_next(request, default))
    return render(
        request,
        "registration/two_factor_verify.html",
        {"form": form, "next": two_factor.safe_next(request, default)},
    )
