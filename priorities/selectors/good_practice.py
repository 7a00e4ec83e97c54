"""Reads of the good-practice library: what a person may read, searched and filtered; a board's
own entries; the curator's queue; and the public entries of a theme's feed.

Anyone may read published public entries; partners (signed in with a seat on any forum, or
national staff) also read partners-only ones. Drafts, entries waiting for review and entries
turned down are seen only by their board and the curator — never on a library page or feed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404

from forums.fulltext import text_search
from forums.models import Forum
from membership.models import AgencyType, PoliceForceArea
from priorities.models import GoodPracticeAdoption, GoodPracticeEntry, Priority, Theme

Entry = GoodPracticeEntry
SEARCH_FIELDS = ["title", "what_was_done", "evidence", "cost"]
FEED_LENGTH = 30


@dataclass(frozen=True)
class LibraryFilters:
    """What a library search asks for (each part optional)."""

    query: str = ""
    theme: str = ""  # a theme's slug
    agency_type: str = ""  # an agency type's slug
    area: str = ""  # a police force area's ONS code
    evidence_level: str = ""

    @property
    def any(self) -> bool:
        return any([self.query, self.theme, self.agency_type, self.area, self.evidence_level])


def readable_entries(*, person) -> QuerySet:
    """Published entries the person may read: public ones, and partners-only for partners."""
    if person is not None and person.has_perm("priorities.read_partners_good_practice"):
        return Entry.objects.published()
    return Entry.objects.public()


def _text_filter(queryset: QuerySet, query: str) -> QuerySet:
    """PostgreSQL full-text search, English and Welsh (the theme's Welsh name too); a plain
    substring match on SQLite (the embedded default). See forums/fulltext.py."""
    matches = text_search(Entry.objects.all(), [*SEARCH_FIELDS, "theme__name"], query)
    return queryset.filter(pk__in=matches.values("pk"))


def library_search(*, person, filters: LibraryFilters) -> QuerySet:
    """The entries the person may read that match the search, newest first, each with its
    theme, area, agencies and number of adoptions loaded (a fixed number of queries)."""
    entries = readable_entries(person=person)
    if filters.query:
        entries = _text_filter(entries, filters.query)
    if filters.theme:
        entries = entries.filter(theme__slug=filters.theme)
    if filters.area:
        entries = entries.filter(area__code=filters.area)
    if filters.evidence_level:
        entries = entries.filter(evidence_level=filters.evidence_level)
    if filters.agency_type:
        involved = Entry.objects.filter(agencies__agency_type__slug=filters.agency_type)
        entries = entries.filter(pk__in=involved.values("pk"))
    return (
        entries.select_related("theme", "area", "forum")
        .prefetch_related("agencies")
        .annotate(adoption_count=Count("adoptions"))
        .order_by("-published_at", "-pk")
    )


def library_choices() -> dict:
    """The options of the search form: themes, agency types and areas (three queries)."""
    return {
        "themes": list(Theme.objects.national().only("slug", "name")),
        "agency_types": list(AgencyType.objects.only("slug", "name")),
        "areas": list(PoliceForceArea.objects.only("code", "name")),
    }


def library_entry(*, person, pk: int) -> Entry:
    """One entry the person may read, with its agencies, indicators and adoptions (else 404)."""
    adoptions = GoodPracticeAdoption.objects.select_related("forum", "priority").order_by(
        "forum__name"
    )
    entry = (
        readable_entries(person=person)
        .select_related("theme", "area", "forum")
        .prefetch_related(
            Prefetch("agencies", queryset=_agencies()),
            "indicators",
            Prefetch("adoptions", queryset=adoptions),
        )
        .filter(pk=pk)
        .first()
    )
    if entry is None:
        raise Http404("No such entry")
    return entry


def _agencies():
    from membership.models import Agency

    return Agency.objects.select_related("agency_type").order_by("name")


@dataclass(frozen=True)
class AdoptionRow:
    """A board that adopted an entry, and the priority it named if the public may see it."""

    forum: Forum
    priority: Priority | None
    adopted_at: object


def adopted_by(*, entry: Entry) -> tuple[list[AdoptionRow], int]:
    """The public boards that adopted the entry (by name, with an agreed priority they named),
    and how many other boards did (not named: their board is not public)."""
    named, others = [], 0
    for adoption in entry.adoptions.all():
        if not adoption.forum.is_public:
            others += 1
            continue
        priority = adoption.priority
        shown = priority if priority and priority.status == Priority.Status.AGREED else None
        named.append(AdoptionRow(adoption.forum, shown, adoption.adopted_at))
    return named, others


def theme_feed_entries(*, theme: Theme) -> list[Entry]:
    """The newest public entries of a theme: a feed is public, so never partners-only."""
    return list(
        Entry.objects.public()
        .filter(theme=theme)
        .select_related("area", "forum")
        .order_by("-published_at", "-pk")[:FEED_LENGTH]
    )


def forum_good_practice(*, forum: Forum) -> dict:
    """A board's own entries (every state) and what it adopted from other boards."""
    return {
        "entries": list(
            Entry.objects.filter(forum=forum)
            .select_related("theme")
            .annotate(adoption_count=Count("adoptions"))
            .order_by("-updated_at")
        ),
        "adoptions": list(
            GoodPracticeAdoption.objects.filter(forum=forum)
            .select_related("entry", "priority")
            .order_by("-adopted_at")
        ),
    }


def forum_entry(*, forum: Forum, pk: int) -> Entry:
    """One of the board's own entries, whatever its state (else 404)."""
    entry = (
        Entry.objects.filter(forum=forum, pk=pk)
        .select_related("theme", "area", "forum")
        .prefetch_related(Prefetch("agencies", queryset=_agencies()), "indicators")
        .first()
    )
    if entry is None:
        raise Http404("No such entry")
    return entry


def review_queue() -> dict:
    """For the national curator: entries waiting for review, oldest first, and the latest
    decisions."""
    base = Entry.objects.select_related("theme", "area", "forum")
    return {
        "waiting": list(base.filter(state=Entry.State.SUBMITTED).order_by("submitted_at", "pk")),
        "decided": list(
            base.filter(state__in=[Entry.State.PUBLISHED, Entry.State.REJECTED]).order_by(
                "-updated_at"
            )[:20]
        ),
    }


def entry_for_review(*, pk: int) -> Entry:
    """Any entry the curator has been sent (never a board's draft), else 404."""
    entry = (
        Entry.objects.exclude(state=Entry.State.DRAFT)
        .select_related("theme", "area", "forum")
        .prefetch_related(Prefetch("agencies", queryset=_agencies()), "indicators")
        .filter(pk=pk)
        .first()
    )
    if entry is None:
        raise Http404("No such entry")
    return entry


def adoption_priority_choices(*, forum: Forum) -> QuerySet:
    """The board's priorities an adoption may name: current and recent, agreed or in hand."""
    return (
        Priority.objects.filter(forum=forum)
        .exclude(status=Priority.Status.RETIRED)
        .order_by("-plan_year", "title")
    )


def already_adopted(*, entry: Entry, forum: Forum) -> bool:
    return GoodPracticeAdoption.objects.filter(entry=entry, forum=forum).exists()


def boards_run_by(*, person) -> list[Forum]:
    """The forums the person runs (secretariat or chair): where they may record an adoption."""
    if not getattr(person, "is_authenticated", False):
        return []
    from forums.models import Membership

    seats = Membership.objects.current().filter(
        person_id=person.pk, role__in=Membership.RUNNING_ROLES
    )
    return list(Forum.objects.filter(pk__in=seats.values("forum_id")).order_by("name"))
