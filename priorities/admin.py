"""Admin for reference themes and, for site admins, the planning records (history kept).

Consultation responses are shown read-only: they are the public's words, never edited.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from priorities.models import (
    AnnualEvaluation,
    Answer,
    Consultation,
    DeliveryAction,
    EvaluationOutcome,
    Objective,
    Priority,
    PriorityDiscussion,
    Question,
    Response,
    Risk,
    SignOff,
    Tension,
    Theme,
    YouSaidWeDid,
)


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "forum"]
    list_filter = [("forum", admin.EmptyFieldListFilter)]
    search_fields = ["name", "slug"]


class ObjectiveInline(admin.StackedInline):
    model = Objective
    extra = 0
    fields = [
        "title",
        "indicator",
        "local_measure",
        "baseline",
        "baseline_date",
        "target",
        "target_date",
    ]


class SignOffInline(admin.StackedInline):
    model = SignOff
    extra = 0
    fields = ["round", "agency", "decision", "comment", "signed_by", "signed_at"]
    raw_id_fields = ["agency", "signed_by"]


@admin.register(Priority)
class PriorityAdmin(SimpleHistoryAdmin):
    list_display = ["title", "forum", "plan_year", "theme", "status"]
    list_filter = ["status", "plan_year", "theme"]
    search_fields = ["title", "forum__name"]
    raw_id_fields = ["forum", "lead_agency", "lead_member"]
    filter_horizontal = ["indicators"]
    exclude = ["cited_responses"]
    inlines = [ObjectiveInline, SignOffInline]


@admin.register(Tension)
class TensionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "forum", "status", "raised_at"]
    list_filter = ["status"]
    raw_id_fields = ["forum", "priority"]
    filter_horizontal = ["agencies"]


@admin.register(Risk)
class RiskAdmin(SimpleHistoryAdmin):
    list_display = ["title", "forum", "likelihood", "impact", "score", "review_date", "status"]
    list_filter = ["status"]
    raw_id_fields = ["forum", "priority", "owner", "owner_agency"]
    readonly_fields = ["score"]


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0


class YouSaidWeDidInline(admin.StackedInline):
    model = YouSaidWeDid
    extra = 0
    raw_id_fields = ["priority", "decision", "action"]


@admin.register(Consultation)
class ConsultationAdmin(SimpleHistoryAdmin):
    list_display = ["title", "forum", "opens_on", "closes_on", "is_published"]
    list_filter = ["is_published"]
    raw_id_fields = ["forum", "created_by"]
    filter_horizontal = ["priorities"]
    inlines = [QuestionInline, YouSaidWeDidInline]


class AnswerInline(admin.StackedInline):
    model = Answer
    extra = 0
    can_delete = False
    readonly_fields = ["question", "text"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["pk", "consultation", "submitted_at"]
    list_filter = ["consultation"]
    readonly_fields = [f.name for f in Response._meta.fields]
    inlines = [AnswerInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class OutcomeInline(admin.StackedInline):
    model = EvaluationOutcome
    extra = 0
    raw_id_fields = ["priority"]


@admin.register(AnnualEvaluation)
class AnnualEvaluationAdmin(SimpleHistoryAdmin):
    list_display = ["forum", "plan_year", "status", "approved_by"]
    list_filter = ["status", "plan_year"]
    raw_id_fields = ["forum", "approved_by"]
    inlines = [OutcomeInline]


@admin.register(DeliveryAction)
class DeliveryActionAdmin(SimpleHistoryAdmin):
    list_display = ["action", "priority", "objective", "linked_at"]
    raw_id_fields = ["priority", "objective", "action", "linked_by"]


@admin.register(PriorityDiscussion)
class PriorityDiscussionAdmin(admin.ModelAdmin):
    list_display = ["priority", "agenda_item", "decision", "minute_entry", "linked_at"]
    raw_id_fields = ["priority", "agenda_item", "decision", "minute_entry", "linked_by"]
