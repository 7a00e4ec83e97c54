"""Default beat schedules for the forums reminders: every day at 07:00 UK time.

The rows live in the database (django-celery-beat) so the site admin can change the time,
turn a job off or run it once from the admin; this migration only creates the defaults.
"""

from django.db import migrations

TASKS = [
    (
        "Meeting reminders (7 days and the day before)",
        "forums.send_meeting_reminders",
        "Members are reminded of meetings a week ahead (with the calendar invitation) and the "
        "day before, with the agenda and papers they may see.",
    ),
    (
        "Papers due reminders",
        "forums.send_papers_due_reminders",
        "Presenters with no paper yet, 3 days before the papers deadline and on the day.",
    ),
    (
        "Action reminders (due in 3 days, overdue weekly)",
        "forums.send_action_reminders",
        "Owners of actions due in 3 days, and once a week a list of their overdue actions.",
    ),
]


def daily_at_seven(apps):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    schedule, _ = CrontabSchedule.objects.get_or_create(
        minute="0",
        hour="7",
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone="Europe/London",
    )
    return schedule


def create_schedules(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    schedule = daily_at_seven(apps)
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
        ("forums", "0002_meetings"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedules, remove_schedules)]
