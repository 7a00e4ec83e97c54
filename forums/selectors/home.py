"""Reads for the workspace home: what each signed-in person should do next.

Everything here reads across all the person's forums in a fixed number of queries, whatever the
number of forums, meetings, papers or actions. Confidentiality is asked of
``forums.confidentiality`` (papers and actions a member may not see never appear).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from forums import confidentiality
from forums.home import RUNNING, HomeContext, HomeItem, HomeSection, home_sections
from forums.links import action_url, paper_url
from forums.models import (
    Action,
    AgendaItem,
    Attendance,
    LastLooked,
    Meeting,
    Membership,
    Paper,
)
from forums.rules.forum import remember_roles
from forums.selectors.forum import workspace_forums_for
from forums.selectors.todo import forum_todo, running_sections
from membership import dates
from membership.models import User

NEXT_MEETINGS = 5
NEW_PAPERS = 10
# A first visit shows the papers of the last fortnight.
FIRST_LOOK_DAYS = 14
# Actions due within this many days are "due soon".
DUE_SOON_DAYS = 14

RED = "govuk-tag--red"
ORANGE = "govuk-tag--orange"
BLUE = "govuk-tag--blue"
GREY = "govuk-tag--grey"


def home_context(*, person: User, now: datetime.datetime | None = None) -> HomeContext:
    """The person's current seats (one query), remembered for the permission rules too."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    seats = list(
        Membership.objects.current(today)
        .filter(person=person)
        .select_related("forum", "forum__parent", "agency")
        .order_by("forum__name", "role")
    )
    remember_roles(person, seats)
    return HomeContext(person=person, today=today, now=now, seats=seats)


# --- next meetings --------------------------------------------------------------------------


@dataclass
class NextMeeting:
    """A meeting ahead, the person's reply, and whether they may still reply."""

    meeting: Meeting
    attendance: Attendance | None
    can_reply: bool

    @property
    def has_replied(self) -> bool:
        return self.attendance is not None and self.attendance.reply != Attendance.Reply.NO_REPLY

    @property
    def reply_label(self) -> str:
        if not self.has_replied:
            return gettext("Not replied")
        if self.attendance.reply == Attendance.Reply.DEPUTY and self.attendance.deputy:
            return gettext("Sending %(deputy)s as deputy") % {"deputy": self.attendance.deputy}
        return self.attendance.get_reply_display()

    @property
    def tag_class(self) -> str:
        if not self.has_replied:
            return ORANGE
        return BLUE if self.attendance.reply == Attendance.Reply.ATTENDING else GREY

    @property
    def replied_attending(self) -> bool:
        return self.has_replied and self.attendance.reply == Attendance.Reply.ATTENDING

    @property
    def replied_apologies(self) -> bool:
        return self.has_replied and self.attendance.reply == Attendance.Reply.APOLOGIES


def next_meetings(*, home: HomeContext, limit: int = NEXT_MEETINGS) -> list[NextMeeting]:
    """The next meetings of the forums the person is a member of, with their reply (2 queries)."""
    forum_ids = [forum.pk for forum in home.member_forums]
    if not forum_ids:
        return []
    own = Attendance.objects.filter(person=home.person).select_related("deputy")
    meetings = (
        Meeting.objects.filter(forum_id__in=forum_ids, starts_at__gte=home.now)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("forum")
        .prefetch_related(Prefetch("attendances", queryset=own, to_attr="own_attendances"))
        .order_by("starts_at", "pk")[:limit]
    )
    return [
        NextMeeting(
            meeting=meeting,
            attendance=next(iter(meeting.own_attendances), None),
            can_reply=meeting.is_open and home.person.has_perm("forums.rsvp", meeting.forum),
        )
        for meeting in meetings
    ]


# --- papers since they last looked ----------------------------------------------------------


def papers_since(*, home: HomeContext) -> datetime.datetime:
    """When the person last looked at their home (a fortnight ago on their first visit)."""
    looked = (
        LastLooked.objects.filter(person=home.person, place=LastLooked.place_of(None))
        .values_list("looked_at", flat=True)
        .first()
    )
    return looked or home.now - datetime.timedelta(days=FIRST_LOOK_DAYS)


