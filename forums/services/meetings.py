"""Writes for meetings: scheduling, details, the agenda going out, held, cancelled."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import pluralize
from django.utils import timezone

from forums.calendar import EVENT_FIELDS, meeting_invitation
from forums.links import meeting_url
from forums.models import (
    Action,
    AgendaItem,
    Attendance,
    Confidentiality,
    Escalation,
    Forum,
    ForwardPlanItem,
    Meeting,
    MeetingSeries,
    Membership,
)
from forums.rules.meetings import not_yet_reason
from forums.selectors.confirmations import invitees_of
from forums.services._common import _members_of, _next_order, _require_secretariat
from forums.services.agenda import (
    agenda_rederive_automatic,
    previous_meeting,
    previous_minutes_title,
)
from forums.services.forward_plan import forward_plan_item_put_on_agenda
from forums.services.guests import guests_follow_meeting, guests_tell
from forums.services.procedures import procedures_put_on_agenda
from membership import dates
from membership.models import User, new_calendar_token
from membership.notifications import Attachment, notify

SERIES_MONTHS = {
    MeetingSeries.Frequency.MONTHLY: 1,
    MeetingSeries.Frequency.BI_MONTHLY: 2,
    MeetingSeries.Frequency.QUARTERLY: 3,
}


def _add_months(value: datetime.datetime, months: int) -> datetime.datetime:
    month = value.month - 1 + months
    year = value.year + month // 12
    month = month % 12 + 1
    day = min(
        value.day,
        [31, 29 if year % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1],
    )
    return value.replace(year=year, month=month, day=day)


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
    """Minutes of the previous meeting, matters arising, decisions taken in writing, and the
    forward plan for the month."""
    previous = previous_meeting(meeting)
    order = _next_order(meeting)
    if previous is not None:
        AgendaItem.objects.create(
            meeting=meeting,
            order=order,
            kind=AgendaItem.Kind.PREVIOUS_MINUTES,
            title=previous_minutes_title(previous),
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
        description=f"{open_actions} open action{pluralize(open_actions)} carried forward."
        if open_actions
        else "",
        purpose=AgendaItem.Purpose.ASSURANCE,
        minutes_allowed=10,
    )
    order += 1
    # Decisions taken in writing since the last meeting, for noting (referred ones to decide).
    order = procedures_put_on_agenda(meeting=meeting, order=order)
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
        forward_plan_item_put_on_agenda(item=plan_item, meeting=meeting, order=order)
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
    title_cy: str | None = None,
    location_cy: str | None = None,
) -> Meeting:
    """Schedule one meeting; its agenda starts with the previous minutes and matters arising.
    A bilingual forum's meeting may have its title and place in Welsh too."""
    _require_secretariat(by, forum)
    meeting = Meeting(
        forum=forum,
        series=series,
        title=title,
        title_cy=title_cy,
        location_cy=location_cy,
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
    title_cy: str | None = None,
    location_cy: str | None = None,
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
                title_cy=title_cy,
                location_cy=location_cy,
            )
        )
    return meetings


# What a person invited needs to hear about: the meeting moved, re-timed or relocated.
TOLD_FIELDS = frozenset({"starts_at", "ends_at", "location", "online_link"})


@dataclass(frozen=True)
class Change:
    """One thing that changed about a meeting, as the email and the page say it."""

    what: str
    before: str
    after: str


def _where_text(location: str, online_link: str) -> str:
    if location and online_link:
        return f"{location} (or online)"
    return location or ("Online" if online_link else "Not set")


def meeting_changes(meeting: Meeting, before: dict) -> list[Change]:
    """What changed of the meeting's time and place since ``before`` (its old field values)."""
    changes = []
    old_when = dates.when(before["starts_at"], before["ends_at"])
    new_when = dates.when(meeting.starts_at, meeting.ends_at)
    if old_when != new_when:
        changes.append(Change("Date and time", old_when, new_when))
    old_where = _where_text(before["location"], before["online_link"])
    new_where = _where_text(meeting.location, meeting.online_link)
    if old_where != new_where:
        changes.append(Change("Place", old_where, new_where))
    elif before["online_link"] != meeting.online_link:
        changes.append(Change("Online meeting link", "The old link", "A new link (below)"))
    return changes


