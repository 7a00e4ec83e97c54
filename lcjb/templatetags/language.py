"""Built into every template (TEMPLATES "builtins"): the page's language and the switcher."""

from django import template
from django.conf import settings
from django.utils import translation

from lcjb import language

register = template.Library()


@register.simple_tag
def html_lang() -> str:
    """The value for <html lang>: 'en-GB' on English pages, 'cy' on Welsh ones."""
    return language.html_lang()


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    """A link to the same page (path and query) in the other language, named in that language;
    nothing on pages that exist in one language only. Signed-in people's link also records the
    choice as their preference (``lcjb.middleware.LanguageSwitchMiddleware``)."""
    request = context.get("request")
    if request is None:
        return {"url": None}
    target = language.other_language()
    url = language.switch_url(request.get_full_path(), target)
    user = getattr(request, "user", None)
    if url and user is not None and user.is_authenticated:
        url = language.with_switch_marker(url, target)
    return {
        "url": url,
        "code": target,
        "html_lang": language.html_lang(target),
        "name": dict(settings.LANGUAGES)[target],
        "current": translation.get_language(),
    }
