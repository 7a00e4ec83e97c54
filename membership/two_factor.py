"""Two-factor sign-in with an authenticator app (TOTP, through django-otp).

A person turns it on from their account. From then on, signing in with the password alone
leaves the session *pending*: every page but the code page and sign-out redirects to the code
page until a current code from their app is entered.
"""

import base64
import io
from base64 import b32encode

import django_otp
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
