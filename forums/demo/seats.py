"""Seats on the demo forums: the agencies they are held for, giving one, listing them."""

import datetime

from django.utils import timezone

from forums.models import Membership
from membership import demo as people
from membership.models import Agency


def _agency(name: str) -> Agency:
    return Agency.objects.get(name=name)


def _police(code: str) -> Agency:
    return Agency.objects.get(agency_type__slug="police", areas__code=code)


def _pcc_office(code: str) -> Agency:
    return Agency.objects.get(agency_type__slug="pcc", areas__code=code)


def seat(
    forum,
    local,
    full_name,
    job_title,
    agency,
    role,
    *,
    commits=True,
    named=False,
    deputy=None,
    since_days=400,
    ended_days_ago=None,
):
    """Give a demo person a seat, safe to run again on any day.

    A person's current seat (or their past one, for ``ended_days_ago``) on the forum is found
    and updated rather than created again, so its dates do not move with the day it is run.
    """
    who = people.person(local, full_name, job_title)
    today = timezone.localdate()
    ended = ended_days_ago is not None
    membership = (
        Membership.objects.filter(forum=forum, person=who, end_date__isnull=not ended)
        .order_by("start_date")
        .first()
    )
    if membership is None:
        membership = Membership(
            forum=forum,
            person=who,
            start_date=today - datetime.timedelta(days=since_days),
            end_date=today - datetime.timedelta(days=ended_days_ago) if ended else None,
        )
    membership.agency = agency
    membership.role = role
    membership.can_commit_resources = commits
    membership.show_name_publicly = named
    membership.deputy = deputy
    membership.full_clean()  # the demo keeps the same rules as everyone else
    membership.save()
    return membership


def _seats(forum):
    seats = list(
        Membership.objects.current()
        .filter(forum=forum, role__in=Membership.MEMBER_ROLES)
        .select_related("person", "agency__agency_type")
    )
    by_role = {}
    for seat in seats:
        by_role.setdefault(seat.role, []).append(seat)
    return seats, by_role
