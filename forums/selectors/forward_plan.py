"""Reads of a forum's forward plan."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from forums.models import Forum, ForwardPlanItem


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
