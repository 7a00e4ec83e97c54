"""Demo performance data (``seed_demo``) and the national-scale bench set.

Five years of figures for the demo boards across the core suite, with targets, published
periods (confirmed by each agency), and in Cleveland's latest quarter a late return, one
returned for correction, one waiting for review and, the quarter before, one revised after
acceptance (through the services, so its history shows who changed what).

Rows are written with ``bulk_create(ignore_conflicts=True)`` against the unique constraints, so
running it again adds nothing and changes nothing.
"""

import datetime
import random
import zlib
from decimal import Decimal

from django.utils import timezone

from forums.models import Forum, Membership
from membership.models import Agency, AgencyType, PoliceForceArea, User
from performance import periods
from performance.calculations import COUNT, GBP, LOWER, PERCENT, rate
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

Status = PerformanceReturn.Status
DEMO_BOARDS = ["cleveland-cjb", "durham-cjb", "south-wales-cjb", "west-yorkshire-cjb"]
YEARS = 5
BATCH = 5000
BREAKDOWNS = {
    "cps_conviction_rate_cc": ("Offence type", ["Adult rape", "Domestic abuse", "Violence"]),
    "police_charge_rate": ("Ethnicity of victim", ["Asian", "Black", "Mixed", "White", "Other"]),
    "victim_attrition_police": ("Sex of victim", ["Female", "Male"]),
}


def _rng(*parts) -> random.Random:
    return random.Random(zlib.crc32("|".join(parts).encode()))


def _series(indicator: Indicator, key: str, count: int) -> list[tuple]:
    """``count`` plausible (value, numerator, denominator) figures, oldest first."""
    rng = _rng(key, indicator.slug)
    if indicator.unit == PERCENT:
        base = rng.uniform(8, 35) if indicator.polarity == LOWER else rng.uniform(50, 85)
    elif indicator.unit == COUNT:
        base = rng.uniform(150, 3000)
    elif indicator.unit == GBP:
        base = rng.uniform(2e5, 4e6)
    elif indicator.unit == "days":
        base = rng.uniform(30, 260)
    else:
        base = rng.uniform(1.5, 6)
    drift = rng.uniform(-0.006, 0.006) * base
    figures = []
    for step in range(count):
        value = max(0.0, base + drift * step + rng.gauss(0, base * 0.035))
        if indicator.unit == PERCENT:
            denominator = Decimal(rng.randint(200, 1500))
            numerator = Decimal(round(float(denominator) * min(value, 99.0) / 100))
            figures.append((rate(PERCENT, numerator, denominator), numerator, denominator))
        elif indicator.unit in (COUNT, GBP):
            figures.append((Decimal(round(value)), None, None))
        else:
            figures.append((Decimal(f"{value:.2f}"), None, None))
    return figures


