"""What the reminders share: the agenda query and a day's meetings (links: ``forums.links``)."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext

from forums.models import AgendaItem, Meeting, Paper


def _agenda_queryset():
    papers = Paper.objects.select_related("current_version").prefetch_related("restricted_to")
    return (
        AgendaItem.objects.on_agenda()
        .select_related("presenter", "presenter_agency")
        .prefetch_related("restricted_to", Prefetch("papers", queryset=papers))
        .order_by("order", "pk")
    )


def _local_day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min), zone)
    end = timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min), zone
    )
    return start, end


def meetings_on(day: datetime.date):
    """Meetings (not cancelled) starting on a local calendar day."""
    start, end = _local_day_bounds(day)
    return (
        Meeting.objects.filter(starts_at__gte=start, starts_at__lt=end)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("forum")
    )


def _where(meeting: Meeting) -> str:
    if meeting.location and meeting.online_link:
        return gettext("%(location)s, or online") % {"location": meeting.location}
    if meeting.location:
        return meeting.location
    return gettext("Online") if meeting.online_link else gettext("To be confirmed")
