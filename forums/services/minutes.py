"""Writes for minutes (draft → circulated → approved → published), comments and decisions."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from forums.models import (
    AgendaItem,
    Confidentiality,
    Decision,
    Forum,
    Meeting,
    MinuteComment,
    MinuteEntry,
    Minutes,
)
from forums.references import next_decision_reference
from forums.rules.meetings import can_approve_at, not_yet_reason
from forums.services._common import _members_of, _require_secretariat
from membership import dates
from membership.models import User
from membership.notifications import notify


@transaction.atomic
def minutes_start(*, meeting: Meeting, by: User) -> Minutes:
    """Start (or bring up to date) the draft minutes: one entry per item on the agenda."""
    _require_secretariat(by, meeting.forum)
    if reason := not_yet_reason(meeting, "minutes"):
        raise ValidationError(reason)
    minutes, _ = Minutes.objects.get_or_create(meeting=meeting)
    existing = set(minutes.entries.values_list("agenda_item_id", flat=True))
    bulk_create_with_history(
        [
            MinuteEntry(minutes=minutes, agenda_item=item)
            for item in meeting.agenda_items.on_agenda()
            if item.pk not in existing
        ],
        MinuteEntry,
    )
    return minutes


@transaction.atomic
def minutes_write(
    *,
    minutes: Minutes,
    by: User,
    introduction: str,
    texts: dict[int, str],
    introduction_cy: str | None = None,
    texts_cy: dict[int, str | None] | None = None,
) -> Minutes:
    """Save the whole minutes at once (introduction and the entries, ``texts`` by entry id):
    all or nothing. Only entries whose text changed are saved, so each keeps a true history.
    A bilingual forum's Welsh comes in ``introduction_cy`` and ``texts_cy`` (None: unchanged)."""
    _require_secretariat(by, minutes.meeting.forum)
    if not minutes.is_editable:
        raise ValidationError("Approved minutes cannot be changed")
    entries = {e.pk: e for e in minutes.entries.filter(pk__in=texts.keys())}
    if set(entries) != set(texts):
        raise ValidationError("Some of these minutes are not part of this meeting's minutes")
    if texts_cy is not None and not set(texts_cy) <= set(entries):
        raise ValidationError("Some of these minutes are not part of this meeting's minutes")
    changed = _changed(minutes, introduction=introduction, introduction_cy=introduction_cy)
    if changed:
        minutes.save(update_fields=[*changed, "updated_at"])
    for pk, text in texts.items():
        entry = entries[pk]
        changed = _changed(entry, text=text, text_cy=(texts_cy or {}).get(pk))
        if changed:
            entry.save(update_fields=[*changed, "updated_at"])
    return minutes


def _changed(instance, **values) -> list[str]:
    """Set the values that differ and return their names. A Welsh value of None means "not
    given"; an empty one clears the Welsh (kept as NULL, like a text never translated)."""
    changed = []
    for name, value in values.items():
        if name.endswith("_cy"):
            if value is None:
                continue
            value = value or None
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.append(name)
    return changed


@transaction.atomic
def minutes_circulate(
    *, minutes: Minutes, by: User, comments_close_on: datetime.date | None = None
) -> Minutes:
    """Send the draft minutes to members for comment."""
    meeting = minutes.meeting
    _require_secretariat(by, meeting.forum)
    if not minutes.can_be_circulated:
        raise ValidationError("Only draft minutes can be circulated")
    if not meeting.is_held:
        raise ValidationError("Minutes can only be circulated after the meeting is held")
    minutes.status = Minutes.Status.CIRCULATED
    minutes.circulated_at = timezone.now()
    minutes.comments_close_on = comments_close_on
    minutes.save(update_fields=["status", "circulated_at", "comments_close_on", "updated_at"])
    # The email names the meeting only: members read the minutes, confidential or not, signed in.
    notify(
        key=f"minutes:{minutes.pk}:circulated",
        recipients=_members_of(meeting.forum),
        category="meetings",
        subject=f"Draft minutes for comment: {meeting.forum.name}, "
        f"{timezone.localtime(meeting.starts_at):%-d %B %Y}",
        template="forums/email/minutes_circulated",
        context={"meeting": meeting, "forum": meeting.forum, "minutes": minutes},
        url=reverse("meetings:workspace-minutes", args=[meeting.forum.slug, meeting.pk]),
    )
    return minutes


@transaction.atomic
def minute_comment_add(*, entry: MinuteEntry, author: User, text: str) -> MinuteComment:
    """A member comments on a circulated minute."""
    forum = entry.minutes.meeting.forum
    if not author.has_perm("forums.comment_on_minutes", forum):
        raise PermissionDenied("Only members of this forum can comment on its minutes.")
    if not entry.minutes.is_circulated:
        raise ValidationError("Comments are only taken while the minutes are circulated")
    if not text.strip():
        raise ValidationError({"text": "Enter your comment"})
    return MinuteComment.objects.create(entry=entry, author=author, text=text.strip())


