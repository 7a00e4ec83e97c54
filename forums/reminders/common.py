"""What the reminders share: links into the workspace, the agenda query, a day's meetings."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import Prefetch
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from forums.models import Action, AgendaItem, Forum, Meeting, Paper


def _reverse_first(names: Iterable[str], args: list, fallback: str) -> str:
    """The first of several URL names that exists (the meetings pages may be renamed)."""
    for name in names:
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return fallback


def forum_url(forum: Forum) -> str:
    return reverse("forums:workspace-forum", args=[forum.slug])


def meeting_url(meeting: Meeting) -> str:
    return _reverse_first(
        ["meetings:workspace-meeting", "meetings:meeting-detail"],
        [meeting.forum.slug, meeting.pk],
        forum_url(meeting.forum),
    )


def paper_url(paper: Paper, meeting: Meeting) -> str:
    return _reverse_first(
        ["meetings:workspace-paper-download", "meetings:workspace-paper"],
        [meeting.forum.slug, paper.pk],
        meeting_url(meeting),
    )


def action_url(action: Action) -> str:
    return _reverse_first(
        ["meetings:workspace-action", "meetings:action-detail", "meetings:action"],
        [action.forum.slug, action.pk],
        _reverse_first(
            ["meetings:workspace-actions", "meetings:actions"],
            [action.forum.slug],
            forum_url(action.forum),
        ),
    )


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
        return f"{meeting.location}, or online"
    if meeting.location:
        return meeting.location
    return "Online" if meeting.online_link else "To be confirmed"
