"""Beat schedules for written procedures: reminders every morning, and closing at the deadline
(every quarter of an hour). Rows live in the database so the site admin can change them."""

from django.db import migrations

TASKS = [
    (
        "Written procedure reminders (half-time and the day before)",
        "forums.send_procedure_reminders",
        "Members whose agency has not answered a decision in writing, at half-time and the day "
        "before the deadline.",
        {"minute": "0", "hour": "7"},
    ),
    (
        "Written procedures: close at the deadline",
        "forums.close_due_procedures",
        "Records the outcome of every written procedure whose deadline has passed.",
        {"minute": "*/15", "hour": "*"},
    ),
]


def create_schedules(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for name, task, description, times in TASKS:
        schedule, _ = CrontabSchedule.objects.get_or_create(
            day_of_week="*",
            day_of_month="*",
            month_of_year="*",
            timezone="Europe/London",
            **times,
        )
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
    PeriodicTask.objects.filter(task__in=[task for _, task, _, _ in TASKS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0011_one_reference_scheme"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedules, remove_schedules)]