@transaction.atomic
def minutes_approve(
    *,
    minutes: Minutes,
    approved_by: User,
    at_meeting: Meeting | None = None,
    via: str = Minutes.ApprovedVia.MEETING,
) -> Minutes:
    """The chair approves circulated minutes: at a later meeting of the forum once it has
    started, or by the chair's action between meetings (reported at the next meeting)."""
    meeting = minutes.meeting
    if not approved_by.has_perm("forums.approve_minutes", meeting.forum):
        raise PermissionDenied("Only the chair can approve minutes.")
    if not meeting.is_held:
        raise ValidationError("Minutes cannot be approved before the meeting is held")
    if not minutes.is_circulated:
        raise ValidationError("Only circulated minutes can be approved")
    if via == Minutes.ApprovedVia.MEETING:
        if at_meeting is None or not can_approve_at(meeting, at_meeting):
            raise ValidationError(
                {
                    "at_meeting": "Choose a later meeting of this forum that has started and "
                    "was not cancelled"
                }
            )
    elif via == Minutes.ApprovedVia.CHAIRS_ACTION:
        at_meeting = None
    else:
        raise ValidationError({"at_meeting": "Choose how the minutes were approved"})
    minutes.status = Minutes.Status.APPROVED
    minutes.approved_at = timezone.now()
    minutes.approved_by = approved_by
    minutes.approved_via = via
    minutes.approved_at_meeting = at_meeting
    minutes.save(
        update_fields=[
            "status",
            "approved_at",
            "approved_by",
            "approved_via",
            "approved_at_meeting",
            "updated_at",
        ]
    )
    meeting.status = Meeting.Status.MINUTES_APPROVED
    meeting.save(update_fields=["status"])
    return minutes


@transaction.atomic
def minutes_put_in_writing(*, minutes: Minutes, by: User, closes_at: datetime.datetime):
    """Ask the board to approve circulated minutes in writing, between meetings: a written
    procedure whose agreement approves them (reported at the next meeting for noting)."""
    from forums.services.procedures import procedure_start

    meeting = minutes.meeting
    if not minutes.is_circulated:
        raise ValidationError("Only circulated minutes can be put to the board for approval")
    if minutes.procedures.open().exists():
        raise ValidationError("The board is already being asked to approve these minutes")
    held_on = dates.date_text(timezone.localtime(meeting.starts_at).date())
    public = meeting.is_public
    return procedure_start(
        forum=meeting.forum,
        by=by,
        title=f"Approve the minutes of the meeting on {held_on}",
        proposal=f"The board approves the minutes of the meeting on {held_on} as a true record.",
        closes_at=closes_at,
        confidentiality=Confidentiality.PUBLIC if public else Confidentiality.CONFIDENTIAL,
        confidentiality_reason="" if public else "The meeting was held in private",
        minutes=minutes,
    )


def minutes_approved_in_writing(*, minutes: Minutes, procedure) -> Minutes:
    """The board agreed the minutes in writing (called when the procedure concludes)."""
    if not minutes.is_circulated:
        return minutes  # approved another way meanwhile: the earlier approval stands
    minutes.status = Minutes.Status.APPROVED
    minutes.approved_at = procedure.closed_at or timezone.now()
    minutes.approved_by = procedure.closed_by or procedure.created_by
    minutes.approved_via = Minutes.ApprovedVia.IN_WRITING
    minutes.approved_at_meeting = None
    minutes.save(
        update_fields=[
            "status",
            "approved_at",
            "approved_by",
            "approved_via",
            "approved_at_meeting",
            "updated_at",
        ]
    )
    meeting = minutes.meeting
    meeting.status = Meeting.Status.MINUTES_APPROVED
    meeting.save(update_fields=["status"])
    return minutes


@transaction.atomic
def minutes_publish(*, minutes: Minutes, by: User) -> Minutes:
    """Publish approved minutes: the public sees the entries of public items only."""
    _require_secretariat(by, minutes.meeting.forum)
    if not minutes.can_be_published:
        raise ValidationError("Only approved minutes can be published")
    minutes.status = Minutes.Status.PUBLISHED
    minutes.published_at = timezone.now()
    minutes.save(update_fields=["status", "published_at", "updated_at"])
    return minutes


@transaction.atomic
def decision_record(
    *,
    forum: Forum,
    by: User,
    text: str,
    meeting: Meeting | None = None,
    agenda_item: AgendaItem | None = None,
    decided_on: datetime.date | None = None,
    reference: str = "",
    text_cy: str | None = None,
) -> Decision:
    """Log a decision; it is as confidential as the item it was taken on (a bilingual forum's
    in Welsh too: ``text_cy``)."""
    _require_secretariat(by, forum)
    if meeting is not None and meeting.forum_id != forum.pk:
        raise ValidationError({"meeting": "Choose a meeting of this forum"})
    if agenda_item is not None:
        meeting = agenda_item.meeting
        if meeting.forum_id != forum.pk:
            raise ValidationError({"agenda_item": "Choose an item of this forum"})
    if meeting is not None and (reason := not_yet_reason(meeting, "decision")):
        raise ValidationError(reason)
    if not text.strip():
        raise ValidationError({"text": "Enter the decision"})
    decided_on = decided_on or (
        timezone.localtime(meeting.starts_at).date() if meeting else timezone.localdate()
    )
    return Decision.objects.create(
        forum=forum,
        meeting=meeting,
        agenda_item=agenda_item,
        text=text.strip(),
        text_cy=text_cy,
        decided_on=decided_on,
        reference=reference or next_decision_reference(forum=forum, year=decided_on.year),
        confidentiality=agenda_item.confidentiality if agenda_item else Confidentiality.PUBLIC,
        created_by=by,
    )
