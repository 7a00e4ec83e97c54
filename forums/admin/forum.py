"""Admin for forums, memberships and invitations, and memberships on each person's page.

A site admin can build a board's membership here or by importing a CSV/XLSX file (preview,
validation report, all or nothing). The membership rules come from ``Membership.clean()`` and
show next to the field; every change keeps its history.
"""

import datetime

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from forums.admin.membership_import import MembershipImportMixin
from forums.coverage import forum_coverage
from forums.models import Forum, Invitation, Membership
from forums.services.forum import invitation_revoke, memberships_end
from forums.views.common import confirm_page
from membership.admin import PersonAdmin
from membership.models import User


class CurrentFilter(admin.SimpleListFilter):
    """Current, past or future memberships, on today's date."""

    title = _("current or past")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("current", _("Current")), ("past", _("Past")), ("future", _("Starting later"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "current":
            return queryset.current(today)
        if self.value() == "past":
            return queryset.past(today)
        if self.value() == "future":
            return queryset.filter(start_date__gt=today)
        return queryset


def _overlap(first: Membership, second: Membership) -> bool:
    if not first.start_date or not second.start_date:
        return False
    first_end, second_end = (
        first.end_date or datetime.date.max,
        second.end_date or datetime.date.max,
    )
    return first.start_date <= second_end and second.start_date <= first_end


class MembershipInlineFormSet(BaseInlineFormSet):
    """The rules between rows saved together: each row's own ``clean()`` only sees the database."""

    def clean(self):
        super().clean()
        rows = [
            form
            for form in self.forms
            if getattr(form, "cleaned_data", None)
            and not form.cleaned_data.get("DELETE")
            and not form.errors
        ]
        for index, form in enumerate(rows):
            this = form.instance
            for other in (row.instance for row in rows[:index]):
                if this.forum_id != other.forum_id or not _overlap(this, other):
                    continue
                if this.person_id == other.person_id:
                    form.add_error(
                        "start_date", _("Another row gives this person a seat in the same dates")
                    )
                elif this.role == other.role == Membership.Role.CHAIR:
                    form.add_error("role", _("Another row here is also the chair in these dates"))


class MembershipInline(admin.StackedInline):
    """The forum's memberships, current and past."""

    model = Membership
    formset = MembershipInlineFormSet
    fk_name = "forum"
    extra = 0
    fields = (
        "person",
        "agency",
        "role",
        "can_commit_resources",
        "deputy",
        "start_date",
        "end_date",
        "show_name_publicly",
    )
    autocomplete_fields = ("person", "agency", "deputy")
    ordering = ("end_date", "agency__name")
    show_change_link = True
    can_delete = False  # memberships are ended, never deleted: the history is the record


class PersonMembershipInline(MembershipInline):
    """A person's seats on forums."""

    fk_name = "person"
    fields = (
        "forum",
        "agency",
        "role",
        "can_commit_resources",
        "deputy",
        "start_date",
        "end_date",
        "show_name_publicly",
    )
    autocomplete_fields = ("forum", "agency", "deputy")
    verbose_name_plural = _("memberships of forums")


@admin.register(Forum)
class ForumAdmin(SimpleHistoryAdmin, TranslationAdmin):
    """A forum; its name and public summary in English and Welsh (forums/translation.py)."""

    list_display = ("name", "kind", "parent", "is_public", "core_seats")
    list_filter = ("kind", "is_public", "meeting_frequency", "areas__country", "areas")
    search_fields = ("name", "slug", "areas__name")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("areas",)
    autocomplete_fields = ("parent",)
    list_select_related = ("parent",)
    readonly_fields = ("coverage",)
    fieldsets = (
        (
            None,
            {"fields": ("name", "slug", "kind", "parent", "areas", "is_public", "bilingual")},
        ),
        (
            _("How it works"),
            {
                "fields": (
                    "meeting_frequency",
                    "quorum_core_agency_types",
                    "end_date",
                    "public_summary",
                    "terms_of_reference",
                )
            },
        ),
        (_("Recommended membership"), {"fields": ("coverage",)}),
    )
    inlines = [MembershipInline]

    def get_queryset(self, request):
        today = timezone.localdate()
        seated_with_authority = (
            Q(memberships__start_date__lte=today)
            & (Q(memberships__end_date__isnull=True) | Q(memberships__end_date__gte=today))
            & Q(memberships__role__in=Membership.SEATED_ROLES)
            & ~Q(memberships__role=Membership.Role.ADVISORY)
            & Q(memberships__can_commit_resources=True)
            & Q(memberships__agency__agency_type__core_member_expected=True)
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                core_with_authority=Count(
                    "memberships__agency__agency_type", filter=seated_with_authority, distinct=True
                )
            )
        )

    @admin.display(description=_("Core agencies with authority"), ordering="core_with_authority")
    def core_seats(self, forum):
        return forum.core_with_authority

    @admin.display(description=_("Coverage check"))
    def coverage(self, forum):
        if not forum.pk:
            return gettext("Save the forum to check its membership.")
        result = forum_coverage(forum=forum)
        if not result.checked:
            return gettext("Sub-groups and task-and-finish groups are not checked.")
        parts = []
        if result.is_complete:
            parts.append(
                format_html(
                    "<p>{}</p>",
                    gettext(
                        "Every core agency is represented by someone with authority to commit "
                        "resources."
                    ),
                )
            )
        if result.missing:
            parts.append(
                format_html(
                    "<p><strong>{}</strong></p><ul>{}</ul>",
                    gettext("Not represented:"),
                    format_html_join("", "<li>{}</li>", ((t.name,) for t in result.missing)),
                )
            )
        if result.without_authority:
            parts.append(
                format_html(
                    "<p><strong>{}</strong></p><ul>{}</ul>",
                    gettext("Only members without authority to commit resources:"),
                    format_html_join(
                        "", "<li>{}</li>", ((t.name,) for t in result.without_authority)
                    ),
                )
            )
        if not result.has_chair:
            parts.append(
                format_html(
                    "<p><strong>{}</strong></p>", gettext("The forum has no current chair.")
                )
            )
        return format_html_join("", "{}", ((part,) for part in parts))


@admin.register(Membership)
class MembershipAdmin(MembershipImportMixin, SimpleHistoryAdmin):
    """Memberships: search, filters, end today, change history, and import from CSV or XLSX."""

    list_display = (
        "person",
        "forum",
        "agency",
        "role",
        "can_commit_resources",
        "start_date",
        "end_date",
    )
    list_filter = (
        CurrentFilter,
        "role",
        "can_commit_resources",
        "agency__agency_type",
        "forum",
        "show_name_publicly",
    )
    search_fields = ("person__full_name", "person__email", "agency__name", "forum__name")
    autocomplete_fields = ("forum", "person", "agency", "deputy")
    list_select_related = ("person", "forum", "agency")
    date_hierarchy = "start_date"
    actions = ["end_today"]

    def has_delete_permission(self, request, obj=None):
        """Memberships are ended, never deleted (so a forum with members cannot be either)."""
        return False

    @admin.action(description=_("End selected memberships today"))
    def end_today(self, request, queryset):
        """Check first (who is told, whose seat ends), then end them on the confirmed POST."""
        today = timezone.localdate()
        ending = [
            membership
            for membership in queryset.select_related("person", "forum", "agency")
            if membership.start_date <= today
            and (membership.end_date is None or membership.end_date > today)
        ]
        if request.POST.get("confirmed") != "yes":
            return confirm_page(
                request,
                title=_("End the selected memberships today"),
                back_url=request.get_full_path(),
                what_happens=[
                    *(
                        (
                            gettext("%(person)s stops being %(role)s of %(forum)s for %(agency)s")
                            if m.agency_id
                            else gettext("%(person)s stops being %(role)s of %(forum)s")
                        )
                        % {
                            "person": m.person,
                            "role": m.get_role_display().lower(),
                            "forum": m.forum,
                            "agency": m.agency,
                        }
                        for m in ending
                    ),
                    gettext("Memberships that have already ended or start later are left alone."),
                    gettext("Each person loses access to the forum's workspace today."),
                ],
                who_is_told=sorted({str(m.person) for m in ending}),
                warning=_("An ended membership cannot be restarted: add a new one instead."),
                destructive=True,
                button=_("End these memberships"),
                button_gerund=_("ending them"),
                hidden={
                    "action": "end_today",
                    "_selected_action": [str(pk) for pk in queryset.values_list("pk", flat=True)],
                    "confirmed": "yes",
                },
            )
        count = memberships_end(memberships=queryset, ended_by=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d membership ended today. Memberships that had already ended or start "
                "later were left alone.",
                "%(count)d memberships ended today. Memberships that had already ended or start "
                "later were left alone.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def save_model(self, request, obj, form, change):
        obj._change_reason = "Changed in admin" if change else "Added in admin"
        super().save_model(request, obj, form, change)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations sent from the workspace (the link itself is never stored)."""

    list_display = ("email", "forum", "role", "created_at", "expires_at", "state")
    list_filter = ("forum", "role")
    search_fields = ("email", "full_name", "forum__name")
    list_select_related = ("forum",)
    readonly_fields = [field.name for field in Invitation._meta.fields if field.name != "id"]
    actions = ["withdraw"]

    def has_add_permission(self, request):
        return False  # invitations are sent from the forum's workspace page

    @admin.display(description=_("State"))
    def state(self, invitation):
        if invitation.accepted_at:
            return gettext("Accepted")
        if invitation.revoked_at:
            return gettext("Withdrawn")
        if invitation.expires_at <= timezone.now():
            return gettext("Expired")
        return gettext("Waiting")

    @admin.action(description=_("Withdraw selected invitations"))
    def withdraw(self, request, queryset):
        waiting = queryset.filter(accepted_at__isnull=True, revoked_at__isnull=True)
        count = 0
        for invitation in waiting:
            invitation_revoke(invitation=invitation, revoked_by=request.user)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d invitation withdrawn.", "%(count)d invitations withdrawn.", count)
            % {"count": count},
        )


# People: add their memberships to the person page (membership's admin cannot import forums).
admin.site.unregister(User)


@admin.register(User)
class PersonWithMembershipsAdmin(PersonAdmin):
    inlines = [*PersonAdmin.inlines, PersonMembershipInline]
