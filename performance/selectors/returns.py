"""Forums and returns, scoped to the person asking: indicators, returns, figures and history."""

from django.db.models import Q, QuerySet
from django.http import Http404

from forums.models import Forum
from membership.models import User
from performance.models import Indicator, Measurement, PerformanceReturn
from performance.rules import submitting_agency_ids


def indicators_for_forum(*, forum: Forum) -> QuerySet[Indicator]:
    """The core suite and the forum's own local indicators."""
    return (
        Indicator.objects.filter(Q(forum__isnull=True) | Q(forum=forum), is_active=True)
        .select_related("responsible_agency_type", "victims_code_right")
        .order_by("responsible_agency_type__name", "name")
    )


def return_list_for(*, person: User, forum: Forum) -> QuerySet[PerformanceReturn]:
    """Returns the person may see: all of the forum's for members, else their agencies' own."""
    returns = PerformanceReturn.objects.filter(forum=forum).select_related("period", "agency")
    if not person.has_perm("performance.view_all_returns", forum):
        returns = returns.filter(agency_id__in=submitting_agency_ids(person, forum))
    return returns


def return_get_for(*, person: User, forum: Forum, pk: int) -> PerformanceReturn:
    """One return the person may see (another agency's, for a data submitter, is a 404)."""
    try:
        return (
            return_list_for(person=person, forum=forum)
            .select_related("forum", "agency__agency_type", "submitted_by", "reviewed_by")
            .get(pk=pk)
        )
    except PerformanceReturn.DoesNotExist:
        raise Http404("No such return") from None


def return_measurements(*, performance_return: PerformanceReturn) -> list[Measurement]:
    return list(
        performance_return.measurements.select_related("indicator").order_by(
            "indicator__name", "breakdown_dimension", "breakdown"
        )
    )


def return_history(*, performance_return: PerformanceReturn) -> list:
    """Changes to the return and its figures, newest first, with who made them."""
    events = list(
        performance_return.history.select_related("history_user").order_by("-history_date")
    )
    figure_changes = list(
        Measurement.history.filter(performance_return_id=performance_return.pk)
        .select_related("history_user", "indicator")
        .order_by("-history_date")[:200]
    )
    return sorted(events + figure_changes, key=lambda item: item.history_date, reverse=True)
