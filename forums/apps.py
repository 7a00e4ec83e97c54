from django.apps import AppConfig


class ForumsConfig(AppConfig):
    """Forums and who sits on them; meetings, minutes, actions and escalations."""

    name = "forums"
    verbose_name = "Forums and meetings"

    def ready(self):
        from forums import reminders, reports
        from membership import digest

        digest.register_digest_audience(reminders.digest_audience)
        digest.register_digest_section("overdue_actions", reminders.digest_overdue_actions)
        digest.register_digest_section(
            "meetings_missing_papers", reminders.digest_meetings_missing_papers
        )
        digest.register_digest_section("empty_seats", reminders.digest_empty_seats)
        reports.register_forum_reports()
