import pytest

from lcjb.celery import app as celery_app

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_broker_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "up", "database": "up", "broker": "up"}


def test_healthz_reports_down_with_503_when_broker_is_unreachable(client, monkeypatch):
    monkeypatch.setattr(celery_app.conf, "broker_url", "redis://127.0.0.1:1/0")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["broker"] == "down"
    assert response.json()["database"] == "up"


def test_healthz_needs_no_sign_in_and_is_not_cached(client):
    response = client.get("/healthz")
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
