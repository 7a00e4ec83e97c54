"""Links from a priority to the forum's meetings: delivery actions and where it was discussed."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from forums.models import Action, AgendaItem, Decision, MinuteEntry
from membership.models import User
from priorities.models import DeliveryAction, Objective, Priority, PriorityDiscussion
from priorities.services._common import _require


@transaction.atomic
def delivery_action_link(
    *, priority: Priority, action: Action, objective: Objective | None, by: User
) -> DeliveryAction:
    """Put one of the forum's actions on the priority's delivery plan."""
    _require(by, "priorities.edit_plans", priority.forum)
    if action.forum_id != priority.forum_id:
        raise ValidationError({"action": gettext("Choose an action of this forum")})
    if objective is not None and objective.priority_id != priority.pk:
        raise ValidationError({"objective": gettext("Choose an objective of this priority")})
    link, _ = DeliveryAction.objects.update_or_create(
        priority=priority, action=action, defaults={"objective": objective, "linked_by": by}
    )
    return link


@transaction.atomic
def delivery_action_unlink(*, link: DeliveryAction, by: User) -> None:
    _require(by, "priorities.edit_plans", link.priority.forum)
    link.delete()


@transaction.atomic
def discussion_link(
    *,
    priority: Priority,
    by: User,
    agenda_item: AgendaItem | None = None,
    decision: Decision | None = None,
    minute_entry: MinuteEntry | None = None,
) -> PriorityDiscussion:
    """Record where the priority was discussed or decided (exactly one thing)."""
    _require(by, "priorities.edit_plans", priority.forum)
    chosen = [x for x in (agenda_item, decision, minute_entry) if x is not None]
    if len(chosen) != 1:
        raise ValidationError(gettext("Choose one agenda item, decision or minute"))
    forum_id = (
        agenda_item.meeting.forum_id
        if agenda_item
        else decision.forum_id
        if decision
        else minute_entry.minutes.meeting.forum_id
    )
    if forum_id != priority.forum_id:
        raise ValidationError(gettext("Choose something from this forum's meetings"))
    link, _ = PriorityDiscussion.objects.get_or_create(
        priority=priority,
        agenda_item=agenda_item,
        decision=decision,
        minute_entry=minute_entry,
        defaults={"linked_by": by},
    )
    return link
