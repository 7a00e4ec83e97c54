"""Celery tasks of the forums app: thin wrappers that take dates and ids and call plain functions.

Every task is safe to run again: reminders are keyed per recipient (``notify`` never sends the
same key twice) and a report is rebuilt only when its source has changed.
"""

from celery import shared_task
from django.conf import settings

from membership import dates


@shared_task(name="forums.send_meeting_reminders", acks_late=True)
def send_meeting_reminders(today: str | None = None) -> int:
    """Meetings in 7 days and tomorrow (``today`` as YYYY-MM-DD, default the local date)."""
    from forums import reminders

    return reminders.send_meeting_reminders(today=dates.day_from(today))


@shared_task(name="forums.send_papers_due_reminders", acks_late=True)
def send_papers_due_reminders(today: str | None = None) -> int:
    """Papers due to presenters 3 days before the papers deadline and on the day."""
    from forums import reminders

    return reminders.send_papers_due_reminders(today=dates.day_from(today))


@shared_task(name="forums.send_action_reminders", acks_late=True)
def send_action_reminders(today: str | None = None) -> int:
    """Actions due in 3 days; overdue actions once a week."""
    from forums import reminders

    return reminders.send_action_reminders(today=dates.day_from(today))


@shared_task(name="forums.send_procedure_reminders", acks_late=True)
def send_procedure_reminders(today: str | None = None) -> int:
    """Written procedures: agencies yet to answer, at half-time and the day before."""
    from forums import reminders

    return reminders.send_procedure_reminders(today=dates.day_from(today))


@shared_task(name="forums.close_due_procedures", acks_late=True)
def close_due_procedures() -> int:
    """Record the outcome of written procedures whose deadline has passed."""
    from forums.services.procedures import procedures_close_due

    return procedures_close_due()


@shared_task(
    name="forums.generate_report",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=10,
    max_retries=3,
    soft_time_limit=settings.REPORT_SOFT_TIME_LIMIT,
    time_limit=settings.REPORT_TIME_LIMIT,
)
def generate_report(report_id: int) -> str:
    """Build one generated report by id; safe to run again (a current report is left alone)."""
    from forums import reports

    return reports.report_generate(report_id=report_id)


@shared_task(name="forums.sweep_stuck_reports", acks_late=True)
def sweep_stuck_reports() -> int:
    """Queue again reports queued or running longer than REPORT_STUCK_AFTER_MINUTES."""
    from forums import reports

    return reports.report_sweep_stuck()
