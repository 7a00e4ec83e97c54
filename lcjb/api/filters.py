"""The API's filters: by forum (its slug), area (its ONS code), date and theme (its slug)."""

import django_filters as filters

from forums.models import AgendaItem, Decision, Forum, Meeting, Membership, Minutes, Paper
from membership.models import Agency
from performance.models import Indicator, Measurement, Target
from priorities.models import AnnualEvaluation, Priority
from priorities.selectors.public import published_outcomes


def _forum(path: str):
    return filters.CharFilter(field_name=f"{path}slug", label="The forum's slug.")


def _area(path: str):
    return filters.CharFilter(
        field_name=f"{path}areas__code", distinct=True, label="A police force area's ONS code."
    )


def _dates(field: str):
    return (
        filters.DateFilter(field_name=field, lookup_expr="gte", label="On or after (YYYY-MM-DD)."),
        filters.DateFilter(field_name=field, lookup_expr="lte", label="On or before (YYYY-MM-DD)."),
    )


class AgencyFilter(filters.FilterSet):
    area = _area("")
    agency_type = filters.CharFilter(field_name="agency_type__slug", label="The type's slug.")

    class Meta:
        model = Agency
        fields = ["area", "agency_type"]


class ForumFilter(filters.FilterSet):
    area = _area("")

    class Meta:
        model = Forum
        fields = ["area"]


class MemberFilter(filters.FilterSet):
    forum = _forum("forum__")
    area = _area("forum__")

    class Meta:
        model = Membership
        fields = ["forum", "area"]


class MeetingFilter(filters.FilterSet):
    forum = _forum("forum__")
    area = _area("forum__")
    from_date, to_date = _dates("starts_at__date")

    class Meta:
        model = Meeting
        fields = ["forum", "area", "from_date", "to_date"]


class AgendaItemFilter(filters.FilterSet):
    forum = _forum("meeting__forum__")
    area = _area("meeting__forum__")
    meeting = filters.NumberFilter(field_name="meeting_id", label="The meeting's id.")
    from_date, to_date = _dates("meeting__starts_at__date")

    class Meta:
        model = AgendaItem
        fields = ["forum", "area", "meeting", "from_date", "to_date"]


class PaperFilter(filters.FilterSet):
    forum = _forum("agenda_item__meeting__forum__")
    area = _area("agenda_item__meeting__forum__")
    meeting = filters.NumberFilter(field_name="agenda_item__meeting_id", label="The meeting's id.")
    from_date, to_date = _dates("agenda_item__meeting__starts_at__date")

    class Meta:
        model = Paper
        fields = ["forum", "area", "meeting", "from_date", "to_date"]


class MinutesFilter(filters.FilterSet):
    forum = _forum("meeting__forum__")
    area = _area("meeting__forum__")
    from_date, to_date = _dates("meeting__starts_at__date")

    class Meta:
        model = Minutes
        fields = ["forum", "area", "from_date", "to_date"]


class DecisionFilter(filters.FilterSet):
    forum = _forum("forum__")
    area = _area("forum__")
    from_date, to_date = _dates("decided_on")

    class Meta:
        model = Decision
        fields = ["forum", "area", "from_date", "to_date"]


class PriorityFilter(filters.FilterSet):
    forum = _forum("forum__")
    area = _area("forum__")
    theme = filters.CharFilter(field_name="theme__slug", label="The theme's slug.")
    plan_year = filters.NumberFilter(label="The plan year, named by the year it starts in.")

    class Meta:
        model = Priority
        fields = ["forum", "area", "theme", "plan_year"]


class EvaluationFilter(filters.FilterSet):
    forum = _forum("forum__")
    area = _area("forum__")
    theme = filters.CharFilter(
        method="reports_on_theme", label="The slug of a theme the evaluation reports on."
    )
    plan_year = filters.NumberFilter(label="The plan year, named by the year it starts in.")

    class Meta:
        model = AnnualEvaluation
        fields = ["forum", "area", "theme", "plan_year"]

    def reports_on_theme(self, queryset, name, value):
        """Only the outcomes the public sees count (never a draft priority's)."""
        outcomes = published_outcomes().filter(priority__theme__slug=value)
        return queryset.filter(pk__in=outcomes.values("evaluation_id"))


class IndicatorFilter(filters.FilterSet):
    forum = _forum("forum__")

    class Meta:
        model = Indicator
        fields = ["forum", "is_core"]


class TargetFilter(filters.FilterSet):
    forum = _forum("forum__")
    area = filters.CharFilter(field_name="area__code", label="A police force area's ONS code.")
    indicator = filters.CharFilter(field_name="indicator__slug", label="The indicator's slug.")
    from_date, to_date = _dates("period__start")

    class Meta:
        model = Target
        fields = ["forum", "area", "indicator", "from_date", "to_date"]


class FigureFilter(filters.FilterSet):
    forum = _forum("performance_return__forum__")
    area = _area("performance_return__forum__")
    indicator = filters.CharFilter(field_name="indicator__slug", label="The indicator's slug.")
    from_date, to_date = _dates("performance_return__period__start")

    class Meta:
        model = Measurement
        fields = ["forum", "area", "indicator", "from_date", "to_date"]
