"""Writes of the performance app: returns and their review, figures, targets, publication.

Every service is keyword-only, takes the acting person and does its whole job in one
transaction. Views check the rules (performance/rules.py) first; services enforce the workflow.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from simple_history.utils import bulk_update_with_history

from forums.models import AgendaItem, Forum, Meeting, Membership
from forums.services.agenda import agenda_item_propose
from membership.models import Agency, AgencyType, PoliceForceArea, User
from membership.notifications import notify
from performance import periods
from performance.bulk_history import bulk_create_with_history_rows
from performance.calculations import FigureError, check_figure
from performance.models import (
    DataOwnerConfirmation,
    Indicator,
    Measurement,
    MeetingFigures,
    PerformanceReturn,
    PeriodPublication,
    ReportingPeriod,
    Target,
)
from performance.rules import SUBMITTING_ROLES

Status = PerformanceReturn.Status


@dataclass
class FigureInput:
    """One figure as typed or uploaded, before it is checked."""

    indicator: Indicator
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    is_provisional: bool = False
    breakdown_dimension: str = ""
    breakdown: str = ""
    note: str = ""

    @property
    def key(self) -> tuple[int, str, str]:
        return (self.indicator.pk, self.breakdown_dimension, self.breakdown)


def indicators_owed(*, forum: Forum, agency: Agency, frequency: str):
    """Active indicators of the agency's type for this frequency: the core suite and the forum's."""
    return Indicator.objects.filter(
        Q(forum__isnull=True) | Q(forum=forum),
        is_active=True,
        frequency=frequency,
        responsible_agency_type_id=agency.agency_type_id,
    )


def period_get_or_create(*, spec: periods.PeriodSpec) -> ReportingPeriod:
    """The database row of a reporting period (periods are created when first used)."""
    period, _ = ReportingPeriod.objects.get_or_create(
        frequency=spec.frequency,
        start=spec.start,
        defaults={"end": spec.end, "code": spec.code, "due_date": spec.due_date},
    )
    return period


def _period_row(period: ReportingPeriod | periods.PeriodSpec) -> ReportingPeriod:
    """A period's row, made now if a service was given a period nobody has used yet."""
    if isinstance(period, ReportingPeriod):
        return period
    return period_get_or_create(spec=period)


@transaction.atomic
def return_start(
    *,
    forum: Forum,
    agency: Agency,
    period: ReportingPeriod | periods.PeriodSpec,
    started_by: User,
) -> PerformanceReturn:
    """Open the agency's return for the period (or give back the one already open).

    ``period`` may be a period not yet used (its spec): its row is made in the same transaction.
    """
    period = _period_row(period)
    if not Membership.objects.current().filter(forum=forum, agency=agency).exists():
        raise ValidationError(
            gettext("%(agency)s does not sit on %(forum)s") % {"agency": agency, "forum": forum}
        )
    if not indicators_owed(forum=forum, agency=agency, frequency=period.frequency).exists():
        raise ValidationError(
            gettext("%(agency)s does not owe any %(frequency)s figures")
            % {"agency": agency, "frequency": period.get_frequency_display().lower()}
        )
    performance_return, _ = PerformanceReturn.objects.get_or_create(
        forum=forum, agency=agency, period=period, defaults={"created_by": started_by}
    )
    return performance_return


def _checked(figure: FigureInput) -> FigureInput:
    figure.value = check_figure(
        unit=figure.indicator.unit,
        value=figure.value,
        numerator=figure.numerator,
        denominator=figure.denominator,
    )
    return figure


