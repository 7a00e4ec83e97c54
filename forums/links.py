"""Links to a forum's pages, in one place: paths for pages and redirects, absolute for emails.

Each takes ``absolute=True`` for a full address on ``settings.SITE_URL`` (emails, calendars).
"""

from __future__ import annotations

from django.urls import reverse

from forums.models import Action, Forum, Meeting, Paper
from membership.notifications import absolute_url


def _link(name: str, args: list, absolute: bool) -> str:
    path = reverse(name, args=args)
    return absolute_url(path) if absolute else path


def forum_url(forum: Forum, *, absolute: bool = False) -> str:
    """The forum's workspace home."""
    return _link("forums:workspace-forum", [forum.slug], absolute)


def meeting_url(meeting: Meeting, *, absolute: bool = False) -> str:
    """The meeting's workspace page."""
    return _link("meetings:workspace-meeting", [meeting.forum.slug, meeting.pk], absolute)


def public_meeting_url(meeting: Meeting, *, absolute: bool = False) -> str:
    """The meeting's public page."""
    return _link("meetings:public-meeting", [meeting.forum.slug, meeting.pk], absolute)


def paper_url(paper: Paper, meeting: Meeting, *, absolute: bool = False) -> str:
    """The paper's download in the meeting's forum workspace."""
    return _link("meetings:workspace-paper-download", [meeting.forum.slug, paper.pk], absolute)


def action_url(action: Action, *, absolute: bool = False) -> str:
    """The action's workspace page."""
    return _link("meetings:workspace-action", [action.forum.slug, action.pk], absolute)


def guest_url(guest, *, absolute: bool = False) -> str:
    """The guest's own page (a signed link: the only way a guest gets in)."""
    from forums.selectors.guests import guest_token

    return _link("meetings:guest", [guest_token(guest)], absolute)


def guest_paper_url(guest, paper: Paper, *, absolute: bool = False) -> str:
    """A paper's download through the guest's link."""
    from forums.selectors.guests import guest_token

    return _link("meetings:guest-paper", [guest_token(guest), paper.pk], absolute)


def rsvp_url(meeting: Meeting, *, absolute: bool = False) -> str:
    """The full reply page for a meeting (attending, apologies or a named deputy)."""
    return _link("meetings:workspace-rsvp", [meeting.forum.slug, meeting.pk], absolute)


def minutes_url(meeting: Meeting, *, absolute: bool = False) -> str:
    """The meeting's minutes in the workspace (where they are written, circulated, published)."""
    return _link("meetings:workspace-minutes", [meeting.forum.slug, meeting.pk], absolute)


def procedure_url(procedure, *, absolute: bool = False) -> str:
    """A written procedure's workspace page (where agencies respond)."""
    return _link("meetings:workspace-procedure", [procedure.forum.slug, procedure.pk], absolute)
