"""Writes of a person's own account: details, password, preferences and notices.

Every service is keyword-only, takes the acting person and does its whole job in one
transaction, like the services of the other apps. Two-factor and backup codes are in
``membership.security``.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from membership import security
from membership.models import Notification, NotificationPreference, SecurityEvent, User


@transaction.atomic
def person_update(
    *,
    person: User,
    updated_by: User,
    full_name: str,
    job_title: str,
    language: str | None = None,
) -> User:
    """Change a person's name and job title (and, given, the language they use the service in)."""
    person.full_name = full_name.strip()
    person.job_title = job_title.strip()
    fields = ["full_name", "job_title"]
    if language is not None:
        person.language = language
        fields.append("language")
    person._history_user = updated_by
    person.save(update_fields=fields)
    return person


def person_language_set(*, person: User, language: str) -> User:
    """Record the language a person chose (the switcher on any page, or their account): the
    service and their emails, reminders and notices come in it. Nothing is written when it is
    already theirs."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Unknown language {language!r}")
    if person.language != language:
        person.language = language
        person._history_user = person
        person.save(update_fields=["language"])
    return person


@transaction.atomic
def person_password_change(*, person: User, password: str) -> User:
    """Set a new password the person chose (already checked by the form)."""
    person.set_password(password)
    person._history_user = person
    person.save(update_fields=["password"])
    security.security_event_record(
        person=person, kind=SecurityEvent.Kind.PASSWORD_CHANGED, by=person
    )
    return person


@transaction.atomic
def notification_preference_update(
    *, person: User, reminders: bool, digest: bool, digest_weekday: int
) -> NotificationPreference:
    """Record which non-essential emails the person wants, and their digest's day."""
    preference, _ = NotificationPreference.objects.update_or_create(
        person=person,
        defaults={"reminders": reminders, "digest": digest, "digest_weekday": digest_weekday},
    )
    return preference


@transaction.atomic
def notice_mark_read(*, notice: Notification, person: User) -> Notification:
    """Mark one of the person's notices read (the first time they open it)."""
    if notice.recipient_id != person.pk:
        raise PermissionDenied("A person can only read their own notices")
    if notice.read_at is None:
        notice.read_at = timezone.now()
        notice.save(update_fields=["read_at"])
    return notice


@transaction.atomic
def notices_mark_all_read(*, person: User) -> int:
    """Mark every unread notice of the person read; returns how many were unread."""
    return Notification.objects.filter(recipient=person, read_at__isnull=True).update(
        read_at=timezone.now()
    )