@transaction.atomic
def return_save_figures(
    *,
    performance_return: PerformanceReturn,
    figures: list[FigureInput],
    saved_by: User,
    clear_totals_of: list[Indicator] = (),
) -> int:
    """Add or update figures in an open return, all or nothing; returns how many were saved.

    ``clear_totals_of`` removes the total figure of indicators the user has emptied.
    """
    performance_return = PerformanceReturn.objects.select_for_update().get(pk=performance_return.pk)
    if not performance_return.is_editable:
        raise ValidationError(
            gettext("This return is %(status)s: it cannot be changed now")
            % {"status": performance_return.get_status_display().lower()}
        )
    owed = set(
        indicators_owed(
            forum=performance_return.forum,
            agency=performance_return.agency,
            frequency=performance_return.period.frequency,
        ).values_list("pk", flat=True)
    )
    errors = []
    seen = set()
    for figure in figures:
        if figure.indicator.pk not in owed:
            errors.append(
                gettext("%(agency)s does not report %(indicator)s")
                % {"agency": performance_return.agency, "indicator": figure.indicator}
            )
        if figure.key in seen:
            errors.append(
                gettext("%(indicator)s is given more than once") % {"indicator": figure.indicator}
            )
        seen.add(figure.key)
        try:
            _checked(figure)
        except FigureError as error:
            errors.append(
                gettext("%(indicator)s: %(problem)s")
                % {"indicator": figure.indicator, "problem": error}
            )
    if errors:
        raise ValidationError(errors)
    existing = {
        (m.indicator_id, m.breakdown_dimension, m.breakdown): m
        for m in performance_return.measurements.all()
    }
    to_create, to_update = [], []
    fields = ["value", "numerator", "denominator", "is_provisional", "note"]
    for figure in figures:
        measurement = existing.get(figure.key)
        if measurement is None:
            to_create.append(
                Measurement(
                    performance_return_id=performance_return.pk,
                    indicator_id=figure.indicator.pk,
                    breakdown_dimension=figure.breakdown_dimension,
                    breakdown=figure.breakdown,
                    **{name: getattr(figure, name) for name in fields},
                )
            )
            continue
        if any(getattr(measurement, name) != getattr(figure, name) for name in fields):
            for name in fields:
                setattr(measurement, name, getattr(figure, name))
            to_update.append(measurement)
    if to_create:
        bulk_create_with_history_rows(to_create, Measurement, by=saved_by)
    if to_update:
        bulk_update_with_history(
            to_update, Measurement, fields, batch_size=1000, default_user=saved_by
        )
    if clear_totals_of:
        for measurement in performance_return.measurements.filter(
            indicator__in=clear_totals_of, breakdown_dimension="", breakdown=""
        ):
            measurement.delete()
    return len(to_create) + len(to_update)


def _secretariat_of(forum: Forum):
    return User.objects.filter(
        memberships__in=Membership.objects.current().filter(
            forum=forum, role__in=Membership.RUNNING_ROLES
        )
    ).distinct()


def _submitters_of(performance_return: PerformanceReturn):
    return User.objects.filter(
        memberships__in=Membership.objects.current().filter(
            forum=performance_return.forum,
            agency=performance_return.agency,
            role__in=SUBMITTING_ROLES,
        )
    ).distinct()


def _return_url(performance_return: PerformanceReturn) -> str:
    return reverse(
        "performance:return-detail", args=[performance_return.forum.slug, performance_return.pk]
    )


@transaction.atomic
def return_submit(
    *, performance_return: PerformanceReturn, submitted_by: User
) -> PerformanceReturn:
    """Send an open return to the secretariat for review; every figure owed must be there."""
    performance_return = PerformanceReturn.objects.select_for_update().get(pk=performance_return.pk)
    if not performance_return.is_editable:
        raise ValidationError(gettext("This return has already been submitted"))
    owed = indicators_owed(
        forum=performance_return.forum,
        agency=performance_return.agency,
        frequency=performance_return.period.frequency,
    )
    given = set(
        performance_return.measurements.filter(breakdown="").values_list("indicator_id", flat=True)
    )
    missing = [indicator.name for indicator in owed if indicator.pk not in given]
    if missing:
        raise ValidationError(
            [
                gettext("Enter a figure for %(indicator)s before you submit") % {"indicator": name}
                for name in sorted(missing)
            ]
        )
    again = performance_return.status == Status.RETURNED or performance_return.is_revised
    performance_return.status = Status.RESUBMITTED if again else Status.SUBMITTED
    performance_return.submitted_at = timezone.now()
    performance_return.submitted_by = submitted_by
    performance_return.save(update_fields=["status", "submitted_at", "submitted_by"])
    notify(
        key=f"performance-return-submitted:{performance_return.pk}:{performance_return.submitted_at.isoformat()}",
        recipients=_secretariat_of(performance_return.forum),
        category="performance",
        subject=gettext("%(agency)s has submitted its return for %(period)s")
        % {"agency": performance_return.agency, "period": performance_return.period},
        template="performance/email/return_submitted",
        context={"performance_return": performance_return, "submitted_by": submitted_by},
        url=_return_url(performance_return),
    )
    return performance_return


