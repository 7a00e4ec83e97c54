"""Project-wide middleware that belongs to no app."""

from django.middleware.gzip import GZipMiddleware


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
