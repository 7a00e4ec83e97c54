"""The cascade's reads: what a board was sent (scoped to who is looking), and where each item
the national team sent went. Each reads in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from forums.models import Forum
from membership.models import PoliceForceArea
from national.models_cascade import CascadeItem, CascadeRecipient

Status = CascadeRecipient.Status


def recipients_for(*, forum: Forum, person) -> QuerySet[CascadeRecipient]:
    """The items sent to the board that the person may see: whoever runs it sees all of them,
    its members only those the board took up (accepted or scheduled)."""
    found = CascadeRecipient.objects.filter(forum=forum).select_related(
        "item__bulletin_section__bulletin", "meeting", "forward_plan_item", "decided_by"
    )
    if not person.has_perm("national.see_cascade_waiting", forum):
        found = found.filter(status__in=CascadeRecipient.TAKEN_UP)
    return found.order_by("-item__sent_at", "-pk")


def recipient_for(*, forum: Forum, person, pk: int) -> CascadeRecipient:
    """One item sent to the board, if the person may see it (else 404)."""
    found = recipients_for(forum=forum, person=person).filter(pk=pk).first()
    if found is None:
        raise Http404("No such item")
    return found


def _counted(items: QuerySet[CascadeItem]) -> QuerySet[CascadeItem]:
    return items.annotate(
        boards=Count("recipients"),
        waiting=Count("recipients", filter=Q(recipients__status=Status.WAITING)),
        accepted=Count("recipients", filter=Q(recipients__status=Status.ACCEPTED)),
        scheduled=Count("recipients", filter=Q(recipients__status=Status.SCHEDULED)),
        declined=Count("recipients", filter=Q(recipients__status=Status.DECLINED)),
    ).select_related("sent_by")


def items_sent() -> list[CascadeItem]:
    """Every item the national team sent, newest first, with how many boards did what."""
    return list(_counted(CascadeItem.objects.all()))


@dataclass
class WhereItWent:
    item: CascadeItem
    recipients: list[CascadeRecipient]


def where_it_went(*, pk: int) -> WhereItWent:
    """One item and each board's decision, reason, date and meeting (two queries)."""
    item = _counted(CascadeItem.objects.filter(pk=pk)).first()
    if item is None:
        raise Http404("No such item")
    recipients = list(
        item.recipients.select_related("forum", "meeting", "decided_by").order_by("forum__name")
    )
    return WhereItWent(item=item, recipients=recipients)


def local_boards() -> QuerySet[Forum]:
    return Forum.objects.filter(kind=Forum.Kind.LOCAL_BOARD).order_by("name")


def regions() -> list[str]:
    """The regions that have a local board (an area's region, e.g. North East, Wales)."""
    return list(
        PoliceForceArea.objects.filter(forums__kind=Forum.Kind.LOCAL_BOARD)
        .order_by("region")
        .values_list("region", flat=True)
        .distinct()
    )


def boards_in_region(region: str) -> list[Forum]:
    return list(local_boards().filter(areas__region=region).distinct())
