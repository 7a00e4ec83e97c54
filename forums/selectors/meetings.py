"""Reads of meetings, papers, minutes, decisions and actions, scoped to who is asking.

Views reach the forum through ``forums.access.forum_for``; here another forum's record is a
404, and so is a restricted item the person is not named on.
"""

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, Count, Prefetch, Q, QuerySet, When
from django.shortcuts import get_object_or_404
from django.utils import timezone

from forums.confidentiality import meeting_is_published, visible_to
from forums.models import (
    Action,
    AgendaItem,
    Attendance,
    Decision,
    Escalation,
    Forum,
    ForwardPlanItem,
    GeneratedReport,
    Meeting,
    Membership,
    MinuteComment,
    MinuteEntry,
    Minutes,
    Paper,
)
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


def agenda_item_for(*, person: User, meeting: Meeting, pk: int) -> AgendaItem:
    queryset = visible_to(meeting.agenda_items.all(), person, meeting.forum)
    return get_object_or_404(queryset.prefetch_related("restricted_to"), pk=pk)


def paper_for(*, person: User, forum: Forum, pk: int) -> Paper:
    """A paper of the forum the person may see (404 otherwise), with its versions."""
    queryset = visible_to(Paper.objects.filter(agenda_item__meeting__forum=forum), person, forum)
    return get_object_or_404(
        queryset.select_related("agenda_item__meeting", "current_version").prefetch_related(
            "versions__uploaded_by"
        ),
        pk=pk,
    )


def own_attendance(*, person: User, meeting: Meeting) -> Attendance | None:
    return (
        Attendance.objects.filter(meeting=meeting, person=person).select_related("deputy").first()
    )


def standing_deputy_email(*, person: User, forum: Forum) -> str:
    """The deputy named on the person's membership, offered when they reply."""
    seat = (
        Membership.objects.current()
        .filter(forum=forum, person=person, deputy__isnull=False)
        .select_related("deputy")
        .first()
    )
    return seat.deputy.email if seat else ""


@dataclass
class Quorum:
    required: int
    present: int
    agency_types: list[str]

    @property
    def is_met(self) -> bool:
        return self.present >= self.required


def quorum_for(meeting: Meeting, attendances: list[Attendance]) -> Quorum:
    """Core agency types round the table: actual attendance once recorded, replies before."""
    recorded = any(a.actual != Attendance.Actual.UNKNOWN for a in attendances)
    types = set()
    for attendance in attendances:
        if attendance.agency is None or not attendance.agency.agency_type.core_member_expected:
            continue
        if recorded:
            counts = attendance.was_represented
        else:
            counts = attendance.reply in (Attendance.Reply.ATTENDING, Attendance.Reply.DEPUTY)
        if counts:
            types.add(attendance.agency.agency_type.name)
    return Quorum(
        required=meeting.forum.quorum_core_agency_types,
        present=len(types),
        agency_types=sorted(types),
    )


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
    label = reports._meeting_label(meeting)
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


def minutes_page(*, person: User, meeting: Meeting) -> dict:
    """The minutes of a meeting with the entries the person may see, and comments."""
    forum = meeting.forum
    minutes = get_object_or_404(
        Minutes.objects.select_related("approved_by", "approved_at_meeting"), meeting=meeting
    )
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
        meeting.attendances.select_related("person", "agency", "deputy").order_by(
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
        "decisions": decisions,
        "actions": actions,
    }


def minute_entry_for(*, person: User, meeting: Meeting, pk: int) -> MinuteEntry:
    entries = visible_to(
        MinuteEntry.objects.filter(minutes__meeting=meeting), person, meeting.forum
    )
    return get_object_or_404(entries.select_related("agenda_item", "minutes"), pk=pk)


def later_meetings(*, meeting: Meeting) -> QuerySet[Meeting]:
    """Meetings at which these minutes may be approved."""
    return (
        Meeting.objects.filter(forum=meeting.forum, starts_at__gt=meeting.starts_at)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("starts_at")
    )


# --- actions and decisions -------------------------------------------------------------------


def action_list_for(
    *,
    person: User,
    forum: Forum,
    status: str = "",
    owner: str = "",
    agency: str = "",
    due_before: datetime.date | None = None,
    overdue: bool = False,
) -> QuerySet[Action]:
    actions = visible_to(Action.objects.filter(forum=forum), person, forum)
    if status == "open":
        actions = actions.open()
    elif status:
        actions = actions.filter(status=status)
    if owner == "me":
        actions = actions.filter(owner=person)
    elif owner:
        actions = actions.filter(owner_id=owner)
    if agency:
        actions = actions.filter(accountable_agency_id=agency)
    if due_before:
        actions = actions.filter(due_date__lte=due_before)
    if overdue:
        actions = actions.overdue()
    open_first = Case(When(status__in=Action.OPEN_STATUSES, then=0), default=1)
    return actions.select_related("forum", "owner", "accountable_agency", "meeting").order_by(
        open_first, "due_date", "pk"
    )


def action_for(*, person: User, forum: Forum, pk: int) -> Action:
    actions = visible_to(Action.objects.filter(forum=forum), person, forum)
    return get_object_or_404(
        actions.select_related("owner", "accountable_agency", "meeting", "agenda_item"),
        pk=pk,
    )


def your_actions(*, person: User) -> QuerySet[Action]:
    """Open actions the person owns, across the forums they currently sit on."""
    forum_ids = Membership.objects.current().filter(person=person).values("forum_id")
    return (
        Action.objects.open()
        .filter(owner=person, forum_id__in=forum_ids)
        .select_related("forum", "accountable_agency")
        .order_by("due_date")
    )


