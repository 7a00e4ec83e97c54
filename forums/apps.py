from django.apps import AppConfig


class ForumsConfig(AppConfig):
    """Forums and who sits on them; meetings, minutes, actions and escalations."""

    name = "forums"
    verbose_name = "Forums and meetings"
