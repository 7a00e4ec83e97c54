from django.apps import AppConfig


class MembershipConfig(AppConfig):
    """People, police force areas, agencies and the notifications sent to people."""

    name = "membership"
    verbose_name = "People and agencies"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from membership import notifications, sessions, two_factor
        from membership.models import NotificationPreference

        def preference_allows(person, category):
            preference = NotificationPreference.objects.filter(person=person).first()
            return preference is None or preference.allows(category)

        notifications.register_preference_check(preference_allows)
        user_logged_in.connect(two_factor.hold_for_code, dispatch_uid="two-factor-hold")
        user_logged_in.connect(sessions.start, dispatch_uid="session-idle-start")
