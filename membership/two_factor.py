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
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

PENDING_SESSION_KEY = "two_factor_pending"
DEVICE_NAME = "Authenticator app"  # stored with the device, not shown

# Sources of a person's roles beyond the account itself (forums registers current seats).
_role_sources = []


def register_role_source(source) -> None:
    """``source(person) -> iterable of role names``; used by the two-factor policy."""
    _role_sources.append(source)


def account_roles(person) -> set[str]:
    """The roles a person holds through their account itself, not through a forum seat."""
    roles = set()
    if person.is_superuser:
        roles.add("site_admin")
    if person.is_national_viewer:
        roles.add("national_viewer")
    return roles


def roles_of(person) -> set[str]:
    roles = account_roles(person)
    for source in _role_sources:
        roles |= set(source(person))
    return roles


def required_for(person) -> bool:
    """Two-factor is required for this person's roles (``TWO_FACTOR_REQUIRED_ROLES``)."""
    return bool(roles_of(person) & set(settings.TWO_FACTOR_REQUIRED_ROLES))


# How a role reads in a sentence ("required for your role as chair and site admin").
ROLE_WORDS = {
    "site_admin": _("site admin"),
    "national_viewer": _("national viewer"),
    "chair": _("chair"),
    "vice_chair": _("vice chair"),
    "member": _("member"),
    "advisory": _("advisory"),
    "guest": _("guest"),
    "secretariat": _("secretariat"),
    "data_submitter": _("data submitter"),
}


def roles_requiring(person) -> str:
    """The person's roles that require two-factor, in words ("chair, secretariat and site
    admin"), or "" when none does."""
    required = roles_of(person) & set(settings.TWO_FACTOR_REQUIRED_ROLES)
    words = sorted(str(ROLE_WORDS.get(role, role.replace("_", " "))) for role in required)
    if len(words) < 2:
        return "".join(words)
    return gettext("%(first)s and %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


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
    """Until the code is entered, a pending session reaches only the code page and sign-out.

    A person in a role that requires two-factor, signed in without a verified code, is sent to
    the code page if they have a device and to set-up if not; until then only those pages,
    sign-out, static files and the accessibility, privacy and cookies pages are reachable.
    """

    ALLOWED_PREFIXES = ("/static/", "/healthz")
    PUBLIC_PAGES = ("accessibility", "privacy", "cookies")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        path = request.path_info
        if path.startswith(self.ALLOWED_PREFIXES):
            return self.get_response(request)
        verify, sign_out = reverse("two-factor-verify"), reverse("logout")
        if session is not None and session.get(PENDING_SESSION_KEY):
            if path not in {verify, sign_out}:
                return redirect(f"{verify}?next={request.get_full_path()}")
            return self.get_response(request)
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return self.get_response(request)
        set_up = reverse("two-factor")
        allowed = {verify, sign_out, set_up, *(reverse(name) for name in self.PUBLIC_PAGES)}
        if path not in allowed and required_for(user):
            if confirmed_device(user) is not None:
                start_pending(request)
                return redirect(f"{verify}?next={request.get_full_path()}")
            return redirect(f"{set_up}?next={request.get_full_path()}")
        return self.get_response(request)
