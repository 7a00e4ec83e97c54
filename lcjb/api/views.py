"""The API's endpoints. Each reads only through the public querysets the public pages use
(``forums.confidentiality.public`` and the models' ``public()``/``published()``, the public
seats, performance's published figures, priorities' agreed ones): no rule of its own."""

from django.contrib.auth.decorators import login_not_required
from django.db.models import F, Prefetch
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from forums.models import AgendaItem, Decision, Forum, Meeting, MinuteEntry, Minutes, Paper
from forums.public_cache import changed_at
from forums.selectors.forum import public_areas_with_forums, public_seat_memberships
from lcjb.api import filters, serializers
from lcjb.api.http import PublicApiThrottle, PublicViewSet, mark_dated
from membership.models import Agency
from performance import selectors as performance
from priorities.models import AnnualEvaluation, Objective, Priority
from priorities.selectors.public import published_outcomes


def endpoint(name, serializer, queryset, filterset=None, lookup="pk", doc=""):
    """A list-and-detail view set of ``queryset`` (a callable, read afresh on each request)."""

    class ViewSet(PublicViewSet):
        __doc__ = doc
        serializer_class = serializer
        detail_serializer_class = serializers.dated(serializer)
        filterset_class = filterset
        lookup_field = lookup

        def get_queryset(self):
            return queryset()

    ViewSet.__name__ = ViewSet.__qualname__ = f"{name}ViewSet"
    return ViewSet


AreaViewSet = endpoint(
    "Area",
    serializers.AreaSerializer,
    public_areas_with_forums,
    lookup="code",
    doc="Police force areas, each with its public forums.",
)
AgencyViewSet = endpoint(
    "Agency",
    serializers.AgencySerializer,
    lambda: Agency.objects.select_related("agency_type").prefetch_related("areas").order_by("name"),
    filters.AgencyFilter,
    lookup="slug",
    doc="Agencies: police, CPS, courts, probation, victim services and the rest.",
)
ForumViewSet = endpoint(
    "Forum",
    serializers.ForumSerializer,
    lambda: (
        Forum.objects.public()
        .select_related("parent")
        .prefetch_related(
            "areas",
            Prefetch(
                "children",
                queryset=Forum.objects.public().order_by("name"),
                to_attr="public_sub_groups",
            ),
        )
        .order_by("name")
    ),
    filters.ForumFilter,
    lookup="slug",
    doc="Public forums: boards, sub-groups and task-and-finish groups.",
)
MemberViewSet = endpoint(
    "Member",
    serializers.MemberSerializer,
    lambda: (
        public_seat_memberships()
        .filter(forum__in=Forum.objects.public())
        .annotate(forum_slug=F("forum__slug"))
        .order_by("forum__slug", "agency__name", "role", "pk")
    ),
    filters.MemberFilter,
    doc="Seats round public forums' tables; names only of members who agreed to be named.",
)
MeetingViewSet = endpoint(
    "Meeting",
    serializers.MeetingSerializer,
    lambda: Meeting.objects.published().select_related("forum").order_by("-starts_at", "pk"),
    filters.MeetingFilter,
    doc="Meetings shown publicly.",
)
AgendaItemViewSet = endpoint(
    "AgendaItem",
    serializers.AgendaItemSerializer,
    lambda: (
        AgendaItem.objects.public()
        .select_related("meeting__forum")
        .order_by("-meeting__starts_at", "meeting_id", "order", "pk")
    ),
    filters.AgendaItemFilter,
    doc="Public items of published agendas.",
)
PaperViewSet = endpoint(
    "Paper",
    serializers.PaperSerializer,
    lambda: (
        Paper.objects.public()
        .select_related("current_version", "agenda_item__meeting__forum")
        .order_by("-agenda_item__meeting__starts_at", "pk")
    ),
    filters.PaperFilter,
    doc="Public OFFICIAL papers of public agenda items: what they are and where to download them.",
)
MinutesViewSet = endpoint(
    "Minutes",
    serializers.MinutesSerializer,
    lambda: (
        Minutes.objects.published()
        .select_related("meeting__forum")
        .prefetch_related(
            Prefetch(
                "entries",
                queryset=MinuteEntry.objects.public()
                .select_related("agenda_item")
                .order_by("agenda_item__order", "pk"),
                to_attr="public_entries",
            )
        )
        .order_by("-meeting__starts_at", "pk")
    ),
    filters.MinutesFilter,
    doc="Published minutes, with the entries of their public items.",
)
DecisionViewSet = endpoint(
    "Decision",
    serializers.DecisionSerializer,
    lambda: Decision.objects.public().select_related("forum").order_by("-decided_on", "pk"),
    filters.DecisionFilter,
    doc="Public decisions whose minutes are published.",
)
PriorityViewSet = endpoint(
    "Priority",
    serializers.PrioritySerializer,
    lambda: (
        Priority.objects.published()
        .select_related("forum", "theme", "lead_agency")
        .prefetch_related(
            "indicators",
            Prefetch("objectives", queryset=Objective.objects.select_related("indicator")),
        )
        .order_by("-plan_year", "forum__slug", "title", "pk")
    ),
    filters.PriorityFilter,
    doc="Agreed priorities of public forums, with their objectives.",
)
EvaluationViewSet = endpoint(
    "Evaluation",
    serializers.EvaluationSerializer,
    lambda: (
        AnnualEvaluation.objects.published()
        .select_related("forum")
        .prefetch_related(
            Prefetch(
                "outcomes",
                queryset=published_outcomes().select_related("priority__theme").order_by("pk"),
                to_attr="public_outcomes",
            )
        )
        .order_by("-plan_year", "forum__slug", "pk")
    ),
    filters.EvaluationFilter,
    doc="Annual evaluations approved by public forums' chairs.",
)
IndicatorViewSet = endpoint(
    "Indicator",
    serializers.IndicatorSerializer,
    lambda: (
        performance.public_indicators()
        .select_related("responsible_agency_type", "forum", "victims_code_right")
        .order_by("slug")
    ),
    filters.IndicatorFilter,
    lookup="slug",
    doc="The indicator catalogue: the national core suite and public forums' local indicators.",
)
TargetViewSet = endpoint(
    "Target",
    serializers.TargetSerializer,
    lambda: (
        performance.public_targets()
        .select_related("indicator", "forum", "area", "period")
        .order_by("indicator__slug", "period__start", "pk")
    ),
    filters.TargetFilter,
    doc="Targets set by public forums, or for a whole police force area.",
)
FigureViewSet = endpoint(
    "Figure",
    serializers.FigureSerializer,
    lambda: (
        performance.accepted_measurements(published_only=True)
        .select_related(
            "indicator",
            "performance_return__forum",
            "performance_return__period",
            "performance_return__agency",
        )
        .order_by("performance_return__forum__slug", "indicator__slug", "pk")
    ),
    filters.FigureFilter,
    doc="Accepted figures of public forums for the periods each has published.",
)

