"""Writes for meetings, agendas, papers, attendance and declarations of interest."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from forums.calendar import EVENT_FIELDS
from forums.models import (
    Action,
    AgendaItem,
    Attendance,
    Confidentiality,
    Declaration,
    Escalation,
    Forum,
    ForwardPlanItem,
    Meeting,
    MeetingSeries,
    Membership,
    Paper,
    PaperVersion,
    SecurityClassification,
)
from forums.uploads import check_upload
from membership.models import Agency, User
from membership.notifications import notify

SERIES_MONTHS = {
    MeetingSeries.Frequency.MONTHLY: 1,
    MeetingSeries.Frequency.BI_MONTHLY: 2,
    MeetingSeries.Frequency.QUARTERLY: 3,
}


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


def _add_months(value: datetime.datetime, months: int) -> datetime.datetime:
    month = value.month - 1 + months
    year = value.year + month // 12
    month = month % 12 + 1
    day = min(
        value.day,
        [31, 29 if year % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1],
    )
    return value.replace(year=year, month=month, day=day)


def _next_order(meeting: Meeting) -> int:
    return (meeting.agenda_items.aggregate(m=Max("order"))["m"] or 0) + 1


def _invite_members(meeting: Meeting) -> None:
    """An attendance row (no reply yet) for each seated member and the secretariat."""
    memberships = (
        Membership.objects.current(meeting.starts_at.date())
        .filter(forum=meeting.forum, role__in=Membership.MEMBER_ROLES)
        .select_related("person")
    )
    existing = set(meeting.attendances.values_list("person_id", flat=True))
    rows = []
    for membership in memberships:
        if membership.person_id in existing:
            continue
        existing.add(membership.person_id)
        rows.append(
            Attendance(
                meeting=meeting,
                person_id=membership.person_id,
                membership=membership,
                agency_id=membership.agency_id,
            )
        )
    Attendance.objects.bulk_create(rows)


def _set_up_agenda(meeting: Meeting, by: User) -> None:
    """Minutes of the previous meeting, matters arising, and the forward plan for the month."""
    previous = (
        Meeting.objects.filter(forum=meeting.forum, starts_at__lt=meeting.starts_at)
        .exclude(status=Meeting.Status.CANCELLED)
        .exclude(pk=meeting.pk)
        .order_by("-starts_at")
        .first()
    )
    order = _next_order(meeting)
    if previous is not None:
        AgendaItem.objects.create(
            meeting=meeting,
            order=order,
            kind=AgendaItem.Kind.PREVIOUS_MINUTES,
            title=f"Minutes of the meeting on {timezone.localtime(previous.starts_at):%-d %B %Y}",
            purpose=AgendaItem.Purpose.DECISION,
            minutes_allowed=5,
        )
        order += 1
    open_actions = Action.objects.open().filter(forum=meeting.forum).count()
    AgendaItem.objects.create(
        meeting=meeting,
        order=order,
        kind=AgendaItem.Kind.MATTERS_ARISING,
        title="Matters arising and actions carried forward",
        description=f"{open_actions} open action(s) carried forward." if open_actions else "",
        purpose=AgendaItem.Purpose.ASSURANCE,
        minutes_allowed=10,
    )
    order += 1
    # Escalations from sub-groups still waiting for a meeting of this board land here.
    waiting = Escalation.objects.filter(
        to_forum=meeting.forum, agenda_item__isnull=True, status=Escalation.Status.RAISED
    ).select_related("from_forum")
    for escalation in waiting:
        escalation.agenda_item = AgendaItem.objects.create(
            meeting=meeting,
            order=order,
            status=AgendaItem.Status.PROPOSED,
            title=f"Escalation from {escalation.from_forum.name}: {escalation.title}",
            description=escalation.description,
            purpose=AgendaItem.Purpose.ESCALATION,
            confidentiality=Confidentiality.CONFIDENTIAL,
            confidentiality_reason="Proposed item: not yet accepted onto the agenda",
        )
        escalation.status = Escalation.Status.ON_AGENDA
        escalation.save(update_fields=["agenda_item", "status"])
        order += 1
    month_start = meeting.starts_at.date().replace(day=1)
    planned = ForwardPlanItem.objects.planned().filter(
        forum=meeting.forum,
        planned_for__year=month_start.year,
        planned_for__month=month_start.month,
    )
    for plan_item in planned:
        item = AgendaItem.objects.create(
            meeting=meeting,
            order=order,
            title=plan_item.title,
            description=plan_item.description,
            purpose=plan_item.purpose,
            presenter_agency=plan_item.presenter_agency,
            confidentiality=plan_item.confidentiality,
            confidentiality_reason=(
                ""
                if plan_item.confidentiality == Confidentiality.PUBLIC
                else "From the forward plan"
            ),
        )
        plan_item.agenda_item = item
        plan_item.save(update_fields=["agenda_item"])
        order += 1


@transaction.atomic
def meeting_schedule(
    *,
    forum: Forum,
    by: User,
    title: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None = None,
    location: str = "",
    online_link: str = "",
    papers_deadline: datetime.date | None = None,
    is_public: bool = True,
    series: MeetingSeries | None = None,
) -> Meeting:
    """Schedule one meeting; its agenda starts with the previous minutes and matters arising."""
    _require_secretariat(by, forum)
    meeting = Meeting(
        forum=forum,
        series=series,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        location=location,
        online_link=online_link,
        papers_deadline=papers_deadline,
        is_public=is_public,
        created_by=by,
    )
    meeting.full_clean()
    meeting.save()
    _set_up_agenda(meeting, by)
    _invite_members(meeting)
    return meeting


@transaction.atomic
def meeting_series_schedule(
    *,
    forum: Forum,
    by: User,
    title: str,
    first_starts_at: datetime.datetime,
    duration: datetime.timedelta | None,
    frequency: str,
    count: int,
    location: str = "",
    online_link: str = "",
    is_public: bool = True,
) -> list[Meeting]:
    """Schedule ``count`` meetings at a regular interval (monthly, bi-monthly, quarterly)."""
    _require_secretariat(by, forum)
    if not 1 <= count <= 24:
        raise ValidationError({"count": "Enter a number of meetings between 1 and 24"})
    series = MeetingSeries.objects.create(
        forum=forum, title=title, frequency=frequency, created_by=by
    )
    meetings = []
    local_start = timezone.localtime(first_starts_at)
    for number in range(count):
        starts_at = _add_months(local_start, SERIES_MONTHS[frequency] * number)
        meetings.append(
            meeting_schedule(
                forum=forum,
                by=by,
                title=title,
                starts_at=starts_at,
                ends_at=starts_at + duration if duration else None,
                location=location,
                online_link=online_link,
                papers_deadline=(starts_at - datetime.timedelta(days=7)).date(),
                is_public=is_public,
                series=series,
            )
        )
    return meetings


@transaction.atomic
def meeting_update(*, meeting: Meeting, by: User, **fields) -> Meeting:
    """Change a meeting's date, place, link or papers deadline."""
    _require_secretariat(by, meeting.forum)
    allowed = {
        "title",
        "starts_at",
        "ends_at",
        "location",
        "online_link",
        "papers_deadline",
        "is_public",
    }
    changed = set()
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(name)
        if getattr(meeting, name) != value:
            changed.add(name)
        setattr(meeting, name, value)
    meeting.full_clean()
    update_fields = list(fields)
    if changed & EVENT_FIELDS:
        meeting.sequence += 1  # calendars update the event they have
        update_fields.append("sequence")
    meeting.save(update_fields=update_fields)
    return meeting


