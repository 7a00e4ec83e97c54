"""Search of minutes, decisions and actions across a person's forums, as they may see."""

from dataclasses import dataclass

from django.utils.translation import pgettext

from forums.confidentiality import visible_to
from forums.fulltext import in_page_language, text_search
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
    title_lang: str = "en"  # "cy" where the title shown is the Welsh version
    snippet_lang: str = "en"


def _snippet(text: str, query: str, width: int = 200) -> str:
    lower = text.lower()
    position = max((lower.find(word.lower()) for word in query.split() if word), default=-1)
    start = max(0, position - width // 2) if position >= 0 else 0
    snippet = text[start : start + width]
    return ("…" if start else "") + snippet + ("…" if start + width < len(text) else "")


def _joined(*welsh: str | None) -> str | None:
    return " ".join(text for text in welsh if text) or None


def _version(english: str, welsh: str | None, lang: str) -> tuple[str, str]:
    return (welsh, "cy") if lang == "cy" and welsh else (english, "en")


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
    entries = text_search(entries, ["agenda_item__title", "text"], query)
    for entry in entries.select_related("agenda_item", "minutes__meeting__forum")[:limit]:
        meeting = entry.minutes.meeting
        item = entry.agenda_item
        # Both shown in the page's language where the row has it, or in the language in which
        # the searched words were found.
        __, lang = in_page_language(
            f"{item.title_en} {entry.text_en}", _joined(item.title_cy, entry.text_cy), query
        )
        title, title_lang = _version(item.title_en or item.title, item.title_cy, lang)
        text, text_lang = _version(entry.text_en or entry.text, entry.text_cy, lang)
        results.append(
            SearchResult(
                pgettext("search result", "Minute"),
                title,
                _snippet(text, query),
                meeting.forum,
                meeting,
                reverse("meetings:workspace-minutes", args=[meeting.forum.slug, meeting.pk])
                + f"#entry-{entry.pk}",
                title_lang,
                text_lang,
            )
        )
    decisions = text_search(decisions, ["text", "reference"], query)
    for decision in decisions.select_related("forum", "meeting")[:limit]:
        text, lang = in_page_language(decision.text_en or decision.text, decision.text_cy, query)
        results.append(
            SearchResult(
                pgettext("search result", "Decision"),
                decision.reference,
                _snippet(text, query),
                decision.forum,
                decision.meeting,
                reverse("meetings:workspace-decisions", args=[decision.forum.slug])
                + f"#decision-{decision.pk}",
                snippet_lang=lang,
            )
        )
    actions = text_search(actions, ["title", "description"], query)
    for action in actions.select_related("forum", "meeting")[:limit]:
        results.append(
            SearchResult(
                pgettext("search result", "Action"),
                action.title,
                _snippet(action.description, query),
                action.forum,
                action.meeting,
                action_url(action),
            )
        )
    return results[:limit]
