from django.apps import AppConfig


class PrioritiesConfig(AppConfig):
    """Shared priorities, objectives, sign-off, tensions, risks, consultations, evaluation."""

    name = "priorities"
    verbose_name = "Priorities and plans"
