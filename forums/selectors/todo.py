"""The to-do of the forums a person runs, on their workspace home: agendas to publish before
the notice, items without papers, minutes to finish and empty seats (late returns come from
``performance`` through ``forums.home``). Fixed queries, whatever the number of forums."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext, ngettext

from forums.coverage import forums_coverage
from forums.home import RUNNING, HomeContext, HomeItem, HomeSection
from forums.links import forum_url, meeting_url, minutes_url
from forums.models import AgendaItem, Forum, Meeting, Minutes
from forums.reminders.meetings import MEETING_NOTICE_DAYS
from membership import dates

# The forum's to-do on the home page looks this far ahead for agendas and papers.
FORUM_TASKS_LOOK_AHEAD_DAYS = 21
# The agenda goes out with the meeting notice, this many days before.
AGENDA_NOTICE_DAYS = max(MEETING_NOTICE_DAYS.values())
# Minutes of meetings held within this many days are chased.
MINUTES_CHASE_DAYS = 365

RED = "govuk-tag--red"
ORANGE = "govuk-tag--orange"
BLUE = "govuk-tag--blue"


def _agendas_to_publish(home: HomeContext, forum_ids: list[int]) -> list[HomeItem]:
    ahead = home.now + datetime.timedelta(days=FORUM_TASKS_LOOK_AHEAD_DAYS)
    meetings = (
        Meeting.objects.filter(
            forum_id__in=forum_ids,
            status=Meeting.Status.SCHEDULED,
            starts_at__gte=home.now,
            starts_at__lt=ahead,
        )
        .select_related("forum")
        .order_by("starts_at", "pk")
    )
    items = []
    for meeting in meetings:
        deadline = timezone.localdate(meeting.starts_at) - datetime.timedelta(
            days=AGENDA_NOTICE_DAYS
        )
        late = deadline < home.today
        items.append(
            HomeItem(
                text=gettext("Publish the agenda for %(meeting)s") % {"meeting": meeting.title},
                url=meeting_url(meeting),
                detail=ngettext(
                    "Meeting %(when)s; the notice goes out %(days)d day before",
                    "Meeting %(when)s; the notice goes out %(days)d days before",
                    AGENDA_NOTICE_DAYS,
                )
                % {"when": dates.date_and_time(meeting.starts_at), "days": AGENDA_NOTICE_DAYS},
                tag=(
                    gettext("Past the notice date")
                    if late
                    else gettext("By %(date)s") % {"date": dates.date_text(deadline)}
                ),
                tag_class=RED if late else ORANGE,
                forum=meeting.forum,
            )
        )
    return items


def _papers_missing(home: HomeContext, forum_ids: list[int]) -> list[HomeItem]:
    ahead = home.now + datetime.timedelta(days=FORUM_TASKS_LOOK_AHEAD_DAYS)
    missing = (
        AgendaItem.objects.on_agenda()
        .filter(
            kind=AgendaItem.Kind.ITEM,
            meeting__forum_id__in=forum_ids,
            meeting__status__in=Meeting.OPEN,
            meeting__starts_at__gte=home.now,
            meeting__starts_at__lt=ahead,
        )
        .exclude(papers__current_version__isnull=False)
        .select_related("meeting__forum")
        .order_by("meeting__starts_at", "order", "pk")
    )
    by_meeting: dict[int, list[AgendaItem]] = {}
    for item in missing:
        by_meeting.setdefault(item.meeting_id, []).append(item)
    items = []
    for agenda_items in by_meeting.values():
        meeting = agenda_items[0].meeting
        count = len(agenda_items)
        deadline = meeting.papers_deadline
        late = deadline is not None and deadline < home.today
        if deadline is None:
            tag = gettext("No papers deadline")
        elif late:
            tag = gettext("Past the papers deadline")
        else:
            tag = gettext("Due %(date)s") % {"date": dates.date_text(deadline)}
        items.append(
            HomeItem(
                text=ngettext(
                    "%(count)d item without a paper for %(meeting)s",
                    "%(count)d items without a paper for %(meeting)s",
                    count,
                )
                % {"count": count, "meeting": meeting.title},
                url=meeting_url(meeting),
                detail=gettext("Meeting %(when)s: %(items)s")
                % {
                    "when": dates.date_and_time(meeting.starts_at),
                    "items": ", ".join(item.title for item in agenda_items[:3])
                    + (", …" if count > 3 else ""),
                },
                tag=tag,
                tag_class=RED if late else ORANGE,
                forum=meeting.forum,
            )
        )
    return items


def _minutes_to_finish(home: HomeContext, forum_ids: list[int]) -> list[HomeItem]:
    since = home.now - datetime.timedelta(days=MINUTES_CHASE_DAYS)
    meetings = (
        Meeting.objects.filter(
            forum_id__in=forum_ids,
            status__in=Meeting.HELD_STATES,
            starts_at__gte=since,
            starts_at__lt=home.now,
        )
        .exclude(minutes__status=Minutes.Status.PUBLISHED)
        .select_related("forum", "minutes")
        .order_by("starts_at", "pk")
    )
    items = []
    for meeting in meetings:
        minutes = getattr(meeting, "minutes", None)
        if minutes is None:
            text = gettext("Write the minutes of %(meeting)s") % {"meeting": meeting.title}
            url, tag = meeting_url(meeting), ""
        elif minutes.status == Minutes.Status.DRAFT:
            text = gettext("Circulate the minutes of %(meeting)s") % {"meeting": meeting.title}
            url, tag = minutes_url(meeting), ""
        elif minutes.status == Minutes.Status.CIRCULATED:
            text = gettext("Have the minutes of %(meeting)s approved") % {"meeting": meeting.title}
            url, tag = minutes_url(meeting), gettext("Circulated")
        else:
            text = gettext("Publish the minutes of %(meeting)s") % {"meeting": meeting.title}
            url, tag = minutes_url(meeting), ""
        items.append(
            HomeItem(
                text=text,
                url=url,
                detail=gettext("Held %(date)s")
                % {"date": dates.date_text(timezone.localdate(meeting.starts_at))},
                tag=tag,
                tag_class=BLUE if tag else "",
                forum=meeting.forum,
            )
        )
    return items


def _empty_seats(forums: list[Forum]) -> list[HomeItem]:
    coverage = forums_coverage(forums=forums)
    items = []
    for forum in forums:
        result = coverage.get(forum.pk)
        if result is None:
            continue
        url = forum_url(forum)
        if not result.has_chair and result.checked:
            items.append(
                HomeItem(text=gettext("No chair"), url=url, tag=gettext("Empty seat"), forum=forum)
            )
        for agency_type in result.missing:
            items.append(
                HomeItem(
                    text=gettext("No %(agency_type)s seat") % {"agency_type": agency_type},
                    url=url,
                    detail=gettext("A core agency with no member"),
                    tag=gettext("Empty seat"),
                    tag_class=ORANGE,
                    forum=forum,
                )
            )
        for agency_type in result.without_authority:
            items.append(
                HomeItem(
                    text=gettext("%(agency_type)s: no member with authority to commit resources")
                    % {"agency_type": agency_type},
                    url=url,
                    tag=gettext("Membership gap"),
                    tag_class=ORANGE,
                    forum=forum,
                )
            )
    return items


def running_sections(*, home: HomeContext) -> list[HomeSection]:
    """The forums' own part of the to-do for whoever runs them (a fixed number of queries)."""
    forums = home.run_forums
    if not forums:
        return []
    forum_ids = [forum.pk for forum in forums]
    return [
        HomeSection(
            key="agendas",
            title=gettext("Agendas to publish"),
            items=tuple(_agendas_to_publish(home, forum_ids)),
            order=10,
            part=RUNNING,
        ),
        HomeSection(
            key="papers",
            title=gettext("Papers missing"),
            items=tuple(_papers_missing(home, forum_ids)),
            order=20,
            part=RUNNING,
        ),
        HomeSection(
            key="minutes",
            title=gettext("Minutes to finish"),
            items=tuple(_minutes_to_finish(home, forum_ids)),
            order=30,
            part=RUNNING,
        ),
        HomeSection(
            key="seats",
            title=gettext("Empty seats"),
            items=tuple(_empty_seats(forums)),
            order=60,
            part=RUNNING,
        ),
    ]


@dataclass
class ToDoGroup:
    """One section's items for one forum (``prefix`` keeps the page's ids unique)."""

    title: str
    items: list[HomeItem]
    prefix: str


@dataclass
class ForumToDo:
    """One forum the person runs, and what it has to do, section by section."""

    forum: Forum
    groups: list[ToDoGroup]

    @property
    def count(self) -> int:
        return sum(len(group.items) for group in self.groups)


def forum_todo(*, home: HomeContext, sections: list[HomeSection]) -> list[ForumToDo]:
    """The to-do sections regrouped by the forum each item belongs to."""
    todo = {forum.pk: ForumToDo(forum=forum, groups=[]) for forum in home.run_forums}
    for section in sorted(sections, key=lambda s: (s.order, s.title)):
        by_forum: dict[int, list[HomeItem]] = {}
        for item in section.items:
            if item.forum is not None and item.forum.pk in todo:
                by_forum.setdefault(item.forum.pk, []).append(item)
        for forum_id, items in by_forum.items():
            todo[forum_id].groups.append(
                ToDoGroup(title=section.title, items=items, prefix=f"todo-{forum_id}-{section.key}")
            )
    return list(todo.values())
