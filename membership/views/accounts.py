"""Signing in and out, password reset, and a person's own account and preferences."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_http_methods

from membership import selectors, services, two_factor
from membership.forms import (
    AccountForm,
    NotificationPreferenceForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
    SignInForm,
    TwoFactorCodeForm,
)


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
            verify = reverse("two-factor-verify")
            return redirect(f"{verify}?next={self.get_success_url()}")
        return response


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


@method_decorator(login_not_required, name="dispatch")
class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    pass


@require_http_methods(["GET", "POST"])
def account(request):
    """'Your account': name and job title, and links to password and preferences."""
    form = AccountForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.person_update(person=request.user, updated_by=request.user, **form.cleaned_data)
        messages.success(request, "Your details have been saved")
        return redirect("account")
    return render(request, "membership/account.html", {"form": form})


@require_http_methods(["GET", "POST"])
def password_change(request):
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.person_password_change(
            person=request.user, password=form.cleaned_data["new_password1"]
        )
        update_session_auth_hash(request, request.user)
        messages.success(request, "Your password has been changed")
        return redirect("account")
    return render(request, "membership/password_change.html", {"form": form})


@require_http_methods(["GET", "POST"])
def preferences(request):
    """Which non-essential emails a person wants, and the day of their weekly digest."""
    preference = selectors.notification_preference_for(person=request.user)
    form = NotificationPreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        services.notification_preference_update(person=request.user, **form.cleaned_data)
        messages.success(request, "Your notification preferences have been saved")
        return redirect("membership:preferences")
    return render(request, "membership/preferences.html", {"form": form})


@require_http_methods(["GET", "POST"])
def two_factor_settings(request):
    """Turn two-factor sign-in on (scan a QR code, confirm with a code) or off (with a code)."""
    device = two_factor.confirmed_device(request.user)
    if device is None:
        device = services.two_factor_setup_start(person=request.user)
        form = TwoFactorCodeForm(request.POST or None, device=device, submit_label="Turn on")
        if request.method == "POST" and form.is_valid():
            services.two_factor_turn_on(person=request.user, device=device)
            two_factor.complete(request, device)
            messages.success(request, "Two-factor sign-in is on")
            return redirect(two_factor.safe_next(request, reverse("account")))
        context = {
            "form": form,
            "enabled": False,
            "qr_code": two_factor.qr_code_data_uri(device),
            "key": two_factor.readable_key(device),
        }
        return render(request, "registration/two_factor_settings.html", context)
    form = TwoFactorCodeForm(request.POST or None, device=device, submit_label="Turn off")
    if request.method == "POST" and form.is_valid():
        services.two_factor_turn_off(person=request.user, device=device)
        request.session.pop(two_factor.PENDING_SESSION_KEY, None)
        messages.success(request, "Two-factor sign-in is off")
        return redirect("account")
    return render(request, "registration/two_factor_settings.html", {"form": form, "enabled": True})


@require_http_methods(["GET", "POST"])
def two_factor_verify(request):
    """The second step of signing in: a code from the person's authenticator app."""
    device = two_factor.confirmed_device(request.user)
    default = reverse("forums:workspace")
    if device is None or not request.session.get(two_factor.PENDING_SESSION_KEY):
        return redirect(two_factor.safe_next(request, default))
    form = TwoFactorCodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        two_factor.complete(request, device)
        return redirect(two_factor.safe_next(request, default))
    return render(
        request,
        "registration/two_factor_verify.html",
        {"form": form, "next": two_factor.safe_next(request, default)},
    )
