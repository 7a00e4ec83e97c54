"""Liveness and readiness: is the database up, is the broker up."""

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from lcjb.celery import app as celery_app


def database_is_up() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return False
    return True


def broker_is_up() -> bool:
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=2)
    except Exception:
        return False
    return True


@login_not_required
@require_GET
@never_cache
def healthz(request):
    """JSON with each dependency up or down; 200 when all are up, 503 otherwise."""
    checks = {"database": database_is_up(), "broker": broker_is_up()}
    body = {"status": "up" if all(checks.values()) else "down"}
    body.update({name: "up" if ok else "down" for name, ok in checks.items()})
    return JsonResponse(body, status=200 if all(checks.values()) else 503)
