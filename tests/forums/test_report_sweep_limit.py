"""The stuck-report sweep gives up after a few tries: the report is marked failed with a
message the person sees, and asking again starts afresh."""

import datetime

import pytest
import time_machine
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone

from forums import reports
from forums.models import GeneratedReport
from lcjb.celery import app as celery_app
from tests.forums.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(forum):
    meeting = MeetingFactory(forum=forum, agenda_published=True, title="Spring board")
    AgendaItemFactory(meeting=meeting, title="Public business")
    return meeting


@pytest.fixture
def no_worker(monkeypatch, settings):
    """Tasks published for real to the Redis broker, where no worker takes them (as when every
    worker keeps dying): the report stays queued. The queue is emptied afterwards."""
    eager = celery_app.conf.task_always_eager
    settings.CELERY_TASK_ALWAYS_EAGER = False
    celery_app.conf.task_always_eager = False
    monkeypatch.setattr(celery_app.conf, "broker_url", django_settings.REDIS_URL)
    yield
    celery_app.control.purge()
    celery_app.conf.task_always_eager = eager


def _stuck_report(forum, meeting):
    return GeneratedReport.objects.create(
        forum=forum,
        kind="board_pack",
        subject=str(meeting.pk),
        audience="public",
        format="pdf",
        status=GeneratedReport.Status.QUEUED,
    )


def test_after_the_limit_of_requeues_a_stuck_report_is_marked_failed_and_may_be_asked_again(
    forum, meeting, member_client, settings, no_worker, django_capture_on_commit_callbacks
):
    settings.REPORT_STUCK_AFTER_MINUTES = 6
    settings.REPORT_SWEEP_MAX_REQUEUES = 3
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        report = _stuck_report(forum, meeting)

    for sweep in (1, 2, 3):
        with time_machine.travel(start + datetime.timedelta(minutes=7 * sweep), tick=False):
            assert reports.report_sweep_stuck() == 1
        report.refresh_from_db()
        assert report.status == GeneratedReport.Status.QUEUED
        assert report.requeues == sweep

    with time_machine.travel(start + datetime.timedelta(minutes=28), tick=False):
        assert reports.report_sweep_stuck() == 0
    report.refresh_from_db()
    assert report.status == GeneratedReport.Status.FAILED
    assert report.finished_at is not None

    page = member_client.get(reverse("reports:status", args=[forum.slug, report.pk]))
    text = page.content.decode()
    assert "could not be produced: it was started 4 times and did not finish" in text
    assert "Try again" in text

    # Asked again (a worker running again: eager), it is built, and the count starts afresh.
    celery_app.conf.task_always_eager = True
    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(
            reverse("reports:request", args=[forum.slug]),
            {"kind": "board_pack", "subject": meeting.pk, "audience": "public", "format": "pdf"},
        )
    report.refresh_from_db()
    assert report.status == GeneratedReport.Status.READY
    assert report.requeues == 0


def test_a_report_within_the_limit_is_queued_again_not_failed(forum, meeting, settings, no_worker):
    settings.REPORT_STUCK_AFTER_MINUTES = 6
    settings.REPORT_SWEEP_MAX_REQUEUES = 3
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        report = _stuck_report(forum, meeting)
        GeneratedReport.objects.filter(pk=report.pk).update(requeues=2)

    with time_machine.travel(start + datetime.timedelta(minutes=7), tick=False):
        assert reports.report_sweep_stuck() == 1
    report.refresh_from_db()
    assert report.status == GeneratedReport.Status.QUEUED
    assert report.requeues == 3


def test_the_limit_defaults_to_three_requeues():
    from lcjb.settings import base

    assert base.REPORT_SWEEP_MAX_REQUEUES == 3