def _meeting_url(meeting: Meeting) -> str:
    return reverse("meetings:workspace-meeting", args=[meeting.forum.slug, meeting.pk])


@transaction.atomic
def meeting_publish_agenda(*, meeting: Meeting, by: User) -> Meeting:
    """Publish the agenda: members are told, public items appear on the public page."""
    _require_secretariat(by, meeting.forum)
    if not meeting.agenda_can_be_published:
        raise ValidationError("Only the agenda of a scheduled meeting can be published")
    if not meeting.agenda_items.on_agenda().exists():
        raise ValidationError("Add at least one item to the agenda before publishing it")
    meeting.status = Meeting.Status.AGENDA_PUBLISHED
    meeting.agenda_published_at = timezone.now()
    meeting.save(update_fields=["status", "agenda_published_at"])
    items = list(meeting.agenda_items.on_agenda().order_by("order", "pk"))
    notify(
        key=f"meeting:{meeting.pk}:agenda_published",
        recipients=_members_of(meeting.forum),
        category="meetings",
        subject=f"Agenda published: {meeting.forum.name}, "
        f"{timezone.localtime(meeting.starts_at):%-d %B %Y}",
        template="forums/email/agenda_published",
        # Restricted titles never go by email: the template shows them as "Restricted item".
        context={"meeting": meeting, "forum": meeting.forum, "items": items},
        url=_meeting_url(meeting),
    )
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, by: User, reason: str) -> Meeting:
    """Cancel a meeting with a reason; members are always told (essential)."""
    _require_secretariat(by, meeting.forum)
    if not meeting.is_open:
        raise ValidationError("Only a meeting that has not been held can be cancelled")
    if not (reason or "").strip():
        raise ValidationError({"cancelled_reason": "Enter why the meeting is cancelled"})
    meeting.status = Meeting.Status.CANCELLED
    meeting.cancelled_reason = reason.strip()
    meeting.cancelled_at = timezone.now()
    meeting.sequence += 1  # calendars show the event as cancelled
    meeting.save(update_fields=["status", "cancelled_reason", "cancelled_at", "sequence"])
    notify(
        key=f"meeting:{meeting.pk}:cancelled",
        recipients=_members_of(meeting.forum),
        category="meetings",
        subject=f"Meeting cancelled: {meeting.forum.name}, "
        f"{timezone.localtime(meeting.starts_at):%-d %B %Y}",
        template="forums/email/meeting_cancelled",
        context={"meeting": meeting, "forum": meeting.forum},
        url=_meeting_url(meeting),
        essential=True,
    )
    return meeting


