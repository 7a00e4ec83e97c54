"""The workspace home's returns sections: what the person's agency owes, and late returns for
the forums they run. Registered with ``forums.home`` in ``PerformanceConfig.ready()``.

Who enters figures for which agency is ``performance.rules.submitting_seats`` (the rule behind
the returns permissions); who owes what is :func:`returns_overviews` (the returns page's list).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext, ngettext

from forums.home import RUNNING, HomeContext, HomeItem, HomeSection
from membership import dates
from membership.models import User
from performance.rules import submitting_seats
from performance.selectors.owed import OwedReturn, returns_overviews


def _link(row: OwedReturn) -> str:
    """The return itself once started; before that the returns page, where it is started."""
    if row.performance_return is not None:
        return reverse(
            "performance:return-detail", args=[row.forum.slug, row.performance_return.pk]
        )
    return reverse("performance:returns", args=[row.forum.slug])


def _when(row: OwedReturn) -> tuple[str, str]:
    if row.is_late:
        days = (row.today - row.spec.due_date).days
        late = ngettext("%(count)s day late", "%(count)s days late", days) % {"count": days}
        return late, "govuk-tag--red"
    due = gettext("Due %(date)s") % {"date": dates.date_text(row.spec.due_date)}
    return due, "govuk-tag--orange"


def returns_owed_by(*, person: User, seats=None) -> list[OwedReturn]:
    """Across the person's forums, the returns the agencies they enter figures for have not
    submitted yet, most overdue first (five queries whatever the number of forums)."""
    if seats is None:
        seats = list(submitting_seats().filter(person=person).select_related("forum"))
    by_forum: dict = {}
    for seat in seats:
        by_forum.setdefault(seat.forum, set()).add(seat.agency_id)
    rows = [
        row
        for forum_rows in returns_overviews(agency_ids_by_forum=by_forum).values()
        for row in forum_rows
        if row.is_owed
    ]
    return sorted(rows, key=lambda row: (row.spec.due_date, row.forum.name, row.agency.name))


def returns_owed_section(home: HomeContext) -> HomeSection | None:
    """'Returns your agency owes', for whoever enters figures for an agency somewhere."""
    seats = list(submitting_seats(home.today).filter(person=home.person).select_related("forum"))
    if not seats:
        return None
    items = []
    for row in returns_owed_by(person=home.person, seats=seats):
        tag, tag_class = _when(row)
        items.append(
            HomeItem(
                text=gettext("%(agency)s figures for %(period)s")
                % {"agency": row.agency, "period": row.spec.code},
                url=_link(row),
                detail=ngettext(
                    "%(forum)s: %(status)s, %(count)s indicator",
                    "%(forum)s: %(status)s, %(count)s indicators",
                    row.indicator_count,
                )
                % {"forum": row.forum, "status": row.status_label, "count": row.indicator_count},
                tag=tag,
                tag_class=tag_class,
                forum=row.forum,
            )
        )
    forums = sorted({seat.forum for seat in seats}, key=lambda forum: forum.name)
    return HomeSection(
        key="returns",
        title=gettext("Returns your agency owes"),
        items=tuple(items),
        empty=gettext("Nothing to do: your agency has submitted every return due."),
        order=30,
        for_submitters=True,
        links=tuple(
            (
                gettext("All returns for %(forum)s") % {"forum": forum},
                reverse("performance:returns", args=[forum.slug]),
            )
            for forum in forums
        ),
    )


def late_returns_section(home: HomeContext) -> HomeSection | None:
    """Late returns, for the to-do of the forums the person runs."""
    forums = home.run_forums
    if not forums:
        return None
    overviews = returns_overviews(agency_ids_by_forum=dict.fromkeys(forums))
    items = []
    for forum in forums:
        for row in overviews.get(forum.pk, []):
            if not (row.is_late and row.indicator_count):
                continue
            tag, tag_class = _when(row)
            items.append(
                HomeItem(
                    text=gettext("%(agency)s figures for %(period)s")
                    % {"agency": row.agency, "period": row.spec.code},
                    url=_link(row),
                    detail=gettext("%(status)s, due %(date)s")
                    % {"status": row.status_label, "date": dates.date_text(row.spec.due_date)},
                    tag=tag,
                    tag_class=tag_class,
                    forum=forum,
                )
            )
    return HomeSection(
        key="late-returns",
        title=gettext("Late returns"),
        items=tuple(items),
        order=40,
        part=RUNNING,
    )
