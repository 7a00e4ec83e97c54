"""The public API's limits: a fixed number of queries per list page however many rows, and a
visitor who asks too often is told to wait."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from lcjb.api.views import ENDPOINTS
from tests.lcjb.api_world import build_api_world

pytestmark = pytest.mark.django_db


def queries_per_list(client: Client) -> dict[str, int]:
    counts = {}
    for prefix, _name, _viewset in ENDPOINTS:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/api/{prefix}/", {"page_size": 200})
        assert response.status_code == 200
        counts[prefix] = len(queries)
    return counts


def test_each_list_takes_the_same_queries_however_many_rows():
    client = Client()
    build_api_world()
    small = queries_per_list(client)
    build_api_world(copies=4, prefix="More ")
    large = queries_per_list(client)
    assert client.get("/api/meetings/").json()["count"] >= 5
    assert large == small


@override_settings(API_ANON_RATE="3/minute")
def test_a_visitor_who_asks_too_often_is_told_to_wait():
    address = "203.0.113.9"
    cache.delete(f"throttle_anon_{address}")
    client = Client(REMOTE_ADDR=address)
    for _ in range(3):
        assert client.get("/api/areas/").status_code == 200
    refused = client.get("/api/areas/", HTTP_X_FORWARDED_FOR="198.51.100.1")  # forged
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    other = Client(REMOTE_ADDR="203.0.113.10")
    cache.delete("throttle_anon_203.0.113.10")
    assert other.get("/api/areas/").status_code == 200
