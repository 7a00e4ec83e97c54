"""Which agencies speak for themselves on a forum: sign-off of priorities and written procedures.

An agency votes when someone holds a seat for it as chair, vice-chair or member; advisory
members (the judiciary) never do, and neither does an agency whose type is advisory only.
``priorities`` asks here for sign-off, ``forums`` for decisions taken in writing.
"""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from forums.models import Forum, Membership
from membership.models import Agency

# Seated roles that may speak for their agency (advisory members never do).
VOTING_ROLES = (Membership.Role.CHAIR, Membership.Role.VICE_CHAIR, Membership.Role.MEMBER)


def voting_seats(on: datetime.date | None = None) -> QuerySet[Membership]:
    """Current seats (on ``on``, today by default) that vote for an agency, on any forum."""
    return Membership.objects.current(on).filter(
        role__in=VOTING_ROLES,
        agency__isnull=False,
        agency__agency_type__advisory_only=False,
    )


def voting_agencies(*, forum: Forum) -> list[Agency]:
    """Agencies represented on the forum by a member who may vote for them, by name."""
    agency_ids = voting_seats().filter(forum=forum).values("agency_id")
    return list(Agency.objects.filter(pk__in=agency_ids).order_by("name"))


def voting_agency_ids(person, forum) -> set[int]:
    """The agencies the person currently votes for on the forum (cached on the person)."""
    if not getattr(person, "is_authenticated", False) or forum is None:
        return set()
    cache = person.__dict__.setdefault("_voting_agencies_cache", {})
    if forum.pk not in cache:
        cache[forum.pk] = set(
            voting_seats()
            .filter(forum_id=forum.pk, person_id=person.pk)
            .values_list("agency_id", flat=True)
        )
    return cache[forum.pk]
