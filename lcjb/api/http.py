"""What every API response shares: anonymous and read-only, throttled, paginated, dated
(``last_updated``, ``Last-Modified``), with an ETag, answered 304 when unchanged, and open to
other sites' scripts for reading (CORS for GET)."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date, parse_http_date_safe
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from forums.public_cache import changed_at
from membership.sign_in import client_ip

API_PREFIX = "/api/"
READ_METHODS = ("GET", "HEAD")
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Link",
    "Access-Control-Max-Age": "86400",
}


class PublicApiMiddleware:
    """For /api/ only: CORS for reading (a preflight's OPTIONS too; other methods get no CORS
    headers, so a browser will not let another site's script send them), and conditional GET
    from the ETag of the body and the Last-Modified the view set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        response = self.get_response(request)
        if request.method in READ_METHODS and response.status_code == 200:
            if not response.streaming:
                set_response_etag(response)
            response = get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
                response=response,
            )
        if request.method in READ_METHODS + ("OPTIONS",):  # on a 304 too
            for name, value in CORS_HEADERS.items():
                response[name] = value
        return response


class PublicApiThrottle(AnonRateThrottle):
    """Requests per visitor's address, counted in the cache; the rate is ``API_ANON_RATE``."""

    def get_rate(self):
        return settings.API_ANON_RATE

    def get_ident(self, request):
        """The visitor's address as the sign-in lockout reads it behind our proxies (ADR 8),
        so a forged X-Forwarded-For does not reset the count."""
        return client_ip(request) or request.META.get("REMOTE_ADDR", "")


class PublicPagination(PageNumberPagination):
    """Pages of 50 rows (``page_size`` up to 200), with the date of the public record."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.paginator.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "last_updated": self.request.last_updated,
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        link = {"type": ["string", "null"], "format": "uri"}
        return {
            "type": "object",
            "required": ["count", "next", "previous", "last_updated", "results"],
            "properties": {
                "count": {"type": "integer", "description": "Rows in the whole list."},
                "next": {**link, "description": "The next page, if any."},
                "previous": {**link, "description": "The previous page, if any."},
                "last_updated": {
                    "type": "string",
                    "format": "date-time",
                    "description": "When the public record last changed.",
                },
                "results": schema,
            },
        }


def mark_dated(request, response):
    """Last-Modified from the date the body carries."""
    if response.status_code == 200:
        response["Last-Modified"] = http_date(request.last_updated.timestamp())
    return response


class PublicViewSet(viewsets.ReadOnlyModelViewSet):
    """A list and a detail of public rows: GET (and HEAD, OPTIONS) only, no sign-in."""

    authentication_classes = []
    permission_classes = []
    throttle_classes = [PublicApiThrottle]
    pagination_class = PublicPagination
    filter_backends = [DjangoFilterBackend]
    http_method_names = ["get", "head", "options"]

    @classmethod
    def as_view(cls, *args, **kwargs):
        return login_not_required(super().as_view(*args, **kwargs))

    def initial(self, request, *args, **kwargs):
        request.last_updated = changed_at()
        super().initial(request, *args, **kwargs)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["last_updated"] = getattr(self.request, "last_updated", None)
        return context

    def get_serializer_class(self):
        if self.action == "retrieve":
            return self.detail_serializer_class
        return self.serializer_class

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if hasattr(request, "last_updated"):
            mark_dated(request, response)
        return response