@transaction.atomic
def meeting_mark_held(*, meeting: Meeting, by: User) -> Meeting:
    """Record that the meeting took place (after it started)."""
    _require_secretariat(by, meeting.forum)
    if not meeting.is_open:
        raise ValidationError("Only a scheduled meeting can be marked as held")
    if meeting.starts_at > timezone.now():
        raise ValidationError("A meeting cannot be marked as held before it starts")
    meeting.status = Meeting.Status.HELD
    meeting.held_at = timezone.now()
    meeting.save(update_fields=["status", "held_at"])
    return meeting


# --- agenda -----------------------------------------------------------------------------------


def _check_item(item: AgendaItem, restricted_to: Iterable[User] | None) -> None:
    errors = {}
    if item.confidentiality != Confidentiality.PUBLIC and not item.confidentiality_reason.strip():
        errors["confidentiality_reason"] = "Enter why this item is not public"
    if item.confidentiality == Confidentiality.RESTRICTED and not list(restricted_to or []):
        errors["restricted_to"] = "Choose the people who may see this restricted item"
    if (
        item.presenter_id
        and not Membership.objects.current()
        .filter(forum_id=item.meeting.forum_id, person_id=item.presenter_id)
        .exists()
    ):
        errors["presenter"] = "The presenter must be a current member of the forum"
    if errors:
        raise ValidationError(errors)


ITEM_FIELDS = (
    "title",
    "description",
    "purpose",
    "presenter",
    "presenter_agency",
    "minutes_allowed",
    "confidentiality",
    "confidentiality_reason",
    "public_title",
)


@transaction.atomic
def agenda_item_add(
    *,
    meeting: Meeting,
    by: User,
    title: str,
    purpose: str = AgendaItem.Purpose.DISCUSSION,
    description: str = "",
    presenter: User | None = None,
    presenter_agency: Agency | None = None,
    minutes_allowed: int | None = None,
    confidentiality: str = Confidentiality.PUBLIC,
    confidentiality_reason: str = "",
    public_title: str = "",
    restricted_to: Iterable[User] | None = None,
) -> AgendaItem:
    """Add an item at the end of the agenda."""
    _require_secretariat(by, meeting.forum)
    if not meeting.is_open:
        raise ValidationError("Items can only be added before the meeting is held")
    item = AgendaItem(
        meeting=meeting,
        order=_next_order(meeting),
        title=title,
        purpose=purpose,
        description=description,
        presenter=presenter,
        presenter_agency=presenter_agency,
        minutes_allowed=minutes_allowed,
        confidentiality=confidentiality,
        confidentiality_reason=confidentiality_reason or "",
        public_title=public_title or "",
    )
    restricted_to = list(restricted_to or [])
    _check_item(item, restricted_to)
    item.save()
    if confidentiality == Confidentiality.RESTRICTED:
        item.restricted_to.set(restricted_to)
    return item


