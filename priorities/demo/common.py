"""What the parts of the priorities demo share: fixed times, lookups, priorities, sign-offs."""

import datetime

from django.utils import timezone

from forums.models import Membership
from performance.models import Indicator
from priorities.models import Objective, Priority, SignOff, Theme
from priorities.rules import SIGNING_ROLES


def _days_ago(days: int) -> datetime.datetime:
    """10am that many days ago: the same on every run, so running again changes nothing."""
    day = timezone.localdate() - datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def _theme(slug):
    return Theme.objects.get(slug=slug)


def _indicator(slug):
    return Indicator.objects.filter(slug=slug).first()


def _signers(forum):
    """(agency, person) for each agency that signs off on the forum, first signer per agency."""
    seen = {}
    for membership in (
        Membership.objects.current()
        .filter(
            forum=forum,
            role__in=SIGNING_ROLES,
            agency__isnull=False,
            agency__agency_type__advisory_only=False,
        )
        .select_related("agency", "person")
        .order_by("agency__name", "pk")
    ):
        seen.setdefault(membership.agency_id, (membership.agency, membership.person))
    return list(seen.values())


def _priority(forum, year, title, **fields):
    indicators = fields.pop("indicators", [])
    priority, _ = Priority.objects.update_or_create(
        forum=forum, plan_year=year, title=title, defaults=fields
    )
    priority.indicators.set([i for i in indicators if i])
    return priority


def _objective(priority, title, order, **fields):
    Objective.objects.update_or_create(
        priority=priority, title=title, defaults={"order": order, **fields}
    )


def _sign_all(priority, signers, decisions=None, *, skip=()):
    """Sign off in round 1; ``decisions`` maps an agency-type slug to (decision, comment)."""
    decisions = decisions or {}
    for agency, person in signers:
        if agency.agency_type.slug in skip:
            continue
        decision, comment = decisions.get(agency.agency_type.slug, (SignOff.Decision.AGREE, ""))
        SignOff.objects.update_or_create(
            priority=priority,
            round=1,
            agency=agency,
            defaults={"decision": decision, "comment": comment, "signed_by": person},
        )
