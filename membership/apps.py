from django.apps import AppConfig


class MembershipConfig(AppConfig):
    """People, police force areas, agencies and the notifications sent to people."""

    name = "membership"
    verbose_name = "People and agencies"

    def ready(self):
        from membership import notifications
        from membership.models import NotificationPreference

        def preference_allows(person, category):
            preference = NotificationPreference.objects.filter(person=person).first()
            return preference is None or preference.allows(category)

        notifications.register_preference_check(preference_allows)