def decision_list_for(*, person: User, forum: Forum) -> QuerySet[Decision]:
    decisions = visible_to(Decision.objects.filter(forum=forum), person, forum)
    return decisions.select_related("meeting").order_by("-decided_on", "-pk")


def escalations_for(*, forum: Forum) -> dict:
    return {
        "raised": list(
            Escalation.objects.filter(from_forum=forum).select_related("to_forum", "raised_by")
        ),
        "received": list(
            Escalation.objects.filter(to_forum=forum).select_related("from_forum", "raised_by")
        ),
    }


def national_escalations() -> QuerySet[Escalation]:
    return Escalation.objects.filter(level=Escalation.Level.NATIONAL).select_related(
        "from_forum", "raised_by", "responded_by"
    )


def forward_plan_for(*, forum: Forum) -> QuerySet[ForwardPlanItem]:
    return ForwardPlanItem.objects.filter(forum=forum).select_related(
        "presenter_agency", "agenda_item__meeting"
    )


def forward_plan_item_for(*, forum: Forum, pk: int) -> ForwardPlanItem:
    """One of the forum's forward plan items (another forum's is a 404)."""
    return get_object_or_404(
        ForwardPlanItem.objects.filter(forum=forum).select_related("forum", "agenda_item__meeting"),
        pk=pk,
    )


def attendance_statistics(*, forum: Forum, today: datetime.date | None = None) -> dict:
    """Per member and per agency over the last 12 months: meetings, attended, with authority."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=365)
    rows = (
        Attendance.objects.filter(
            meeting__forum=forum,
            meeting__starts_at__date__gte=since,
            meeting__starts_at__date__lte=today,
        )
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        .exclude(actual=Attendance.Actual.UNKNOWN)
    )
    represented = Q(actual__in=[Attendance.Actual.PRESENT, Attendance.Actual.DEPUTY_PRESENT])
    people = (
        rows.values("person_id", "person__full_name", "agency__name")
        .annotate(
            meetings=Count("pk"),
            attended=Count("pk", filter=Q(actual=Attendance.Actual.PRESENT)),
            deputised=Count("pk", filter=Q(actual=Attendance.Actual.DEPUTY_PRESENT)),
        )
        .order_by("agency__name", "person__full_name")
    )
    agencies = (
        rows.filter(agency__isnull=False)
        .values("agency_id", "agency__name")
        .annotate(
            meetings=Count("meeting", distinct=True),
            represented=Count("meeting", filter=represented, distinct=True),
            with_authority=Count(
                "meeting", filter=represented & Q(attendee_can_commit_resources=True), distinct=True
            ),
        )
        .order_by("agency__name")
    )
    return {"people": list(people), "agencies": list(agencies), "since": since}


# --- public ----------------------------------------------------------------------------------


def public_forum(*, slug: str) -> Forum:
    return get_object_or_404(Forum.objects.public(), slug=slug)


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
    }


def public_paper(*, pk: int) -> Paper:
    return get_object_or_404(
        Paper.objects.public().select_related("current_version", "agenda_item__meeting__forum"),
        pk=pk,
    )


# --- calendar --------------------------------------------------------------------------------


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


# --- search ----------------------------------------------------------------------------------


@dataclass
class SearchResult:
    kind: str
    title: str
    snippet: str
    forum: Forum
    meeting: Meeting | None
    url: str


def _text_filter(queryset, fields: list[str], query: str):
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        vector = SearchVector(*fields, config="english")
        return queryset.annotate(search=vector).filter(
            search=SearchQuery(query, config="english", search_type="websearch")
        )
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": query})
    return queryset.filter(condition)


def _snippet(text: str, query: str, width: int = 200) -> str:
    lower = text.lower()
    position = max((lower.find(word.lower()) for word in query.split() if word), default=-1)
    start = max(0, position - width // 2) if position >= 0 else 0
    snippet = text[start : start + width]
    return ("…" if start else "") + snippet + ("…" if start + width < len(text) else "")


def search_for(*, person: User, query: str, limit: int = 50) -> list[SearchResult]:
    """Minutes, decisions and actions of the person's forums they may see."""
    from django.urls import reverse

    query = (query or "").strip()
    if not query:
        return []
    results: list[SearchResult] = []
    # Every forum the person is a member of, each row only if they may see it there.
    entries = visible_to(MinuteEntry.objects.all(), person)
    decisions = visible_to(Decision.objects.all(), person)
    actions = visible_to(Action.objects.all(), person)
    entries = _text_filter(entries, ["agenda_item__title", "text"], query)
    for entry in entries.select_related("agenda_item", "minutes__meeting__forum")[:limit]:
        meeting = entry.minutes.meeting
        results.append(
            SearchResult(
                "Minute",
                entry.agenda_item.title,
                _snippet(entry.text, query),
                meeting.forum,
                meeting,
                reverse("meetings:workspace-minutes", args=[meeting.forum.slug, meeting.pk])
                + f"#entry-{entry.pk}",
            )
        )
    decisions = _text_filter(decisions, ["text", "reference"], query)
    for decision in decisions.select_related("forum", "meeting")[:limit]:
        results.append(
            SearchResult(
                "Decision",
                decision.reference,
                _snippet(decision.text, query),
                decision.forum,
                decision.meeting,
                reverse("meetings:workspace-decisions", args=[decision.forum.slug])
                + f"#decision-{decision.pk}",
            )
        )
    actions = _text_filter(actions, ["title", "description"], query)
    for action in actions.select_related("forum", "meeting")[:limit]:
        results.append(
            SearchResult(
                "Action",
                action.title,
                _snippet(action.description, query),
                action.forum,
                action.meeting,
                reverse("meetings:workspace-action", args=[action.forum.slug, action.pk]),
            )
        )
    return results[:limit]
