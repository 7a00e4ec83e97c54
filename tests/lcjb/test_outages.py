"""A database or broker outage answers 503 with Retry-After and the branded page, not 500."""

import contextlib

import pytest
from django.db import connections
from django.test import Client

from lcjb.celery import app as celery_app
from tests.conftest import free_port

pytestmark = pytest.mark.django_db(transaction=True)


@contextlib.contextmanager
def database_refusing_connections():
    """The default database pointed at a local port nothing listens on, then put back.

    Only this process's connection settings change: the real server, and other test runs on
    it, are untouched.
    """
    connection = connections["default"]
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(free_port()))
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


def _assert_branded_503(response):
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    page = response.content.decode()
    assert "Sorry, the service is unavailable" in page
    assert "Try again in a few minutes" in page


def test_a_public_page_answers_503_while_the_database_refuses_connections(forum):
    client = Client(raise_request_exception=False)
    kept, not_kept = f"/forums/{forum.slug}/", f"/forums/{forum.slug}/meetings/"
    assert client.get(kept).status_code == 200  # positive control; the page is now kept
    with database_refusing_connections():
        response = client.get(not_kept)
        still_served = client.get(kept)
    _assert_branded_503(response)
    # A public page already kept (forums/public_cache.py) outlives the outage.
    assert still_served.status_code == 200
    assert client.get(not_kept).status_code == 200  # and back when it is


def test_a_signed_in_workspace_page_answers_503_while_the_database_is_down(member, forum):
    client = Client(raise_request_exception=False)
    client.force_login(member)
    assert client.get(f"/workspace/forums/{forum.slug}/").status_code == 200  # positive control
    with database_refusing_connections():
        response = client.get(f"/workspace/forums/{forum.slug}/")
    _assert_branded_503(response)


def test_the_error_handler_answers_503_for_an_outage_and_500_for_a_bug(rf):
    from django.db import OperationalError

    from lcjb import errors

    try:
        raise OperationalError("connection refused")
    except OperationalError:
        outage = errors.server_error(rf.get("/"))
    _assert_branded_503(outage)
    try:
        raise ValueError("a bug")
    except ValueError:
        bug = errors.server_error(rf.get("/"))
    assert bug.status_code == 500
    assert "Sorry, there is a problem with the service" in bug.content.decode()
    assert not bug.has_header("Retry-After")


def test_healthz_names_the_database_when_it_is_down(client):
    with database_refusing_connections():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "down", "database": "down", "broker": "up"}
    assert client.get("/healthz").json()["database"] == "up"  # positive control


def test_healthz_names_the_broker_when_it_is_down(client, monkeypatch):
    monkeypatch.setattr(celery_app.conf, "broker_url", f"redis://127.0.0.1:{free_port()}/0")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "down", "database": "up", "broker": "down"}
