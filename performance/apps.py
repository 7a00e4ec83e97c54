from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    """Indicators, targets, agency returns, figures, Victims' Code compliance and open data."""

    name = "performance"
    verbose_name = "Performance"

    def ready(self):
        from membership import digest
        from performance import audit, receivers, reminders, reports  # noqa: F401 - receivers connect

        digest.register_digest_section("late_returns", reminders.digest_late_returns)
        reports.register()
        audit.register()
