"""Signed-in sessions: the idle timeout, and ending a person's other sessions.

A session ends after a stretch without use: ``SESSION_IDLE_MINUTES_TWO_FACTOR`` (30) for people
in a role that requires two-factor (``two_factor.required_for``), ``SESSION_IDLE_MINUTES``
(8 hours) for everyone else. The length is fixed for the session when the person signs in, and
the time of their last request is kept in the session (written at most once a minute, so pages
do not each cost a write). The next request after the timeout signs them out and shows the
sign-in page with the reason, keeping where they were going. Every page tells a signed-in person
when they will be signed out if idle, with a "Stay signed in" button (WCAG 2.2.1: no
JavaScript, nothing changes under the reader).

Changing or resetting a password ends every other session through Django's session
verification (the session keeps a hash of the password). "Sign out of all other devices" ends
them without a new password: :func:`person_other_sessions_end`.
"""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY, logout
from django.contrib.sessions.models import Session
from django.db import transaction
from django.http import QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from membership import two_factor

LAST_ACTIVITY_KEY = "last_activity"
IDLE_MINUTES_KEY = "idle_minutes"
# Activity is written to the session at most this often (seconds).
WRITE_EVERY = 60


def idle_minutes_for(person) -> int:
    """How long this person's session may stay unused, in minutes."""
    if two_factor.required_for(person):
        return settings.SESSION_IDLE_MINUTES_TWO_FACTOR
    return settings.SESSION_IDLE_MINUTES


def duration_text(minutes: int) -> str:
    """'30 minutes', '1 hour', '8 hours', '1 hour and 30 minutes'."""
    hours, rest = divmod(minutes, 60)
    hours_text = ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    minutes_text = ngettext("%(count)d minute", "%(count)d minutes", rest) % {"count": rest}
    if hours and rest:
        return gettext("%(hours)s and %(minutes)s") % {"hours": hours_text, "minutes": minutes_text}
    return hours_text if hours else minutes_text


def _now() -> int:
    return int(timezone.now().timestamp())


def start(sender, request, user, **kwargs) -> None:
    """On every sign-in (``user_logged_in``): fix the session's idle length and start the clock."""
    session = getattr(request, "session", None)
    if session is not None:
        session[IDLE_MINUTES_KEY] = idle_minutes_for(user)
        session[LAST_ACTIVITY_KEY] = _now()


def touch(request, *, force: bool = False) -> None:
    """Record that the person used the service now."""
    session = request.session
    now = _now()
    if force or now - session.get(LAST_ACTIVITY_KEY, 0) >= WRITE_EVERY:
        session[LAST_ACTIVITY_KEY] = now


def sign_out_at(request) -> datetime.datetime | None:
    """When this session ends if unused, or None when nobody is signed in."""
    session = request.session
    if LAST_ACTIVITY_KEY not in session:
        return None
    seconds = session[LAST_ACTIVITY_KEY] + 60 * session.get(IDLE_MINUTES_KEY, 0)
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC)


class IdleTimeoutMiddleware:
    """Signs out a person whose session has not been used for its idle length."""

    IGNORED_PREFIXES = ("/static/", "/healthz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is None
            or not user.is_authenticated
            or request.path_info.startswith(self.IGNORED_PREFIXES)
        ):
            return self.get_response(request)
        session = request.session
        if IDLE_MINUTES_KEY not in session:  # a session from before the timeout existed
            session[IDLE_MINUTES_KEY] = idle_minutes_for(user)
            session[LAST_ACTIVITY_KEY] = _now()
        minutes = session[IDLE_MINUTES_KEY]
        if _now() - session.get(LAST_ACTIVITY_KEY, 0) > 60 * minutes:
            return self.sign_out(request, minutes)
        touch(request)
        request.idle_sign_out_at = sign_out_at(request)
        return self.get_response(request)

    def sign_out(self, request, minutes: int):
        going_to = request.get_full_path() if request.method == "GET" else request.path
        logout(request)
        messages.info(
            request,
            gettext(
                "You were signed out because you had not used the service for %(duration)s. "
                "Sign in again to carry on."
            )
            % {"duration": duration_text(minutes)},
        )
        query = QueryDict(mutable=True)
        query["next"] = going_to
        return redirect(f"{reverse('login')}?{query.urlencode()}")


@transaction.atomic
def person_other_sessions_end(*, person, keep_session_key: str | None) -> int:
    """End every session of the person but the one they are using; returns how many ended.

    Sessions are stored in the database (Django's default engine) without a person column, so
    the current ones are read and matched on the signed-in person's id.
    """
    ended = []
    current = Session.objects.filter(expire_date__gt=timezone.now()).exclude(
        session_key=keep_session_key or ""
    )
    for session in current.iterator():
        data = session.get_decoded()
        if data.get(SESSION_KEY) == str(person.pk) and data.get(BACKEND_SESSION_KEY):
            ended.append(session.session_key)
    Session.objects.filter(session_key__in=ended).delete()
    return len(ended)
