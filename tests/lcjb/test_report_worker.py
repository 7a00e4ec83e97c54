"""A board pack built by a real Celery worker through the real Redis broker."""

import io
import time

import pytest
from pypdf import PdfReader

from forums import reports
from forums.models import Confidentiality, GeneratedReport, Membership
from tests.forums.factories import (
    AgendaItemFactory,
    ForumFactory,
    MeetingFactory,
    MembershipFactory,
    PaperFactory,
)
from tests.membership.factories import AgencyFactory, agency_type

pytestmark = [pytest.mark.django_db(transaction=True)]


def test_board_pack_is_built_by_the_worker(celery_worker_process):
    forum = ForumFactory(slug="worker-cjb")
    member = MembershipFactory(
        forum=forum,
        role=Membership.Role.MEMBER,
        agency=AgencyFactory(agency_type=agency_type("cps")),
    ).person
    meeting = MeetingFactory(forum=forum, agenda_published=True, title="Worker board")
    item = AgendaItemFactory(meeting=meeting, title="Public item")
    PaperFactory(agenda_item=item, title="Worker paper")
    AgendaItemFactory(
        meeting=meeting, title="Confidential thing", confidentiality=Confidentiality.CONFIDENTIAL
    )

    report = reports.report_request(
        forum=forum, kind="board_pack", subject=str(meeting.pk), audience="public", by=member
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if report.status in (GeneratedReport.Status.READY, GeneratedReport.Status.FAILED):
            break
        time.sleep(0.5)
    assert report.status == GeneratedReport.Status.READY, report.error
    with report.file.open("rb") as handle:
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(handle.read())).pages)
    assert "Worker paper page 1" in text
    assert "Confidential thing" not in text


def test_a_report_left_running_by_a_dead_worker_is_finished_by_the_sweep(celery_worker_process):
    import datetime

    from django.utils import timezone

    forum = ForumFactory(slug="sweep-cjb")
    meeting = MeetingFactory(forum=forum, agenda_published=True, title="Sweep board")
    AgendaItemFactory(meeting=meeting, title="Public item")
    long_ago = timezone.now() - datetime.timedelta(minutes=30)
    # As a worker killed mid-build leaves it: running, its task gone from the queue.
    stuck = GeneratedReport.objects.create(
        forum=forum,
        kind="board_pack",
        subject=str(meeting.pk),
        audience="public",
        format="pdf",
        status=GeneratedReport.Status.RUNNING,
        requested_at=long_ago,
        started_at=long_ago,
    )
    # Positive control: one asked for a moment ago is on its way and is left alone.
    recent = GeneratedReport.objects.create(
        forum=forum,
        kind="board_pack",
        subject=str(meeting.pk),
        audience="public",
        format="html",
        status=GeneratedReport.Status.QUEUED,
    )
    assert reports.report_sweep_stuck() == 1
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        stuck.refresh_from_db()
        if stuck.status in (GeneratedReport.Status.READY, GeneratedReport.Status.FAILED):
            break
        time.sleep(0.5)
    assert stuck.status == GeneratedReport.Status.READY, stuck.error
    assert stuck.is_ready and stuck.size > 0
    recent.refresh_from_db()
    assert recent.status == GeneratedReport.Status.QUEUED
    assert reports.report_sweep_stuck() == 0  # finished: not queued again
