"""Priorities and their objectives, the agencies' sign-off, and local themes."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from forums.models import Forum
from membership.models import Agency, User
from membership.notifications import notify
from priorities.models import Objective, Priority, SignOff, Theme
from priorities.rules import represents_agency
from priorities.services._common import _require, _save, _set, _split

# --- priorities -----------------------------------------------------------------------------


@transaction.atomic
def priority_create(*, forum: Forum, by: User, fields: dict[str, Any]) -> Priority:
    """Draft a new priority for the forum."""
    _require(by, "priorities.edit_plans", forum)
    plain, m2m = _split(fields)
    priority = Priority(forum=forum, status=Priority.Status.DRAFT, **plain)
    return _save(priority, m2m)


@transaction.atomic
def priority_update(*, priority: Priority, by: User, fields: dict[str, Any]) -> Priority:
    """Change a priority; an agreed priority's changes are kept in its history."""
    _require(by, "priorities.edit_plans", priority.forum)
    _check_changeable(priority)
    plain, m2m = _split(fields)
    _set(priority, plain)
    return _save(priority, m2m)


def _check_changeable(priority: Priority) -> None:
    """Agencies sign off what they see: nothing changes while the priority is out for sign-off."""
    if priority.status == Priority.Status.RETIRED:
        raise ValidationError(gettext("A retired priority cannot be changed"))
    if priority.status == Priority.Status.SIGN_OFF:
        raise ValidationError(
            gettext(
                "Take the priority back to draft before changing it: agencies are signing off "
                "what they see now"
            )
        )


@transaction.atomic
def priority_send_for_sign_off(*, priority: Priority, by: User) -> Priority:
    """Send a draft priority to every agency on the forum for sign-off, and tell them."""
    _require(by, "priorities.edit_plans", priority.forum)
    if priority.status != Priority.Status.DRAFT:
        raise ValidationError(gettext("Only a draft priority can go out for sign-off"))
    if not priority.objectives.exists():
        raise ValidationError(
            gettext(
                "Add at least one objective with a measure and a target before sending the "
                "priority for sign-off"
            )
        )
    priority.status = Priority.Status.SIGN_OFF
    priority.sign_off_round += 1
    priority.sent_for_sign_off_at = timezone.now()
    priority.save(update_fields=["status", "sign_off_round", "sent_for_sign_off_at", "updated_at"])
    _notify_signers(priority)
    return priority


def _notify_signers(priority: Priority) -> None:
    from forums.models import Membership
    from priorities.rules import SIGNING_ROLES

    signers = [
        m.person
        for m in Membership.objects.current()
        .filter(
            forum=priority.forum,
            role__in=SIGNING_ROLES,
            agency__isnull=False,
            agency__agency_type__advisory_only=False,
        )
        .select_related("person")
    ]
    notify(
        key=f"priorities:sign-off:{priority.pk}:round={priority.sign_off_round}",
        recipients=signers,
        category="priorities",
        subject=gettext("Sign off the priority: %(title)s") % {"title": priority.title},
        template="priorities/email/sign_off_requested",
        context={"priority": priority, "forum": priority.forum},
        url=reverse("priorities:sign-off", args=[priority.forum.slug, priority.pk]),
    )


@transaction.atomic
def priority_return_to_draft(*, priority: Priority, by: User) -> Priority:
    """Take a priority back from sign-off to revise it (the sign-offs so far are kept)."""
    _require(by, "priorities.edit_plans", priority.forum)
    if priority.status != Priority.Status.SIGN_OFF:
        raise ValidationError(gettext("Only a priority out for sign-off can go back to draft"))
    priority.status = Priority.Status.DRAFT
    priority.save(update_fields=["status", "updated_at"])
    return priority


@transaction.atomic
def priority_agree(*, priority: Priority, by: User) -> Priority:
    """Record the priority as agreed: every agency has signed and none disagrees."""
    from priorities.selectors import sign_off_board

    _require(by, "priorities.edit_plans", priority.forum)
    if priority.status != Priority.Status.SIGN_OFF:
        raise ValidationError(gettext("Only a priority out for sign-off can be agreed"))
    board = sign_off_board(priority=priority)
    if board.outstanding:
        names = ", ".join(str(row.agency) for row in board.outstanding)
        raise ValidationError(
            gettext("These agencies have not signed off yet: %(names)s") % {"names": names}
        )
    if board.disagreements:
        names = ", ".join(str(s.agency) for s in board.disagreements)
        raise ValidationError(
            gettext(
                "These agencies do not agree: %(names)s. Resolve it (record a tension if need "
                "be), revise the priority and send it for sign-off again"
            )
            % {"names": names}
        )
    priority.status = Priority.Status.AGREED
    priority.agreed_at = timezone.now()
    priority.save(update_fields=["status", "agreed_at", "updated_at"])
    return priority


