"""Search of minutes, decisions and actions across a person's forums, as they may see."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Q

from forums.confidentiality import visible_to
from forums.links import action_url
from forums.models import Action, Decision, Forum, Meeting, MinuteEntry
from membership.models import User


@dataclass
class SearchResult:
    kind: str
    title: str
    snippet: str
    forum: Forum
    meeting: Meeting | None
    url: str


def _text_filter(queryset, fields: list[str], query: str):
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        vector = SearchVector(*fields, config="english")
        return queryset.annotate(search=vector).filter(
            search=SearchQuery(query, config="english", search_type="websearch")
        )
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": query})
    return queryset.filter(condition)


def _snippet(text: str, query: str, width: int = 200) -> str:
    lower = text.lower()
    position = max((lower.find(word.lower()) for word in query.split() if word), default=-1)
    start = max(0, position - width // 2) if position >= 0 else 0
    snippet = text[start : start + width]
    return ("…" if start else "") + snippet + ("…" if start + width < len(text) else "")


def search_for(*, person: User, query: str, limit: int = 50) -> list[SearchResult]:
    """Minutes, decisions and actions of the person's forums they may see."""
    from django.urls import reverse

    query = (query or "").strip()
    if not query:
        return []
    results: list[SearchResult] = []
    # Every forum the person is a member of, each row only if they may see it there.
    entries = visible_to(MinuteEntry.objects.all(), person)
    decisions = visible_to(Decision.objects.all(), person)
    actions = visible_to(Action.objects.all(), person)
    entries = _text_filter(entries, ["agenda_item__title", "text"], query)
    for entry in entries.select_related("agenda_item", "minutes__meeting__forum")[:limit]:
        meeting = entry.minutes.meeting
        results.append(
            SearchResult(
                "Minute",
                entry.agenda_item.title,
                _snippet(entry.text, query),
                meeting.forum,
                meeting,
                reverse("meetings:workspace-minutes", args=[meeting.forum.slug, meeting.pk])
                + f"#entry-{entry.pk}",
            )
        )
    decisions = _text_filter(decisions, ["text", "reference"], query)
    for decision in decisions.select_related("forum", "meeting")[:limit]:
        results.append(
            SearchResult(
                "Decision",
                decision.reference,
                _snippet(decision.text, query),
                decision.forum,
                decision.meeting,
                reverse("meetings:workspace-decisions", args=[decision.forum.slug])
                + f"#decision-{decision.pk}",
            )
        )
    actions = _text_filter(actions, ["title", "description"], query)
    for action in actions.select_related("forum", "meeting")[:limit]:
        results.append(
            SearchResult(
                "Action",
                action.title,
                _snippet(action.description, query),
                action.forum,
                action.meeting,
                action_url(action),
            )
        )
    return results[:limit]
