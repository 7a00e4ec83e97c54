"""Values every page needs."""

from django.conf import settings


def service(request):
    """The service name for the header and titles; the unread notice count for signed-in people."""
    context = {"service_name": settings.SERVICE_NAME}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        from membership.selectors import unread_notice_count

        context["unread_notice_count"] = unread_notice_count(person=user)
    return context
