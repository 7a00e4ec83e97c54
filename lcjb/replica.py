"""Public pages read from a PostgreSQL read replica, when one is configured (an option).

Set ``DATABASE_REPLICA_URL`` and the settings add a ``replica`` database, this router and this
middleware: an anonymous visitor's public page (the pages ``forums.public_cache`` keeps, decided
by ``is_public_page_request``, the one rule) reads from the replica; everything else — every
signed-in page, every write, every form — uses the primary. Public content changes only when the
secretariat publishes, so a replica a few seconds behind shows a page a few seconds old, which
the public page cache does anyway. Without ``DATABASE_REPLICA_URL`` nothing here is installed.
"""

from contextvars import ContextVar

from forums.public_cache import is_public_page_request

REPLICA = "replica"
_reading_public_page: ContextVar[bool] = ContextVar("reading_public_page", default=False)


class PublicReadsRouter:
    """Reads during a public page go to the replica; writes and migrations to the primary."""

    def db_for_read(self, model, **hints):
        return REPLICA if _reading_public_page.get() else None

    def db_for_write(self, model, **hints):
        return None

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the primary's rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA


class PublicPagesFromReplicaMiddleware:
    """Marks an anonymous public page's request so the router sends its reads to the replica.
    Sits just before ``PublicPageCacheMiddleware``, which renders kept pages in its own
    ``process_view``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _reading_public_page.set(False)
        try:
            return self.get_response(request)
        finally:
            _reading_public_page.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if is_public_page_request(request):
            _reading_public_page.set(True)
        return None
