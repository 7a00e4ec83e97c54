"""Admin pages for sign-in failures, lockouts and sign-ins (django-axes' records), read only.

Registered from ``membership.admin`` in place of django-axes' own pages (``AXES_ENABLE_ADMIN``
is off): site admins see when, who, from where and how many failures, and can unlock.
"""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from membership import sign_in


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records kept by django-axes: nobody edits or adds them here."""

    search_fields = ("username", "ip_address", "path_info")
    date_hierarchy = "attempt_time"
    ordering = ("-attempt_time",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("When"), ordering="attempt_time")
    def when(self, record):
        return record.attempt_time

    @admin.display(description=_("Address"), ordering="ip_address")
    def address(self, record):
        return record.ip_address


@admin.register(AccessAttempt)
class SignInFailureAdmin(ReadOnlyAdmin):
    """Failed sign-ins still counting towards a lockout: one row per address and typed email."""

    list_display = ("when", "username", "address", "path_info", "failures_since_start", "locked")
    readonly_fields = list_display
    fields = list_display
    actions = ("unlock",)

    @admin.display(description=_("Locked out"), boolean=True)
    def locked(self, attempt):
        return attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser  # the unlock action deletes the counted failures

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    @admin.action(description=_("Unlock: clear these failures so they can sign in again"))
    def unlock(self, request, queryset):
        count = sign_in.failures_clear(attempts=queryset, by=request.user)
        self.message_user(
            request,
            ngettext(
                # The English has always said "records", one or more.
                "Cleared %(count)d failed sign-in records",
                "Cleared %(count)d failed sign-in records",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(AccessFailureLog)
class SignInFailureLogAdmin(ReadOnlyAdmin):
    """Every failed sign-in, kept after a lockout ends."""

    list_display = ("when", "username", "address", "path_info", "locked_out")
    list_filter = ("locked_out",)
    readonly_fields = list_display
    fields = list_display


@admin.register(AccessLog)
class SignInLogAdmin(ReadOnlyAdmin):
    """Successful sign-ins and when the person signed out."""

    list_display = ("when", "username", "address", "path_info", "logout_time")
    readonly_fields = list_display
    fields = list_display
