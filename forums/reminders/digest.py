"""The forums' sections of the weekly digest (registered in ForumsConfig.ready)."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from forums.links import action_url, forum_url, meeting_url
from forums.models import Action, AgendaItem, Forum, Meeting, Membership
from forums.reminders.common import _local_day_bounds
from membership.lazy_text import lazy_date, lazy_date_format, lazy_text

DIGEST_MEETINGS_AHEAD_DAYS = 21


def digest_audience(today: datetime.date):
    """Each forum's secretariat and chair, with the forums they run."""
    forums_by_person: dict[int, list[Forum]] = defaultdict(list)
    people = {}
    rows = (
        Membership.objects.current(today)
        .filter(role__in=Membership.RUNNING_ROLES, person__is_active=True)
        .select_related("person", "forum")
        .order_by("forum__name")
    )
    for membership in rows:
        people[membership.person_id] = membership.person
        if membership.forum not in forums_by_person[membership.person_id]:
            forums_by_person[membership.person_id].append(membership.forum)
    return [(people[pk], forums) for pk, forums in forums_by_person.items()]


def digest_overdue_actions(person, forums, today):
    from membership.digest import DigestRow, DigestSection

    actions = (
        Action.objects.overdue(today)
        .filter(forum__in=forums)
        .select_related("forum", "owner", "accountable_agency")
        .order_by("due_date", "pk")
    )
    rows = []
    for action in actions:
        owner = action.owner or action.accountable_agency
        days = (today - action.due_date).days
        rows.append(
            DigestRow(
                text=f"{action.forum}: {action.title}",
                detail=lazy_text(
                    ngettext_lazy(
                        "%(owner)s, due %(date)s, %(days)d day overdue",
                        "%(owner)s, due %(date)s, %(days)d days overdue",
                        "days",
                    ),
                    owner=owner,
                    date=lazy_date(action.due_date),
                    days=days,
                ),
                url=action_url(action, absolute=True),
            )
        )
    return DigestSection(title=_("Overdue actions"), rows=tuple(rows), order=20)


def digest_meetings_missing_papers(person, forums, today):
    """Meetings in the next three weeks with agenda items that have no paper yet."""
    from membership.digest import DigestRow, DigestSection

    start, _day_end = _local_day_bounds(today)
    _day_start, end = _local_day_bounds(today + datetime.timedelta(days=DIGEST_MEETINGS_AHEAD_DAYS))
    items = (
        AgendaItem.objects.on_agenda()
        .filter(
            kind=AgendaItem.Kind.ITEM,
            meeting__forum__in=forums,
            meeting__starts_at__gte=start,
            meeting__starts_at__lt=end,
        )
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        .exclude(papers__current_version__isnull=False)
        .select_related("meeting__forum", "presenter", "presenter_agency")
        .order_by("meeting__starts_at", "order", "pk")
    )
    rows = []
    for item in items:
        who = item.presenter or item.presenter_agency or _("no presenter named")
        deadline = item.meeting.papers_deadline
        rows.append(
            DigestRow(
                text=lazy_text(
                    _("%(forum)s, %(date)s: %(item)s"),
                    forum=item.meeting.forum,
                    date=lazy_date_format(timezone.localtime(item.meeting.starts_at), "j F"),
                    item=item.title,
                ),
                detail=(
                    lazy_text(
                        _("%(who)s, papers due %(date)s"),
                        who=who,
                        date=lazy_date_format(deadline, "j F"),
                    )
                    if deadline
                    else lazy_text(_("%(who)s, no papers deadline set"), who=who)
                ),
                url=meeting_url(item.meeting, absolute=True),
            )
        )
    return DigestSection(title=_("Upcoming meetings missing papers"), rows=tuple(rows), order=30)


def digest_empty_seats(person, forums, today):
    """Core agencies missing from the table, or there without authority to commit resources."""
    from membership.digest import DigestRow, DigestSection

    try:
        from forums.coverage import forums_coverage
    except ImportError:  # the coverage check is not installed in this build
        return None
    rows = []
    coverages = forums_coverage(forums=forums, on=today)
    for forum in forums:
        coverage = coverages.get(forum.pk)
        if coverage is None or not getattr(coverage, "checked", True):
            continue
        url = forum_url(forum, absolute=True)
        for agency_type in coverage.missing:
            rows.append(
                DigestRow(
                    text=lazy_text(
                        _("%(forum)s: no %(agency_type)s seat"),
                        forum=forum,
                        agency_type=agency_type,
                    ),
                    url=url,
                )
            )
        for agency_type in coverage.without_authority:
            rows.append(
                DigestRow(
                    text=lazy_text(
                        _("%(forum)s: %(agency_type)s seat without authority to commit resources"),
                        forum=forum,
                        agency_type=agency_type,
                    ),
                    url=url,
                )
            )
    return DigestSection(title=_("Empty seats"), rows=tuple(rows), order=40)