@transaction.atomic
def priority_retire(*, priority: Priority, by: User) -> Priority:
    _require(by, "priorities.edit_plans", priority.forum)
    if priority.status != Priority.Status.AGREED:
        raise ValidationError(gettext("Only an agreed priority can be retired"))
    priority.status = Priority.Status.RETIRED
    priority.retired_at = timezone.now()
    priority.save(update_fields=["status", "retired_at", "updated_at"])
    return priority


# --- objectives -----------------------------------------------------------------------------


@transaction.atomic
def objective_create(*, priority: Priority, by: User, fields: dict[str, Any]) -> Objective:
    _require(by, "priorities.edit_plans", priority.forum)
    _check_changeable(priority)
    objective = Objective(priority=priority, order=priority.objectives.count() + 1, **fields)
    return _save(objective)


@transaction.atomic
def objective_update(*, objective: Objective, by: User, fields: dict[str, Any]) -> Objective:
    _require(by, "priorities.edit_plans", objective.priority.forum)
    _check_changeable(objective.priority)
    _set(objective, fields)
    return _save(objective)


@transaction.atomic
def objective_delete(*, objective: Objective, by: User) -> None:
    _require(by, "priorities.edit_plans", objective.priority.forum)
    if objective.priority.status != Priority.Status.DRAFT:
        raise ValidationError(
            gettext("Objectives can only be removed while the priority is a draft")
        )
    objective.delete()


# --- sign-off -------------------------------------------------------------------------------


@transaction.atomic
def sign_off_record(
    *, priority: Priority, agency: Agency, decision: str, comment: str, by: User
) -> SignOff:
    """Record (or change) an agency's sign-off in the current round.

    Only a member representing that agency may sign for it; advisory members never do."""
    forum = priority.forum
    if not by.has_perm("priorities.sign_off", forum) or not represents_agency(by, forum, agency):
        raise PermissionDenied(gettext("You can only sign off for the agency you represent"))
    if priority.status != Priority.Status.SIGN_OFF:
        raise ValidationError(gettext("This priority is not out for sign-off"))
    if decision not in SignOff.Decision.values:
        raise ValidationError({"decision": gettext("Choose whether your agency agrees")})
    if decision != SignOff.Decision.AGREE and not comment.strip():
        raise ValidationError(
            {"comment": gettext("Say what your agency's reservations or objections are")}
        )
    sign_off, _ = SignOff.objects.update_or_create(
        priority=priority,
        round=priority.sign_off_round,
        agency=agency,
        defaults={
            "decision": decision,
            "comment": comment.strip(),
            "signed_by": by,
            "signed_at": timezone.now(),
        },
    )
    if decision != SignOff.Decision.AGREE:
        _notify_objection(sign_off)
    return sign_off


def _notify_objection(sign_off: SignOff) -> None:
    """No surprises: the secretariat and chair hear at once when an agency objects."""
    from forums.models import Membership

    priority = sign_off.priority
    runners = [
        m.person
        for m in Membership.objects.current()
        .filter(forum=priority.forum, role__in=Membership.RUNNING_ROLES)
        .select_related("person")
    ]
    notify(
        key=f"priorities:objection:{sign_off.pk}:{sign_off.decision}:{sign_off.history.count()}",
        recipients=runners,
        category="priorities",
        subject=gettext("%(agency)s: %(decision)s — %(title)s")
        % {
            "agency": sign_off.agency,
            "decision": sign_off.get_decision_display().lower(),
            "title": priority.title,
        },
        template="priorities/email/sign_off_objection",
        context={"sign_off": sign_off, "priority": priority, "forum": priority.forum},
        url=reverse("priorities:detail", args=[priority.forum.slug, priority.pk]),
    )


# --- themes ---------------------------------------------------------------------------------


@transaction.atomic
def local_theme_create(*, forum: Forum, by: User, name: str, description: str = "") -> Theme:
    from django.utils.text import slugify

    _require(by, "priorities.edit_plans", forum)
    slug = f"{forum.slug}-{slugify(name)}"[:80]
    if Theme.objects.filter(slug=slug).exists():
        raise ValidationError({"name": gettext("This forum already has a theme with that name")})
    return _save(Theme(slug=slug, name=name, description=description, forum=forum))
