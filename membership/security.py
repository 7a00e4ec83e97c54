"""Writes that change how a person signs in: two-factor, backup codes and security events.

Every change to a person's password, second factor, backup codes or role is kept as a
``SecurityEvent`` and emailed to the person (essential: preferences cannot turn it off), saying
what changed, when, and what to do if it was not them. Other apps report role changes through
:func:`security_event_record`; this module imports none of them.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from membership import two_factor
from membership.models import SecurityEvent, User
from membership.notifications import notify

BACKUP_DEVICE_NAME = "Backup codes"
BACKUP_CODE_COUNT = 10

Kind = SecurityEvent.Kind

NOT_YOU = _(
    "If you did not do this, reset your password now and tell your site administrator or "
    "your board's secretariat straight away."
)
NOT_EXPECTED = _(
    "If you did not expect this, tell your site administrator or your board's secretariat "
    "straight away."
)

# kind: (subject, what changed, what to do if it was not them)
MESSAGES = {
    Kind.PASSWORD_CHANGED: (
        _("Your password has been changed"),
        _("The password for your account was changed."),
        NOT_YOU,
    ),
    Kind.PASSWORD_RESET: (
        _("Your password has been reset"),
        _("The password for your account was reset with a link sent to this email address."),
        NOT_YOU,
    ),
    Kind.TWO_FACTOR_ADDED: (
        _("Two-factor sign-in has been turned on"),
        _(
            "Two-factor sign-in was turned on for your account: when you sign in you will be asked "
            "for a code from your authenticator app."
        ),
        NOT_YOU,
    ),
    Kind.TWO_FACTOR_REMOVED: (
        _("Two-factor sign-in has been turned off"),
        _(
            "Two-factor sign-in was turned off for your account: you now sign in with your "
            "password alone."
        ),
        NOT_YOU,
    ),
    Kind.TWO_FACTOR_RESET: (
        _("Your two-factor sign-in has been reset"),
        _(
            "A site admin reset two-factor sign-in for your account: your authenticator app and "
            "your backup codes no longer work for it. If your role requires two-factor sign-in, "
            "you will be asked to set it up again next time you sign in."
        ),
        NOT_EXPECTED,
    ),
    Kind.BACKUP_CODES_REGENERATED: (
        _("New backup codes have been made for your account"),
        _(
            "A new set of backup codes was made for your account. Your old backup codes no longer "
            "work."
        ),
        NOT_YOU,
    ),
    Kind.ROLE_CHANGED: (
        _("Your role has changed"),
        _("What you may do in the service has changed."),
        NOT_EXPECTED,
    ),
}


@transaction.atomic
def security_event_record(
    *, person: User, kind: str, by: User | None, detail: str = ""
) -> SecurityEvent:
    """Record a change to the person's sign-in or role and email them about it."""
    event = SecurityEvent(person=person, kind=kind, by=by, detail=detail[:500])
    event.full_clean()
    event.save()
    subject, what, advice = MESSAGES[kind]
    notify(
        key=f"security-event:{event.pk}",
        recipients=[person],
        category="security",
        subject=subject,
        template="membership/email/security_event",
        context={
            "event": event,
            "what": what,
            "advice": advice,
            "by_someone_else": _by_other(event),
        },
        url=reverse("password_reset"),
        essential=True,
    )
    return event


def _by_other(event: SecurityEvent) -> bool:
    return event.by_id is not None and event.by_id != event.person_id


# --- two-factor -------------------------------------------------------------------------------


@transaction.atomic
def two_factor_setup_start(*, person: User) -> TOTPDevice:
    """The device being set up: a fresh secret, kept until the person confirms it with a code."""
    device = TOTPDevice.objects.filter(user=person, confirmed=False).first()
    return device or TOTPDevice.objects.create(
        user=person, name=two_factor.DEVICE_NAME, confirmed=False
    )


@transaction.atomic
def two_factor_turn_on(*, person: User, device: TOTPDevice) -> list[str]:
    """Confirm the person's device after they entered a current code from it; returns their
    first backup codes, to be shown once."""
    if device.user_id != person.pk:
        raise PermissionDenied("A person can only turn on their own two-factor sign-in")
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_backup_codes(person)
    security_event_record(person=person, kind=Kind.TWO_FACTOR_ADDED, by=person)
    return codes


@transaction.atomic
def two_factor_turn_off(*, person: User, device: TOTPDevice) -> None:
    """Remove the person's device and backup codes after they entered a current code.

    Refused while the person's role requires two-factor sign-in.
    """
    if device.user_id != person.pk:
        raise PermissionDenied("A person can only turn off their own two-factor sign-in")
    if two_factor.required_for(person):
        raise PermissionDenied("Two-factor sign-in is required for this person's role")
    device.delete()
    StaticDevice.objects.filter(user=person).delete()
    security_event_record(person=person, kind=Kind.TWO_FACTOR_REMOVED, by=person)


@transaction.atomic
def two_factor_reset(*, person: User, by: User) -> SecurityEvent:
    """A site admin removes another person's authenticator and backup codes (a lost phone).

    The person sets two-factor up again at their next sign-in if their role requires it.
    """
    if not by.is_superuser:
        raise PermissionDenied("Only a site admin can reset someone's two-factor sign-in")
    TOTPDevice.objects.filter(user=person).delete()
    StaticDevice.objects.filter(user=person).delete()
    return security_event_record(person=person, kind=Kind.TWO_FACTOR_RESET, by=by)


# --- backup codes -----------------------------------------------------------------------------


def backup_device(person: User) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=person, name=BACKUP_DEVICE_NAME).first()


def backup_codes_left(person: User) -> int:
    return StaticToken.objects.filter(device__user=person, device__name=BACKUP_DEVICE_NAME).count()


def readable_backup_code(code: str) -> str:
    """'abcd efgh': easier to copy out by hand (spaces and case are ignored when entered)."""
    return f"{code[:4]} {code[4:]}"


def _new_backup_codes(person: User) -> list[str]:
    """Replace the person's backup codes. The device itself is kept, so a session signed in
    with one of the old codes stays signed in."""
    device, _created = StaticDevice.objects.get_or_create(
        user=person, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    device.throttle_reset()
    codes = set()
    while len(codes) < BACKUP_CODE_COUNT:
        codes.add(StaticToken.random_token())
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return sorted(codes)


@transaction.atomic
def backup_codes_regenerate(*, person: User) -> list[str]:
    """A new set of backup codes for a person with two-factor on; the old set stops working."""
    if two_factor.confirmed_device(person) is None:
        raise PermissionDenied("Backup codes need two-factor sign-in to be on")
    codes = _new_backup_codes(person)
    security_event_record(person=person, kind=Kind.BACKUP_CODES_REGENERATED, by=person)
    return codes


ACCOUNT_ROLE_NAMES = {"site_admin": "a site admin", "national_viewer": "a national viewer"}


def account_roles_changed(*, person: User, before: set[str], by: User | None) -> list:
    """Record and email each account role the person gained or lost (site admin, national
    viewer), comparing ``before`` with what the account holds now."""
    after = two_factor.account_roles(person)
    events = []
    for role in sorted(after - before):
        detail = f"You are now {ACCOUNT_ROLE_NAMES[role]}."
        events.append(
            security_event_record(person=person, kind=Kind.ROLE_CHANGED, by=by, detail=detail)
        )
    for role in sorted(before - after):
        detail = f"You are no longer {ACCOUNT_ROLE_NAMES[role]}."
        events.append(
            security_event_record(person=person, kind=Kind.ROLE_CHANGED, by=by, detail=detail)
        )
    return events
