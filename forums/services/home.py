"""Writes for the workspace home: the "last looked" mark behind "new since you last looked"."""

import datetime

from django.db import transaction
from django.utils import timezone

from forums.models import LastLooked, Meeting
from membership.models import User


@transaction.atomic
def last_looked_record(
    *, person: User, meeting: Meeting | None = None, at: datetime.datetime | None = None
) -> None:
    """Mark that the person has just looked at their home (no meeting) or at one meeting
    (one upsert, the same on the first visit as on every other)."""
    LastLooked.objects.bulk_create(
        [
            LastLooked(
                person=person,
                place=LastLooked.place_of(meeting),
                meeting=meeting,
                looked_at=at or timezone.now(),
            )
        ],
        update_conflicts=True,
        unique_fields=["person", "place"],
        update_fields=["looked_at"],
    )
