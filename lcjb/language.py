"""Which language a page, a link or an email is in: English at the addresses it has always had,
Welsh under /cy/ (``i18n_patterns`` in lcjb/urls.py)."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings
from django.http import QueryDict
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation

# The value of <html lang>: the interface is British English.
HTML_LANG = {"en": "en-GB", "cy": "cy"}


def html_lang(code: str | None = None) -> str:
    """'en-GB' or 'cy' for the active language (or ``code``)."""
    code = code or translation.get_language() or settings.LANGUAGE_CODE
    return HTML_LANG.get(code, code)


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def other_language(code: str | None = None) -> str:
    """The language a page offers to switch to: the first one that is not the active one."""
    code = code or translation.get_language() or settings.LANGUAGE_CODE
    return next(other for other in language_codes() if other != code)


def language_of_path(path: str) -> str:
    """The language an address of ours is in: its prefix, or the default (English)."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def _swap_prefix(path: str, source: str, target: str) -> str:
    """The same address under the other prefix (for addresses that resolve to nothing)."""
    if source != settings.LANGUAGE_CODE:
        path = path.removeprefix(f"/{source}")  # '/cy/x' -> '/x'; '/cy' -> ''
        path = path if path.startswith("/") else f"/{path}"
    if target != settings.LANGUAGE_CODE:
        path = f"/{target}{path}"
    return path


def switch_url(url: str, language: str) -> str | None:
    """``url`` (a path of ours, or an absolute address on this site) in ``language``, keeping its
    query and fragment; None for addresses outside the language prefix (admin, API, health),
    which exist in one language only. An address that resolves to nothing (a page not found)
    is given the other prefix, so the switcher works on the 404 page too."""
    parts = urlsplit(url)
    source = language_of_path(parts.path)
    if source == language:
        return url
    with translation.override(source):
        translated = translate_url(url, language)
        if translated != url:
            return translated
        try:
            resolve(unquote(parts.path))
        except Resolver404:
            pass
        else:
            return None  # it resolves, yet has no form in another language
    path = _swap_prefix(parts.path, source, language)
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, parts.fragment))


def localised_url(url: str, language: str) -> str:
    """``url`` in ``language`` where it has a form in that language; otherwise as it is."""
    return switch_url(url, language) or url


# The switcher's link for signed-in people carries this, so that choosing a language there (and
# only there) becomes their preference; the middleware records it and redirects to the clean
# address. Links for everyone else are the plain address (public pages are kept in the cache).
SWITCH_PARAMETER = "switch-language"


def with_switch_marker(url: str, language: str) -> str:
    parts = urlsplit(url)
    query = QueryDict(parts.query, mutable=True)
    query[SWITCH_PARAMETER] = language
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query.urlencode(), parts.fragment))


def without_switch_marker(full_path: str) -> str:
    parts = urlsplit(full_path)
    query = QueryDict(parts.query, mutable=True)
    query.pop(SWITCH_PARAMETER, None)
    return urlunsplit(("", "", parts.path, query.urlencode(), parts.fragment))
