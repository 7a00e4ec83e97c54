"""Writes to forums, memberships and invitations: one transaction each, taking the actor.

Every membership rule lives in ``Membership.clean()``; these services call ``full_clean()`` so
the same message reaches the workspace form, the admin and the import report. History is kept
by django-simple-history, with the acting person recorded against each change.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from forums.links import forum_url
from forums.models import Forum, Invitation, Membership
from membership.models import Agency, SecurityEvent, User
from membership.notifications import notify
from membership.security import security_event_record

MEMBERSHIP_FIELDS = (
    "agency",
    "role",
    "can_commit_resources",
    "deputy",
    "start_date",
    "end_date",
    "show_name_publicly",
)
FORUM_FIELDS = (
    "terms_of_reference",
    "public_summary",
    "public_summary_cy",
    "bilingual",
    "meeting_frequency",
    "is_public",
    "end_date",
)


def _lock(forum: Forum) -> None:
    """Take the forum's row lock, so two writers cannot both add a chair or an overlapping seat."""
    Forum.objects.select_for_update().filter(pk=forum.pk).values_list("pk", flat=True).first()


def _save_with_history(instance, *, by: User | None, reason: str, update_fields=None) -> None:
    instance._history_user = by
    instance._change_reason = reason
    instance.save(update_fields=update_fields)


# --- memberships ------------------------------------------------------------------------------


def _hand_over_chair(*, forum: Forum, new_start: datetime.date, by: User | None) -> None:
    """End every chair's seat that runs into ``new_start`` on the day before it."""
    chairs = Membership.objects.filter(forum=forum, role=Membership.Role.CHAIR).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=new_start)
    )
    for chair in chairs.select_related("person", "forum"):
        if chair.start_date >= new_start:
            raise ValidationError(
                {
                    "takes_over_as_chair": f"{chair.person} only becomes chair on "
                    f"{chair.start_date:%-d %B %Y}: change that seat instead"
                }
            )
        membership_end(
            membership=chair, ended_by=by, end_date=new_start - datetime.timedelta(days=1)
        )


@transaction.atomic
def membership_create(
    *,
    forum: Forum,
    person: User,
    role: str,
    created_by: User | None,
    agency: Agency | None = None,
    can_commit_resources: bool = False,
    deputy: User | None = None,
    start_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
    show_name_publicly: bool = False,
    reason: str = "Membership added",
    takes_over_as_chair: bool = False,
    send_notice: bool = True,
) -> Membership:
    """Give a person a seat on a forum, checked against every membership rule.

    With ``takes_over_as_chair`` a new chair replaces the current one in the same transaction:
    the current chair's seat ends the day before the new one starts (a new local policing body
    after an election, for example), so the one-chair rule never blocks a handover. The person
    is told by email unless they added themselves or ``send_notice`` is off (a file import).
    """
    _lock(forum)
    start_date = start_date or timezone.localdate()
    if takes_over_as_chair:
        if role != Membership.Role.CHAIR:
            raise ValidationError(
                {"takes_over_as_chair": "Only tick this when the new seat is the chair"}
            )
        _hand_over_chair(forum=forum, new_start=start_date, by=created_by)
    membership = Membership(
        forum=forum,
        person=person,
        agency=agency,
        role=role,
        can_commit_resources=can_commit_resources,
        deputy=deputy,
        start_date=start_date,
        end_date=end_date,
        show_name_publicly=show_name_publicly,
    )
    membership.full_clean()
    _save_with_history(membership, by=created_by, reason=reason)
    if send_notice and (created_by is None or created_by.pk != person.pk):
        notify(
            key=f"membership-added:{membership.pk}",
            recipients=[person],
            category="membership",
            subject=f"You have been added to {forum.name}",
            template="forums/email/membership_added",
            context={
                "forum": forum,
                "membership": membership,
                "role": membership.get_role_display(),
                "added_by": created_by,
                "starts_later": membership.start_date > timezone.localdate(),
            },
            url=forum_url(forum),
            essential=True,
        )
    return membership


@transaction.atomic
def membership_update(
    *,
    membership: Membership,
    updated_by: User | None,
    reason: str = "Membership changed",
    **changes,
) -> Membership:
    """Change a membership's agency, role, authority, deputy, dates or public-name consent."""
    unknown = set(changes) - set(MEMBERSHIP_FIELDS)
    if unknown:
        raise TypeError(f"membership_update cannot change {', '.join(sorted(unknown))}")
    _lock(membership.forum)
    changed = [name for name, value in changes.items() if getattr(membership, name) != value]
    role_before = membership.get_role_display()
    for name in changed:
        setattr(membership, name, changes[name])
    if not changed:
        return membership
    membership.full_clean()
    update_fields = [f"{name}_id" if name in ("agency", "deputy") else name for name in changed]
    _save_with_history(membership, by=updated_by, reason=reason, update_fields=update_fields)
    if "role" in changed:
        security_event_record(
            person=membership.person,
            kind=SecurityEvent.Kind.ROLE_CHANGED,
            by=updated_by,
            detail=f"Your role on {membership.forum.name} changed from {role_before} "
            f"to {membership.get_role_display()}.",
        )
    return membership


