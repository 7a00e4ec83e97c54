from django.apps import AppConfig


class ForumsConfig(AppConfig):
    """Forums and who sits on them; meetings, minutes, actions and escalations."""

    name = "forums"
    verbose_name = "Forums and meetings"

    def ready(self):
        from forums import bilingual, public_cache
        from forums.home import register_home_section
        from forums.models import Membership
        from forums.reminders.digest import (
            digest_audience,
            digest_empty_seats,
            digest_meetings_missing_papers,
            digest_overdue_actions,
        )
        from forums.reports import register_forum_reports
        from forums.selectors.procedures import procedures_section
        from forums.services.attendance import minutes_names_kept
        from forums.services.forum import memberships_end_for_person
        from membership import digest, personal_data, two_factor

        public_cache.connect_signals()
        bilingual.connect_signals()

        digest.register_digest_audience(digest_audience)
        digest.register_digest_section("overdue_actions", digest_overdue_actions)
        digest.register_digest_section("meetings_missing_papers", digest_meetings_missing_papers)
        digest.register_digest_section("empty_seats", digest_empty_seats)
        register_forum_reports()
        register_home_section(procedures_section)
        personal_data.register_eraser("memberships", memberships_end_for_person)
        personal_data.register_eraser("minutes_names", minutes_names_kept)
        two_factor.register_role_source(
            lambda person: (
                Membership.objects.current()
                .filter(person_id=person.pk)
                .values_list("role", flat=True)
            )
        )
