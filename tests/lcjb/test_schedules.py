"""Beat schedules live in the database, created by migrations, and name registered tasks."""

import pytest
from django_celery_beat.models import PeriodicTask

from lcjb.celery import app

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "task, hour",
    [
        ("forums.send_meeting_reminders", "7"),
        ("forums.send_papers_due_reminders", "7"),
        ("forums.send_action_reminders", "7"),
        ("forums.send_procedure_reminders", "7"),
        ("forums.close_due_procedures", "*"),
        ("membership.send_weekly_digests", "6"),
        ("performance.send_return_reminders", "7"),
        ("priorities.send_sign_off_reminders", "7"),
        ("priorities.send_risk_review_reminders", "7"),
        ("priorities.send_evaluation_reminders", "7"),
        ("priorities.send_consultation_reminders", "7"),
    ],
)
def test_default_schedule_is_in_the_database_and_names_a_real_task(task, hour):
    periodic = PeriodicTask.objects.select_related("crontab").get(task=task)
    assert periodic.enabled
    assert periodic.crontab.hour == hour
    assert str(periodic.crontab.timezone) == "Europe/London"
    app.loader.import_default_modules()
    assert task in app.tasks
