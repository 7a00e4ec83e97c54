from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NationalConfig(AppConfig):
    """The national view across every area (ADR 12): reads the other apps, imported by none."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "national"
    verbose_name = _("National view")

    def ready(self):
        from forums.home import register_home_section
        from membership.notifications import register_header_source
        from national import bulletin_mail, rules  # noqa: F401  (permissions, bulletin tasks)
        from national.home import national_reporting_section
        from national.home_cascade import cascade_section as national_cascade_section

        register_home_section(national_reporting_section)
        register_header_source(bulletin_mail.notification_headers)
        register_home_section(national_cascade_section)

        from forums.uploads import register_agenda_upload_check
        from national.home import engagements_section
        from national.services_engagements import refuse_unreleased_engagement_paper

        register_home_section(engagements_section)
        register_agenda_upload_check(refuse_unreleased_engagement_paper)
