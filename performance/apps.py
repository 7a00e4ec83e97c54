from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PerformanceConfig(AppConfig):
    """Indicators, targets, agency returns, figures, Victims' Code compliance and open data."""

    name = "performance"
    verbose_name = _("Performance")

    def ready(self):
        from forums.home import register_home_section
        from membership import digest
        from performance import audit, receivers, reminders, reports  # noqa: F401 - receivers connect
        from performance.selectors.home import late_returns_section, returns_owed_section

        digest.register_digest_section("late_returns", reminders.digest_late_returns)
        reports.register()
        audit.register()
        register_home_section(returns_owed_section)
        register_home_section(late_returns_section)
