from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrioritiesConfig(AppConfig):
    """Shared priorities, objectives, sign-off, tensions, risks, consultations, evaluation."""

    name = "priorities"
    verbose_name = _("Priorities and plans")

    def ready(self):
        from forums.home import register_home_section
        from membership import digest
        from priorities import audit, reminders, reports
        from priorities.selectors.home import sign_offs_section

        digest.register_digest_section("sign_offs", reminders.digest_outstanding_sign_offs)
        digest.register_digest_section("risks_past_review", reminders.digest_risks_past_review)
        reports.register()
        register_home_section(sign_offs_section)
        audit.register()
