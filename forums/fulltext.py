"""Full-text search over text held in English and in Welsh (docs/adr/0013-welsh-search.md).

A field that has Welsh and English columns (``title_en``, ``title_cy``) is searched in both:
the English with PostgreSQL's ``english`` configuration (stemmed: "witnesses" finds
"witness"), the Welsh with ``simple`` (lower-cased whole words, no stemming and no stop words:
PostgreSQL has no Welsh dictionary, and an English stemmer or stop-word list would mangle Welsh
words). A query matches when it matches either language. On SQLite, the embedded default, a
plain substring match over every column stands in.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.translation import get_language

ENGLISH_CONFIG = "english"
WELSH_CONFIG = "simple"


def _has_welsh(model, path: str) -> bool:
    """Whether the field at ``path`` (``agenda_item__title``) has a Welsh column."""
    *relations, name = path.split("__")
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    try:
        model._meta.get_field(f"{name}_cy")
    except FieldDoesNotExist:
        return False
    return True


def columns(model, paths: list[str]) -> tuple[list[str], list[str]]:
    """The English and the Welsh columns behind the fields named in ``paths``."""
    english, welsh = [], []
    for path in paths:
        if _has_welsh(model, path):
            english.append(f"{path}_en")
            welsh.append(f"{path}_cy")
        else:
            english.append(path)
    return english, welsh


def text_search(queryset: QuerySet, paths: list[str], query: str) -> QuerySet:
    """The rows whose fields in ``paths`` match ``query`` in English or in Welsh."""
    english, welsh = columns(queryset.model, paths)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        # Each language's words against its own vector only: the English stemmer turns the
        # Welsh "oed" (age) into "o", which must not then match the Welsh word "o" (of).
        matches = Q(search_en=SearchQuery(query, config=ENGLISH_CONFIG, search_type="websearch"))
        vectors = {"search_en": SearchVector(*english, config=ENGLISH_CONFIG)}
        if welsh:
            vectors["search_cy"] = SearchVector(*welsh, config=WELSH_CONFIG)
            matches |= Q(search_cy=SearchQuery(query, config=WELSH_CONFIG, search_type="websearch"))
        return queryset.annotate(**vectors).filter(matches)
    condition = Q()
    for column in english + welsh:
        condition |= Q(**{f"{column}__icontains": query})
    return queryset.filter(condition)


def in_page_language(english: str, welsh: str | None, query: str = "") -> tuple[str, str]:
    """Which version of a text to show a searcher, and its language code: the page's language
    where the text has it, unless only the other version holds a word they searched for."""
    wants_welsh = (get_language() or "").startswith("cy")
    if not welsh:
        return english, "en"
    words = [word.lower() for word in query.split()]
    english_hit = any(word in (english or "").lower() for word in words)
    welsh_hit = any(word in welsh.lower() for word in words)
    if wants_welsh:
        return (english, "en") if english_hit and not welsh_hit else (welsh, "cy")
    return (welsh, "cy") if welsh_hit and not english_hit else (english, "en")
