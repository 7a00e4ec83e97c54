from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    """Indicators, targets, agency returns, figures, Victims' Code compliance and open data."""

    name = "performance"
    verbose_name = "Performance"
