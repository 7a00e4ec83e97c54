"""Admin for decisions in writing: site admins see each procedure, its answers and history."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from forums.models import ProcedurePaper, ProcedureResponse, WrittenProcedure


class ProcedureResponseInline(admin.StackedInline):
    model = ProcedureResponse
    extra = 0
    fields = ("agency", "answer", "comments", "refer_to_meeting", "responded_by", "responded_at")
    readonly_fields = fields
    can_delete = False


class ProcedurePaperInline(admin.StackedInline):
    model = ProcedurePaper
    extra = 0
    fields = ("title", "file_name", "size", "uploaded_by", "uploaded_at")
    readonly_fields = fields
    can_delete = False


@admin.register(WrittenProcedure)
class WrittenProcedureAdmin(SimpleHistoryAdmin):
    list_display = ("title", "forum", "closes_at", "status", "confidentiality")
    list_filter = ("status", "confidentiality", "forum")
    search_fields = ("title", "proposal")
    raw_id_fields = ("forum", "agenda_item", "created_by", "closed_by")
    inlines = [ProcedurePaperInline, ProcedureResponseInline]
