"""Default beat schedules for the priorities reminders: every day at 07:00 UK time.

The rows live in the database (django-celery-beat) so the site admin can change the time, turn
a job off or run it once from the admin; this migration only creates the defaults.
"""

from django.db import migrations

TASKS = [
    (
        "Sign-off reminders (weekly while outstanding)",
        "priorities.send_sign_off_reminders",
        "Members who sign for an agency that has not answered a priority out for sign-off.",
    ),
    (
        "Risk review reminders (weekly)",
        "priorities.send_risk_review_reminders",
        "Owners of risks past their review date (or the secretariat if there is no owner).",
    ),
    (
        "Annual evaluation reminders",
        "priorities.send_evaluation_reminders",
        "Secretariat and chair 28 days before the plan year ends, then weekly until approved.",
    ),
    (
        "Consultation closing reminders",
        "priorities.send_consultation_reminders",
        "Secretariat and chair 3 days before a consultation closes and the day after.",
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
        ("priorities", "0004_delivery_actions_and_discussions"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedules, remove_schedules)]
