"""Default beat schedule for the weekly digest: a daily run at 06:30 UK time.

Each person's digest goes on the weekday they chose (Monday by default); the daily run picks
them out. The row lives in the database so the site admin can change it in the admin.
"""

from django.db import migrations

NAME = "Weekly digest (daily run, sent on each person's chosen day)"
TASK = "membership.send_weekly_digests"


def create_schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    schedule, _ = CrontabSchedule.objects.get_or_create(
        minute="30",
        hour="6",
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone="Europe/London",
    )
    PeriodicTask.objects.update_or_create(
        name=NAME,
        defaults={
            "task": TASK,
            "crontab": schedule,
            "interval": None,
            "description": "Secretariat and chairs: late returns, overdue actions, outstanding "
            "sign-offs, empty seats and meetings missing papers.",
            "enabled": True,
            "kwargs": "{}",
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(task=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("membership", "0002_load_reference_data"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
