"""Reports that finish: a broker outage costs a clear message, a stuck report is picked up."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from forums import reports
from forums.models import GeneratedReport
from lcjb.celery import app as celery_app
from tests.conftest import free_port
from tests.forums.factories import AgendaItemFactory, MeetingFactory

NOT_STARTED = "We could not start this report. Try again in a few minutes."


@pytest.fixture
def meeting(forum):
    meeting = MeetingFactory(forum=forum, agenda_published=True, title="Spring board")
    AgendaItemFactory(meeting=meeting, title="Public business")
    return meeting


@pytest.fixture
def broker_down(monkeypatch, settings):
    """Celery publishing for real (not eager) to a local Redis port nothing listens on."""
    eager = celery_app.conf.task_always_eager  # read (and so load) before the settings change
    settings.CELERY_TASK_ALWAYS_EAGER = False
    celery_app.conf.task_always_eager = False
    monkeypatch.setattr(celery_app.conf, "broker_url", f"redis://127.0.0.1:{free_port()}/0")
    monkeypatch.setattr(celery_app, "_pool", None)  # no pooled connection to the real broker
    monkeypatch.setattr(celery_app.amqp, "_producer_pool", None)
    yield
    celery_app.conf.task_always_eager = eager


def _ask(client, forum, meeting):
    return client.post(
        reverse("reports:request", args=[forum.slug]),
        {"kind": "board_pack", "subject": meeting.pk, "audience": "public", "format": "pdf"},
    )


@pytest.mark.django_db(transaction=True)
def test_asking_while_the_broker_is_down_says_try_again_and_leaves_nothing_queued(
    member_client, forum, meeting, broker_down
):
    response = _ask(member_client, forum, meeting)
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert NOT_STARTED in response.content.decode()
    report = GeneratedReport.objects.get()
    assert report.status == GeneratedReport.Status.FAILED  # not stuck "queued"
    assert not GeneratedReport.objects.filter(status=GeneratedReport.Status.QUEUED).exists()

    # Positive control: with the broker back (eager here) asking again produces the report.
    celery_app.conf.task_always_eager = True
    again = _ask(member_client, forum, meeting)
    assert again.status_code == 302
    report.refresh_from_db()
    assert report.status == GeneratedReport.Status.READY


@pytest.mark.django_db
def test_the_stuck_report_sweep_requeues_only_reports_past_the_limit(forum, meeting, settings):
    settings.REPORT_STUCK_AFTER_MINUTES = 6
    start = timezone.now()
    kinds = {"queued": GeneratedReport.Status.QUEUED, "running": GeneratedReport.Status.RUNNING}
    old = {}
    with time_machine.travel(start, tick=False):
        for name, status in kinds.items():
            old[name] = GeneratedReport.objects.create(
                forum=forum,
                kind="board_pack",
                subject=str(meeting.pk),
                audience="public",
                format="pdf" if name == "queued" else "html",
                status=status,
                started_at=timezone.now() if status == GeneratedReport.Status.RUNNING else None,
            )
    with time_machine.travel(start + datetime.timedelta(minutes=5), tick=False):
        fresh = GeneratedReport.objects.create(
            forum=forum,
            kind="board_pack",
            subject=str(meeting.pk),
            audience="member",
            format="pdf",
            status=GeneratedReport.Status.QUEUED,
        )
    with time_machine.travel(start + datetime.timedelta(minutes=7), tick=False):
        # Eager mode: each re-queued report is built at once, as a worker would build it.
        assert reports.report_sweep_stuck() == 2
    for report in old.values():
        report.refresh_from_db()
        assert report.status == GeneratedReport.Status.READY
    fresh.refresh_from_db()
    assert fresh.status == GeneratedReport.Status.QUEUED  # positive control: within the limit


@pytest.mark.django_db
def test_a_member_may_ask_again_for_a_report_stuck_beyond_the_limit(
    member_client, forum, meeting, settings, django_capture_on_commit_callbacks
):
    settings.REPORT_STUCK_AFTER_MINUTES = 6
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        report = GeneratedReport.objects.create(
            forum=forum,
            kind="board_pack",
            subject=str(meeting.pk),
            audience="public",
            format="pdf",
            status=GeneratedReport.Status.RUNNING,
            started_at=timezone.now(),
        )
    status_url = reverse("reports:status", args=[forum.slug, report.pk])
    with time_machine.travel(start + datetime.timedelta(minutes=3), tick=False):
        page = member_client.get(status_url).content.decode()
        assert "being produced" in page and "Ask for it again" not in page
        with django_capture_on_commit_callbacks(execute=True) as started:
            _ask(member_client, forum, meeting)
        assert not started  # still on its way: not started twice
    with time_machine.travel(start + datetime.timedelta(minutes=7), tick=False):
        page = member_client.get(status_url).content.decode()
        assert "taking longer than it should" in page and "Ask for it again" in page
        with django_capture_on_commit_callbacks(execute=True) as started:
            response = _ask(member_client, forum, meeting)
        assert response.status_code == 302
        assert len(started) == 1
    report.refresh_from_db()
    assert report.status == GeneratedReport.Status.READY


@pytest.mark.django_db
def test_the_sweep_runs_every_two_minutes_from_the_database_schedule():
    task = "forums.sweep_stuck_reports"
    periodic = PeriodicTask.objects.select_related("interval").get(task=task)
    assert periodic.enabled
    assert (periodic.interval.every, periodic.interval.period) == (2, "minutes")
    celery_app.loader.import_default_modules()
    assert task in celery_app.tasks


def test_time_limits_fit_the_visibility_timeout_and_the_stuck_limit(settings):
    from forums.tasks import generate_report

    assert generate_report.soft_time_limit < generate_report.time_limit
    stuck = settings.REPORT_STUCK_AFTER_MINUTES * 60
    assert generate_report.time_limit < stuck  # a report still being built is never swept
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get("visibility_timeout")
    if visibility is not None:  # Redis: a running task is never delivered twice
        assert generate_report.time_limit < visibility


@pytest.mark.django_db
def test_a_public_pdf_not_ready_yet_refreshes_itself_and_links_back(client, forum, meeting):
    url = reverse("reports:public", args=[forum.slug, "board_pack", meeting.pk, "pdf"])
    response = client.get(url)  # the task waits for the commit that never comes in this test
    assert response.status_code == 202
    page = response.content.decode()
    assert '<meta http-equiv="refresh" content="10">' in page
    assert f'href="{reverse("forums:public-forum", args=[forum.slug])}"' in page
    assert f'href="{url}"' in page
    GeneratedReport.objects.update(status=GeneratedReport.Status.FAILED)
    assert client.get(url).status_code == 202  # asked again: queued, still the waiting page