@transaction.atomic
def agenda_item_propose(
    *,
    meeting: Meeting,
    title: str,
    description: str = "",
    purpose: str = AgendaItem.Purpose.DISCUSSION,
) -> AgendaItem:
    """A proposed item (from an escalation or another app) for the secretariat to accept."""
    return AgendaItem.objects.create(
        meeting=meeting,
        order=_next_order(meeting),
        status=AgendaItem.Status.PROPOSED,
        title=title,
        description=description,
        purpose=purpose,
        confidentiality=Confidentiality.CONFIDENTIAL,
        confidentiality_reason="Proposed item: not yet accepted onto the agenda",
    )


@transaction.atomic
def agenda_item_update(
    *, item: AgendaItem, by: User, restricted_to: Iterable[User] | None = None, **fields
) -> AgendaItem:
    """Change an agenda item (its title, purpose, presenter, time or confidentiality)."""
    _require_secretariat(by, item.meeting.forum)
    for name, value in fields.items():
        if name not in ITEM_FIELDS:
            raise ValueError(name)
        setattr(
            item,
            name,
            value
            if value is not None or name in ("presenter", "presenter_agency", "minutes_allowed")
            else "",
        )
    restricted_to = list(restricted_to or [])
    _check_item(item, restricted_to)
    item.save()
    item.restricted_to.set(
        restricted_to if item.confidentiality == Confidentiality.RESTRICTED else []
    )
    return item


@transaction.atomic
def agenda_item_accept(*, item: AgendaItem, by: User) -> AgendaItem:
    """Put a proposed item on the agenda."""
    _require_secretariat(by, item.meeting.forum)
    item.status = AgendaItem.Status.ON_AGENDA
    item.save(update_fields=["status"])
    return item


