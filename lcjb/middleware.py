"""Project-wide middleware that belongs to no app."""

from django.http import HttpResponseRedirect
from django.middleware.gzip import GZipMiddleware
from django.utils import translation


class AnonymousGZipMiddleware(GZipMiddleware):
    """Compress pages for visitors who are not signed in, and only pages that hold no secret.

    Compression next to a secret in the same page is what BREACH reads, so a page for a
    signed-in person (which may reflect what they typed beside confidential material) and a
    page carrying a CSRF token (a form) are sent as they are. Public pages carry neither.
    """

    def process_response(self, request, response):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return response
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies:
            return response
        return super().process_response(request, response)


class LanguageSwitchMiddleware:
    """The language switcher's link, followed by a signed-in person, records the language as
    their preference (their emails and reminders come in it, and they land in it after signing
    in), then redirects to the same address without the marker. Runs after authentication."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from lcjb import language

        chosen = request.GET.get(language.SWITCH_PARAMETER)
        if chosen is None or request.method != "GET":
            return self.get_response(request)
        user = getattr(request, "user", None)
        if (
            chosen in language.language_codes()
            and chosen == translation.get_language()
            and user is not None
            and user.is_authenticated
        ):
            from membership.services import person_language_set

            person_language_set(person=user, language=chosen)
        return HttpResponseRedirect(language.without_switch_marker(request.get_full_path()))
