"""Two-factor sign-in with an authenticator app (TOTP, through django-otp).

A person turns it on from their account. From then on, signing in with the password alone
leaves the session *pending*: every page but the code page and sign-out redirects to the code
page until a current code from their app is entered. The hold is set on Django's
``user_logged_in`` signal, so every way in (the sign-in page, admin, an accepted invitation)
ends in the same held session; Django admin's own login page only sends people to ours.
"""

import base64
import io
from base64 import b32encode

import django_otp
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp.plugins.otp_totp.models import TOTPDevice

PENDING_SESSION_KEY = "two_factor_pending"
DEVICE_NAME = "Authenticator app"


def confirmed_device(person) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=person, confirmed=True).first()


def qr_code_data_uri(device: TOTPDevice) -> str:
    """The device's otpauth:// URL as an SVG QR code, inline as a data URI (no script needed)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def readable_key(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an app by hand."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def start_pending(request) -> None:
    request.session[PENDING_SESSION_KEY] = True


def complete(request, device: TOTPDevice) -> None:
    django_otp.login(request, device)
    request.session.pop(PENDING_SESSION_KEY, None)


def hold_for_code(sender, request, user, **kwargs) -> None:
    """On every sign-in: a person with a confirmed device is held until the code is entered."""
    session = getattr(request, "session", None)
    if session is not None and confirmed_device(user) is not None:
        session[PENDING_SESSION_KEY] = True


@login_not_required
def admin_login(request, extra_context=None):
    """Admin's login page: one sign-in for everyone, so admin sends people to ours."""
    from django.contrib import admin
    from django.http import QueryDict

    if request.user.is_authenticated:
        if admin.site.has_permission(request):
            return redirect(safe_next(request, reverse("admin:index")))
        raise PermissionDenied
    query = QueryDict(mutable=True)
    query["next"] = safe_next(request, reverse("admin:index"))
    return redirect(f"{reverse('login')}?{query.urlencode()}")


def safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


class TwoFactorPendingMiddleware:
    """Until the code is entered, a pending session reaches only the code page and sign-out."""

    ALLOWED_PREFIXES = ("/static/", "/healthz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get(PENDING_SESSION_KEY):
            allowed = {reverse("two-factor-verify"), reverse("logout")}
            path = request.path_info
            if path not in allowed and not path.startswith(self.ALLOWED_PREFIXES):
                return redirect(f"{reverse('two-factor-verify')}?next={request.get_full_path()}")
        return self.get_response(request)
