"""Writes for agenda items: add, propose, change, accept, remove and reorder; the automatic
items kept in line with the meeting before."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from forums.confidentiality import check_item_marking
from forums.models import AgendaItem, Confidentiality, Forum, Meeting, Membership
from forums.services._common import _next_order, _require_secretariat
from membership import dates
from membership.models import Agency, User


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
    try:
        check_item_marking(item)
    except ValidationError as error:
        errors.update(error.message_dict)
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
    # A bilingual forum's Welsh (forums/bilingual.py).
    "title_cy",
    "public_title_cy",
)

WELSH_FIELDS = ("title_cy", "public_title_cy")  # None: no Welsh yet


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
    title_cy: str | None = None,
    public_title_cy: str | None = None,
) -> AgendaItem:
    """Add an item at the end of the agenda (a bilingual forum's with its Welsh titles)."""
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
        title_cy=title_cy,
        public_title_cy=public_title_cy,
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
            if value is not None
            or name in ("presenter", "presenter_agency", "minutes_allowed", *WELSH_FIELDS)
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


# --- the automatic items -------------------------------------------------------------------


def previous_minutes_title(previous: Meeting) -> str:
    """The automatic item's title: 'Minutes of the meeting on 2 December 2026'."""
    return f"Minutes of the meeting on {dates.date_text(previous.starts_at)}"


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The forum's last meeting (not cancelled) before this one: its minutes come up next."""
    return (
        Meeting.objects.filter(forum_id=meeting.forum_id, starts_at__lt=meeting.starts_at)
        .exclude(status=Meeting.Status.CANCELLED)
        .exclude(pk=meeting.pk)
        .order_by("-starts_at")
        .first()
    )


def agenda_rederive_automatic(*, forum: Forum) -> list[Meeting]:
    """Bring each open meeting's "Minutes of the meeting on ..." item in line with the meeting
    now before it (after a meeting moves or is cancelled); returns the meetings changed.

    An open meeting with a meeting before it has the item (added first if it was missing);
    one with none loses it. Held meetings keep the agenda they were held with.
    """
    meetings = list(
        Meeting.objects.filter(forum=forum)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("starts_at", "pk")
    )
    automatic = {
        item.meeting_id: item
        for item in AgendaItem.objects.filter(
            meeting__forum=forum,
            meeting__status__in=Meeting.OPEN,
            kind=AgendaItem.Kind.PREVIOUS_MINUTES,
        )
    }
    changed = []
    for index, meeting in enumerate(meetings):
        if not meeting.is_open:
            continue
        before = meetings[index - 1] if index else None
        item = automatic.get(meeting.pk)
        if before is None:
            if item is not None:
                item.delete()
                changed.append(meeting)
            continue
        title = previous_minutes_title(before)
        if item is None:
            AgendaItem.objects.create(
                meeting=meeting,
                order=0,  # first, before the items already there
                kind=AgendaItem.Kind.PREVIOUS_MINUTES,
                title=title,
                purpose=AgendaItem.Purpose.DECISION,
                minutes_allowed=5,
            )
            changed.append(meeting)
        elif item.title != title:
            item.title = title
            item.save(update_fields=["title"])
            changed.append(meeting)
    return changed
