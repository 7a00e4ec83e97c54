"""Default beat schedules for the performance reminders: every day at 07:00 UK time.

The rows live in the database (django-celery-beat) so the site admin can change the time, turn
a job off or run it once from the admin; this migration only creates the defaults.
"""

from django.db import migrations

TASKS = [
    (
        "Performance return reminders (due, overdue, escalated)",
        "performance.send_return_reminders",
        "Agencies' submitters 7 days before a return is due, on the day and weekly while "
        "overdue; the secretariat once it is 7 days overdue.",
    ),
]


def create_schedules(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    schedule, _ = CrontabSchedule.objects.get_or_create(
        minute="0",
        hour="7",
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone="Europe/London",
    )
    for name, task, description in TASKS:
        PeriodicTask.objects.update_or_create(
            name=name,
            defaults={
                "task": task,
                "crontab": schedule,
                "interval": None,
                "description": description,
                "enabled": True,
                "kwargs": "{}",
            },
        )


def remove_schedules(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(task__in=[task for _, task, _ in TASKS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("performance", "0004_meeting_figures"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedules, remove_schedules)]