def _awaiting_review(performance_return: PerformanceReturn) -> PerformanceReturn:
    performance_return = PerformanceReturn.objects.select_for_update().get(pk=performance_return.pk)
    if performance_return.status not in PerformanceReturn.AWAITING_REVIEW:
        raise ValidationError(gettext("Only a submitted return can be reviewed"))
    return performance_return


@transaction.atomic
def return_accept(*, performance_return: PerformanceReturn, accepted_by: User) -> PerformanceReturn:
    """Accept a submitted return: its figures now count on the forum's dashboards."""
    performance_return = _awaiting_review(performance_return)
    performance_return.status = Status.ACCEPTED
    performance_return.reviewed_at = timezone.now()
    performance_return.reviewed_by = accepted_by
    performance_return.save(update_fields=["status", "reviewed_at", "reviewed_by"])
    return performance_return


@transaction.atomic
def return_send_back(
    *, performance_return: PerformanceReturn, returned_by: User, comments: str
) -> PerformanceReturn:
    """Return a submitted return to the agency with comments saying what to correct."""
    if not comments.strip():
        raise ValidationError({"comments": gettext("Say what the agency needs to correct")})
    performance_return = _awaiting_review(performance_return)
    performance_return.status = Status.RETURNED
    performance_return.review_comments = comments.strip()
    performance_return.reviewed_at = timezone.now()
    performance_return.reviewed_by = returned_by
    performance_return.save(
        update_fields=["status", "review_comments", "reviewed_at", "reviewed_by"]
    )
    notify(
        key=f"performance-return-returned:{performance_return.pk}:{performance_return.reviewed_at.isoformat()}",
        recipients=_submitters_of(performance_return),
        category="performance",
        subject=gettext("Your return for %(period)s needs correcting")
        % {"period": performance_return.period},
        template="performance/email/return_sent_back",
        context={"performance_return": performance_return, "returned_by": returned_by},
        url=_return_url(performance_return),
    )
    return performance_return


@transaction.atomic
def return_reopen_for_revision(
    *, performance_return: PerformanceReturn, reopened_by: User, reason: str
) -> PerformanceReturn:
    """Reopen an accepted return to correct it; it is marked revised and reviewed again.

    Until it is accepted again its figures are not used; the agency confirms them afresh.
    """
    if not reason.strip():
        raise ValidationError({"reason": gettext("Say why the figures need revising")})
    performance_return = PerformanceReturn.objects.select_for_update().get(pk=performance_return.pk)
    if performance_return.status != Status.ACCEPTED:
        raise ValidationError(gettext("Only an accepted return can be revised"))
    performance_return.status = Status.DRAFT
    performance_return.is_revised = True
    performance_return.revision_reason = reason.strip()
    performance_return.save(update_fields=["status", "is_revised", "revision_reason"])
    DataOwnerConfirmation.objects.filter(
        forum=performance_return.forum,
        period=performance_return.period,
        agency=performance_return.agency,
    ).delete()
    return performance_return


