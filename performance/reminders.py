"""Reminders about performance returns, and the weekly digest's "late returns" section.

- 7 days before a return is due and on the day: the agency's data submitters (or, if it has
  none on the forum, whoever represents the agency there);
- overdue: the same people, once a week while it stays overdue;
- 7 days overdue: the forum's secretariat and chair, once per return.

Who owes what comes from ``performance.selectors.returns_overview`` (the same list the returns
page shows). Keys name the forum, agency and period, so re-runs never send twice.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext, ngettext

from forums.models import Forum, Membership
from membership import dates
from membership.notifications import absolute_url, notify
from performance.models import PerformanceReturn
from performance.rules import SUBMITTING_ROLES

DUE_NOTICE_DAYS = {"7d": 7, "0d": 0}
ESCALATE_AFTER_DAYS = 7


def _forums_with_seats(today: datetime.date) -> list[Forum]:
    forum_ids = Membership.objects.current(today).values("forum_id")
    return list(Forum.objects.filter(pk__in=forum_ids).order_by("name"))


def _people_by_agency(forum: Forum, today: datetime.date) -> dict[int, list]:
    """Agency id → the people to remind: its data submitters, else its other submitting seats."""
    submitters: dict[int, list] = defaultdict(list)
    others: dict[int, list] = defaultdict(list)
    rows = (
        Membership.objects.current(today)
        .filter(forum=forum, role__in=SUBMITTING_ROLES, agency__isnull=False)
        .select_related("person")
    )
    for membership in rows:
        if not membership.person.is_active:
            continue
        target = submitters if membership.role == Membership.Role.DATA_SUBMITTER else others
        target[membership.agency_id].append(membership.person)
    return {
        agency_id: submitters.get(agency_id) or others.get(agency_id, [])
        for agency_id in set(submitters) | set(others)
    }


def _runners(forum: Forum, today: datetime.date) -> list:
    return [
        m.person
        for m in Membership.objects.current(today)
        .filter(forum=forum, role__in=Membership.RUNNING_ROLES, person__is_active=True)
        .select_related("person")
    ]


def _returns_url(forum: Forum) -> str:
    return reverse("performance:returns", args=[forum.slug])


def _open_rows(forum: Forum, today: datetime.date):
    from performance.selectors import returns_overview

    open_states = (None, *PerformanceReturn.EDITABLE)
    for row in returns_overview(forum=forum, today=today):
        status = row.performance_return.status if row.performance_return else None
        if status in open_states and row.indicator_count:
            yield row


def send_return_reminders(*, today: datetime.date) -> int:
    """Returns due in 7 days, due today and overdue; overdue for 7 days to the secretariat."""
    created = 0
    for forum in _forums_with_seats(today):
        people = None
        for row in _open_rows(forum, today):
            days_to_due = (row.spec.due_date - today).days
            key_part = f"forum={forum.pk}:agency={row.agency.pk}:period={row.spec.code}"
            context = {
                "forum": forum,
                "agency": row.agency,
                "period_code": row.spec.code,
                "period_start": row.spec.start,
                "period_end": row.spec.end,
                "due_date": row.spec.due_date,
                "status": row.status_label,
                "indicator_count": row.indicator_count,
                "days_late": -days_to_due,
            }
            label = next((lab for lab, days in DUE_NOTICE_DAYS.items() if days == days_to_due), "")
            if label:
                people = people if people is not None else _people_by_agency(forum, today)
                when = (
                    gettext("today")
                    if days_to_due == 0
                    else gettext("in %(days)s days") % {"days": days_to_due}
                )
                created += len(
                    notify(
                        key=f"return-due:{label}:{key_part}",
                        recipients=people.get(row.agency.pk, []),
                        category="reminder",
                        subject=gettext("%(agency)s figures for %(period)s are due %(when)s")
                        % {"agency": row.agency, "period": row.spec.code, "when": when},
                        template="performance/email/reminder_return_due",
                        context={**context, "when": when},
                        url=_returns_url(forum),
                    )
                )
            elif days_to_due < 0:
                people = people if people is not None else _people_by_agency(forum, today)
                created += len(
                    notify(
                        key=f"return-overdue:week={dates.iso_week(today)}:{key_part}",
                        recipients=people.get(row.agency.pk, []),
                        category="reminder",
                        subject=gettext("%(agency)s figures for %(period)s are overdue")
                        % {"agency": row.agency, "period": row.spec.code},
                        template="performance/email/reminder_return_overdue",
                        context=context,
                        url=_returns_url(forum),
                    )
                )
                if -days_to_due >= ESCALATE_AFTER_DAYS:
                    created += len(
                        notify(
                            key=f"return-overdue-secretariat:{key_part}",
                            recipients=_runners(forum, today),
                            category="reminder",
                            subject=gettext(
                                "%(forum)s: %(agency)s figures for %(period)s are "
                                "%(days)s days overdue"
                            )
                            % {
                                "forum": forum,
                                "agency": row.agency,
                                "period": row.spec.code,
                                "days": -days_to_due,
                            },
                            template="performance/email/reminder_return_escalated",
                            context=context,
                            url=_returns_url(forum),
                        )
                    )
    return created


def digest_late_returns(person, forums, today):
    """Digest section: late returns of the forums the person runs."""
    from membership.digest import DigestRow, DigestSection

    rows = []
    for forum in forums:
        url = absolute_url(_returns_url(forum))
        for row in _open_rows(forum, today):
            days_late = (today - row.spec.due_date).days
            if days_late <= 0:
                continue
            rows.append(
                DigestRow(
                    text=f"{forum}: {row.agency}, {row.spec.code}",
                    detail=ngettext(
                        "%(status)s, due %(date)s, %(count)s day late",
                        "%(status)s, due %(date)s, %(count)s days late",
                        days_late,
                    )
                    % {
                        "status": row.status_label,
                        "date": date_format(row.spec.due_date, "j F Y"),
                        "count": days_late,
                    },
                    url=url,
                )
            )
    return DigestSection(title=gettext("Late performance returns"), rows=tuple(rows), order=10)
