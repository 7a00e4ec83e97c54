"""Reads of meetings: lists, the meeting page, its reports, public pages, calendars."""

import datetime

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from forums.confidentiality import meeting_is_published, visible_to
from forums.models import (
    Action,
    AgendaItem,
    Decision,
    Forum,
    GeneratedReport,
    Meeting,
    Membership,
    MinuteEntry,
    Minutes,
    Paper,
)
from forums.selectors.attendance import quorum_for
from forums.selectors.minutes import public_minutes_sections
from forums.templatetags.bilingual import page_language
from membership.models import User


def meeting_for(*, forum: Forum, pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("forum", "series"), forum=forum, pk=pk)


def meeting_list_for(*, forum: Forum) -> dict:
    meetings = Meeting.objects.filter(forum=forum).select_related("minutes")
    now = timezone.now()
    return {
        "upcoming": list(meetings.filter(starts_at__gte=now).order_by("starts_at")),
        "past": list(meetings.filter(starts_at__lt=now).order_by("-starts_at")),
    }


def meeting_page(*, person: User, meeting: Meeting) -> dict:
    """Everything on a member's meeting page, in a fixed number of queries."""
    forum = meeting.forum
    papers = visible_to(Paper.objects.all(), person, forum).select_related("current_version")
    items = list(
        visible_to(meeting.agenda_items.all(), person, forum)
        .select_related("presenter", "presenter_agency")
        .prefetch_related(
            Prefetch("papers", queryset=papers.order_by("pk")),
            "restricted_to",
        )
        .order_by("order", "pk")
    )
    attendances = list(
        meeting.attendances.select_related("person", "agency__agency_type", "deputy").order_by(
            "agency__name", "person__full_name"
        )
    )
    own = next((a for a in attendances if a.person_id == person.pk), None)
    declarations = list(
        meeting.declarations.select_related("person", "agenda_item").order_by("created_at")
    )
    visible_ids = {item.pk for item in items}
    declarations = [
        d for d in declarations if d.agenda_item_id is None or d.agenda_item_id in visible_ids
    ]
    minutes = Minutes.objects.filter(meeting=meeting).first()
    # Matters arising: the open actions carried forward from earlier meetings.
    carried = visible_to(
        Action.objects.open().filter(forum=forum).exclude(meeting=meeting), person, forum
    )
    carried_forward = list(
        carried.select_related("forum", "owner", "accountable_agency").order_by("due_date", "pk")
    )
    previous = (
        Meeting.objects.filter(forum=forum, starts_at__lt=meeting.starts_at)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("minutes")
        .order_by("-starts_at")
        .first()
    )
    return {
        "meeting": meeting,
        "forum": forum,
        "carried_forward": carried_forward,
        "previous_meeting": previous,
        # Linked from the "previous minutes" item only once they exist (no link to a 404).
        "previous_minutes": getattr(previous, "minutes", None) if previous else None,
        "items": [i for i in items if i.status == AgendaItem.Status.ON_AGENDA],
        "proposed_items": [i for i in items if i.status == AgendaItem.Status.PROPOSED],
        "attendances": attendances,
        "own_attendance": own,
        "quorum": quorum_for(meeting, attendances),
        "declarations": declarations,
        "minutes": minutes,
        "reports": meeting_reports_for(person=person, meeting=meeting, minutes=minutes),
    }


REPORT_VERSIONS = (
    ("personal", "Your version"),
    ("members", "Members' version"),
    ("public", "Public version"),
)


def meeting_reports_for(*, person: User, meeting: Meeting, minutes: Minutes | None) -> list[dict]:
    """The board pack and minutes PDFs a member can ask for from the meeting page: for each
    version, the report already produced for them (to follow its status) or nothing (to ask).

    Minutes are offered once approved, their public version once published; the public board
    pack once the agenda is out on a published meeting (else it would be empty). One query.
    """
    from forums import reports

    published = meeting_is_published(meeting)
    kinds = []
    if not meeting.is_cancelled:
        pack = ["personal", "members"]
        if published and meeting.agenda_is_out:
            pack.append("public")
        kinds.append(("board_pack", pack))
    if minutes is not None and minutes.is_approved:
        versions = ["personal", "members"]
        if minutes.is_published and published:
            versions.append("public")
        kinds.append(("minutes", versions))
    if not kinds:
        return []
    produced = {}
    existing = (
        GeneratedReport.objects.filter(
            forum=meeting.forum,
            kind__in=[name for name, _ in kinds],
            subject=str(meeting.pk),
            format="pdf",
            language=page_language(),  # the page's: a Welsh report is another file
        )
        .filter(Q(viewer=person) | Q(viewer__isnull=True))
        .order_by("requested_at")
    )
    for report in existing:
        if report.audience == GeneratedReport.Audience.PUBLIC:
            version = "public"
        else:
            version = "personal" if report.viewer_id else "members"
        produced[(report.kind, version)] = report  # the latest wins
    label = reports.meeting_label(meeting)
    rows = []
    for name, versions in kinds:
        kind = reports.report_kind(name)
        if kind is None:
            continue
        rows.append(
            {
                "kind": kind,
                "subject": str(meeting.pk),
                "label": label,
                "versions": [
                    {
                        "audience": version,
                        "text": text,
                        "report": produced.get((name, version)),
                    }
                    for version, text in REPORT_VERSIONS
                    if version in versions
                ],
            }
        )
    return rows


def public_meeting_list(*, forum: Forum) -> dict:
    meetings = Meeting.objects.published().filter(forum=forum)
    now = timezone.now()
    return {
        "upcoming": list(meetings.filter(starts_at__gte=now).order_by("starts_at")),
        "past": list(meetings.filter(starts_at__lt=now).order_by("-starts_at")),
    }


def public_meeting_page(*, forum: Forum, pk: int) -> dict:
    """Public agenda, public papers and published minutes: published-only querysets only."""
    meeting = get_object_or_404(Meeting.objects.published().filter(forum=forum), pk=pk)
    listed = list(
        AgendaItem.objects.listed_publicly()
        .filter(meeting=meeting)
        .select_related("presenter_agency")
        .prefetch_related(
            Prefetch(
                "papers",
                queryset=Paper.objects.public().select_related("current_version").order_by("pk"),
            )
        )
        .order_by("order", "pk")
    )
    minutes = Minutes.objects.published().filter(meeting=meeting).first()
    entries = {}
    if minutes is not None:
        entries = {
            e.agenda_item_id: e for e in MinuteEntry.objects.public().filter(minutes=minutes)
        }
    for item in listed:
        item.public_minute = entries.get(item.pk) if item.is_public else None
    return {
        "forum": forum,
        "meeting": meeting,
        "items": listed,
        "minutes": minutes,
        "entries": entries,
        "decisions": list(Decision.objects.public().filter(meeting=meeting).order_by("pk")),
        **public_minutes_sections(meeting=meeting, minutes=minutes),
    }


def calendar_meetings_for(*, person: User) -> QuerySet[Meeting]:
    """Every meeting of every forum the person is currently a member of, last year onwards."""
    forum_ids = (
        Membership.objects.current()
        .filter(person=person, role__in=Membership.MEMBER_ROLES)
        .values("forum_id")
    )
    since = timezone.now() - datetime.timedelta(days=365)
    return Meeting.objects.filter(forum_id__in=forum_ids, starts_at__gte=since).select_related(
        "forum"
    )