@transaction.atomic
def target_set(
    *,
    forum: Forum,
    indicator: Indicator,
    period: ReportingPeriod | periods.PeriodSpec,
    value: Decimal,
    amber_tolerance: Decimal,
    set_by: User,
    area: PoliceForceArea | None = None,
) -> Target:
    """Set (or change) the forum's target for an indicator over a period; with ``area``, the
    area-wide target that every forum of that area without its own target uses (only for an
    area the forum covers, and only on a national indicator). A period not yet used (its spec)
    gets its row in the same transaction."""
    period = _period_row(period)
    if indicator.forum_id and indicator.forum_id != forum.pk:
        raise ValidationError({"indicator": gettext("Choose one of this forum's indicators")})
    if amber_tolerance < 0:
        raise ValidationError(
            {"amber_tolerance": gettext("The amber tolerance cannot be negative")}
        )
    if area is not None:
        if not forum.areas.filter(pk=area.pk).exists():
            raise ValidationError({"applies_to": gettext("Choose an area this board covers")})
        if indicator.forum_id:
            raise ValidationError(
                {
                    "applies_to": gettext(
                        "A local indicator is only used by this board: "
                        "set its target for this board"
                    )
                }
            )
        target, _ = Target.objects.update_or_create(
            forum=None,
            area=area,
            indicator=indicator,
            period=period,
            defaults={"value": value, "amber_tolerance": amber_tolerance, "set_by": set_by},
        )
        return target
    target, _ = Target.objects.update_or_create(
        forum=forum,
        indicator=indicator,
        period=period,
        defaults={"value": value, "amber_tolerance": amber_tolerance, "set_by": set_by},
    )
    return target


@transaction.atomic
def indicator_create_local(
    *,
    forum: Forum,
    created_by: User,
    name: str,
    definition: str,
    unit: str,
    polarity: str,
    frequency: str,
    responsible_agency_type: AgencyType,
    source: str = "",
) -> Indicator:
    """Add a local indicator that only this forum uses."""
    base = slugify(f"{forum.slug} {name}")[:70]
    slug, number = base, 1
    while Indicator.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return Indicator.objects.create(
        slug=slug,
        name=name,
        definition=definition,
        unit=unit,
        polarity=polarity,
        frequency=frequency,
        responsible_agency_type=responsible_agency_type,
        source=source,
        is_core=False,
        forum=forum,
    )


@transaction.atomic
def figures_confirm(
    *, forum: Forum, period: ReportingPeriod, agency: Agency, confirmed_by: User
) -> DataOwnerConfirmation:
    """The agency's lead confirms its accepted figures for the period may be published."""
    if not PerformanceReturn.objects.filter(
        forum=forum, period=period, agency=agency, status=Status.ACCEPTED
    ).exists():
        raise ValidationError(
            gettext("%(agency)s has no accepted figures for %(period)s to confirm")
            % {"agency": agency, "period": period}
        )
    confirmation, _ = DataOwnerConfirmation.objects.update_or_create(
        forum=forum,
        period=period,
        agency=agency,
        defaults={
            "confirmed": True,
            "reason_not_confirmed": "",
            "recorded_by": confirmed_by,
            "recorded_at": timezone.now(),
        },
    )
    return confirmation


@transaction.atomic
def confirmation_record_reason(
    *, forum: Forum, period: ReportingPeriod, agency: Agency, reason: str, recorded_by: User
) -> DataOwnerConfirmation:
    """The secretariat records why an agency's figures go ahead without its confirmation."""
    if not reason.strip():
        raise ValidationError(
            {"reason": gettext("Say why the agency has not confirmed its figures")}
        )
    confirmation, _ = DataOwnerConfirmation.objects.update_or_create(
        forum=forum,
        period=period,
        agency=agency,
        defaults={
            "confirmed": False,
            "reason_not_confirmed": reason.strip(),
            "recorded_by": recorded_by,
            "recorded_at": timezone.now(),
        },
    )
    return confirmation


@transaction.atomic
def period_publish(
    *, forum: Forum, period: ReportingPeriod, published_by: User
) -> PeriodPublication:
    """Make the forum's accepted figures for the period public, once every agency has seen them."""
    agencies = list(
        Agency.objects.filter(
            performance_returns__forum=forum,
            performance_returns__period=period,
            performance_returns__status=Status.ACCEPTED,
        ).distinct()
    )
    if not agencies:
        raise ValidationError(
            gettext("There are no accepted figures for %(period)s to publish") % {"period": period}
        )
    confirmed = set(
        DataOwnerConfirmation.objects.filter(forum=forum, period=period).values_list(
            "agency_id", flat=True
        )
    )
    waiting = [agency.name for agency in agencies if agency.pk not in confirmed]
    if waiting:
        raise ValidationError(
            [
                gettext(
                    "%(agency)s has not confirmed its figures: ask its lead to confirm them, "
                    "or record why not"
                )
                % {"agency": name}
                for name in waiting
            ]
        )
    publication, _ = PeriodPublication.objects.get_or_create(
        forum=forum, period=period, defaults={"published_by": published_by}
    )
    transaction.on_commit(_refresh_open_data)
    return publication


