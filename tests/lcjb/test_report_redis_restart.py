"""A report asked for while a real Redis is stopped: a clear message; built once it is back."""

import subprocess
import time

import pytest
from django.test import Client
from django.urls import reverse

from forums.models import GeneratedReport, Membership
from lcjb.celery import app as celery_app
from tests.conftest import free_port, wait_for_port
from tests.forums.factories import (
    AgendaItemFactory,
    ForumFactory,
    MeetingFactory,
    MembershipFactory,
)
from tests.lcjb.test_report_worker_killed import _read_until, _start, _stop

pytestmark = [pytest.mark.django_db(transaction=True)]


def _redis(port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
         "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    wait_for_port(port, timeout=20, process=process)
    return process


def test_a_report_asked_for_while_redis_is_stopped_says_so_and_is_built_once_it_is_back(
    settings, monkeypatch
):
    forum = ForumFactory(slug="redis-cjb")
    member = MembershipFactory(forum=forum, role=Membership.Role.MEMBER).person
    meeting = MeetingFactory(forum=forum, agenda_published=True, title="Redis board")
    AgendaItemFactory(meeting=meeting, title="Public item")
    client = Client(raise_request_exception=False)
    client.force_login(member)
    port = free_port()
    url = f"redis://127.0.0.1:{port}/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    celery_app.conf.task_always_eager = False
    monkeypatch.setattr(celery_app.conf, "broker_url", url)
    monkeypatch.setattr(celery_app, "_pool", None)
    monkeypatch.setattr(celery_app.amqp, "_producer_pool", None)
    redis = _redis(port)
    worker = _start(["-m", "celery"], "redis-restart", REDIS_URL=url)
    try:
        log: list[str] = []
        _read_until(worker, "ready.", log)
        redis.terminate()
        redis.wait(timeout=20)

        ask = {"kind": "board_pack", "subject": meeting.pk, "audience": "public", "format": "pdf"}
        response = client.post(reverse("reports:request", args=[forum.slug]), ask)
        assert response.status_code == 503
        assert "We could not start this report. Try again in a few minutes." in (
            response.content.decode()
        )
        assert GeneratedReport.objects.get().status == GeneratedReport.Status.FAILED

        redis = _redis(port)  # back on the same port; the worker reconnects
        monkeypatch.setattr(celery_app, "_pool", None)
        monkeypatch.setattr(celery_app.amqp, "_producer_pool", None)
        response = client.post(reverse("reports:request", args=[forum.slug]), ask)
        assert response.status_code == 302
        report = GeneratedReport.objects.get()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not report.is_ready:
            time.sleep(0.5)
            report.refresh_from_db()
        assert report.status == GeneratedReport.Status.READY, report.error
    finally:
        _stop(worker)
        if redis.poll() is None:
            redis.terminate()
            redis.wait(timeout=20)
        celery_app.conf.task_always_eager = True
