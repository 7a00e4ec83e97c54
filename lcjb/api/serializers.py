"""What the API shows of each public row: only what the public pages show.

Text held in both languages comes as the field (English) and ``<field>_cy`` (Welsh, null where
there is no Welsh version), as in the open data files.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from forums.models import AgendaItem, Decision, Forum, Meeting, MinuteEntry, Minutes, Paper
from forums.selectors.forum import public_name
from membership.models import Agency, PoliceForceArea
from performance.models import Indicator, Measurement, Target
from priorities.models import AnnualEvaluation, EvaluationOutcome, Objective, Priority


def dated(serializer_class):
    """The detail version of a serializer: the row and when the public record last changed."""

    class Dated(serializer_class):
        last_updated = serializers.SerializerMethodField()

        class Meta(serializer_class.Meta):
            fields = [*serializer_class.Meta.fields, "last_updated"]

        @extend_schema_field(OpenApiTypes.DATETIME)
        def get_last_updated(self, obj):
            return self.context["last_updated"].isoformat()

    Dated.__name__ = serializer_class.__name__.replace("Serializer", "DetailSerializer")
    Dated.Meta.ref_name = Dated.__name__.removesuffix("Serializer")
    return Dated


def _slug(field: str, **kwargs):
    return serializers.SlugRelatedField(slug_field=field, read_only=True, **kwargs)


class AreaSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:area-detail", lookup_field="code")
    forums = serializers.SerializerMethodField(help_text="Slugs of the area's public forums.")

    class Meta:
        model = PoliceForceArea
        fields = ["url", "code", "name", "name_cy", "force_name", "country", "region", "forums"]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_forums(self, area) -> list[str]:
        return [forum.slug for forum in area.public_forums]


class AgencySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:agency-detail", lookup_field="slug")
    agency_type = _slug("name")
    areas = _slug("code", many=True, help_text="ONS codes of the areas the agency covers.")
    website = serializers.CharField(help_text="Its website's address, if known (else blank).")

    class Meta:
        model = Agency
        fields = ["url", "slug", "name", "agency_type", "areas", "website", "is_active"]


class ForumSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:forum-detail", lookup_field="slug")
    kind = serializers.CharField(source="get_kind_display")
    areas = _slug("code", many=True, help_text="ONS codes of the areas the forum covers.")
    meeting_frequency = serializers.CharField(source="get_meeting_frequency_display")
    parent = serializers.SerializerMethodField(
        help_text="Slug of the board a sub-group or task-and-finish group reports to, if public."
    )
    sub_groups = serializers.SerializerMethodField(
        help_text="Slugs of the public sub-groups and task-and-finish groups under this forum."
    )

    class Meta:
        model = Forum
        fields = [
            "url",
            "slug",
            "name",
            "name_cy",
            "kind",
            "parent",
            "sub_groups",
            "areas",
            "public_summary",
            "public_summary_cy",
            "terms_of_reference",
            "meeting_frequency",
            "end_date",
        ]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_parent(self, forum) -> str | None:
        parent = forum.parent
        return parent.slug if parent is not None and parent.is_public else None

    @extend_schema_field({"type": "array", "items": {"type": "string"}})
    def get_sub_groups(self, forum) -> list[str]:
        return [child.slug for child in forum.public_sub_groups]


class MemberSerializer(serializers.Serializer):
    """A seat round a public forum's table; the person's name only if they agreed to it."""

    forum = serializers.CharField(source="forum_slug")
    agency = serializers.CharField(source="agency.name", allow_null=True, default=None)
    agency_type = serializers.CharField(
        source="agency.agency_type.name", allow_null=True, default=None
    )
    role = serializers.CharField(source="get_role_display")
    name = serializers.SerializerMethodField(
        help_text="Given only when the member agreed to be named publicly."
    )
    can_commit_resources = serializers.BooleanField()

    class Meta:
        fields = ["forum", "agency", "agency_type", "role", "name", "can_commit_resources"]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_name(self, membership) -> str | None:
        return public_name(membership) or None


class MeetingSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:meeting-detail")
    forum = _slug("slug")
    status = serializers.CharField(source="get_status_display")
    page = serializers.SerializerMethodField(help_text="The meeting's public page.")

    class Meta:
        model = Meeting
        fields = [
            "url",
            "id",
            "forum",
            "title",
            "title_cy",
            "starts_at",
            "ends_at",
            "location",
            "location_cy",
            "status",
            "page",
        ]

    def get_page(self, meeting) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("meetings:public-meeting", args=[meeting.forum.slug, meeting.pk])
        )


class AgendaItemSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:agenda-item-detail")
    meeting = serializers.HyperlinkedRelatedField(view_name="api:meeting-detail", read_only=True)
    forum = serializers.CharField(source="meeting.forum.slug")
    purpose = serializers.CharField(source="get_purpose_display")

    class Meta:
        model = AgendaItem
        fields = ["url", "id", "meeting", "forum", "order", "title", "title_cy", "purpose"]


class PaperSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:paper-detail")
    agenda_item = serializers.HyperlinkedRelatedField(
        view_name="api:agenda-item-detail", read_only=True
    )
    forum = serializers.CharField(source="agenda_item.meeting.forum.slug")
    classification = serializers.CharField(source="get_classification_display")
    file_name = serializers.CharField(source="current_version.file_name")
    content_type = serializers.CharField(source="current_version.content_type")
    size = serializers.IntegerField(source="current_version.size", help_text="Bytes.")
    uploaded_at = serializers.DateTimeField(source="current_version.uploaded_at")
    download = serializers.SerializerMethodField(help_text="Where anyone may download it.")

    class Meta:
        model = Paper
        fields = [
            "url",
            "id",
            "agenda_item",
            "forum",
            "title",
            "classification",
            "file_name",
            "content_type",
            "size",
            "uploaded_at",
            "download",
        ]

    def get_download(self, paper) -> str:
        path = reverse(
            "meetings:public-paper", args=[paper.agenda_item.meeting.forum.slug, paper.pk]
        )
        return self.context["request"].build_absolute_uri(path)


class MinuteEntrySerializer(serializers.ModelSerializer):
    agenda_item = serializers.HyperlinkedRelatedField(
        view_name="api:agenda-item-detail", read_only=True
    )
    title = serializers.CharField(source="agenda_item.title")
    title_cy = serializers.CharField(source="agenda_item.title_cy", allow_null=True)

    class Meta:
        model = MinuteEntry
        fields = ["agenda_item", "title", "title_cy", "text", "text_cy"]


class MinutesSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:minutes-detail")
    meeting = serializers.HyperlinkedRelatedField(view_name="api:meeting-detail", read_only=True)
    forum = serializers.CharField(source="meeting.forum.slug")
    entries = MinuteEntrySerializer(source="public_entries", many=True)

    class Meta:
        model = Minutes
        fields = ["url", "id", "meeting", "forum", "approved_at", "published_at", "entries"]


class DecisionSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:decision-detail")
    forum = _slug("slug")
    meeting = serializers.HyperlinkedRelatedField(
        view_name="api:meeting-detail", read_only=True, allow_null=True
    )
    agenda_item = serializers.HyperlinkedRelatedField(
        view_name="api:agenda-item-detail", read_only=True, allow_null=True
    )

    class Meta:
        model = Decision
        fields = [
            "url",
            "id",
            "reference",
            "forum",
            "meeting",
            "agenda_item",
            "decided_on",
            "text",
            "text_cy",
        ]


class ObjectiveSerializer(serializers.ModelSerializer):
    indicator = _slug("slug", allow_null=True)

    class Meta:
        model = Objective
        fields = [
            "title",
            "title_cy",
            "indicator",
            "local_measure",
            "unit",
            "baseline",
            "baseline_date",
            "target",
            "target_date",
        ]


class PrioritySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:priority-detail")
    forum = _slug("slug")
    theme = _slug("slug")
    theme_name = serializers.CharField(source="theme.name")
    theme_name_cy = serializers.CharField(source="theme.name_cy", allow_null=True)
    lead_agency = _slug("name", allow_null=True)
    indicators = _slug("slug", many=True)
    objectives = ObjectiveSerializer(many=True)

    class Meta:
        model = Priority
        fields = [
            "url",
            "id",
            "forum",
            "plan_year",
            "title",
            "title_cy",
            "description",
            "description_cy",
            "theme",
            "theme_name",
            "theme_name_cy",
            "lead_agency",
            "agreed_at",
            "indicators",
            "objectives",
        ]


class OutcomeSerializer(serializers.ModelSerializer):
    priority = serializers.CharField(source="priority.title")
    priority_cy = serializers.CharField(source="priority.title_cy", allow_null=True)
    theme = serializers.CharField(source="priority.theme.slug")
    outcome = serializers.CharField(source="get_outcome_display")

    class Meta:
        model = EvaluationOutcome
        fields = [
            "priority",
            "priority_cy",
            "theme",
            "outcome",
            "narrative",
            "narrative_cy",
            "figures",
            "next_action",
        ]


class EvaluationSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:evaluation-detail")
    forum = _slug("slug")
    outcomes = OutcomeSerializer(source="public_outcomes", many=True)

    class Meta:
        model = AnnualEvaluation
        fields = [
            "url",
            "id",
            "forum",
            "plan_year",
            "summary",
            "summary_cy",
            "approved_at",
            "outcomes",
        ]


class IndicatorSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:indicator-detail", lookup_field="slug"
    )
    responsible_agency_type = _slug("slug", allow_null=True)
    forum = _slug("slug", allow_null=True, help_text="For a local indicator, the forum using it.")
    victims_code_right = _slug("number", allow_null=True)

    class Meta:
        model = Indicator
        fields = [
            "url",
            "slug",
            "name",
            "name_cy",
            "definition",
            "definition_cy",
            "unit",
            "polarity",
            "frequency",
            "responsible_agency_type",
            "source",
            "is_core",
            "forum",
            "victims_code_right",
        ]


class TargetSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:target-detail")
    indicator = _slug("slug")
    forum = _slug("slug", allow_null=True)
    area = _slug("code", allow_null=True)
    period = _slug("code")
    period_start = serializers.DateField(source="period.start")
    period_end = serializers.DateField(source="period.end")

    class Meta:
        model = Target
        fields = [
            "url",
            "id",
            "indicator",
            "forum",
            "area",
            "period",
            "period_start",
            "period_end",
            "value",
            "amber_tolerance",
        ]


class FigureSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:figure-detail")
    forum = serializers.CharField(source="performance_return.forum.slug")
    indicator = _slug("slug")
    period = serializers.CharField(source="performance_return.period.code")
    period_start = serializers.DateField(source="performance_return.period.start")
    period_end = serializers.DateField(source="performance_return.period.end")
    agency = serializers.CharField(source="performance_return.agency.name")
    revised = serializers.BooleanField(source="performance_return.is_revised")

    class Meta:
        model = Measurement
        fields = [
            "url",
            "id",
            "forum",
            "indicator",
            "period",
            "period_start",
            "period_end",
            "agency",
            "breakdown_dimension",
            "breakdown",
            "value",
            "numerator",
            "denominator",
            "is_provisional",
            "revised",
        ]