def _refresh_open_data() -> None:
    from performance.tasks import refresh_open_data

    refresh_open_data.delay()


@transaction.atomic
def period_unpublish(*, forum: Forum, period: ReportingPeriod, unpublished_by: User) -> None:
    """Take the forum's figures for the period off the public site and open data."""
    for publication in PeriodPublication.objects.filter(forum=forum, period=period):
        publication._history_user = unpublished_by
        publication.delete()


@transaction.atomic
def meeting_figures_freeze(*, meeting: Meeting, frozen_by: User, summaries: list) -> MeetingFigures:
    """Freeze the forum's accepted figures for a meeting's performance paper.

    The secretariat can freeze (and refreeze) them while the agenda is a draft; publishing the
    papers freezes them again (``meeting_figures_freeze_on_publication``) and from then on they
    stay as the board saw them.
    """
    if meeting.status != Meeting.Status.SCHEDULED:
        raise ValidationError(
            gettext(
                "The papers for this meeting are published: its figures are frozen as they were"
            )
        )
    snapshot, _ = MeetingFigures.objects.update_or_create(
        meeting=meeting,
        defaults={
            "figures": frozen_rows(summaries),
            "taken_at": timezone.now(),
            "taken_by": frozen_by,
        },
    )
    return snapshot


def frozen_rows(summaries: list) -> list[dict]:
    """What a meeting's frozen figures keep of each indicator's dashboard summary."""
    return [
        {
            "indicator": summary.indicator.slug,
            "name": summary.indicator.name,
            "unit": summary.indicator.unit,
            "period": summary.latest.period.code,
            "period_label": summary.latest.period.label,
            "value": str(summary.latest.value) if summary.latest.value is not None else None,
            "text": summary.latest_text,
            "target": summary.target_text,
            "rag": summary.rag.code,
            "rag_label": str(summary.rag.label),
            "vs_previous": summary.vs_previous.text,
            "vs_last_year": summary.vs_last_year.text,
            "provisional": summary.latest.is_provisional,
            "revised": summary.latest.is_revised,
        }
        for summary in summaries
        if summary.latest
    ]


@transaction.atomic
def exception_propose_agenda_item(*, meeting: Meeting, exception, proposed_by: User) -> AgendaItem:
    """Offer the forum's next meeting a drafted item about a figure that is off track."""
    title = gettext("Performance exception: %(indicator)s") % {
        "indicator": exception.summary.indicator.name
    }
    if AgendaItem.objects.filter(meeting=meeting, title=title).exists():
        raise ValidationError(
            gettext("'%(title)s' is already on the agenda of %(meeting)s")
            % {"title": title, "meeting": meeting}
        )
    return agenda_item_propose(
        meeting=meeting,
        title=title,
        description=exception.description,
        purpose=AgendaItem.Purpose.DISCUSSION,
    )


@transaction.atomic
def meeting_figures_freeze_on_publication(*, meeting_id: int) -> MeetingFigures | None:
    """The meeting's papers are published: keep the figures as they stand now (replacing a
    freeze made while the agenda was a draft). Nothing to do for a forum without figures."""
    from performance import selectors

    meeting = Meeting.objects.select_related("forum").filter(pk=meeting_id).first()
    if meeting is None or meeting.status != Meeting.Status.AGENDA_PUBLISHED:
        return None
    published_at = meeting.agenda_published_at or timezone.now()
    existing = MeetingFigures.objects.filter(meeting=meeting).first()
    if existing and existing.taken_at >= published_at:
        return existing
    if not PerformanceReturn.objects.filter(forum=meeting.forum, status=Status.ACCEPTED).exists():
        return None
    board = selectors.forum_dashboard(forum=meeting.forum, published_only=False)
    snapshot, _ = MeetingFigures.objects.update_or_create(
        meeting=meeting,
        defaults={
            "figures": frozen_rows(board.summaries),
            "taken_at": published_at,
            "taken_by": None,
        },
    )
    return snapshot
