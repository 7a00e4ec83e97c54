"""Atom feeds of what boards publish: agendas and minutes. Public rows only.

Every feed reads through the published-only querysets (``Meeting.objects.published()``,
``Minutes.objects.published()``), never the member-side selectors, so nothing confidential can
reach a feed reader. An agenda entry names only the items the public may see by title.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums.access import public_forum_for
from forums.links import public_meeting_url
from forums.models import AgendaItem, Forum, Meeting, Minutes
from membership import dates

FEED_LENGTH = 30


@dataclass(frozen=True)
class Entry:
    """One thing a board published."""

    title: str
    description: str
    link: str
    published: datetime
    unique_id: str


def _agenda_entries(meetings) -> list[Entry]:
    entries = []
    for meeting in meetings:
        link = public_meeting_url(meeting)
        titles = [item.title_for_public for item in meeting.listed_items]
        when = dates.when(meeting.starts_at, meeting.ends_at)
        lines = [
            gettext("%(forum)s meets on %(when)s.") % {"forum": meeting.forum.name, "when": when}
        ]
        if meeting.location:
            lines.append(gettext("Where: %(location)s.") % {"location": meeting.location})
        if titles:
            lines.append(gettext("Agenda: %(items)s.") % {"items": "; ".join(titles)})
        entries.append(
            Entry(
                title=gettext("Agenda published: %(meeting)s") % {"meeting": meeting.title},
                description=" ".join(lines),
                link=link,
                published=meeting.agenda_published_at or meeting.starts_at,
                unique_id=f"agenda:{meeting.pk}",
            )
        )
    return entries


def _minutes_entries(minutes_list) -> list[Entry]:
    entries = []
    for minutes in minutes_list:
        meeting = minutes.meeting
        link = public_meeting_url(meeting)
        entries.append(
            Entry(
                title=gettext("Minutes published: %(meeting)s") % {"meeting": meeting.title},
                description=(
                    gettext(
                        "The approved minutes of the %(forum)s meeting on %(date)s are published."
                    )
                    % {"forum": meeting.forum.name, "date": dates.date_text(meeting.starts_at)}
                ),
                link=link,
                published=minutes.published_at or minutes.updated_at,
                unique_id=f"minutes:{minutes.pk}",
            )
        )
    return entries


def published_entries(*, forum: Forum | None = None) -> list[Entry]:
    """The newest agendas and minutes published, of one forum or all, in three queries."""
    meetings = (
        Meeting.objects.published()
        .filter(status__in=Meeting.AGENDA_OUT)
        .select_related("forum")
        .prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.listed_publicly().order_by("order", "pk"),
                to_attr="listed_items",
            )
        )
        .order_by("-agenda_published_at", "-starts_at")
    )
    minutes = Minutes.objects.published().select_related("meeting__forum").order_by("-published_at")
    if forum is not None:
        meetings = meetings.filter(forum=forum)
        minutes = minutes.filter(meeting__forum=forum)
    entries = _agenda_entries(meetings[:FEED_LENGTH]) + _minutes_entries(minutes[:FEED_LENGTH])
    entries.sort(key=lambda entry: entry.published, reverse=True)
    return entries[:FEED_LENGTH]


class _PublishedFeed(Feed):
    feed_type = Atom1Feed
    # Feeds are public: LoginRequiredMiddleware reads this attribute of the view (the instance).
    login_required = False
    author_name = _("Local criminal justice boards")

    def items(self, obj):
        return published_entries(forum=obj)

    def item_title(self, item: Entry):
        return item.title

    def item_description(self, item: Entry):
        return item.description

    def item_link(self, item: Entry):
        return item.link

    def item_pubdate(self, item: Entry):
        return item.published

    def item_updateddate(self, item: Entry):
        return item.published

    def item_guid(self, item: Entry):
        return item.unique_id


class AllBoardsFeed(_PublishedFeed):
    """Agendas and minutes published by every public board on this site."""

    title = _("Agendas and minutes of local criminal justice boards")
    subtitle = _("What every board on this site has published, newest first.")

    def get_object(self, request):
        return None

    def link(self):
        return reverse("forums:home")


class ForumFeed(_PublishedFeed):
    """Agendas and minutes published by one public board."""

    def get_object(self, request, slug):
        return public_forum_for(slug=slug)

    def title(self, obj):
        return gettext("%(forum)s: agendas and minutes") % {"forum": obj.name}

    def subtitle(self, obj):
        return gettext("What %(forum)s has published, newest first.") % {"forum": obj.name}

    def link(self, obj):
        return reverse("meetings:public-list", args=[obj.slug])


@login_not_required
def feed_index(request):
    """The feeds on offer: all boards, and each public board."""
    forums = Forum.objects.public().order_by("name")
    return render(request, "feeds/index.html", {"forums": forums})