@transaction.atomic
def agenda_item_remove(*, item: AgendaItem, by: User) -> None:
    """Remove an item that has no minute yet."""
    _require_secretariat(by, item.meeting.forum)
    if hasattr(item, "minute_entry") and item.minute_entry.text.strip():
        raise ValidationError("This item has a minute: it cannot be removed")
    item.delete()


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, by: User, direction: str) -> AgendaItem:
    """Move an item one place up or down the agenda."""
    _require_secretariat(by, item.meeting.forum)
    items = list(item.meeting.agenda_items.order_by("order", "pk"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    for position, other in enumerate(items, start=1):
        if other.order != position:
            other.order = position
            other.save(update_fields=["order"])
    item.refresh_from_db(fields=["order"])
    return item


# --- papers -------------------------------------------------------------------------------


@transaction.atomic
def paper_upload(
    *,
    agenda_item: AgendaItem,
    by: User,
    upload,
    title: str = "",
    classification: str = SecurityClassification.OFFICIAL,
    confidentiality: str | None = None,
    restricted_to: Iterable[User] | None = None,
    paper: Paper | None = None,
    note: str = "",
) -> PaperVersion:
    """Upload a new paper, or a new version of ``paper``; the file is checked from its content."""
    forum = agenda_item.meeting.forum
    _require_secretariat(by, forum)
    checked = check_upload(upload)
    if paper is None:
        confidentiality = confidentiality or agenda_item.confidentiality
        if (
            agenda_item.confidentiality == Confidentiality.RESTRICTED
            and confidentiality != Confidentiality.RESTRICTED
        ) or (
            agenda_item.confidentiality == Confidentiality.CONFIDENTIAL
            and confidentiality == Confidentiality.PUBLIC
        ):
            raise ValidationError(
                {"confidentiality": "A paper cannot be less confidential than its agenda item"}
            )
        paper = Paper.objects.create(
            agenda_item=agenda_item,
            title=title or checked.file_name,
            classification=classification,
            confidentiality=confidentiality,
            created_by=by,
        )
        if confidentiality == Confidentiality.RESTRICTED:
            named = list(restricted_to or []) or list(agenda_item.restricted_to.all())
            paper.restricted_to.set(named)
    number = (paper.versions.aggregate(m=Max("number"))["m"] or 0) + 1
    version = PaperVersion(
        paper=paper,
        number=number,
        file_name=checked.file_name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        note=note,
        uploaded_by=by,
    )
    version.file.save(checked.file_name, File(upload, name=checked.file_name), save=False)
    version.save()
    paper.current_version = version
    paper.save(update_fields=["current_version"])
    return version


# --- attendance ---------------------------------------------------------------------------


@transaction.atomic
def attendance_reply(
    *, meeting: Meeting, person: User, reply: str, deputy: User | None = None
) -> Attendance:
    """A member says whether they are coming, sending apologies or sending a named deputy."""
    if not person.has_perm("forums.rsvp", meeting.forum):
        raise PermissionDenied("Only members of this forum can reply to its meetings.")
    if not meeting.is_open:
        raise ValidationError("Replies are closed for this meeting")
    if reply == Attendance.Reply.DEPUTY:
        if deputy is None:
            raise ValidationError({"deputy": "Enter the email address of your deputy"})
        if deputy.pk == person.pk:
            raise ValidationError({"deputy": "You cannot be your own deputy"})
    else:
        deputy = None
    membership = (
        Membership.objects.current()
        .filter(forum=meeting.forum, person=person, role__in=Membership.MEMBER_ROLES)
        .first()
    )
    attendance, _ = Attendance.objects.get_or_create(
        meeting=meeting,
        person=person,
        defaults={
            "membership": membership,
            "agency_id": membership.agency_id if membership else None,
        },
    )
    attendance.reply = reply
    attendance.deputy = deputy
    attendance.replied_at = timezone.now()
    attendance.save(update_fields=["reply", "deputy", "replied_at"])
    if deputy is not None:
        # The deputy may not sit on the forum: the email names the meeting, never its agenda.
        notify(
            key=f"meeting:{meeting.pk}:deputy:{person.pk}:{deputy.pk}",
            recipients=[deputy],
            category="meetings",
            subject=f"You are deputising at the {meeting.forum.name} meeting on "
            f"{timezone.localtime(meeting.starts_at):%-d %B %Y}",
            template="forums/email/meeting_deputy",
            context={"meeting": meeting, "forum": meeting.forum, "member": person},
        )
    return attendance


@transaction.atomic
def attendance_record(*, meeting: Meeting, by: User, actual: dict[int, str]) -> list[Attendance]:
    """Record who actually attended: ``actual`` maps attendance ids to Attendance.Actual."""
    _require_secretariat(by, meeting.forum)
    if meeting.starts_at > timezone.now():
        raise ValidationError("Attendance can only be recorded once the meeting has started")
    now = timezone.now()
    rows = list(
        meeting.attendances.select_related("membership", "deputy").filter(pk__in=actual.keys())
    )
    deputy_memberships = {
        m.person_id: m
        for m in Membership.objects.current().filter(
            forum=meeting.forum, person_id__in=[r.deputy_id for r in rows if r.deputy_id]
        )
    }
    for row in rows:
        row.actual = actual[row.pk]
        if row.actual == Attendance.Actual.PRESENT:
            row.attendee_can_commit_resources = bool(
                row.membership and row.membership.can_commit_resources
            )
        elif row.actual == Attendance.Actual.DEPUTY_PRESENT:
            deputy_seat = deputy_memberships.get(row.deputy_id)
            row.attendee_can_commit_resources = bool(
                deputy_seat and deputy_seat.can_commit_resources
            )
        else:
            row.attendee_can_commit_resources = False
        row.recorded_at = now
    Attendance.objects.bulk_update(rows, ["actual", "attendee_can_commit_resources", "recorded_at"])
    return rows


@transaction.atomic
def declaration_record(
    *,
    meeting: Meeting,
    by: User,
    person: User,
    interest: str,
    agenda_item: AgendaItem | None = None,
    action_taken: str = "",
) -> Declaration:
    """Record a declaration of interest for the meeting or one item (shown in the minutes)."""
    _require_secretariat(by, meeting.forum)
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": "Choose an item on this meeting's agenda"})
    if not interest.strip():
        raise ValidationError({"interest": "Enter the interest declared"})
    return Declaration.objects.create(
        meeting=meeting,
        agenda_item=agenda_item,
        person=person,
        interest=interest.strip(),
        action_taken=action_taken,
        recorded_by=by,
    )
