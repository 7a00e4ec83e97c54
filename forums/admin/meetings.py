"""Admin for meetings, agendas, papers, minutes, decisions, actions and escalations.

The workspace is where the secretariat runs meetings; the admin is for a site admin to look
things up and correct them. Paper files are never linked from here (they are private and served
only by the permission-checking view).
"""

from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from forums.calendar import EVENT_FIELDS
from forums.models import (
    Action,
    ActionUpdate,
    AgendaItem,
    Attendance,
    Decision,
    Declaration,
    Escalation,
    ForwardPlanItem,
    Meeting,
    MeetingSeries,
    MinuteComment,
    MinuteEntry,
    Minutes,
    Paper,
    PaperVersion,
)


class AgendaItemInline(admin.StackedInline):
    model = AgendaItem
    extra = 0
    fields = ("order", "title", "purpose", "status", "confidentiality", "public_title")
    show_change_link = True


class AttendanceInline(admin.StackedInline):
    model = Attendance
    extra = 0
    fields = ("person", "agency", "reply", "deputy", "actual", "attendee_can_commit_resources")
    raw_id_fields = ("person", "deputy")


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ("title", "forum", "starts_at", "status", "is_public")
    list_filter = ("status", "is_public", "forum")
    search_fields = ("title", "forum__name")
    date_hierarchy = "starts_at"
    inlines = [AgendaItemInline, AttendanceInline]
    list_select_related = ("forum",)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj, form, change):
        if change and EVENT_FIELDS.intersection(form.changed_data):
            obj.sequence += 1  # calendars update the event they have, as after the services
        super().save_model(request, obj, form, change)


@admin.register(MeetingSeries)
class MeetingSeriesAdmin(admin.ModelAdmin):
    list_display = ("title", "forum", "frequency")


class PaperInline(admin.StackedInline):
    model = Paper
    extra = 0
    fields = ("title", "classification", "confidentiality")
    show_change_link = True


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ("title", "meeting", "order", "purpose", "confidentiality", "status")
    list_filter = ("confidentiality", "purpose", "status")
    search_fields = ("title", "meeting__forum__name")
    raw_id_fields = ("meeting", "presenter")
    filter_horizontal = ("restricted_to",)
    inlines = [PaperInline]


class PaperVersionInline(admin.StackedInline):
    model = PaperVersion
    extra = 0
    fields = ("number", "file_name", "content_type", "size", "uploaded_by", "uploaded_at", "note")
    readonly_fields = fields
    can_delete = False


@admin.register(Paper)
class PaperAdmin(admin.ModelAdmin):
    list_display = ("title", "agenda_item", "classification", "confidentiality")
    list_filter = ("classification", "confidentiality")
    raw_id_fields = ("agenda_item", "current_version")
    filter_horizontal = ("restricted_to",)
    inlines = [PaperVersionInline]


@admin.register(Declaration)
class DeclarationAdmin(admin.ModelAdmin):
    list_display = ("person", "meeting", "agenda_item", "interest")
    raw_id_fields = ("meeting", "agenda_item", "person")


class MinuteEntryInline(admin.StackedInline):
    model = MinuteEntry
    extra = 0
    fields = ("agenda_item", "text")
    raw_id_fields = ("agenda_item",)


@admin.register(Minutes)
class MinutesAdmin(SimpleHistoryAdmin):
    list_display = ("meeting", "status", "approved_at", "published_at")
    list_filter = ("status",)
    raw_id_fields = ("meeting", "approved_at_meeting", "approved_by")
    inlines = [MinuteEntryInline]


@admin.register(MinuteEntry)
class MinuteEntryAdmin(SimpleHistoryAdmin):
    list_display = ("agenda_item", "minutes", "updated_at")
    raw_id_fields = ("minutes", "agenda_item")


@admin.register(MinuteComment)
class MinuteCommentAdmin(admin.ModelAdmin):
    list_display = ("entry", "author", "created_at")
    raw_id_fields = ("entry", "author")


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ("reference", "forum", "decided_on", "confidentiality")
    list_filter = ("confidentiality", "forum")
    search_fields = ("reference", "text")
    raw_id_fields = ("meeting", "agenda_item", "procedure")


class ActionUpdateInline(admin.StackedInline):
    model = ActionUpdate
    extra = 0
    fields = ("created_at", "author", "status", "percent_complete", "text")
    readonly_fields = fields
    can_delete = False


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ("reference", "title", "forum", "owner", "due_date", "status")
    list_filter = ("status", "forum")
    search_fields = ("reference", "title")
    raw_id_fields = ("meeting", "agenda_item", "decision", "owner")
    inlines = [ActionUpdateInline]


@admin.register(Escalation)
class EscalationAdmin(SimpleHistoryAdmin):
    list_display = ("title", "from_forum", "level", "to_forum", "status", "raised_at")
    list_filter = ("level", "status")
    raw_id_fields = ("source_meeting", "agenda_item", "raised_by", "responded_by")


@admin.register(ForwardPlanItem)
class ForwardPlanItemAdmin(admin.ModelAdmin):
    list_display = ("title", "forum", "planned_for", "confidentiality")
    list_filter = ("forum", "confidentiality")
    raw_id_fields = ("agenda_item",)
