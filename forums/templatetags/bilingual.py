"""Public text in the page's language, and English (or Welsh) shown instead marked as such.

    {% load bilingual %}
    <h1>{% bilingual meeting "title" %}</h1>
    {% bilingual entry "text" block=True %}      (paragraphs, like |linebreaks)
    <title>{{ meeting|bilingual_text:"title" }}</title>   (plain text, where no markup may go)

On a Welsh page (/cy/...) a text with a Welsh version shows it. A text with only English shows
the English inside ``lang="en"`` with a visible note, "Ar gael yn Saesneg yn unig", so Welsh
and English are never mixed silently; an English page does the same the other way round. The
columns are read by name (``title_cy``, ``title_en``): the bare field is English-first
(lcjb/english_first.py). An object whose field is not translated shows the field as it is.
"""

from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language, gettext

register = template.Library()

LANGUAGES = ("en", "cy")


def page_language() -> str:
    return "cy" if (get_language() or "en").startswith("cy") else "en"


def _value(obj, name: str) -> str:
    return str(getattr(obj, name, None) or "").strip()


def text_in_page_language(obj, field: str) -> tuple[str, str | None]:
    """The text and, when it is not in the page's language, the language it is in."""
    if obj is None:
        return "", None
    page = page_language()
    if not hasattr(obj, f"{field}_cy"):
        return _value(obj, field), None
    own = _value(obj, f"{field}_{page}")
    if own:
        return own, None
    for other in LANGUAGES:
        text = _value(obj, f"{field}_{other}")
        if other != page and text:
            return text, other
    return "", None


def _note(language: str) -> str:
    if language == "en":
        return gettext("Only available in English")
    return gettext("Only available in Welsh")


@register.simple_tag
def bilingual(obj, field: str, block: bool = False):
    """The field's text for this page: in its language, or marked as in the other one."""
    text, language = text_in_page_language(obj, field)
    if not text:
        return ""
    if block:
        paragraphs = linebreaks_filter(text, autoescape=True)
        if language is None:
            return paragraphs
        return format_html(
            '<div lang="{}">{}</div><p class="govuk-body-s lcjb-language-note">{}</p>',
            language,
            paragraphs,
            _note(language),
        )
    if language is None:
        return conditional_escape(text)
    return format_html(
        '<span lang="{}">{}</span> <span class="lcjb-language-note">({})</span>',
        language,
        text,
        _note(language),
    )


@register.filter
def bilingual_text(obj, field: str) -> str:
    """Plain text for places no markup may go (a page's <title>, an attribute)."""
    return text_in_page_language(obj, field)[0]
