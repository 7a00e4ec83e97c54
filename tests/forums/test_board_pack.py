"""Board packs and minutes PDFs: complete for members, nothing confidential for the public."""

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from forums import reports
from forums.models import (
    Attendance,
    Confidentiality,
    Decision,
    GeneratedReport,
    MinuteEntry,
    Minutes,
)
from tests.forums.factories import AgendaItemFactory, MeetingFactory, PaperFactory

pytestmark = pytest.mark.django_db


def pdf_text(report: GeneratedReport) -> str:
    report.refresh_from_db()
    assert report.status == GeneratedReport.Status.READY, report.error
    with report.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


def reader_of(report: GeneratedReport) -> PdfReader:
    report.refresh_from_db()
    with report.file.open("rb") as handle:
        return PdfReader(io.BytesIO(handle.read()))


@pytest.fixture
def meeting(forum, member, secretariat, django_capture_on_commit_callbacks):
    meeting = MeetingFactory(forum=forum, agenda_published=True, title="Winter board")
    Attendance.objects.create(meeting=meeting, person=member, reply=Attendance.Reply.ATTENDING)
    public_item = AgendaItemFactory(meeting=meeting, title="Witness care performance")
    PaperFactory(agenda_item=public_item, title="Witness care dashboard")
    secret = AgendaItemFactory(
        meeting=meeting,
        title="Operation Kestrel update",
        confidentiality=Confidentiality.CONFIDENTIAL,
    )
    PaperFactory(agenda_item=secret, title="Kestrel briefing note")
    PaperFactory(
        agenda_item=public_item,
        title="Survey responses",
        file=b"respondent,answer\n1,yes\n",
        file__name="survey.csv",
        file__content_type="text/csv",
    )
    return meeting


def _build(forum, meeting, audience, by, kind="board_pack", callbacks=None):
    with callbacks(execute=True):
        report = reports.report_request(
            forum=forum, kind=kind, subject=str(meeting.pk), audience=audience, by=by
        )
    return report


def test_member_pack_has_cover_agenda_attendance_and_merged_papers(
    forum, meeting, member, django_capture_on_commit_callbacks
):
    report = _build(forum, meeting, "member", member, callbacks=django_capture_on_commit_callbacks)
    text = pdf_text(report)
    for expected in (
        "Winter board",
        "Agenda",
        "Attendance",
        member.full_name,
        "Operation Kestrel update",
        "Witness care dashboard page 1",  # the uploaded PDF's own text, merged in
        "Kestrel briefing note page 1",
    ):
        assert expected in text
    reader = reader_of(report)
    assert "survey.csv" in reader.attachments  # a non-PDF paper travels as an attachment
    assert reader.metadata.title.startswith("Board pack")
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged


def test_public_pack_has_no_confidential_titles_or_papers(
    forum, meeting, member, django_capture_on_commit_callbacks
):
    report = _build(forum, meeting, "public", member, callbacks=django_capture_on_commit_callbacks)
    text = pdf_text(report)
    assert "Witness care performance" in text
    assert "Witness care dashboard page 1" in text
    assert "Kestrel" not in text
    assert member.full_name not in text  # no consent to show names publicly


def test_restricted_item_only_in_the_named_members_pack(
    forum, meeting, member, advisory_member, django_capture_on_commit_callbacks
):
    restricted = AgendaItemFactory(
        meeting=meeting,
        title="Covert source handling",
        confidentiality=Confidentiality.RESTRICTED,
        restricted_to=[member],
    )
    PaperFactory(agenda_item=restricted, title="Handling paper", restricted_to=[member])
    named = _build(forum, meeting, "member", member, callbacks=django_capture_on_commit_callbacks)
    other = _build(
        forum, meeting, "member", advisory_member, callbacks=django_capture_on_commit_callbacks
    )
    assert "Covert source handling" in pdf_text(named)
    assert "Handling paper page 1" in pdf_text(named)
    assert "Covert" not in pdf_text(other) and "Handling paper" not in pdf_text(other)


def test_pack_is_kept_and_rebuilt_only_when_the_source_changes(
    forum, meeting, member, django_capture_on_commit_callbacks
):
    first = _build(forum, meeting, "member", member, callbacks=django_capture_on_commit_callbacks)
    first.refresh_from_db()
    file_name, fingerprint = first.file.name, first.fingerprint
    again = _build(forum, meeting, "member", member, callbacks=django_capture_on_commit_callbacks)
    again.refresh_from_db()
    assert again.pk == first.pk and again.file.name == file_name  # kept, not rebuilt
    item = meeting.agenda_items.get(title="Witness care performance")
    item.title = "Witness care: new figures"
    item.save()
    rebuilt = _build(forum, meeting, "member", member, callbacks=django_capture_on_commit_callbacks)
    assert "Witness care: new figures" in pdf_text(rebuilt)
    assert rebuilt.fingerprint != fingerprint and rebuilt.file.name != file_name


def test_minutes_public_version_leaves_out_confidential_entries(
    forum, meeting, member, chair, django_capture_on_commit_callbacks
):
    minutes = Minutes.objects.create(
        meeting=meeting, status=Minutes.Status.PUBLISHED, approved_at=timezone.now()
    )
    for item in meeting.agenda_items.all():
        MinuteEntry.objects.create(
            minutes=minutes, agenda_item=item, text=f"Discussion of {item.title}."
        )
    Decision.objects.create(
        forum=forum,
        meeting=meeting,
        agenda_item=meeting.agenda_items.get(title="Operation Kestrel update"),
        text="Kestrel to continue to March",
        confidentiality=Confidentiality.CONFIDENTIAL,
    )
    public = _build(
        forum, meeting, "public", None, kind="minutes", callbacks=django_capture_on_commit_callbacks
    )
    members = _build(
        forum,
        meeting,
        "member",
        member,
        kind="minutes",
        callbacks=django_capture_on_commit_callbacks,
    )
    public_text = pdf_text(public)
    assert "Discussion of Witness care performance." in public_text
    assert "Kestrel" not in public_text
    member_text = pdf_text(members)
    assert "Discussion of Operation Kestrel update." in member_text
    assert "Kestrel to continue to March" in member_text


def test_a_build_interrupted_mid_way_is_rebuilt_when_the_task_runs_again(
    forum, meeting, member, django_capture_on_commit_callbacks
):
    report = GeneratedReport.objects.create(
        forum=forum,
        kind="board_pack",
        subject=str(meeting.pk),
        audience="member",
        viewer=member,
        status=GeneratedReport.Status.RUNNING,  # the worker was killed here
    )
    assert reports.report_generate(report_id=report.pk) == GeneratedReport.Status.READY
    assert "Winter board" in pdf_text(report)
    # Running it again (a redelivered task) leaves the current file alone.
    name = report.file.name
    reports.report_generate(report_id=report.pk)
    report.refresh_from_db()
    assert report.file.name == name


def test_a_paper_that_is_not_really_a_pdf_is_attached_not_merged(
    forum, meeting, member, django_capture_on_commit_callbacks
):
    item = meeting.agenda_items.get(title="Witness care performance")
    PaperFactory(
        agenda_item=item, title="Broken scan", file=b"%PDF-1.4 not really", file__name="scan.pdf"
    )
    report = _build(forum, meeting, "member", member, callbacks=django_capture_on_commit_callbacks)
    assert "Broken scan" in pdf_text(report)
    assert "scan.pdf" in reader_of(report).attachments