def _periods(today: datetime.date, months: int) -> dict[str, list[ReportingPeriod]]:
    """The ended periods of each frequency within ``months`` months, oldest first (rows made)."""
    specs = {
        periods.MONTHLY: periods.recent_ended(periods.MONTHLY, today, months),
        periods.QUARTERLY: periods.recent_ended(periods.QUARTERLY, today, months // 3),
        periods.ANNUAL: periods.recent_ended(periods.ANNUAL, today, max(months // 12, 1)),
    }
    ReportingPeriod.objects.bulk_create(
        [
            ReportingPeriod(
                frequency=spec.frequency,
                code=spec.code,
                start=spec.start,
                end=spec.end,
                due_date=spec.due_date,
            )
            for found in specs.values()
            for spec in found
        ],
        ignore_conflicts=True,
    )
    rows = {
        p.code: p
        for p in ReportingPeriod.objects.filter(
            code__in=[s.code for f in specs.values() for s in f]
        )
    }
    return {
        frequency: [rows[s.code] for s in reversed(found)] for frequency, found in specs.items()
    }


def build(
    *,
    boards: list[tuple[Forum, list[Agency]]],
    today: datetime.date,
    months: int,
    recorded_by: User,
    statuses: dict | None = None,
    unpublished_codes: set[str] = frozenset(),
    all_monthly: bool = False,
    with_breakdowns: bool = True,
) -> int:
    """Returns, figures, publications and confirmations for each board's agencies.

    ``statuses`` maps (forum slug, agency type slug, period code) to a status other than
    accepted (None: no return at all). With ``all_monthly`` every indicator is reported monthly
    (the national-scale bench set). Returns the number of figures written.
    """
    statuses = statuses or {}
    by_frequency = _periods(today, months)
    indicators = list(
        Indicator.objects.filter(is_active=True, forum__isnull=True).select_related(
            "responsible_agency_type"
        )
    )
    now = timezone.now()
    plan = []  # (forum, agency, period, status, [indicators])
    for forum, agencies in boards:
        for agency in agencies:
            owed = [i for i in indicators if i.responsible_agency_type_id == agency.agency_type_id]
            groups: dict[str, list[Indicator]] = {}
            for indicator in owed:
                frequency = periods.MONTHLY if all_monthly else indicator.frequency
                groups.setdefault(frequency, []).append(indicator)
            for frequency, group in groups.items():
                for period in by_frequency[frequency]:
                    key = (forum.slug, agency.agency_type.slug, period.code)
                    status = statuses.get(key, Status.ACCEPTED)
                    if status is not None:
                        plan.append((forum, agency, period, status, group))
    PerformanceReturn.objects.bulk_create(
        [
            PerformanceReturn(
                forum=forum,
                agency=agency,
                period=period,
                status=status,
                created_by=recorded_by,
                created_at=now,
                submitted_at=None if status == Status.DRAFT else now,
                submitted_by=None if status == Status.DRAFT else recorded_by,
                reviewed_at=now if status in (Status.ACCEPTED, Status.RETURNED) else None,
                reviewed_by=recorded_by if status in (Status.ACCEPTED, Status.RETURNED) else None,
                review_comments=(
                    "The cracked and ineffective trial rates add up to more than 100% of "
                    "trials listed: please check the denominators and resubmit."
                    if status == Status.RETURNED
                    else ""
                ),
            )
            for forum, agency, period, status, _ in plan
        ],
        ignore_conflicts=True,
        batch_size=BATCH,
    )
    forum_ids = {forum.pk for forum, _ in boards}
    returns = {
        (r.forum_id, r.agency_id, r.period_id): r.pk
        for r in PerformanceReturn.objects.filter(forum_id__in=forum_ids).only(
            "pk", "forum_id", "agency_id", "period_id"
        )
    }
    series_cache: dict = {}
    measurements = []
    for forum, agency, period, status, group in plan:
        return_id = returns[(forum.pk, agency.pk, period.pk)]
        if status == Status.DRAFT:
            group = group[: len(group) // 2]
        for indicator in group:
            cache_key = (forum.pk, indicator.pk, period.frequency)
            if cache_key not in series_cache:
                frequency_periods = by_frequency[period.frequency]
                series_cache[cache_key] = (
                    {p.pk: n for n, p in enumerate(frequency_periods)},
                    _series(indicator, forum.slug, len(frequency_periods)),
                )
            index, series = series_cache[cache_key]
            value, numerator, denominator = series[index[period.pk]]
            measurements.append(
                Measurement(
                    performance_return_id=return_id,
                    indicator_id=indicator.pk,
                    value=value,
                    numerator=numerator,
                    denominator=denominator,
                    is_provisional=period == by_frequency[period.frequency][-1],
                )
            )
            parts = BREAKDOWNS.get(indicator.slug) if with_breakdowns else None
            if parts and index[period.pk] >= len(index) - 8:
                dimension, names = parts
                rng = _rng(forum.slug, indicator.slug, period.code)
                for name in names:
                    part = min(Decimal(99), max(Decimal(0), value + Decimal(rng.randint(-15, 12))))
                    measurements.append(
                        Measurement(
                            performance_return_id=return_id,
                            indicator_id=indicator.pk,
                            breakdown_dimension=dimension,
                            breakdown=name,
                            value=part,
                        )
                    )
    Measurement.objects.bulk_create(measurements, ignore_conflicts=True, batch_size=BATCH)
    published = {
        (forum.pk, period.pk)
        for forum, agency, period, status, _ in plan
        if status == Status.ACCEPTED and period.code not in unpublished_codes
    }
    PeriodPublication.objects.bulk_create(
        [
            PeriodPublication(
                forum_id=forum_id, period_id=period_id, published_by=recorded_by, published_at=now
            )
            for forum_id, period_id in published
        ],
        ignore_conflicts=True,
        batch_size=BATCH,
    )
    DataOwnerConfirmation.objects.bulk_create(
        [
            DataOwnerConfirmation(
                forum=forum, period=period, agency=agency, recorded_by=recorded_by, recorded_at=now
            )
            for forum, agency, period, status, _ in plan
            if (forum.pk, period.pk) in published and status == Status.ACCEPTED
        ],
        ignore_conflicts=True,
        batch_size=BATCH,
    )
    return len(measurements)


def _targets(boards: list[tuple[Forum, list[Agency]]], today: datetime.date, by: User) -> None:
    years = [
        periods.shift(periods.period_containing(periods.ANNUAL, today), -n)
        for n in range(YEARS + 1)
    ]
    year_rows = []
    for spec in years:
        year_rows.append(
            ReportingPeriod.objects.get_or_create(
                frequency=spec.frequency,
                start=spec.start,
                defaults={"end": spec.end, "code": spec.code, "due_date": spec.due_date},
            )[0]
        )
    indicators = Indicator.objects.filter(forum__isnull=True, unit=PERCENT).exclude(
        polarity="neutral"
    )
    targets = []
    for forum, _ in boards:
        for indicator in indicators:
            series = _series(indicator, forum.slug, 2)
            centre = series[0][0]
            better = Decimal(-2) if indicator.polarity == LOWER else Decimal(2)
            for year in year_rows:
                targets.append(
                    Target(
                        forum=forum,
                        indicator=indicator,
                        period=year,
                        value=min(Decimal(100), max(Decimal(0), centre + better)).quantize(
                            Decimal("0.1")
                        ),
                        amber_tolerance=Decimal(3),
                        set_by=by,
                    )
                )
    Target.objects.bulk_create(targets, ignore_conflicts=True)


def _agencies_on(forum: Forum) -> list[Agency]:
    return list(
        Agency.objects.filter(memberships__in=Membership.objects.current().filter(forum=forum))
        .filter(agency_type__indicators__isnull=False)
        .select_related("agency_type")
        .distinct()
    )


def seed(*, stdout) -> None:
    from membership.demo import demo_email
    from performance import services

    today = timezone.localdate()
    secretariat = User.objects.get(email=demo_email("secretariat"))
    boards = [
        (forum, _agencies_on(forum))
        for forum in Forum.objects.filter(slug__in=DEMO_BOARDS).order_by("slug")
    ]
    latest_quarter = periods.recent_ended(periods.QUARTERLY, today, 1)[0].code
    previous_quarter = periods.recent_ended(periods.QUARTERLY, today, 2)[1].code
    latest_month = periods.recent_ended(periods.MONTHLY, today, 1)[0].code
    statuses = {
        ("cleveland-cjb", "hmcts", latest_quarter): Status.RETURNED,
        ("cleveland-cjb", "police", latest_quarter): Status.SUBMITTED,
        ("cleveland-cjb", "cps", latest_quarter): None,  # late: not started
        ("cleveland-cjb", "probation", latest_quarter): Status.DRAFT,  # late: still a draft
        ("cleveland-cjb", "police", latest_month): Status.DRAFT,
        ("durham-cjb", "cps", latest_quarter): Status.SUBMITTED,
        ("west-yorkshire-cjb", "probation", latest_quarter): None,
    }
    count = build(
        boards=boards,
        today=today,
        months=12 * YEARS,
        recorded_by=secretariat,
        statuses=statuses,
        unpublished_codes={latest_quarter, latest_month},
    )
    _targets(boards, today, secretariat)

    _freeze_last_meeting(today)

    # One return revised after acceptance, through the services so its history is real.
    revised = (
        PerformanceReturn.objects.filter(
            forum__slug="cleveland-cjb",
            agency__agency_type__slug="hmcts",
            period__code=previous_quarter,
        )
        .select_related("forum", "agency", "period")
        .first()
    )
    submitter = User.objects.filter(email=demo_email("submitter")).first()
    if revised and submitter and not revised.is_revised and revised.status == Status.ACCEPTED:
        services.return_reopen_for_revision(
            performance_return=revised,
            reopened_by=submitter,
            reason="Crown Court listings for the last week of the quarter arrived late.",
        )
        measurement = revised.measurements.filter(
            indicator__slug="cc_effective_trial_rate", breakdown=""
        ).first()
        if measurement:
            services.return_save_figures(
                performance_return=revised,
                figures=[
                    services.FigureInput(
                        indicator=measurement.indicator,
                        numerator=measurement.numerator + 6,
                        denominator=measurement.denominator + 4,
                    )
                ],
                saved_by=submitter,
            )
        services.return_submit(performance_return=revised, submitted_by=submitter)
        services.return_accept(performance_return=revised, accepted_by=secretariat)
        services.figures_confirm(
            forum=revised.forum,
            period=revised.period,
            agency=revised.agency,
            confirmed_by=User.objects.filter(email=demo_email("cleveland-hmcts")).first()
            or secretariat,
        )
    stdout.write(
        f"  {count} figures for {len(boards)} boards over {YEARS} years; "
        f"{PerformanceReturn.objects.count()} returns"
    )


def _freeze_last_meeting(today: datetime.date) -> None:
    """Cleveland's last meeting keeps the figures its papers had (before the revision below)."""
    from forums.models import Meeting
    from performance import selectors, services

    meeting = (
        Meeting.objects.filter(forum__slug="cleveland-cjb", starts_at__lt=timezone.now())
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-starts_at")
        .first()
    )
    if meeting is None or MeetingFigures.objects.filter(meeting=meeting).exists():
        return
    papers_out = timezone.localtime(meeting.starts_at) - datetime.timedelta(days=7)
    board = selectors.forum_dashboard(
        forum=meeting.forum, published_only=False, ended_before=papers_out.date()
    )
    MeetingFigures.objects.create(
        meeting=meeting, taken_at=papers_out, figures=services.frozen_rows(board.summaries)
    )


def seed_national(*, months: int = 60, stdout=None) -> int:
    """The bench set: a public board for each of the 43 areas, each with one agency of every type
    that reports, and every core indicator monthly for ``months`` months, all published."""
    today = timezone.localdate()
    recorder, _ = User.objects.get_or_create(
        email="bench-secretariat@bench.lcjb.example", defaults={"full_name": "Bench secretariat"}
    )
    types = list(AgencyType.objects.filter(indicators__isnull=False).distinct())
    boards = []
    for area in PoliceForceArea.objects.order_by("code"):
        forum, _ = Forum.objects.get_or_create(
            slug=f"bench-{area.code.lower()}",
            defaults={"name": f"{area.name} Criminal Justice Board (bench)", "is_public": True},
        )
        forum.areas.add(area)
        agencies = []
        for agency_type in types:
            # No areas: bench agencies must not look like the demo's real ones.
            agency, _ = Agency.objects.get_or_create(
                slug=f"bench-{agency_type.slug}-{area.code.lower()}",
                defaults={
                    "name": f"{agency_type.name}, {area.name} (bench)",
                    "agency_type": agency_type,
                },
            )
            agencies.append(agency)
        boards.append((forum, agencies))
    count = build(
        boards=boards,
        today=today,
        months=months,
        recorded_by=recorder,
        all_monthly=True,
        with_breakdowns=False,
    )
    _targets(boards, today, recorder)
    if stdout:
        stdout.write(f"{count} figures for {len(boards)} boards over {months} months")
    return count