@transaction.atomic
def membership_end(
    *, membership: Membership, ended_by: User | None, end_date: datetime.date | None = None
) -> Membership:
    """End a membership on a date (today by default). The record is kept, never deleted."""
    end_date = end_date or timezone.localdate()
    if membership.end_date and membership.end_date < end_date:
        raise ValidationError(
            {"end_date": f"This membership already ended on {membership.end_date:%-d %B %Y}"}
        )
    if end_date < membership.start_date:
        raise ValidationError(
            {
                "end_date": "The end date must be the same as or after the start date, "
                f"{membership.start_date:%-d %B %Y}"
            }
        )
    _lock(membership.forum)
    membership.end_date = end_date
    membership.full_clean()
    _save_with_history(
        membership, by=ended_by, reason="Membership ended", update_fields=["end_date"]
    )
    person = membership.person
    if ended_by is None or ended_by.pk != person.pk:
        forum = membership.forum
        ends_later = end_date > timezone.localdate()
        notify(
            key=f"membership-ended:{membership.pk}:{end_date.isoformat()}",
            recipients=[person],
            category="membership",
            subject=f"Your membership of {forum.name} "
            + (f"ends on {end_date:%-d %B %Y}" if ends_later else "has ended"),
            template="forums/email/membership_ended",
            context={
                "forum": forum,
                "membership": membership,
                "role": membership.get_role_display(),
                "ended_by": ended_by,
                "end_date": end_date,
                "ends_later": ends_later,
            },
            essential=True,
        )
    return membership


def memberships_end(
    *, memberships, ended_by: User | None, end_date: datetime.date | None = None
) -> int:
    """End many memberships (those already ended earlier are left alone); returns how many."""
    end_date = end_date or timezone.localdate()
    count = 0
    with transaction.atomic():
        for membership in memberships.select_related("forum"):
            if membership.end_date and membership.end_date <= end_date:
                continue
            if membership.start_date > end_date:
                continue
            membership_end(membership=membership, ended_by=ended_by, end_date=end_date)
            count += 1
    return count


# --- the forum --------------------------------------------------------------------------------


@transaction.atomic
def forum_update(*, forum: Forum, updated_by: User | None, **changes) -> Forum:
    """Change what the secretariat keeps up to date: terms of reference, summary, frequency,
    whether the forum is public, and a task-and-finish group's end date."""
    unknown = set(changes) - set(FORUM_FIELDS)
    if unknown:
        raise TypeError(f"forum_update cannot change {', '.join(sorted(unknown))}")
    changed = [name for name, value in changes.items() if getattr(forum, name) != value]
    if not changed:
        return forum
    for name in changed:
        setattr(forum, name, changes[name])
    forum.full_clean(exclude=["slug"])
    _save_with_history(forum, by=updated_by, reason="Forum details changed", update_fields=changed)
    return forum


# --- invitations ------------------------------------------------------------------------------


def _check_seat(*, forum: Forum, person: User | None, agency: Agency | None, role: str) -> None:
    """The membership rules that can be checked before the invitation is accepted."""
    probe = Membership(
        forum=forum, person=person, agency=agency, role=role, start_date=timezone.localdate()
    )
    try:
        probe.clean()
    except ValidationError as error:
        errors = error.message_dict
        if "start_date" in errors:  # an overlapping membership: the person is already a member
            errors["email"] = errors.pop("start_date")
        raise ValidationError(errors)


@transaction.atomic
def invitation_send(
    *,
    forum: Forum,
    email: str,
    full_name: str,
    role: str,
    invited_by: User,
    agency: Agency | None = None,
    can_commit_resources: bool = False,
) -> tuple[Invitation, str]:
    """Invite someone by email to a seat; the link is single use and expires after 7 days.

    The person's account is found by email, or created without a password (they set one when
    they accept), so the invitation goes through the one notification mechanism. An earlier
    invitation of the same email to the same forum stops working. Returns the invitation and
    the token (only its hash is stored).
    """
    email = User.objects.normalize_email(email.strip()).lower()
    _lock(forum)
    person = User.objects.filter(email__iexact=email).first()
    _check_seat(forum=forum, person=person, agency=agency, role=role)
    now = timezone.now()
    Invitation.objects.usable().filter(forum=forum, email__iexact=email).update(revoked_at=now)
    token, token_hash = Invitation.new_token()
    invitation = Invitation.objects.create(
        forum=forum,
        email=email,
        full_name=full_name.strip(),
        agency=agency,
        role=role,
        can_commit_resources=can_commit_resources,
        token_hash=token_hash,
        invited_by=invited_by,
        expires_at=now + Invitation.VALID_FOR,
    )
    if person is None:
        person = User.objects.create_user(email=email, password=None, full_name=full_name.strip())
    notify(
        key=f"forum-invitation:{invitation.pk}",
        recipients=[person],
        category="invitation",
        subject=f"You are invited to join {forum.name}",
        template="forums/email/invitation",
        context={
            "forum": forum,
            "invitation": invitation,
            "invited_by": invited_by,
            "role": invitation.get_role_display(),
            "agency": agency,
            "expires_at": invitation.expires_at,
        },
        url=reverse("forums:invitation-open", args=[token]),
        essential=True,
    )
    return invitation, token


