"""Writes for actions and their progress updates, and for escalations between boards."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from forums.models import (
    Action,
    ActionUpdate,
    AgendaItem,
    Confidentiality,
    Decision,
    Escalation,
    Forum,
    Meeting,
    Membership,
)
from forums.references import next_action_reference
from forums.services._common import _require_secretariat
from forums.services.agenda import agenda_item_propose
from membership.models import Agency, User


@transaction.atomic
def action_create(
    *,
    forum: Forum,
    by: User,
    title: str,
    due_date: datetime.date,
    owner: User | None = None,
    accountable_agency: Agency | None = None,
    description: str = "",
    meeting: Meeting | None = None,
    agenda_item: AgendaItem | None = None,
    decision: Decision | None = None,
    confidentiality: str | None = None,
) -> Action:
    """Record an action with an owner (a member, never an advisory member) or an agency."""
    _require_secretariat(by, forum)
    errors = {}
    if owner is None and accountable_agency is None:
        errors["owner"] = gettext("Choose the member or agency who owns the action")
    if owner is not None and not owner.has_perm("forums.own_actions", forum):
        errors["owner"] = gettext(
            "The owner must be a current member of the forum; advisory members cannot own actions"
        )
    if agenda_item is not None:
        meeting = agenda_item.meeting
    if meeting is not None and meeting.forum_id != forum.pk:
        errors["meeting"] = gettext("Choose a meeting of this forum")
    if not title.strip():
        errors["title"] = gettext("Enter what needs to be done")
    if errors:
        raise ValidationError(errors)
    if accountable_agency is None and owner is not None:
        seat = Membership.objects.current().filter(forum=forum, person=owner).first()
        accountable_agency = seat.agency if seat else None
    if confidentiality is None:
        confidentiality = (
            agenda_item.confidentiality if agenda_item else Confidentiality.CONFIDENTIAL
        )
    year = timezone.localtime(meeting.starts_at).year if meeting else timezone.localdate().year
    return Action.objects.create(
        forum=forum,
        meeting=meeting,
        agenda_item=agenda_item,
        decision=decision,
        reference=next_action_reference(forum=forum, year=year),
        title=title.strip(),
        description=description,
        owner=owner,
        accountable_agency=accountable_agency,
        due_date=due_date,
        confidentiality=confidentiality,
        created_by=by,
    )


@transaction.atomic
def action_update_progress(
    *, action: Action, by: User, text: str, status: str, percent_complete: int
) -> ActionUpdate:
    """The owner (or the secretariat) reports progress; the action keeps the history."""
    if not by.has_perm("forums.update_action", action):
        raise PermissionDenied("Only the owner or the secretariat can update this action.")
    errors = {}
    if not text.strip():
        errors["text"] = gettext("Enter what has happened since the last update")
    if not 0 <= percent_complete <= 100:
        errors["percent_complete"] = gettext("Enter a percentage between 0 and 100")
    if errors:
        raise ValidationError(errors)
    if status == Action.Status.DONE:
        percent_complete = 100
    update = ActionUpdate.objects.create(
        action=action,
        author=by,
        text=text.strip(),
        status=status,
        percent_complete=percent_complete,
    )
    action.status = status
    action.percent_complete = percent_complete
    action.completed_at = timezone.now() if status == Action.Status.DONE else None
    action.save(update_fields=["status", "percent_complete", "completed_at"])
    return update


def _next_meeting(forum: Forum) -> Meeting | None:
    return (
        Meeting.objects.filter(
            forum=forum,
            starts_at__gte=timezone.now(),
            status__in=Meeting.OPEN,
        )
        .order_by("starts_at")
        .first()
    )


@transaction.atomic
def escalation_raise(
    *,
    from_forum: Forum,
    by: User,
    level: str,
    title: str,
    description: str,
    tried_so_far: str = "",
    source_meeting: Meeting | None = None,
) -> Escalation:
    """Raise an issue: a sub-group to its parent board (a proposed item on the parent's next
    meeting), or a board to the national level."""
    if not by.has_perm("forums.raise_escalation", from_forum):
        raise PermissionDenied("Only members of this forum can raise an escalation.")
    errors = {}
    if level == Escalation.Level.PARENT_BOARD and from_forum.parent_id is None:
        errors["level"] = gettext("This forum has no parent board to escalate to")
    if not title.strip():
        errors["title"] = gettext("Enter the issue being escalated")
    if not description.strip():
        errors["description"] = gettext("Enter what the issue is")
    if errors:
        raise ValidationError(errors)
    escalation = Escalation.objects.create(
        from_forum=from_forum,
        to_forum=from_forum.parent if level == Escalation.Level.PARENT_BOARD else None,
        level=level,
        source_meeting=source_meeting,
        title=title.strip(),
        description=description.strip(),
        tried_so_far=tried_so_far,
        raised_by=by,
    )
    if level == Escalation.Level.PARENT_BOARD:
        escalation_place_on_agenda(escalation=escalation)
    return escalation


@transaction.atomic
def escalation_place_on_agenda(*, escalation: Escalation) -> Escalation:
    """Land a sub-group's escalation as a proposed item on the parent's next meeting."""
    if escalation.agenda_item_id or escalation.to_forum is None:
        return escalation
    meeting = _next_meeting(escalation.to_forum)
    if meeting is None:
        return escalation
    item = agenda_item_propose(
        meeting=meeting,
        title=f"Escalation from {escalation.from_forum.name}: {escalation.title}",
        description=escalation.description,
        purpose=AgendaItem.Purpose.ESCALATION,
    )
    escalation.agenda_item = item
    escalation.status = Escalation.Status.ON_AGENDA
    escalation.save(update_fields=["agenda_item", "status"])
    return escalation


@transaction.atomic
def escalation_respond(*, escalation: Escalation, by: User, response: str) -> Escalation:
    """The receiving board's secretariat, or a national viewer for national escalations."""
    if escalation.level == Escalation.Level.NATIONAL:
        if not by.has_perm("forums.answer_national_escalations"):
            raise PermissionDenied("Only national staff can respond to national escalations.")
    else:
        _require_secretariat(by, escalation.to_forum)
    if not response.strip():
        raise ValidationError({"response": gettext("Enter the response")})
    escalation.response = response.strip()
    escalation.responded_by = by
    escalation.responded_at = timezone.now()
    escalation.status = Escalation.Status.RESPONDED
    escalation.save(update_fields=["response", "responded_by", "responded_at", "status"])
    return escalation
