"""Public pages rendered once and kept until something changes (issue 13).

Public content changes when someone writes — publishes, edits, deletes — never on a read, so a
page rendered for one anonymous visitor serves the next ones. Each kept page is filed under its
address, its language and the *public version*: one number in the cache that every write raises.
Two things raise it, so no route is missed:

- any model saved or deleted in the apps named in ``PUBLIC_PAGE_CACHE_APPS`` (signals: Celery
  tasks, management commands, the admin), except the busy records that never show publicly;
- any request that could write (POST and the like) by a signed-in person, whatever its service
  did underneath (bulk updates send no signals).

Pages that depend on the clock (a consultation closing, a meeting becoming past) are kept for at
most ``PUBLIC_PAGE_CACHE_SECONDS`` (5 minutes by default). Only the pages named in
``PUBLIC_PAGE_CACHE_VIEWS`` are kept, only for visitors with no session or message cookie, and
only a plain 200 response that set no cookie (so a page with a form's CSRF token is never
shared). A signed-in person always gets a fresh page.
"""

import datetime
import hashlib
import re

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

VERSION_KEY = "public-pages:version"
CHANGED_AT_KEY = "public-pages:changed-at"
KEPT_HEADERS = ("Content-Language", "Refresh", "Link")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")
PLAIN, GZIP = "plain", "gzip"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def version() -> int:
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, 1, None)
        current = cache.get(VERSION_KEY, 1)
    return current


def changed_at() -> datetime.datetime:
    """When the public version was last raised (to the second): the public record is no newer.

    Unknown (a new or flushed cache) counts as now, and is kept from then on."""
    stamp = cache.get(CHANGED_AT_KEY)
    if stamp is None:
        cache.add(CHANGED_AT_KEY, timezone.now().replace(microsecond=0).isoformat(), None)
        stamp = cache.get(CHANGED_AT_KEY)
    return datetime.datetime.fromisoformat(stamp)


def public_content_changed(**_ignored) -> None:
    """Raise the public version: every kept page is out of date."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not there yet (or evicted): start again above any old number
        cache.set(VERSION_KEY, 2, None)
    cache.set(CHANGED_AT_KEY, timezone.now().replace(microsecond=0).isoformat(), None)


def connect_signals() -> None:
    """Raise the version on every write to the watched apps' records (from AppConfig.ready)."""
    ignored = set(settings.PUBLIC_PAGE_CACHE_IGNORED_MODELS)
    for label in settings.PUBLIC_PAGE_CACHE_APPS:
        for model in apps.get_app_config(label).get_models():
            name = f"{model._meta.app_label}.{model.__name__}"
            if name in ignored or model.__name__.startswith("Historical"):
                continue
            uid = f"public-cache-{name}"
            post_save.connect(public_content_changed, sender=model, dispatch_uid=uid)
            post_delete.connect(public_content_changed, sender=model, dispatch_uid=uid)
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    public_content_changed, sender=field.remote_field.through, dispatch_uid=uid
                )


def _shareable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.user.is_authenticated:
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _key(request) -> str:
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    return f"public-pages:{version()}:{language}:{address}"


class PublicPageCacheMiddleware:
    """Serves and keeps the public pages named in ``PUBLIC_PAGE_CACHE_VIEWS`` (see above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method not in SAFE_METHODS
            and getattr(request, "user", None) is not None
            and request.user.is_authenticated
            and response.status_code < 400
        ):
            public_content_changed()
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not is_public_page_request(request):
            return None
        key = _key(request)
        gzip_accepted = _accepts_gzip(request)
        kept = cache.get(f"{key}:{GZIP if gzip_accepted else PLAIN}")
        if kept is not None:
            return _rebuild(kept, gzipped=gzip_accepted)
        response = view_func(request, *view_args, **view_kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        ):
            cache.set_many(_keep(key, response), settings.PUBLIC_PAGE_CACHE_SECONDS)
        return response


def is_public_page_request(request) -> bool:
    """An anonymous read of a page named in ``PUBLIC_PAGE_CACHE_VIEWS``: kept here, and read
    from a replica when one is configured (``lcjb.replica``)."""
    match = request.resolver_match
    return (
        match is not None
        and match.view_name in settings.PUBLIC_PAGE_CACHE_VIEWS
        and _shareable_request(request)
    )


def _accepts_gzip(request) -> bool:
    return bool(ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")))


def _keep(key: str, response) -> dict:
    """What is kept: the page, and the page compressed once, each under its own key, so a
    visitor's request reads only the copy it is sent (a dashboard is 470 KB, 28 KB gzipped)."""
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    content_type = response["Content-Type"]
    return {
        f"{key}:{PLAIN}": (response.content, content_type, headers),
        f"{key}:{GZIP}": (compress_string(response.content), content_type, headers),
    }


def _rebuild(kept: tuple, *, gzipped: bool) -> HttpResponse:
    content, content_type, headers = kept
    response = HttpResponse(content, content_type=content_type)
    if gzipped:
        response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ("Accept-Encoding",))
    for name, value in headers.items():
        response[name] = value
    return response