def invitation_problem(invitation: Invitation | None) -> str:
    """Why a link cannot be used, in words for the person who followed it ('' if it can)."""
    if invitation is None:
        return "unknown"
    if invitation.accepted_at:
        return "accepted"
    if invitation.revoked_at:
        return "revoked"
    if invitation.expires_at <= timezone.now():
        return "expired"
    return ""


INVITATION_PROBLEMS = {
    "unknown": "This invitation link is not recognised. Check you copied all of it.",
    "accepted": "This invitation has already been used.",
    "revoked": "This invitation has been withdrawn.",
    "expired": "This invitation has expired.",
}


def _new_person_for(invitation: Invitation) -> User:
    """The account of someone new accepting: the one made when they were invited, or a new one."""
    person = User.objects.select_for_update().filter(email__iexact=invitation.email).first()
    if person is None:
        return User.objects.create_user(email=invitation.email, password=None)
    if person.has_usable_password():
        raise ValidationError(
            "An account already uses this email address. Sign in to accept the invitation"
        )
    return person


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, person: User | None, full_name: str = "", password: str = ""
) -> Membership:
    """Accept an invitation for a person: set their name and password if new, create the seat.

    ``person`` is the signed-in person accepting, or ``None`` for someone new: their account
    (made without a password when they were invited, or made now) gets ``full_name`` and
    ``password``. Single use: the invitation row is locked, checked and marked accepted in one
    transaction, so a refusal leaves no account, seat or change behind.
    """
    invitation = (
        Invitation.objects.select_for_update().select_related("forum").get(pk=invitation.pk)
    )
    problem = invitation_problem(invitation)
    if problem:
        raise ValidationError(INVITATION_PROBLEMS[problem])
    if person is None:
        if not password:
            raise ValidationError({"password1": "Enter a password"})
        person = _new_person_for(invitation)
    update_fields = []
    if full_name and full_name.strip() != person.full_name:
        person.full_name = full_name.strip()
        update_fields.append("full_name")
    if password:
        person.set_password(password)
        update_fields.append("password")
    if update_fields:
        _save_with_history(
            person, by=person, reason="Accepted an invitation", update_fields=update_fields
        )
    membership = membership_create(
        forum=invitation.forum,
        person=person,
        agency=invitation.agency,
        role=invitation.role,
        can_commit_resources=invitation.can_commit_resources,
        created_by=person,
        reason=f"Accepted an invitation from {invitation.invited_by}",
    )
    invitation.accepted_at = timezone.now()
    invitation.membership = membership
    invitation.save(update_fields=["accepted_at", "membership"])
    forum = invitation.forum
    notify(
        key=f"forum-invitation-accepted:{invitation.pk}",
        recipients=[invitation.invited_by],
        category="membership",
        subject=f"{person} has joined {forum.name}",
        template="forums/email/invitation_accepted",
        context={"forum": forum, "person": person, "membership": membership},
        url=reverse("forums:membership-detail", args=[forum.slug, membership.pk]),
    )
    return membership


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, revoked_by: User) -> Invitation:
    """Withdraw an invitation that has not been accepted; its link stops working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at:
        raise ValidationError("This invitation has already been accepted: end the membership")
    if not invitation.revoked_at:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    return invitation


@transaction.atomic
def memberships_end_for_person(*, person: User, by: User) -> int:
    """A person has left (their personal data is being erased): end every membership that is
    current or still to come, and their deputy seats; returns how many memberships ended."""
    today = timezone.localdate()
    ending = Membership.objects.filter(person=person).filter(
        Q(end_date__isnull=True) | Q(end_date__gt=today)
    )
    count = 0
    for membership in ending.select_related("forum"):
        membership_end(
            membership=membership, ended_by=by, end_date=max(today, membership.start_date)
        )
        count += 1
    for membership in Membership.objects.current().filter(deputy=person):
        membership_update(
            membership=membership, updated_by=by, reason="Deputy has left", deputy=None
        )
    return count
