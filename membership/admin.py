"""Admin for people, police force areas, agency types and agencies.

Every record keeps its change history (django-simple-history's "History" button). Memberships
are added to the person page by the forums app (``forums.admin.forum``), since this app imports
none of the others.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.template.response import TemplateResponse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

# sign_in_admin registers the sign-in failure and lockout pages.
from membership import security, sign_in, sign_in_admin, two_factor  # noqa: F401
from membership.models import (
    Agency,
    AgencyType,
    Notification,
    PoliceForceArea,
    SecurityEvent,
    User,
)
from membership.personal_data_admin import PersonalDataAdminMixin


class PersonChangeForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User
        fields = "__all__"


class PersonCreationForm(AdminUserCreationForm):
    class Meta(AdminUserCreationForm.Meta):
        model = User
        fields = ("email", "full_name")


@admin.register(User)
class PersonAdmin(PersonalDataAdminMixin, SimpleHistoryAdmin, BaseUserAdmin):
    """People who sign in: board members, data submitters, secretariat and site admins."""

    form = PersonChangeForm
    add_form = PersonCreationForm
    list_display = ("full_name", "email", "job_title", "is_active", "is_staff", "last_login")
    list_filter = ("is_active", "is_staff", "is_superuser", "is_national_viewer")
    search_fields = ("full_name", "email", "job_title")
    ordering = ("full_name", "email")
    readonly_fields = ("last_login", "date_joined")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            _("About them"),
            {"fields": ("full_name", "job_title", "language", "is_national_viewer")},
        ),
        (
            _("Access"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "full_name", "usable_password", "password1", "password2"),
            },
        ),
    )
    filter_horizontal = ("groups", "user_permissions")
    actions = ["reset_two_factor", "unlock_sign_in"]

    def save_model(self, request, obj, form, change):
        """Becoming or ceasing to be a site admin or national viewer is recorded and emailed."""
        before = two_factor.account_roles(User.objects.get(pk=obj.pk)) if change else set()
        super().save_model(request, obj, form, change)
        if change:
            security.account_roles_changed(person=obj, before=before, by=request.user)

    def has_reset_two_factor_permission(self, request):
        return request.user.is_superuser

    @admin.action(description=_("Reset two-factor sign-in"), permissions=["reset_two_factor"])
    def reset_two_factor(self, request, queryset):
        """Remove the chosen people's authenticator apps and backup codes, after a confirmation
        page; each reset is recorded and emailed to the person."""
        if request.POST.get("confirmed") != "yes":
            context = {
                **self.admin_site.each_context(request),
                "title": gettext("Reset two-factor sign-in?"),
                "people": queryset,
                "opts": self.model._meta,
                "action_name": "reset_two_factor",
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/membership/user/reset_two_factor.html", context)
        for person in queryset:
            security.two_factor_reset(person=person, by=request.user)
        count = queryset.count()
        messages.success(
            request,
            ngettext(
                "Two-factor sign-in reset for %(count)d person. They set it up again at their "
                "next sign-in if their role requires it.",
                "Two-factor sign-in reset for %(count)d people. They set it up again at their "
                "next sign-in if their role requires it.",
                count,
            )
            % {"count": count},
        )

    @admin.action(description=_("Unlock sign-in (clear failed sign-ins)"))
    def unlock_sign_in(self, request, queryset):
        count = sum(sign_in.person_unlock(person=person, by=request.user) for person in queryset)
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


@admin.register(PoliceForceArea)
class PoliceForceAreaAdmin(SimpleHistoryAdmin):
    """The 43 territorial police force areas; the governance model gives the chair's title."""

    list_display = ("name", "code", "country", "region", "governance_model", "chair_title")
    list_filter = ("country", "region", "governance_model")
    search_fields = ("name", "code", "force_name")
    ordering = ("name",)

    @admin.display(description=_("Title of the local policing body"))
    def chair_title(self, area):
        return area.chair_title


@admin.register(AgencyType)
class AgencyTypeAdmin(admin.ModelAdmin):
    """Kinds of agency, from the national framework's recommended membership."""

    list_display = ("name", "slug", "core_member_expected", "advisory_only", "statutory_cj_body")
    list_filter = ("core_member_expected", "advisory_only", "statutory_cj_body")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    """Real organisations; one agency can cover several police force areas."""

    list_display = ("name", "agency_type", "area_list", "is_active")
    list_filter = ("agency_type", "is_active", "areas__country", "areas")
    search_fields = ("name", "slug", "areas__name")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("areas",)
    list_select_related = ("agency_type",)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("areas")

    @admin.display(description=_("Areas"))
    def area_list(self, agency):
        return ", ".join(area.name for area in agency.areas.all())


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """What was sent to whom (read only)."""

    list_display = ("subject", "recipient", "category", "status", "created_at", "sent_at")
    list_filter = ("status", "category", "essential")
    search_fields = ("subject", "recipient__email", "key")
    autocomplete_fields = ("recipient",)
    readonly_fields = [field.name for field in Notification._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(SecurityEvent)
class SecurityEventAdmin(admin.ModelAdmin):
    """Changes to people's passwords, second factors, backup codes and roles (read only)."""

    list_display = ("at", "person", "kind", "by", "detail")
    list_filter = ("kind",)
    search_fields = ("person__email", "person__full_name", "by__email", "detail")
    list_select_related = ("person", "by")
    date_hierarchy = "at"
    readonly_fields = [field.name for field in SecurityEvent._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
