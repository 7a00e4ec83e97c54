"""Reads of actions (filtered, one, a person's own) and of escalations."""

import datetime

from django.db.models import Case, QuerySet, When
from django.shortcuts import get_object_or_404

from forums.confidentiality import visible_to
from forums.models import Action, Escalation, Forum, Membership
from membership.models import User


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
