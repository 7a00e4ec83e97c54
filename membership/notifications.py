"""The one mechanism that sends notifications to people.

Every notification has a unique key (what it is about, plus the recipient), so that a retried
task, a second beat or a second run of a command never sends it twice. Each notification is
rendered when it is created — so what a person is sent is fixed and checkable — stored as an
in-app notice, and emailed by a Celery task queued after the transaction commits: one task per
batch of up to ``BATCH_SIZE`` notifications, sent over one mail connection.

Other apps call :func:`notify` and nothing else.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation

from lcjb.language import localised_url
from membership.models import Notification, User
from membership.rendering import Renderer

logger = logging.getLogger(__name__)

# Hooks other apps (or preferences) may register: given (recipient, category) return False to
# turn a non-essential notification off. Filled in AppConfig.ready(); see issue on preferences.
_preference_checks: list[Callable[[User, str], bool]] = []


def register_preference_check(check: Callable[[User, str], bool]) -> None:
    """Let a preferences feature decide whether a person wants a non-essential category."""
    _preference_checks.append(check)


# Hooks other apps register to add headers to the e-mails of their notifications (a bulletin's
# List-Unsubscribe, say): given a notification, return the headers, or {} when it is not theirs.
_header_sources: list[Callable[[Notification], dict]] = []


def register_header_source(source: Callable[[Notification], dict]) -> None:
    """Let an app add e-mail headers to its own notifications (filled in AppConfig.ready())."""
    _header_sources.append(source)


def wants(recipient: User, category: str) -> bool:
    return all(check(recipient, category) for check in _preference_checks)


@dataclass(frozen=True)
class Attachment:
    """A small text attachment (an iCalendar invitation, for example)."""

    name: str
    mimetype: str
    content: str


def _language_of(person: User) -> str:
    language = getattr(person, "language", "") or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def absolute_url(path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.SITE_URL}{path}"


def notify(
    *,
    key: str,
    recipients: Iterable[User],
    category: str,
    subject: str | Callable[[], str],
    template: str,
    context: dict | Callable[[], dict] | None = None,
    url: str = "",
    essential: bool = False,
    attachment: Attachment | None = None,
) -> list[Notification]:
    """Record and queue one notification per recipient; returns the ones created now.

    ``template`` names a pair ``<template>.txt`` and ``<template>.html``; each is rendered with
    ``recipient``, ``url`` (absolute) and ``preferences_url`` added to ``context`` (once for all
    recipients where it can be: ``membership.rendering``). A recipient who already has a
    notification with this key gets nothing new.

    Each recipient gets it in their own language (``User.language``), whoever caused it and in
    whatever language they were working: the templates are rendered, and ``subject`` and
    ``context`` worked out, under that language, and ``url`` and the preferences link point to
    the pages in it (/cy/... for Welsh). So that text made in Python comes out in the
    recipient's language too, pass ``subject`` as a lazy string (``gettext_lazy``,
    ``format_lazy``) or a function of no arguments, and ``context`` as a function returning the
    dict when it holds text made in Python (dates, labels): either is called once per language.
    """
    recipients = {person.pk: person for person in recipients if person.is_active}
    if not recipients:
        return []
    keys = {pk: f"{key}:user={pk}"[:255] for pk in recipients}
    already = set(Notification.objects.filter(key__in=keys.values()).values_list("key", flat=True))
    created = []
    now = timezone.now()
    by_language: dict[str, list[User]] = {}
    for pk, person in recipients.items():
        if keys[pk] not in already:
            by_language.setdefault(_language_of(person), []).append(person)
    for language, people in by_language.items():
        with translation.override(language):
            language_url = localised_url(url, language) if url else ""
            language_subject = str(subject() if callable(subject) else subject)
            renderer = Renderer(
                template,
                {
                    **((context() if callable(context) else context) or {}),
                    "url": absolute_url(language_url) if url else "",
                    "preferences_url": absolute_url(reverse("membership:preferences")),
                    "subject": language_subject,
                    "service_name": settings.SERVICE_NAME,
                },
            )
            for person in people:
                body_text, body_html = renderer.bodies(person)
                status = Notification.Status.PENDING
                if not essential and not wants(person, category):
                    status = Notification.Status.SKIPPED
                created.append(
                    Notification(
                        key=keys[person.pk],
                        recipient=person,
                        category=category,
                        essential=essential,
                        subject=language_subject[:255],
                        body_text=body_text,
                        body_html=body_html,
                        url=language_url,
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
        from membership.tasks import send_notification_emails

        def queue():
            for start in range(0, len(pending_ids), BATCH_SIZE):
                send_notification_emails.delay(pending_ids[start : start + BATCH_SIZE])

        transaction.on_commit(queue)
    return created


# How many pending notifications one send task delivers, over one mail connection. A batch is
# marked sent in one transaction, so a worker killed mid-batch sends at most this many again:
# kept small to keep that window narrow (ADR 2, amendment).
BATCH_SIZE = 25
# What a mail server that refuses or drops a message raises: the send is tried again later.
RETRYABLE = (SMTPException, ConnectionError, OSError, TimeoutError)


def _message(notification: Notification, connection) -> EmailMultiAlternatives:
    headers = {}
    for source in _header_sources:
        headers.update(source(notification))
    message = EmailMultiAlternatives(
        subject=notification.subject,
        body=notification.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.recipient.email],
        headers={**headers, "X-LCJB-Notification": notification.key[:200]},
        connection=connection,
    )
    if notification.body_html:
        message.attach_alternative(notification.body_html, "text/html")
    if notification.attachment_name:
        message.attach(
            notification.attachment_name,
            notification.attachment_content,
            notification.attachment_mimetype,
        )
    return message


def _send_once(notification: Notification, connection) -> bool:
    """Hand one notification to the mail server if it is still pending; True if sent now.

    The row is claimed (marked sent, which locks it) and the message handed over in one
    transaction: a second worker waits for the lock, then finds it sent, so it is never sent
    twice; a mail server error rolls the claim back (the row stays pending), the attempt is
    counted and the error propagates.
    """
    try:
        with transaction.atomic():
            claimed = Notification.objects.filter(
                pk=notification.pk, status=Notification.Status.PENDING
            ).update(
                status=Notification.Status.SENT,
                sent_at=timezone.now(),
                attempts=F("attempts") + 1,
                last_error="",
            )
            if not claimed:
                return False
            _message(notification, connection).send()
    except Exception as error:
        Notification.objects.filter(pk=notification.pk).update(
            attempts=F("attempts") + 1, last_error=str(error)[:2000]
        )
        raise
    return True


def _pending(notification_ids: Iterable[int]):
    return (
        Notification.objects.filter(
            pk__in=list(notification_ids), status=Notification.Status.PENDING
        )
        .select_related("recipient")
        .order_by("pk")
    )


def deliver(*, notification_id: int) -> bool:
    """Email one pending notification; True if it was sent now, False if there was nothing to do.

    A mail server error propagates (the task retries with backoff) and leaves the row pending.
    """
    notification = _pending([notification_id]).first()
    if notification is None:
        return False
    return _send_once(notification, get_connection())


@dataclass
class BatchOutcome:
    """What :func:`deliver_batch` did: how many it sent, and which to try again (and why)."""

    sent: int = 0
    retry: dict[int, str] = field(default_factory=dict)


def deliver_batch(*, notification_ids: Iterable[int]) -> BatchOutcome:
    """Email the pending ones of these notifications over one mail connection.

    The batch's rows are locked (rows another sender holds are left to it) and each message is
    handed to the mail server, then those sent are marked sent and the attempts counted, in
    the same transaction: two senders never both send one, a sent one is never sent again, and
    a refused one stays pending with its attempt and error recorded, in ``retry``. When the
    server cannot be reached again after a failure, the ones not yet tried are left pending for
    the retry too (no attempt counted). Errors other than a mail server's are recorded, logged
    and not retried, as for a single send. Were the worker killed mid-batch, the whole batch
    would stay pending and be sent again (at least once, as a killed single send).
    """
    outcome = BatchOutcome()
    with transaction.atomic():
        notifications = list(
            _pending(notification_ids).select_for_update(skip_locked=True, of=("self",))
        )
        if not notifications:
            return outcome
        sent, errors = [], {}
        connection = get_connection()
        try:
            connection.open()  # once: a backend opened by each send would also close after it
        except RETRYABLE as unreachable:
            errors = {notification.pk: str(unreachable) for notification in notifications}
            outcome.retry = dict(errors)
            notifications = []
        try:
            for position, notification in enumerate(notifications):
                try:
                    _message(notification, connection).send()
                except RETRYABLE as error:
                    errors[notification.pk] = outcome.retry[notification.pk] = str(error)
                    connection.close()  # a failed session is not reused
                    try:
                        connection.open()
                    except RETRYABLE as unreachable:
                        for later in notifications[position + 1 :]:
                            outcome.retry[later.pk] = str(unreachable)
                        break
                except Exception as error:
                    logger.exception("Notification %s could not be sent", notification.pk)
                    errors[notification.pk] = str(error)
                else:
                    sent.append(notification.pk)
        finally:
            connection.close()
        Notification.objects.filter(pk__in=sent).update(
            status=Notification.Status.SENT,
            sent_at=timezone.now(),
            attempts=F("attempts") + 1,
            last_error="",
        )
        for pk, error in errors.items():
            Notification.objects.filter(pk=pk).update(
                attempts=F("attempts") + 1, last_error=error[:2000]
            )
    outcome.sent = len(sent)
    return outcome


def mark_failed(*, notification_id: int, error: str) -> None:
    """After the last retry: record that the mail server never took it."""
    Notification.objects.filter(pk=notification_id, status=Notification.Status.PENDING).update(
        status=Notification.Status.FAILED, last_error=error[:2000]
    )
