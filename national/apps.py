from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NationalConfig(AppConfig):
    """The national view across every area (ADR 12): reads the other apps, imported by none."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "national"
    verbose_name = _("National view")

    def ready(self):
        from forums.home import register_home_section
        from national import rules  # noqa: F401  (registers the permissions)
        from national.home import national_reporting_section

        register_home_section(national_reporting_section)

        from forums.uploads import register_agenda_upload_check
        from national.home import engagements_section
        from national.services_engagements import refuse_unreleased_engagement_paper

        register_home_section(engagements_section)
        register_agenda_upload_check(refuse_unreleased_engagement_paper)
