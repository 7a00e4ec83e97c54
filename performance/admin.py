"""Admin for the indicator catalogue, periods, targets, returns and their figures.

Figures, returns, targets and publications keep their change history (the "History" button).
Site admins mostly look things up here; boards work in the workspace.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from performance.models import (
    DataOwnerConfirmation,
    Indicator,
    Measurement,
    MeetingFigures,
    PerformanceReturn,
    PeriodPublication,
    ReportingPeriod,
    Target,
    VictimsCodeRight,
)


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "slug",
        "unit",
        "polarity",
        "frequency",
        "responsible_agency_type",
        "is_core",
        "forum",
        "is_active",
    )
    list_filter = ("is_core", "is_active", "unit", "frequency", "responsible_agency_type")
    search_fields = ("name", "slug", "definition")
    list_select_related = ("responsible_agency_type", "forum")
    autocomplete_fields = ("forum",)


@admin.register(VictimsCodeRight)
class VictimsCodeRightAdmin(admin.ModelAdmin):
    list_display = ("number", "short_title")


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(admin.ModelAdmin):
    list_display = ("code", "frequency", "start", "end", "due_date")
    list_filter = ("frequency",)
    search_fields = ("code",)


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ("indicator", "forum", "area", "period", "value", "amber_tolerance")
    list_filter = ("period__frequency",)
    search_fields = ("indicator__name", "forum__name", "area__name")
    list_select_related = ("indicator", "forum", "area", "period")
    autocomplete_fields = ("forum", "indicator", "period")
    raw_id_fields = ("set_by",)


class MeasurementInline(admin.StackedInline):
    model = Measurement
    extra = 0
    fields = (
        "indicator",
        "breakdown_dimension",
        "breakdown",
        "value",
        "numerator",
        "denominator",
        "is_provisional",
        "note",
    )
    autocomplete_fields = ("indicator",)


@admin.register(PerformanceReturn)
class PerformanceReturnAdmin(SimpleHistoryAdmin):
    list_display = (
        "agency",
        "forum",
        "period",
        "status",
        "is_revised",
        "submitted_at",
        "reviewed_at",
    )
    list_filter = ("status", "is_revised", "period__frequency")
    search_fields = ("agency__name", "forum__name", "period__code")
    list_select_related = ("agency", "forum", "period")
    raw_id_fields = ("created_by", "submitted_by", "reviewed_by")
    autocomplete_fields = ("forum", "period")
    inlines = [MeasurementInline]


@admin.register(Measurement)
class MeasurementAdmin(SimpleHistoryAdmin):
    list_display = ("indicator", "performance_return", "breakdown", "value", "is_provisional")
    search_fields = ("indicator__name", "performance_return__agency__name")
    list_select_related = ("indicator", "performance_return__agency", "performance_return__period")
    raw_id_fields = ("performance_return",)
    autocomplete_fields = ("indicator",)


@admin.register(PeriodPublication)
class PeriodPublicationAdmin(SimpleHistoryAdmin):
    list_display = ("forum", "period", "published_at", "published_by")
    list_select_related = ("forum", "period", "published_by")
    raw_id_fields = ("published_by",)
    autocomplete_fields = ("forum", "period")


@admin.register(DataOwnerConfirmation)
class DataOwnerConfirmationAdmin(SimpleHistoryAdmin):
    list_display = ("agency", "forum", "period", "confirmed", "recorded_by", "recorded_at")
    list_filter = ("confirmed",)
    list_select_related = ("agency", "forum", "period", "recorded_by")
    raw_id_fields = ("recorded_by",)
    autocomplete_fields = ("forum", "period")


@admin.register(MeetingFigures)
class MeetingFiguresAdmin(SimpleHistoryAdmin):
    list_display = ("meeting", "taken_at", "taken_by")
    raw_id_fields = ("meeting", "taken_by")
    readonly_fields = ("figures",)
