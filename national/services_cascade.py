"""The cascade's writes: the national team sends an item to local boards, and each board's
secretariat accepts it onto the forward plan, schedules it for a meeting, or declines it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history

from forums.models import Confidentiality, Forum, ForwardPlanItem, Meeting, Membership
from forums.services.forward_plan import forward_plan_item_add, forward_plan_item_put_on_agenda
from membership import notifications
from membership.models import User
from national.models import Bulletin, BulletinSection, Engagement, Release
from national.models_cascade import CascadeItem, CascadeRecipient
from priorities.models import Priority

Status = CascadeRecipient.Status


@dataclass(frozen=True)
class CascadeSource:
    """What is sent: its kind, label and link, and the row it comes from (if a model)."""

    kind: str
    label: str
    url: str
    is_public: bool
    bulletin_section: BulletinSection | None = None
    priority: Priority | None = None
    engagement: Engagement | None = None


def cascade_source_for_section(section: BulletinSection) -> CascadeSource:
    """A section of a published bulletin (a draft cannot be sent)."""
    bulletin = section.bulletin
    if not bulletin.is_published:
        raise ValidationError(_("Only a section of a published bulletin can be sent to boards"))
    is_public = bulletin.audience == Bulletin.Audience.PUBLIC
    url = reverse(
        "national:bulletin" if is_public else "national:bulletin-read",
        args=[bulletin.series.slug, bulletin.number],
    )
    return CascadeSource(
        kind=CascadeItem.Source.BULLETIN_SECTION,
        label=f"{bulletin}: {section.heading}"[:300],
        url=url,
        is_public=is_public,
        bulletin_section=section,
    )


def national_priorities():
    """The national priorities that may be sent: agreed and published, of a national board."""
    return Priority.objects.published().filter(forum__kind=Forum.Kind.NATIONAL_BOARD)


def cascade_source_for_priority(priority: Priority) -> CascadeSource:
    if not national_priorities().filter(pk=priority.pk).exists():
        raise ValidationError(_("Only a published national priority can be sent to boards"))
    return CascadeSource(
        kind=CascadeItem.Source.NATIONAL_PRIORITY,
        label=priority.title,
        url=reverse("priorities:public-list", args=[priority.forum.slug]),
        is_public=True,
        priority=priority,
    )


def cascade_source_for_engagement(engagement: Engagement) -> CascadeSource:
    """An engagement's outcome ("you said, we did"), once recorded and released to the boards
    or the public: before that it is confidential to the engagement's audience."""
    if not engagement.outcome.strip():
        raise ValidationError(_("Record the outcome before sending it to boards"))
    release = engagement.release_in_force()
    if release not in (Release.BOARDS, Release.PUBLIC):
        raise ValidationError(
            _(
                "The outcome can be sent to boards once the engagement is released to the "
                "boards or the public: until then it is confidential to its audience"
            )
        )
    is_public = release == Release.PUBLIC
    return CascadeSource(
        kind=CascadeItem.Source.ENGAGEMENT_OUTCOME,
        label=(_("%(title)s: outcome") % {"title": engagement.title})[:300],
        url=reverse(
            "national:engagement-public" if is_public else "national:engagement",
            args=[engagement.pk],
        ),
        is_public=is_public,
        engagement=engagement,
    )


def _running(forum_ids: list[int]) -> dict[int, list[User]]:
    """Whoever runs each board (its secretariat and chair), in one query."""
    found: dict[int, list[User]] = {}
    for seat in (
        Membership.objects.current()
        .filter(forum_id__in=forum_ids, role__in=Membership.RUNNING_ROLES)
        .select_related("person")
    ):
        found.setdefault(seat.forum_id, []).append(seat.person)
    return found


