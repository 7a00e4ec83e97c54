"""Reads of minutes and decisions, each entry only if the person may see it."""

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from forums.confidentiality import visible_to
from forums.models import (
    Action,
    AgendaItem,
    Attendance,
    Confidentiality,
    Decision,
    Forum,
    Meeting,
    MinuteComment,
    MinuteEntry,
    Minutes,
)
from forums.rules.meetings import can_approve_at
from forums.selectors.attendance import minutes_attendance, public_name
from forums.services._common import _members_of
from membership.models import User


def minutes_page(*, person: User, meeting: Meeting) -> dict:
    """The minutes of a meeting with the entries the person may see, and comments. Draft
    minutes are only their status for a member who does not run the forum."""
    forum = meeting.forum
    minutes = get_object_or_404(
        Minutes.objects.select_related("approved_by", "approved_at_meeting"), meeting=meeting
    )
    if not person.has_perm("forums.read_minutes", minutes):
        return {"meeting": meeting, "forum": forum, "minutes": minutes, "not_circulated": True}
    entries = visible_to(MinuteEntry.objects.filter(minutes=minutes), person, forum)
    entries = list(
        entries.select_related("agenda_item")
        .prefetch_related(
            Prefetch("comments", queryset=MinuteComment.objects.select_related("author"))
        )
        .order_by("agenda_item__order", "agenda_item__pk")
    )
    visible_ids = {e.agenda_item_id for e in entries}
    declarations = [
        d
        for d in meeting.declarations.select_related("person", "agenda_item")
        if d.agenda_item_id is None or d.agenda_item_id in visible_ids
    ]
    attendances = list(
        meeting.attendances.select_related("person", "agency", "deputy", "membership").order_by(
            "agency__name", "person__full_name"
        )
    )
    decisions = visible_to(Decision.objects.filter(meeting=meeting), person, forum)
    actions = visible_to(Action.objects.filter(meeting=meeting), person, forum)
    decisions = list(decisions.order_by("pk"))
    actions = list(
        actions.select_related("forum", "owner", "accountable_agency").order_by("due_date", "pk")
    )
    changes = list(minutes.history.select_related("history_user").order_by("-history_date")[:20])
    return {
        "meeting": meeting,
        "forum": forum,
        "minutes": minutes,
        "changes": changes,
        "entries": entries,
        "declarations": declarations,
        "attendances": attendances,
        "attendance": minutes_attendance(attendances),
        "reported": minutes_reported_at(meeting=meeting),
        "decisions": decisions,
        "actions": actions,
    }


def minute_entry_for(*, person: User, meeting: Meeting, pk: int) -> MinuteEntry:
    entries = visible_to(
        MinuteEntry.objects.filter(minutes__meeting=meeting), person, meeting.forum
    )
    return get_object_or_404(entries.select_related("agenda_item", "minutes"), pk=pk)


def approving_meetings(*, meeting: Meeting, now=None) -> list[Meeting]:
    """Meetings at which these minutes may be approved now: later meetings of the same forum
    that have started and were not cancelled (the rule is ``can_approve_at``)."""
    now = now or timezone.now()
    later = (
        Meeting.objects.filter(
            forum=meeting.forum, starts_at__gt=meeting.starts_at, starts_at__lte=now
        )
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("starts_at")
    )
    return [m for m in later if can_approve_at(meeting, m, now)]


def next_meeting_after(*, meeting: Meeting) -> Meeting | None:
    """The forum's next meeting after this one that is not cancelled."""
    return (
        Meeting.objects.filter(forum=meeting.forum, starts_at__gt=meeting.starts_at)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("starts_at")
        .first()
    )


def minutes_reported_at(*, meeting: Meeting) -> Minutes | None:
    """Minutes of the forum's previous meeting approved by the chair's action since: reported
    at this meeting (on its 'minutes of the previous meeting' item)."""
    previous = (
        Meeting.objects.filter(forum=meeting.forum, starts_at__lt=meeting.starts_at)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-starts_at")
        .first()
    )
    if previous is None:
        return None
    return (
        Minutes.objects.filter(
            meeting=previous,
            approved_via=Minutes.ApprovedVia.CHAIRS_ACTION,
            status__in=[Minutes.Status.APPROVED, Minutes.Status.PUBLISHED],
        )
        .select_related("approved_by", "meeting")
        .first()
    )


def decision_list_for(*, person: User, forum: Forum) -> QuerySet[Decision]:
    decisions = visible_to(Decision.objects.filter(forum=forum), person, forum)
    return decisions.select_related("meeting").order_by("-decided_on", "-pk")


def circulation_recipients(*, forum: Forum) -> list[str]:
    """The names of those the circulation email goes to (the service sends to the same)."""
    return sorted(person.full_name or str(person) for person in _members_of(forum))


def publication_preview(*, minutes: Minutes) -> list[str]:
    """What the public will see once these minutes are published, in words."""
    meeting = minutes.meeting
    if not Meeting.objects.published().filter(pk=meeting.pk).exists():
        return []
    titles = list(
        minutes.entries.filter(
            agenda_item__confidentiality=Confidentiality.PUBLIC,
            agenda_item__status=AgendaItem.Status.ON_AGENDA,
        )
        .order_by("agenda_item__order", "agenda_item__pk")
        .values_list("agenda_item__title", flat=True)
    )
    lines = [f"The minute on {title}" for title in titles]
    lines += [
        "Who attended, by agency and role (names only of members who agreed to show them)",
        "Apologies, and declarations of interest on the meeting or a public item",
        "Decisions taken on public items",
    ]
    return lines


def public_minutes_sections(*, meeting: Meeting, minutes: Minutes | None) -> dict:
    """What published minutes add to the public meeting page: attendance by agency and role
    (names only with consent), apologies, and declarations on the meeting or a public item."""
    if minutes is None or not minutes.is_published:
        return {"attendance": None, "declarations": []}
    attendances = list(
        Attendance.objects.filter(meeting=meeting)
        .select_related("person", "agency", "deputy", "membership")
        .order_by("agency__name", "person__full_name")
    )
    by_person = {a.person_id: a for a in attendances}
    declarations = []
    for declaration in meeting.declarations.select_related("agenda_item").filter(
        Q(agenda_item__isnull=True)
        | Q(
            agenda_item__confidentiality=Confidentiality.PUBLIC,
            agenda_item__status=AgendaItem.Status.ON_AGENDA,
        )
    ):
        row = by_person.get(declaration.person_id)
        declaration.public_who = (
            public_name(row) if row is not None and row.membership else "A member"
        )
        declarations.append(declaration)
    return {
        "attendance": minutes_attendance(attendances, public=True),
        "declarations": declarations,
    }
