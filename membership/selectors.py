"""Reads of people and their notices."""

from django.db.models import QuerySet

from membership.models import Notification, NotificationPreference, User


def notices_for(*, person: User) -> QuerySet[Notification]:
    """The person's own notices (never anyone else's), newest first."""
    return Notification.objects.filter(recipient=person).order_by("-created_at", "-pk")


def unread_notice_count(*, person: User) -> int:
    return notices_for(person=person).filter(read_at__isnull=True).count()


def notification_preference_for(*, person: User) -> NotificationPreference:
    """The person's preferences, or the defaults (unsaved) if they never changed them."""
    preference = NotificationPreference.objects.filter(person=person).first()
    return preference or NotificationPreference(person=person)