def new_papers(
    *, home: HomeContext, since: datetime.datetime, limit: int = NEW_PAPERS
) -> list[Paper]:
    """Papers the person may see that came out after ``since`` and after they last opened the
    paper's meeting (one query). A paper comes out when its file is uploaded to a published
    agenda, or when the agenda is published with it."""
    if not home.member_forums:
        return []
    meeting_look = LastLooked.objects.filter(
        person=home.person, meeting=OuterRef("agenda_item__meeting")
    ).values("looked_at")[:1]
    papers = (
        confidentiality.visible_to(Paper.objects.all(), home.person)
        .filter(
            current_version__isnull=False,
            agenda_item__status=AgendaItem.Status.ON_AGENDA,
            agenda_item__meeting__status__in=Meeting.AGENDA_OUT,
        )
        .annotate(
            published_at=Greatest(
                F("current_version__uploaded_at"),
                Coalesce(
                    F("agenda_item__meeting__agenda_published_at"),
                    F("current_version__uploaded_at"),
                ),
            ),
            meeting_looked_at=Subquery(meeting_look),
        )
        .filter(published_at__gt=since)
        .filter(Q(meeting_looked_at__isnull=True) | Q(published_at__gt=F("meeting_looked_at")))
        .select_related("agenda_item__meeting__forum", "current_version")
        .order_by("-published_at", "pk")
    )
    found = list(papers[:limit])
    for paper in found:
        paper.url = paper_url(paper, paper.agenda_item.meeting)
    return found


# --- actions --------------------------------------------------------------------------------


def actions_due(*, home: HomeContext) -> HomeSection | None:
    """Open actions the person owns (that they may see), overdue first (one query)."""
    if not home.member_forums:
        return None
    actions = (
        confidentiality.visible_to(Action.objects.open().filter(owner=home.person), home.person)
        .select_related("forum")
        .order_by("due_date", "pk")
    )
    soon = home.today + datetime.timedelta(days=DUE_SOON_DAYS)
    items = []
    for action in actions:
        if action.due_date and action.due_date < home.today:
            days = (home.today - action.due_date).days
            tag = ngettext("%(days)d day overdue", "%(days)d days overdue", days) % {"days": days}
            tag_class = RED
        elif action.due_date and action.due_date <= soon:
            tag, tag_class = gettext("Due soon"), ORANGE
        else:
            tag, tag_class = "", ""
        items.append(
            HomeItem(
                text=f"{action.reference} {action.title}".strip(),
                url=action_url(action),
                detail=(
                    gettext("%(forum)s, due %(date)s")
                    % {"forum": action.forum, "date": dates.date_text(action.due_date)}
                    if action.due_date
                    else str(action.forum)
                ),
                tag=tag,
                tag_class=tag_class,
                forum=action.forum,
            )
        )
    return HomeSection(
        key="actions",
        title=gettext("Your actions"),
        items=tuple(items),
        empty=gettext("Nothing to do: you have no open actions."),
        order=10,
    )


# --- the whole page -------------------------------------------------------------------------


def home_page(*, person: User, since: datetime.datetime | None = None) -> dict:
    """Everything on the person's home, in a fixed number of queries."""
    home = home_context(person=person)
    registered = home_sections(home)
    yours = [s for s in registered if s.part != RUNNING]
    running = [s for s in registered if s.part == RUNNING]
    context = {"home": home, "only_submits": home.only_submits, "runs_forums": home.run_forums}
    if not home.only_submits:
        actions = actions_due(home=home)
        if actions is not None:
            yours.insert(0, actions)
        # Read on every visit, kept or not, so that every visit costs the same queries.
        last_looked = papers_since(home=home)
        since = since or last_looked
        context.update(
            next_meetings=next_meetings(home=home),
            papers_since=since,
            new_papers=new_papers(home=home, since=since),
            forum_todo=forum_todo(home=home, sections=running_sections(home=home) + running),
            rows=workspace_forums_for(person=person),
        )
    context["sections"] = sorted(yours, key=lambda s: (s.order, s.title))
    return context
