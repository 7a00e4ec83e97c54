"""Who is signing in, as the lockout counts them: the normalised address and the visitor's IP."""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


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


class LockoutHandler(AxesDatabaseHandler):
    """django-axes' database handler, counting a person at an address and an address alone.

    ``AXES_LOCKOUT_PARAMETERS`` lists two counters: the person at this address, locked after
    ``AXES_FAILURE_LIMIT`` failures, and the address whatever account is tried, locked after the
    higher ``AXES_ADDRESS_FAILURE_LIMIT`` (an office behind one address has many people who may
    each mistype). django-axes compares the larger count with one limit, so the address's count
    is scaled to the person's limit. A successful sign-in clears only the person's counter:
    signing in to one's own account must not clear failures against others' from that address.
    """

    def get_failures(self, request, credentials=None) -> int:
        person, address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        limit = get_failure_limit(request, credentials)
        return max(person, address * limit // settings.AXES_ADDRESS_FAILURE_LIMIT)

    def reset_user_attempts(self, request, credentials=None) -> int:
        person_attempts = self.filter_user_attempts(request, credentials)[0]
        count, _ = person_attempts.delete()
        return count


def failures_clear(*, attempts, by) -> int:
    """Unlock: forget the counted failures (a site admin's admin action); returns how many."""
    count, _ = attempts.delete()
    return count


def person_unlock(*, person, by) -> int:
    """Unlock a person at every address: forget the failures counted against their address."""
    return failures_clear(
        attempts=AccessAttempt.objects.filter(username=normalise_username(person.email)), by=by
    )
