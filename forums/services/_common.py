"""Helpers the forums services share: the secretariat check, members, agenda order."""

from django.core.exceptions import PermissionDenied
from django.db.models import Max

from forums.models import Forum, Meeting, Membership
from membership.models import User


def _require_secretariat(person: User, forum: Forum) -> None:
    if not person.has_perm("forums.manage_meetings", forum):
        raise PermissionDenied("Only the secretariat or the chair can do this.")


def _members_of(forum: Forum) -> list[User]:
    """People who currently sit on the forum as members (they receive meeting notices)."""
    return list(
        User.objects.filter(
            memberships__in=Membership.objects.current().filter(
                forum=forum, role__in=Membership.MEMBER_ROLES
            ),
            is_active=True,
        ).distinct()
    )


def _next_order(meeting: Meeting) -> int:
    return (meeting.agenda_items.aggregate(m=Max("order"))["m"] or 0) + 1
