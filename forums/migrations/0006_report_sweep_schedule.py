"""Default beat schedule for the stuck-report sweep: every 2 minutes.

A report queued or running longer than REPORT_STUCK_AFTER_MINUTES (a worker died, or the broker
lost its task) is queued again. The row lives in the database (django-celery-beat) so the site
admin can change or pause it; this migration only creates the default.
"""

from django.db import migrations

NAME = "Stuck reports sweep"
TASK = "forums.sweep_stuck_reports"


def create_schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_two_minutes, _ = IntervalSchedule.objects.get_or_create(every=2, period="minutes")
    PeriodicTask.objects.update_or_create(
        name=NAME,
        defaults={
            "task": TASK,
            "interval": every_two_minutes,
            "crontab": None,
            "description": "Reports queued or running for longer than the limit are queued "
            "again, so a report whose worker died is finished by the next one.",
            "enabled": True,
            "kwargs": "{}",
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(task=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0005_meeting_calendar_sequence"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
