"""Who is signing in, as the lockout counts them: the normalised address and the visitor's IP."""

from django.conf import settings


def normalise_username(value: str | None) -> str:
    """An email address as stored: surrounding space removed, lower case."""
    return (value or "").strip().lower()


def lockout_username(request, credentials) -> str:
    """django-axes counts failures per person, whatever case or spacing the address was typed in."""
    field = settings.AXES_USERNAME_FORM_FIELD
    value = (credentials or {}).get(field)
    if value is None and request is not None:
        value = request.POST.get(field)
    # No address is longer than 254 characters; axes stores at most 255 (a longer one was a 500).
    return normalise_username(value)[:255]


def client_ip(request) -> str | None:
    """The visitor's address: the entry the outermost trusted proxy appended to X-Forwarded-For.

    With ``TRUSTED_PROXY_COUNT`` = N proxies in front of the app, only the last N entries of
    X-Forwarded-For were written by them; anything before was sent by the client and is ignored,
    so a client cannot reset its lockout by sending its own header. With N = 0, REMOTE_ADDR.
    """
    count = getattr(settings, "AXES_IPWARE_PROXY_COUNT", None) or 0
    remote = request.META.get("REMOTE_ADDR")
    if count <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if not hops:
        return remote
    return hops[-count] if len(hops) >= count else hops[0]
