"""The forum a person may open, and who on it signs off, leads or owns: members and agencies."""

from __future__ import annotations

from django.db.models import QuerySet

from forums.models import Forum, Membership
from forums.voting import voting_agencies
from membership.models import Agency, User


def signing_agencies(*, forum: Forum) -> list[Agency]:
    """Agencies represented on the forum by a member who may sign off (advisory excluded)."""
    return voting_agencies(forum=forum)


def forum_members(*, forum: Forum) -> QuerySet[User]:
    """People with a current member seat (for choosing a lead member or risk owner)."""
    return User.objects.filter(
        pk__in=Membership.objects.current()
        .filter(forum=forum, role__in=Membership.MEMBER_ROLES)
        .values("person_id")
    ).order_by("full_name")


def forum_agencies(*, forum: Forum) -> QuerySet[Agency]:
    """Agencies with a current seat on the forum."""
    return Agency.objects.filter(
        pk__in=Membership.objects.current()
        .filter(forum=forum, agency__isnull=False)
        .values("agency_id")
    ).order_by("name")
