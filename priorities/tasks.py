"""Celery tasks of the priorities app: thin wrappers that take dates and call plain functions.

Each takes ``today`` as YYYY-MM-DD (default the local date) and is safe to run again.
"""

from celery import shared_task

from membership import dates


@shared_task(name="priorities.send_sign_off_reminders", acks_late=True)
def send_sign_off_reminders(today: str | None = None) -> int:
    from priorities import reminders

    return reminders.send_sign_off_reminders(today=dates.day_from(today))


@shared_task(name="priorities.send_risk_review_reminders", acks_late=True)
def send_risk_review_reminders(today: str | None = None) -> int:
    from priorities import reminders

    return reminders.send_risk_review_reminders(today=dates.day_from(today))


@shared_task(name="priorities.send_evaluation_reminders", acks_late=True)
def send_evaluation_reminders(today: str | None = None) -> int:
    from priorities import reminders

    return reminders.send_evaluation_reminders(today=dates.day_from(today))


@shared_task(name="priorities.send_consultation_reminders", acks_late=True)
def send_consultation_reminders(today: str | None = None) -> int:
    from priorities import reminders

    return reminders.send_consultation_reminders(today=dates.day_from(today))