@transaction.atomic
def cascade_send(
    *,
    by: User,
    source: CascadeSource,
    purpose: str,
    summary: str,
    consider_by: datetime.date,
    forums: list[Forum],
) -> CascadeItem:
    """Send a national item to local boards; each board's secretariat and chair are e-mailed
    (nobody else: it waits on their home and the board's page)."""
    if not by.has_perm("national.send_to_boards"):
        raise PermissionDenied
    boards = [forum for forum in forums if forum.kind == Forum.Kind.LOCAL_BOARD]
    if not boards:
        raise ValidationError({"boards": _("Choose at least one local board")})
    if consider_by.replace(day=1) < timezone.localdate().replace(day=1):
        raise ValidationError(
            {"consider_by": _("The month to consider it by must be this month or later")}
        )
    if not summary.strip():
        raise ValidationError({"summary": _("Enter a summary for the boards")})
    item = CascadeItem.objects.create(
        source_kind=source.kind,
        source_label=source.label,
        source_url=source.url,
        bulletin_section=source.bulletin_section,
        priority=source.priority,
        engagement=source.engagement,
        is_public=source.is_public,
        purpose=purpose,
        summary=summary.strip(),
        consider_by=consider_by.replace(day=1),
        sent_by=by,
    )
    # With history rows too: the history starts with the item arriving.
    recipients = bulk_create_with_history(
        [CascadeRecipient(item=item, forum=forum) for forum in boards], CascadeRecipient
    )
    running = _running([forum.pk for forum in boards])
    by_forum = {forum.pk: forum for forum in boards}

    def tell():
        for recipient in recipients:
            forum = by_forum[recipient.forum_id]
            notifications.notify(
                key=f"national-cascade:{recipient.pk}",
                recipients=running.get(forum.pk, []),
                category="priorities",
                subject=gettext_lazy("An item from the national team for your forward plan"),
                template="national/cascade_email/arrived",
                context={"item": item, "forum": forum},
                url=reverse("national:cascade-board-item", args=[forum.slug, recipient.pk]),
            )

    transaction.on_commit(tell)
    return item


def _lock(recipient: CascadeRecipient, by: User) -> CascadeRecipient:
    if not by.has_perm("national.decide_cascaded_item", recipient.forum):
        raise PermissionDenied
    locked = (
        CascadeRecipient.objects.select_for_update()
        .select_related("item", "forum")
        .get(pk=recipient.pk)
    )
    if not locked.is_waiting:
        raise ValidationError(_("The board has already decided on this item"))
    return locked


def _plan(recipient: CascadeRecipient, by: User, month: datetime.date) -> ForwardPlanItem:
    item = recipient.item
    return forward_plan_item_add(
        forum=recipient.forum,
        by=by,
        title=item.source_label,
        planned_for=month,
        purpose=item.purpose,
        description=_("From the national team (%(kind)s): %(summary)s")
        % {"kind": item.get_source_kind_display(), "summary": item.summary},
        confidentiality=Confidentiality.PUBLIC if item.is_public else Confidentiality.CONFIDENTIAL,
    )


def _decided(recipient: CascadeRecipient, by: User, status: str, **fields) -> CascadeRecipient:
    recipient.status = status
    recipient.decided_by = by
    recipient.decided_at = timezone.now()
    for name, value in fields.items():
        setattr(recipient, name, value)
    recipient.save(
        update_fields=["status", "decided_by", "decided_at", *fields]
    )  # the history keeps the decision
    return recipient


@transaction.atomic
def cascade_accept(*, recipient: CascadeRecipient, by: User) -> CascadeRecipient:
    """Put the item on the board's forward plan for the month the national team asked."""
    recipient = _lock(recipient, by)
    month = max(recipient.item.consider_by, timezone.localdate().replace(day=1))
    plan_item = _plan(recipient, by, month)
    return _decided(recipient, by, Status.ACCEPTED, forward_plan_item=plan_item)


def upcoming_meetings(forum: Forum):
    """The board's meetings still to come whose details may change (not held, not cancelled)."""
    return Meeting.objects.filter(forum=forum, status__in=Meeting.OPEN).upcoming()


@transaction.atomic
def cascade_schedule(
    *, recipient: CascadeRecipient, by: User, meeting: Meeting
) -> CascadeRecipient:
    """Plan the item for one of the board's coming meetings; if that meeting's agenda is still
    open (not yet published), the item joins it now."""
    recipient = _lock(recipient, by)
    if not upcoming_meetings(recipient.forum).filter(pk=meeting.pk).exists():
        raise ValidationError({"meeting": _("Choose one of the board's coming meetings")})
    plan_item = _plan(recipient, by, meeting.starts_at.date())
    if meeting.status == Meeting.Status.SCHEDULED:
        agenda_item = plan_item.agenda_item
        if agenda_item is None:
            forward_plan_item_put_on_agenda(item=plan_item, meeting=meeting)
        elif agenda_item.meeting_id != meeting.pk:
            # Another meeting the same month took it: move it to the one the board chose.
            last = meeting.agenda_items.aggregate(m=Max("order"))["m"] or 0
            agenda_item.meeting = meeting
            agenda_item.order = last + 1
            agenda_item.save(update_fields=["meeting", "order"])
    return _decided(recipient, by, Status.SCHEDULED, meeting=meeting, forward_plan_item=plan_item)


@transaction.atomic
def cascade_decline(*, recipient: CascadeRecipient, by: User, reason: str) -> CascadeRecipient:
    """Decline the item, saying why (the national team reads the reason)."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the board is declining this item")})
    recipient = _lock(recipient, by)
    return _decided(recipient, by, Status.DECLINED, reason=reason.strip())
