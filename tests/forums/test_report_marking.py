"""Security markings on generated PDFs: the marking of the most sensitive content heads and
foots every page of a members' board pack or minutes, uploaded papers merged in included."""

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from forums import reports
from forums.models import (
    Confidentiality,
    GeneratedReport,
    MinuteEntry,
    Minutes,
    SecurityClassification,
)
from tests.forums.factories import AgendaItemFactory, MeetingFactory, PaperFactory, pdf_bytes

pytestmark = pytest.mark.django_db

SENSITIVE = "OFFICIAL-SENSITIVE"


def page_texts(report: GeneratedReport) -> list[str]:
    report.refresh_from_db()
    assert report.status == GeneratedReport.Status.READY, report.error
    with report.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return [page.extract_text() for page in reader.pages]


def _build(meeting, audience, by, callbacks, kind="board_pack"):
    with callbacks(execute=True):
        return reports.report_request(
            forum=meeting.forum, kind=kind, subject=str(meeting.pk), audience=audience, by=by
        )


@pytest.fixture
def meeting(forum):
    meeting = MeetingFactory(forum=forum, agenda_published=True, title="Winter board")
    item = AgendaItemFactory(meeting=meeting, title="Witness care performance")
    PaperFactory(agenda_item=item, title="Witness care dashboard", file=pdf_bytes("Dash", 2))
    return meeting


def _add_sensitive_paper(meeting):
    item = AgendaItemFactory(
        meeting=meeting, title="Operation Kestrel", confidentiality=Confidentiality.CONFIDENTIAL
    )
    PaperFactory(
        agenda_item=item,
        title="Kestrel briefing",
        classification=SecurityClassification.OFFICIAL_SENSITIVE,
        file=pdf_bytes("Kestrel", 3),
    )


def test_a_pack_with_a_sensitive_paper_is_marked_sensitive_at_head_and_foot_of_every_page(
    meeting, member, django_capture_on_commit_callbacks
):
    _add_sensitive_paper(meeting)

    pages = page_texts(_build(meeting, "member", member, django_capture_on_commit_callbacks))

    assert any("Kestrel page 3" in text for text in pages)  # the paper was merged in
    for number, text in enumerate(pages, start=1):
        assert text.count(SENSITIVE) >= 2, f"page {number} is not marked twice: {text!r}"


def test_an_uploaded_paper_merged_into_the_pack_is_stamped_on_every_page(
    meeting, member, django_capture_on_commit_callbacks
):
    _add_sensitive_paper(meeting)

    pages = page_texts(_build(meeting, "member", member, django_capture_on_commit_callbacks))

    paper_pages = [text for text in pages if "Kestrel page" in text or "Dash page" in text]
    assert len(paper_pages) == 5
    assert all(text.count(SENSITIVE) == 2 for text in paper_pages)


def test_a_pack_of_official_papers_only_is_marked_official(
    meeting, member, django_capture_on_commit_callbacks
):
    pages = page_texts(_build(meeting, "member", member, django_capture_on_commit_callbacks))

    assert all(text.count("OFFICIAL") >= 2 for text in pages)
    assert not any(SENSITIVE in text for text in pages)


def test_the_public_pack_of_published_material_carries_no_marking(
    meeting, member, django_capture_on_commit_callbacks
):
    _add_sensitive_paper(meeting)

    pages = page_texts(_build(meeting, "public", None, django_capture_on_commit_callbacks))

    assert any("Dash page 2" in text for text in pages)
    assert not any(SENSITIVE in text or "Kestrel" in text for text in pages)
    # Only a paper's own divider says "Classification: OFFICIAL"; no page is headed with it.
    assert "OFFICIAL" not in pages[0]
    assert not any("OFFICIAL" in text for text in pages if "Dash page" in text)


def test_members_minutes_are_marked_at_head_and_foot_of_every_page(
    meeting, member, django_capture_on_commit_callbacks
):
    minutes = Minutes.objects.create(
        meeting=meeting, status=Minutes.Status.PUBLISHED, approved_at=timezone.now()
    )
    for item in meeting.agenda_items.all():
        MinuteEntry.objects.create(minutes=minutes, agenda_item=item, text="Discussed. " * 400)

    pages = page_texts(
        _build(meeting, "member", member, django_capture_on_commit_callbacks, kind="minutes")
    )

    assert len(pages) > 1
    assert all(text.count("OFFICIAL") >= 2 for text in pages)
