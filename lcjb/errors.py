"""Server errors: an outage of the database, the cache or the broker is a 503, anything else 500.

Django calls ``server_error`` (``handler500``) inside the ``except`` that caught the exception, in
a view or in any middleware, so the exception is at hand. Both pages are rendered without the
request or context processors: nothing touches the database while it is down.
"""

import sys

import kombu.exceptions
import redis.exceptions
from django import db
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

# The exceptions that mean "a service we depend on is unreachable", not "a bug".
OUTAGES = (
    db.OperationalError,
    db.InterfaceError,
    kombu.exceptions.OperationalError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
)
RETRY_AFTER_SECONDS = 30


def is_outage(error: BaseException | None) -> bool:
    """Whether the error (or what caused it) is a dependency being unreachable."""
    while error is not None:
        if isinstance(error, OUTAGES):
            return True
        error = error.__cause__ or error.__context__
    return False


def service_unavailable() -> HttpResponse:
    """The branded 503 page with Retry-After."""
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """503 while the database or broker is down (try again shortly), otherwise the 500 page."""
    if is_outage(sys.exc_info()[1]):
        return service_unavailable()
    return HttpResponseServerError(loader.render_to_string(template_name))
