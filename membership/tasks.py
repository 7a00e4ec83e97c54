"""Celery tasks of the membership app: delivering notifications."""

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval

from membership import dates, notifications

RETRY_BACKOFF, RETRY_BACKOFF_MAX, MAX_RETRIES = 30, 60 * 30, 8


@shared_task(
    bind=True,
    name="membership.send_notification_email",
    acks_late=True,
    autoretry_for=notifications.RETRYABLE,
    retry_backoff=RETRY_BACKOFF,
    retry_backoff_max=RETRY_BACKOFF_MAX,
    retry_jitter=True,
    max_retries=MAX_RETRIES,
)
def send_notification_email(self, notification_id: int) -> bool:
    """Email one notification by id; safe to run again (a sent one is not sent twice)."""
    try:
        return notifications.deliver(notification_id=notification_id)
    except notifications.RETRYABLE as error:
        if self.request.retries >= self.max_retries:
            notifications.mark_failed(notification_id=notification_id, error=str(error))
            return False
        raise


@shared_task(
    bind=True, name="membership.send_notification_emails", acks_late=True, max_retries=MAX_RETRIES
)
def send_notification_emails(self, notification_ids: list[int]) -> int:
    """Email a batch of notifications over one mail connection; returns how many were sent.

    Safe to run again (a sent one is not sent twice). Those the mail server refused are tried
    again, on their own, with the same backoff as a single send, and marked failed after the
    last retry.
    """
    outcome = notifications.deliver_batch(notification_ids=notification_ids)
    if not outcome.retry:
        return outcome.sent
    if self.request.retries >= self.max_retries:
        for notification_id, error in outcome.retry.items():
            notifications.mark_failed(notification_id=notification_id, error=error)
        return outcome.sent
    countdown = get_exponential_backoff_interval(
        factor=RETRY_BACKOFF,
        retries=self.request.retries,
        maximum=RETRY_BACKOFF_MAX,
        full_jitter=True,
    )
    raise self.retry(args=[list(outcome.retry)], kwargs={}, countdown=countdown)


@shared_task(name="membership.send_weekly_digests", acks_late=True)
def send_weekly_digests(today: str | None = None) -> int:
    """Daily: the weekly digest to those whose chosen day is today (YYYY-MM-DD, default today)."""
    from membership import digest

    return digest.send_weekly_digests(today=dates.day_from(today))
