"""The open data sets: published figures, the indicator catalogue and targets, column by column."""

import datetime

from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from forums.models import Forum
from performance.models import Indicator, PerformanceReturn, PeriodPublication, Target
from performance.selectors._common import Status
from performance.selectors.figures import accepted_measurements


def open_data_last_updated() -> datetime.datetime | None:
    """When published figures last changed: a period published or a published return re-accepted."""
    published = PeriodPublication.objects.filter(forum__is_public=True).aggregate(
        latest=Max("published_at")
    )["latest"]
    reaccepted = (
        PerformanceReturn.objects.filter(status=Status.ACCEPTED, forum__is_public=True)
        .alias(
            published=Exists(
                PeriodPublication.objects.filter(
                    forum_id=OuterRef("forum_id"), period_id=OuterRef("period_id")
                )
            )
        )
        .filter(published=True)
        .aggregate(latest=Max("reviewed_at"))["latest"]
    )
    found = [moment for moment in (published, reaccepted) if moment]
    return max(found) if found else None


# Names come in both languages where both exist: ``<column>_en`` and ``<column>_cy`` beside the
# original column (which stays, and stays English, for software already reading it). A text with
# no Welsh version leaves its ``_cy`` cell blank: never the English copied in.
ENGLISH_NAME_OF_BOARD = _("Name of the board in English.")
WELSH_NAME_OF_BOARD = _("Name of the board in Welsh; blank where there is no Welsh version.")
ENGLISH_NAME_OF_INDICATOR = _("Name of the indicator in English.")
WELSH_NAME_OF_INDICATOR = _(
    "Name of the indicator in Welsh; blank where there is no Welsh version."
)

OPEN_FIGURE_COLUMNS = [
    (
        "forum",
        "performance_return__forum__slug",
        _("Stable identifier of the board (its web address)."),
    ),
    ("forum_name", "performance_return__forum__name", _("Name of the board.")),
    ("indicator", "indicator__slug", _("Stable identifier of the indicator (see indicators).")),
    ("indicator_name", "indicator__name", _("Name of the indicator.")),
    ("unit", "indicator__unit", _("percent, count, days, ratio or gbp.")),
    (
        "period",
        "performance_return__period__code",
        _("2026-03 (month), 2026-Q1 (calendar quarter) or FY2025-26 (financial year)."),
    ),
    ("period_start", "performance_return__period__start", _("First day of the period (ISO 8601).")),
    ("period_end", "performance_return__period__end", _("Last day of the period (ISO 8601).")),
    ("agency", "performance_return__agency__name", _("The agency that reported the figure.")),
    (
        "breakdown_dimension",
        "breakdown_dimension",
        _("What the figure is broken down by; blank for the total."),
    ),
    ("breakdown", "breakdown", _("The group the figure is for; blank for the total.")),
    (
        "value",
        "value",
        _("The figure, in the indicator's unit (rates computed from numerator and denominator)."),
    ),
    ("numerator", "numerator", _("Numerator of a rate, where given.")),
    ("denominator", "denominator", _("Denominator of a rate, where given.")),
    ("provisional", "is_provisional", _("true if the agency marked the figure provisional.")),
    (
        "revised",
        "performance_return__is_revised",
        _("true if the figures were revised after first being accepted."),
    ),
    # Both languages, added after the columns above so that their positions do not move.
    ("forum_name_en", "performance_return__forum__name_en", ENGLISH_NAME_OF_BOARD),
    ("forum_name_cy", "performance_return__forum__name_cy", WELSH_NAME_OF_BOARD),
    ("indicator_name_en", "indicator__name_en", ENGLISH_NAME_OF_INDICATOR),
    ("indicator_name_cy", "indicator__name_cy", WELSH_NAME_OF_INDICATOR),
]


def open_figures(*, forum: Forum | None = None):
    """Published figures as rows of values, in a stable order; one query, streamed."""
    measurements = accepted_measurements(
        published_only=True,
        returns=Q(forum=forum) if forum is not None else Q(),
        materialize=forum is not None,
    )
    return measurements.order_by(
        "performance_return__forum__slug",
        "indicator__slug",
        "performance_return__period__start",
        "performance_return__agency__name",
        "breakdown_dimension",
        "breakdown",
    ).values_list(*[source for _, source, _ in OPEN_FIGURE_COLUMNS])


OPEN_INDICATOR_COLUMNS = [
    ("indicator", "slug", _("Stable identifier of the indicator.")),
    ("name", "name", _("Name of the indicator.")),
    ("definition", "definition", _("What is counted.")),
    ("unit", "unit", _("percent, count, days, ratio or gbp.")),
    ("polarity", "polarity", _("higher_is_better, lower_is_better or neutral.")),
    ("frequency", "frequency", _("monthly, quarterly or annual.")),
    (
        "responsible_agency_type",
        "responsible_agency_type__slug",
        _("The kind of agency that reports it."),
    ),
    ("source", "source", _("Where the figure comes from.")),
    (
        "core",
        "is_core",
        _("true for the national core suite, false for a board's local indicator."),
    ),
    ("forum", "forum__slug", _("For a local indicator, the board that uses it.")),
    (
        "victims_code_right",
        "victims_code_right__number",
        _("The Victims' Code right it measures, if any."),
    ),
    ("name_en", "name_en", ENGLISH_NAME_OF_INDICATOR),
    ("name_cy", "name_cy", WELSH_NAME_OF_INDICATOR),
    ("definition_en", "definition_en", _("What is counted, in English.")),
    (
        "definition_cy",
        "definition_cy",
        _("What is counted, in Welsh; blank where there is no Welsh version."),
    ),
]


def public_indicators() -> QuerySet[Indicator]:
    """Indicators the public may see: active, national or a public forum's local ones."""
    return Indicator.objects.filter(is_active=True).filter(
        Q(forum__isnull=True) | Q(forum__is_public=True)
    )


def open_indicators():
    return (
        public_indicators()
        .order_by("slug")
        .values_list(*[source for _, source, _ in OPEN_INDICATOR_COLUMNS])
    )


OPEN_TARGET_COLUMNS = [
    ("forum", "forum__slug", _("The board that set the target (blank for an area-wide target).")),
    ("area", "area__code", _("ONS code of the police force area, for an area-wide target.")),
    ("indicator", "indicator__slug", _("Stable identifier of the indicator.")),
    ("period", "period__code", _("The period the target applies across.")),
    ("period_start", "period__start", _("First day of that period.")),
    ("period_end", "period__end", _("Last day of that period.")),
    ("target", "value", _("The target, in the indicator's unit.")),
    ("amber_tolerance", "amber_tolerance", _("How far short of the target is still amber.")),
]


def public_targets() -> QuerySet[Target]:
    """Targets the public may see: area-wide ones and those of public forums."""
    return Target.objects.filter(Q(forum__isnull=True) | Q(forum__is_public=True))


def open_targets():
    return (
        public_targets()
        .order_by("forum__slug", "area__code", "indicator__slug", "period__start")
        .values_list(*[source for _, source, _ in OPEN_TARGET_COLUMNS])
    )


DATASETS = {
    "indicators": (
        _("Indicators"),
        _("The indicator catalogue: national core suite and local indicators."),
        OPEN_INDICATOR_COLUMNS,
        open_indicators,
    ),
    "figures": (
        _("Published figures"),
        _("Accepted figures of every board for the periods each board has published."),
        OPEN_FIGURE_COLUMNS,
        open_figures,
    ),
    "targets": (
        _("Targets"),
        _("Targets set by boards, or for a whole police force area."),
        OPEN_TARGET_COLUMNS,
        open_targets,
    ),
}