def _invitation(meeting: Meeting, method: str) -> Attachment:
    return Attachment(
        name=f"meeting-{meeting.pk}.ics",
        mimetype="text/calendar",
        content=meeting_invitation(meeting, url=meeting_url(meeting, absolute=True), method=method),
    )


def _tell_invitees(
    meeting: Meeting, *, key: str, subject: str, template: str, context: dict, method: str
) -> None:
    """Tell everyone invited, members and guests, always (essential), with the calendar event."""
    attachment = _invitation(meeting, method)
    context = {"meeting": meeting, "forum": meeting.forum, **context}
    notify(
        key=key,
        recipients=invitees_of(meeting),
        category="meetings",
        subject=subject,
        template=template,
        context=context,
        url=meeting_url(meeting),
        essential=True,
        attachment=attachment,
    )
    guests_tell(
        meeting=meeting, key=key, subject=subject, template=template, context=context, method=method
    )


@transaction.atomic
def meeting_update(*, meeting: Meeting, by: User, **fields) -> Meeting:
    """Change a meeting's date, place, link or papers deadline.

    Moving, re-timing or relocating a meeting whose agenda is out tells everyone invited what
    changed, with the updated calendar event (same UID, higher SEQUENCE). A new date brings the
    automatic "Minutes of the meeting on ..." items of the forum's open meetings in line.
    """
    _require_secretariat(by, meeting.forum)
    allowed = {
        "title",
        "title_cy",
        "location_cy",
        "starts_at",
        "ends_at",
        "location",
        "online_link",
        "papers_deadline",
        "is_public",
    }
    before = {name: getattr(meeting, name) for name in allowed}
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
    if "starts_at" in changed:
        agenda_rederive_automatic(forum=meeting.forum)
        guests_follow_meeting(meeting=meeting)
    changes = meeting_changes(meeting, before) if changed & TOLD_FIELDS else []
    if changes and meeting.agenda_is_out and meeting.is_open:
        _tell_invitees(
            meeting,
            key=f"meeting:{meeting.pk}:changed:{meeting.sequence}",
            subject=f"Meeting changed: {meeting.forum.name}, {dates.date_text(meeting.starts_at)}",
            template="forums/email/meeting_changed",
            context={"changes": changes},
            method="REQUEST",
        )
    return meeting


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
        url=meeting_url(meeting),
    )
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, by: User, reason: str) -> Meeting:
    """Cancel a meeting with a reason; everyone invited is always told (essential), with the
    calendar event to remove (METHOD:CANCEL, same UID, higher SEQUENCE)."""
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
    agenda_rederive_automatic(forum=meeting.forum)
    _tell_invitees(
        meeting,
        key=f"meeting:{meeting.pk}:cancelled",
        subject=f"Meeting cancelled: {meeting.forum.name}, {dates.date_text(meeting.starts_at)}",
        template="forums/email/meeting_cancelled",
        context={},
        method="CANCEL",
    )
    return meeting


@transaction.atomic
def meeting_mark_held(*, meeting: Meeting, by: User) -> Meeting:
    """Record that the meeting took place (after it started)."""
    _require_secretariat(by, meeting.forum)
    if not meeting.is_open:
        raise ValidationError("Only a scheduled meeting can be marked as held")
    if reason := not_yet_reason(meeting, "held"):
        raise ValidationError(reason)
    meeting.status = Meeting.Status.HELD
    meeting.held_at = timezone.now()
    meeting.save(update_fields=["status", "held_at"])
    return meeting


@transaction.atomic
def calendar_token_reset(*, person: User) -> User:
    """A new secret for the person's private calendar feed; the old address stops working."""
    person.calendar_token = new_calendar_token()
    person.save(update_fields=["calendar_token"])
    return person
