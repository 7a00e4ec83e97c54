"""Celery tasks of the membership app: delivering notifications."""

from smtplib import SMTPException

from celery import shared_task

from membership import dates, notifications


@shared_task(
    bind=True,
    name="membership.send_notification_email",
    acks_late=True,
    autoretry_for=(SMTPException, ConnectionError, OSError, TimeoutError),
    retry_backoff=30,
    retry_backoff_max=60 * 30,
    retry_jitter=True,
    max_retries=8,
)
def send_notification_email(self, notification_id: int) -> bool:
    """Email one notification by id; safe to run again (a sent one is not sent twice)."""
    try:
        return notifications.deliver(notification_id=notification_id)
    except (SMTPException, ConnectionError, OSError, TimeoutError) as error:
        if self.request.retries >= self.max_retries:
            notifications.mark_failed(notification_id=notification_id, error=str(error))
            return False
        raise


@shared_task(name="membership.send_weekly_digests", acks_late=True)
def send_weekly_digests(today: str | None = None) -> int:
    """Daily: the weekly digest to those whose chosen day is today (YYYY-MM-DD, default today)."""
    from membership import digest

    return digest.send_weekly_digests(today=dates.day_from(today))