# (URL prefix, name, view set): the order of the API's front page and its documentation.
ENDPOINTS = [
    ("areas", "area", AreaViewSet),
    ("agencies", "agency", AgencyViewSet),
    ("forums", "forum", ForumViewSet),
    ("members", "member", MemberViewSet),
    ("meetings", "meeting", MeetingViewSet),
    ("agenda-items", "agenda-item", AgendaItemViewSet),
    ("papers", "paper", PaperViewSet),
    ("minutes", "minutes", MinutesViewSet),
    ("decisions", "decision", DecisionViewSet),
    ("priorities", "priority", PriorityViewSet),
    ("evaluations", "evaluation", EvaluationViewSet),
    ("indicators", "indicator", IndicatorViewSet),
    ("targets", "target", TargetViewSet),
    ("figures", "figure", FigureViewSet),
]


class Root(APIView):
    """The API's front page: where each list is, the schema and the documentation."""

    authentication_classes = []
    permission_classes = []
    throttle_classes = [PublicApiThrottle]
    http_method_names = ["get", "head", "options"]
    schema = None

    @classmethod
    def as_view(cls, *args, **kwargs):
        return login_not_required(super().as_view(*args, **kwargs))

    def get(self, request):
        request.last_updated = changed_at()
        links = {
            prefix: reverse(f"api:{name}-list", request=request) for prefix, name, _ in ENDPOINTS
        }
        return mark_dated(
            request,
            Response(
                {
                    "last_updated": request.last_updated,
                    "schema": reverse("api:schema", request=request),
                    "docs": reverse("api:docs", request=request),
                    "endpoints": links,
                }
            ),
        )
