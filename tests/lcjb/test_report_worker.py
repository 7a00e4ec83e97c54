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
