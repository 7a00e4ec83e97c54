"""The board pack: a meeting's agenda and papers for an audience, as one PDF."""

from __future__ import annotations

import io
import logging

from django.utils import timezone
from django.utils.text import slugify

from forums import confidentiality
from forums.models import AgendaItem, Forum, Meeting, Paper
from forums.models.visibility import SecurityClassification
from forums.reports.meetings import (
    _attendance_rows,
    _items_for,
    _meeting_facts,
    _recent_meetings,
    meeting_label,
    version_of,
)
from forums.reports.registry import Audience, Built
from forums.reports.render import render_marking_page, render_pdf_document
from forums.templatetags.bilingual import bilingual
from membership.models import User

logger = logging.getLogger(__name__)


def board_pack_collect(meeting: Meeting, audience: str, viewer: User | None) -> dict:
    """Everything the board pack shows for this audience (and nothing it may not)."""
    items, paper_ids = _items_for(meeting, audience, viewer)
    papers = {
        paper.pk: paper
        for paper in Paper.objects.filter(pk__in=paper_ids).select_related("current_version")
    }
    numbered = {
        item.pk: number
        for number, item in enumerate(
            AgendaItem.objects.on_agenda().filter(meeting=meeting).order_by("order", "pk"),
            start=1,
        )
    }
    rows = []
    for item in items:
        item_papers = sorted(
            (p for p in papers.values() if p.agenda_item_id == item.pk), key=lambda p: p.pk
        )
        rows.append(
            {
                "number": numbered.get(item.pk, 0),
                "title": bilingual(item, "title"),
                "description": item.description,
                "purpose": item.get_purpose_display(),
                "presenter": str(item.presenter or item.presenter_agency or ""),
                "minutes_allowed": item.minutes_allowed,
                "confidentiality": item.confidentiality,
                "confidentiality_label": item.get_confidentiality_display(),
                "papers": [
                    {
                        "id": paper.pk,
                        "ref": f"{numbered.get(item.pk, 0)}.{index}",
                        "title": paper.title,
                        "classification": paper.get_classification_display(),
                        "sensitive": confidentiality.is_sensitive(paper),
                        "version": paper.current_version.number,
                        "version_id": paper.current_version_id,
                        "sha256": paper.current_version.sha256,
                        "file_name": paper.current_version.file_name,
                        "content_type": paper.current_version.content_type,
                        "is_pdf": paper.current_version.content_type == "application/pdf"
                        or paper.current_version.file_name.lower().endswith(".pdf"),
                    }
                    for index, paper in enumerate(item_papers, start=1)
                ],
            }
        )
    return {
        "meeting": _meeting_facts(meeting),
        "audience": audience,
        "viewer": str(viewer) if viewer else "",
        "items": rows,
        "attendance": _attendance_rows(meeting, audience),
        "sensitive": any(p["sensitive"] for row in rows for p in row["papers"]),
    }


def pack_marking(audience: str, data: dict) -> str:
    """The security marking of the pack's most sensitive content (the public version, made
    of published OFFICIAL material only, carries none)."""
    if audience == Audience.PUBLIC:
        return ""
    if data["sensitive"]:
        return SecurityClassification.OFFICIAL_SENSITIVE.label
    return SecurityClassification.OFFICIAL.label


def _stamped(reader, marking: str) -> io.BytesIO:
    """The paper's pages with the marking laid over the head and foot of each one."""
    from pypdf import PdfReader, PdfWriter

    paper = PdfWriter(clone_from=reader)
    stamps = {}
    for page in paper.pages:
        if page.rotation:
            page.transfer_rotation_to_content()
        box = page.cropbox
        size = (round(float(box.width), 2), round(float(box.height), 2))
        if size not in stamps:
            stamp_pdf = render_marking_page(marking=marking, width=size[0], height=size[1])
            stamps[size] = PdfReader(io.BytesIO(stamp_pdf)).pages[0]
        page.merge_translated_page(stamps[size], float(box.left), float(box.bottom))
    output = io.BytesIO()
    paper.write(output)
    output.seek(0)
    return output


def _merge_papers(main_document, data: dict, marking: str = "") -> tuple[bytes, int]:
    """The rendered pack with each uploaded PDF paper inserted after its divider page (every
    page of it stamped with ``marking``), and every other file attached to the PDF."""
    from pypdf import PdfReader, PdfWriter

    from forums.models import PaperVersion

    divider_pages = {}
    for index, page in enumerate(main_document.pages):
        for anchor in page.anchors:
            if anchor.startswith("paper-"):
                divider_pages.setdefault(anchor, index)
    main_pdf = main_document.write_pdf(pdf_variant="pdf/ua-1")
    writer = PdfWriter(clone_from=io.BytesIO(main_pdf))
    versions = PaperVersion.objects.in_bulk(
        [p["version_id"] for row in data["items"] for p in row["papers"]]
    )
    inserted = 0
    for row in data["items"]:
        for paper in row["papers"]:
            version = versions.get(paper["version_id"])
            if version is None:
                continue
            with version.file.open("rb") as handle:
                content = handle.read()
            position = divider_pages.get(f"paper-{paper['id']}")
            if paper["is_pdf"] and position is not None:
                try:
                    reader = PdfReader(io.BytesIO(content))
                    count = len(reader.pages)
                    if marking:
                        reader = PdfReader(_stamped(reader, marking))
                    writer.merge(position=position + 1 + inserted, fileobj=reader)
                    inserted += count
                    continue
                except Exception:  # not a readable PDF after all: attach it instead
                    logger.warning("Paper %s could not be merged; attached instead", paper["id"])
            writer.add_attachment(version.file_name, content)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue(), len(writer.pages)


def board_pack_render(meeting: Meeting, data: dict, audience: str, fmt: str) -> Built:
    version, suffix = version_of(audience, data)
    title = f"Board pack: {data['meeting']['forum']}, {meeting_label(meeting)} ({version})"
    marking = pack_marking(audience, data)
    document = render_pdf_document(
        template="forums/reports/board_pack.html",
        context={
            "title": title,
            "data": data,
            "public": audience == Audience.PUBLIC,
            "version": version,
            "generated_at": timezone.localtime(),
        },
        marking=marking,
        running_title=f"{data['meeting']['forum']}: {meeting_label(meeting)}",
        page_numbers=False,
    )
    content, pages = _merge_papers(document, data, marking)
    day = timezone.localtime(meeting.starts_at)
    name = f"{slugify(meeting.forum.slug)}-{day:%Y-%m-%d}-board-pack-{suffix}.pdf"
    return Built(content=content, file_name=name, pages=pages)


def board_pack_public_available(meeting: Meeting) -> bool:
    return Meeting.objects.published().filter(pk=meeting.pk, status__in=Meeting.AGENDA_OUT).exists()


def board_pack_subjects(forum: Forum) -> list[tuple[str, str]]:
    return [(str(m.pk), meeting_label(m)) for m in _recent_meetings(forum)]
