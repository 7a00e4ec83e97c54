"""What the meeting reports (board pack, minutes) share: the meeting, attendance, visible items."""

from __future__ import annotations

import datetime

from django.utils import timezone

from forums import confidentiality
from forums.models import AgendaItem, Attendance, Forum, Meeting, Paper
from forums.reports.registry import Audience, _viewer
from forums.templatetags.bilingual import bilingual, bilingual_text
from membership import dates
from membership.models import User


def _load_meeting(forum: Forum, subject: str) -> Meeting | None:
    try:
        pk = int(subject)
    except (TypeError, ValueError):
        return None
    return Meeting.objects.filter(forum=forum, pk=pk).select_related("forum").first()


def meeting_label(meeting: Meeting) -> str:
    return f"{meeting.title}, {dates.date_text(meeting.starts_at)}"


def _meeting_facts(meeting: Meeting) -> dict:
    return {
        # In the report's language (forums.reports.requests): marked where it stands in English.
        "forum": bilingual_text(meeting.forum, "name"),
        "title": bilingual(meeting, "title"),
        "when": dates.when(meeting.starts_at, meeting.ends_at),
        "where": bilingual(meeting, "location")
        or ("Online" if meeting.online_link else "To be confirmed"),
        "status": meeting.get_status_display(),
        "cancelled": meeting.is_cancelled,
        "held": meeting.is_held,
    }


def _attendance_rows(meeting: Meeting, audience: str) -> list[dict]:
    rows = []
    attendances = meeting.attendances.select_related(
        "person", "agency", "deputy", "membership"
    ).order_by("agency__name", "person__full_name")
    for attendance in attendances:
        public = audience == Audience.PUBLIC
        named = not public or bool(
            attendance.membership and attendance.membership.show_name_publicly
        )
        role = attendance.membership.get_role_display() if attendance.membership else "Guest"
        if public and not attendance.membership:
            continue  # guests are not listed publicly
        rows.append(
            {
                "name": str(attendance.person) if named else f"Representative ({role})",
                "agency": str(attendance.agency or ""),
                "role": role,
                "reply": attendance.get_reply_display(),
                "deputy": attendance.deputy_display
                if not public
                else ("Deputy" if attendance.deputy_display else ""),
                "actual": attendance.get_actual_display()
                if attendance.actual != Attendance.Actual.UNKNOWN
                else "",
            }
        )
    return rows


def _audience_viewer(meeting: Meeting, viewer: User | None) -> confidentiality.Viewer:
    """Who a member version is for: the viewer, or any member (the members' version, nothing
    restricted)."""
    if viewer is None:
        return confidentiality.ANY_MEMBER
    return _viewer(viewer, meeting.forum)


def _items_for(meeting: Meeting, audience: str, viewer: User | None) -> tuple[list, set]:
    """(agenda items, ids of papers shown)."""
    base = (
        AgendaItem.objects.on_agenda()
        .filter(meeting=meeting)
        .select_related("presenter", "presenter_agency")
        .order_by("order", "pk")
    )
    papers = Paper.objects.filter(agenda_item__meeting=meeting, current_version__isnull=False)
    if audience == Audience.PUBLIC:
        items = list(base.public())
        return items, set(papers.public().values_list("pk", flat=True))
    who = _audience_viewer(meeting, viewer)
    items = list(confidentiality.visible_for(base, who))
    papers = confidentiality.visible_for(papers.filter(agenda_item__in=items), who)
    return items, set(papers.values_list("pk", flat=True))


def version_of(audience: str, data: dict) -> tuple[str, str]:
    """How a version reads in titles, and the end of its file name."""
    if audience == Audience.PUBLIC:
        return "public version", "public"
    if data.get("viewer"):
        return f"personal version for {data['viewer']}", "personal"
    return "members' version", "members"


def _recent_meetings(forum: Forum):
    since = timezone.now() - datetime.timedelta(days=400)
    return (
        Meeting.objects.filter(forum=forum, starts_at__gte=since)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-starts_at")
    )
