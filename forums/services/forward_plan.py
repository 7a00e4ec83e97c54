"""Writes for the forward plan: items planned for a month join that month's agenda."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from forums.models import AgendaItem, Confidentiality, Forum, ForwardPlanItem, Meeting
from forums.services._common import _next_order, _require_secretariat
from membership import dates
from membership.models import Agency, User


@transaction.atomic
def forward_plan_item_add(
    *,
    forum: Forum,
    by: User,
    title: str,
    planned_for: datetime.date,
    purpose: str = AgendaItem.Purpose.DISCUSSION,
    description: str = "",
    presenter_agency: Agency | None = None,
    confidentiality: str = Confidentiality.PUBLIC,
) -> ForwardPlanItem:
    """Plan an item for a future meeting; it joins the agenda when that meeting is set up."""
    _require_secretariat(by, forum)
    if confidentiality == Confidentiality.RESTRICTED:
        raise ValidationError(
            {
                "confidentiality": gettext(
                    "Restricted items are added to a meeting's agenda directly"
                )
            }
        )
    item = ForwardPlanItem.objects.create(
        forum=forum,
        title=title.strip(),
        planned_for=planned_for.replace(day=1),
        purpose=purpose,
        description=description,
        presenter_agency=presenter_agency,
        confidentiality=confidentiality,
        created_by=by,
    )
    _place_on_agenda(item)
    return item


def _place_on_agenda(item: ForwardPlanItem) -> None:
    """A meeting already set up (not yet published) in the item's month takes it now."""
    planned_for = item.planned_for
    forum = item.forum
    meeting = (
        Meeting.objects.filter(
            forum=forum,
            starts_at__year=planned_for.year,
            starts_at__month=planned_for.month,
            status=Meeting.Status.SCHEDULED,
        )
        .order_by("starts_at")
        .first()
    )
    if meeting is not None:
        forward_plan_item_put_on_agenda(item=item, meeting=meeting)


def forward_plan_item_put_on_agenda(
    *, item: ForwardPlanItem, meeting: Meeting, order: int | None = None
) -> AgendaItem:
    """The planned item becomes an item of the meeting's agenda (at ``order``, else last)."""
    agenda_item = AgendaItem.objects.create(
        meeting=meeting,
        order=_next_order(meeting) if order is None else order,
        title=item.title,
        description=item.description,
        purpose=item.purpose,
        presenter_agency=item.presenter_agency,
        confidentiality=item.confidentiality,
        confidentiality_reason=(
            "" if item.confidentiality == Confidentiality.PUBLIC else "From the forward plan"
        ),
    )
    item.agenda_item = agenda_item
    item.save(update_fields=["agenda_item"])
    return agenda_item


def _require_only_planned(item: ForwardPlanItem, doing: str) -> None:
    if item.agenda_item_id is not None:
        meeting = item.agenda_item.meeting
        message = (
            gettext(
                "This item is already on the agenda of the meeting on %(date)s: "
                "change it on that agenda"
            )
            if doing == "change"
            else gettext(
                "This item is already on the agenda of the meeting on %(date)s: "
                "remove it on that agenda"
            )
        )
        raise ValidationError(message % {"date": dates.date_text(meeting.starts_at)})


@transaction.atomic
def forward_plan_item_change(
    *,
    item: ForwardPlanItem,
    by: User,
    title: str,
    planned_for: datetime.date,
    purpose: str,
    confidentiality: str,
    description: str = "",
) -> ForwardPlanItem:
    """Change an item still only planned; moved to a month with a meeting set up, it joins
    that meeting's agenda."""
    _require_secretariat(by, item.forum)
    item = ForwardPlanItem.objects.select_for_update().select_related("forum").get(pk=item.pk)
    _require_only_planned(item, "change")
    if confidentiality == Confidentiality.RESTRICTED:
        raise ValidationError(
            {
                "confidentiality": gettext(
                    "Restricted items are added to a meeting's agenda directly"
                )
            }
        )
    item.title = title.strip()
    item.planned_for = planned_for.replace(day=1)
    item.purpose = purpose
    item.confidentiality = confidentiality
    item.description = description
    item.save(update_fields=["title", "planned_for", "purpose", "confidentiality", "description"])
    _place_on_agenda(item)
    return item


@transaction.atomic
def forward_plan_item_remove(*, item: ForwardPlanItem, by: User) -> None:
    """Take an item off the forward plan (only while it is not yet on an agenda)."""
    _require_secretariat(by, item.forum)
    item = ForwardPlanItem.objects.select_for_update().get(pk=item.pk)
    _require_only_planned(item, "remove")
    item.delete()
