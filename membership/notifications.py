"""The one mechanism that sends notifications to people.

Every notification has a unique key (what it is about, plus the recipient), so that a retried
task, a second beat or a second run of a command never sends it twice. Each notification is
rendered when it is created — so what a person is sent is fixed and checkable — stored as an
in-app notice, and emailed by a Celery task queued after the transaction commits.

Other apps call :func:`notify` and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from membership.models import Notification, User

# Hooks other apps (or preferences) may register: given (recipient, category) return False to
# turn a non-essential notification off. Filled in AppConfig.ready(); see issue on preferences.
_preference_checks: list[Callable[[User, str], bool]] = []


def register_preference_check(check: Callable[[User, str], bool]) -> None:
    """Let a preferences feature decide whether a person wants a non-essential category."""
    _preference_checks.append(check)


def wants(recipient: User, category: str) -> bool:
    return all(check(recipient, category) for check in _preference_checks)


@dataclass(frozen=True)
class Attachment:
    """A small text attachment (an iCalendar invitation, for example)."""

    name: str
    mimetype: str
    content: str


def absolute_url(path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.SITE_URL}{path}"


def notify(
    *,
    key: str,
    recipients: Iterable[User],
    category: str,
    subject: str,
    template: str,
    context: dict | None = None,
    url: str = "",
    essential: bool = False,
    attachment: Attachment | None = None,
) -> list[Notification]:
    """Record and queue one notification per recipient; returns the ones created now.

    ``template`` names a pair ``<template>.txt`` and ``<template>.html``; each is rendered with
    ``recipient``, ``url`` (absolute) and ``preferences_url`` added to ``context``. A recipient
    who already has a notification with this key gets nothing new.
    """
    recipients = {person.pk: person for person in recipients if person.is_active}
    if not recipients:
        return []
    keys = {pk: f"{key}:user={pk}"[:255] for pk in recipients}
    already = set(Notification.objects.filter(key__in=keys.values()).values_list("key", flat=True))
    full_url = absolute_url(url) if url else ""
    preferences_url = absolute_url(reverse("membership:preferences"))
    created = []
    now = timezone.now()
    for pk, person in recipients.items():
        if keys[pk] in already:
            continue
        page_context = {
            **(context or {}),
            "recipient": person,
            "url": full_url,
            "preferences_url": preferences_url,
            "subject": subject,
            "service_name": settings.SERVICE_NAME,
        }
        status = Notification.Status.PENDING
        if not essential and not wants(person, category):
            status = Notification.Status.SKIPPED
        created.append(
            Notification(
                key=keys[pk],
                recipient=person,
                category=category,
                essential=essential,
                subject=subject,
                body_text=render_to_string(f"{template}.txt", page_context),
                body_html=render_to_string(f"{template}.html", page_context),
                url=url,
                attachment_name=attachment.name if attachment else "",
                attachment_mimetype=attachment.mimetype if attachment else "",
                attachment_content=attachment.content if attachment else "",
                status=status,
                created_at=now,
            )
        )
    # ignore_conflicts: a concurrent run that created the same key first wins, silently.
    Notification.objects.bulk_create(created, ignore_conflicts=True)
    pending_ids = list(
        Notification.objects.filter(
            key__in=[n.key for n in created], status=Notification.Status.PENDING, created_at=now
        ).values_list("pk", flat=True)
    )
    if pending_ids:
        from membership.tasks import send_notification_email

        def queue():
            for pk in pending_ids:
                send_notification_email.delay(pk)

        transaction.on_commit(queue)
    return created


def deliver(*, notification_id: int) -> bool:
    """Email one pending notification; True if it was sent now, False if there was nothing to do.

    The row is locked while the message is handed to the mail server and marked sent in the
    same transaction, so two workers never both send it. A mail server error propagates (the
    task retries with backoff) and leaves the row pending.
    """
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .select_related("recipient")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None or notification.status != Notification.Status.PENDING:
            return False
        message = EmailMultiAlternatives(
            subject=notification.subject,
            body=notification.body_text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[notification.recipient.email],
            headers={"X-LCJB-Notification": notification.key[:200]},
        )
        if notification.body_html:
            message.attach_alternative(notification.body_html, "text/html")
        if notification.attachment_name:
            message.attach(
                notification.attachment_name,
                notification.attachment_content,
                notification.attachment_mimetype,
            )
        try:
            message.send()
        except Exception as error:
            failure = error
        else:
            failure = None
        if failure is None:
            notification.status = Notification.Status.SENT
            notification.sent_at = timezone.now()
            notification.attempts += 1
            notification.last_error = ""
            notification.save(update_fields=["status", "sent_at", "attempts", "last_error"])
            return True
    # Outside the lock: count the attempt, then let the task retry with backoff.
    Notification.objects.filter(pk=notification_id).update(
        attempts=notification.attempts + 1, last_error=str(failure)[:2000]
    )
    raise failure


def mark_failed(*, notification_id: int, error: str) -> None:
    """After the last retry: record that the mail server never took it."""
    Notification.objects.filter(pk=notification_id, status=Notification.Status.PENDING).update(
        status=Notification.Status.FAILED, last_error=error[:2000]
    )
