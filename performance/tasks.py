"""Celery tasks of the performance app: thin wrappers that take dates and call plain functions."""

from celery import shared_task

from membership import dates


@shared_task(name="performance.send_return_reminders", acks_late=True)
def send_return_reminders(today: str | None = None) -> int:
    """Returns due in 7 days, today and overdue (YYYY-MM-DD, default the local date)."""
    from performance import reminders

    return reminders.send_return_reminders(today=dates.day_from(today))


@shared_task(name="performance.refresh_open_data", acks_late=True)
def refresh_open_data() -> str:
    """Write the all-areas open data file now (after a publication), not at the next download."""
    from performance.views.open_data import all_figures_csv_path

    return str(all_figures_csv_path())
