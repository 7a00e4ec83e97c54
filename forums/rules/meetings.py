"""Who may see and do what with meetings, papers, minutes and actions.

Forum-level predicates take (person, forum) like those in forums.rules.forum. Whether a person
may see one agenda item or paper is decided in ``forums.confidentiality``; the predicates below
ask it.
"""

import rules
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forums import confidentiality
from forums.rules.forum import (
    is_forum_advisory,
    is_forum_chair,
    is_forum_member,
    is_forum_secretariat,
)
from membership import dates


@rules.predicate
def can_see_agenda_item(person, item) -> bool:
    return confidentiality.can_see(person, item)


@rules.predicate
def can_see_paper(person, paper) -> bool:
    return confidentiality.can_see(person, paper)


@rules.predicate
def can_read_minutes(person, minutes) -> bool:
    """Draft minutes are the secretariat's and the chair's; members read them once circulated."""
    return confidentiality.can_read_minutes(person, minutes)


@rules.predicate
def can_update_action(person, action) -> bool:
    """The owner of an action updates it; so does whoever runs the forum."""
    if is_forum_secretariat(person, action.forum):
        return True
    return action.owner_id == person.pk and bool(is_forum_member(person, action.forum))


@rules.predicate
def can_own_actions(person, forum) -> bool:
    """Members may own delivery actions; advisory members never do (independence)."""
    return bool(is_forum_member(person, forum)) and not is_forum_advisory(person, forum)


@rules.predicate
def is_national_viewer(person) -> bool:
    """APCC or national board staff: they answer national escalations (no forum standing)."""
    return bool(getattr(person, "is_national_viewer", False))


# Forum level: (person, forum)
rules.add_perm("forums.view_meetings", is_forum_member)
rules.add_perm("forums.manage_meetings", is_forum_secretariat)
rules.add_perm("forums.rsvp", is_forum_member)
rules.add_perm("forums.comment_on_minutes", is_forum_member)
rules.add_perm("forums.approve_minutes", is_forum_chair)
rules.add_perm("forums.own_actions", can_own_actions)
rules.add_perm("forums.raise_escalation", is_forum_member)
# Object level: (person, minutes) and (person, action)
rules.add_perm("forums.read_minutes", can_read_minutes)
rules.add_perm("forums.update_action", can_update_action)
# No object: national staff
rules.add_perm("forums.answer_national_escalations", is_national_viewer)


# When recording makes sense: once a meeting has started, unless it was cancelled. One rule for
# the buttons (greyed with the reason), the views (which refuse before showing a form) and the
# services.
# For each action, why it cannot be done (cancelled, not started yet), as whole sentences so that
# each translates as one.
RECORDING_ACTIONS = {
    "attendance": (
        _("You cannot record attendance: the meeting was cancelled"),
        _("You can record attendance once the meeting has started at %(time)s on %(date)s"),
    ),
    "decision": (
        _("You cannot record a decision: the meeting was cancelled"),
        _("You can record a decision once the meeting has started at %(time)s on %(date)s"),
    ),
    "minutes": (
        _("You cannot start the minutes: the meeting was cancelled"),
        _("You can start the minutes once the meeting has started at %(time)s on %(date)s"),
    ),
    "held": (
        _("You cannot mark the meeting as held: the meeting was cancelled"),
        _("You can mark the meeting as held once the meeting has started at %(time)s on %(date)s"),
    ),
}


def has_started(meeting, now=None) -> bool:
    """The meeting's start time has passed (whatever its status)."""
    return meeting.starts_at <= (now or timezone.now())


def not_yet_reason(meeting, action: str, now=None) -> str:
    """Why ``action`` (a key of ``RECORDING_ACTIONS``) cannot be done yet, or "" when it can:
    "You can record attendance once the meeting has started at 2pm on 3 March 2027"."""
    cancelled, not_started = RECORDING_ACTIONS[action]
    if meeting.is_cancelled:
        return str(cancelled)
    if not has_started(meeting, now):
        return str(not_started) % {
            "time": dates.time_of_day(meeting.starts_at),
            "date": dates.date_text(meeting.starts_at),
        }
    return ""


def can_approve_at(minuted, meeting, now=None) -> bool:
    """Minutes of ``minuted`` may be approved at ``meeting``: a later meeting of the same forum
    that has started and was not cancelled."""
    return (
        meeting.forum_id == minuted.forum_id
        and meeting.pk != minuted.pk
        and meeting.starts_at > minuted.starts_at
        and not meeting.is_cancelled
        and has_started(meeting, now)
    )
