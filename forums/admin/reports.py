"""Admin for generated reports: what was built, for whom, and whether it failed."""

from django.contrib import admin

from forums.models import GeneratedReport


@admin.register(GeneratedReport)
class GeneratedReportAdmin(admin.ModelAdmin):
    """Read-only: reports are built by the Celery task, never edited by hand."""

    list_display = ["kind", "subject", "forum", "audience", "format", "status", "finished_at"]
    list_filter = ["status", "kind", "audience", "format"]
    search_fields = ["forum__name", "subject", "file_name"]
    list_select_related = ["forum"]
    date_hierarchy = "requested_at"
    readonly_fields = [field.name for field in GeneratedReport._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
