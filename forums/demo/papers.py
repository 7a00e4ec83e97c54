"""Demo papers: small generated PDFs stamped with their classification."""

import datetime
import io
import zlib

from django.core.files.base import ContentFile
from django.utils import timezone
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from forums.models import Paper, PaperVersion, SecurityClassification


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def demo_pdf(title: str, classification: str, lines: list[str]) -> bytes:
    """A one-page PDF with the classification marking at the top and bottom (pypdf)."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    text = [f"BT /F1 11 Tf 260 810 Td ({_escape(classification)}) Tj ET"]
    text.append(f"BT /F1 16 Tf 50 760 Td ({_escape(title)}) Tj ET")
    for number, line in enumerate(lines):
        text.append(f"BT /F1 11 Tf 50 {720 - number * 16} Td ({_escape(line)}) Tj ET")
    text.append(f"BT /F1 11 Tf 260 25 Td ({_escape(classification)}) Tj ET")
    stream = DecodedStreamObject()
    stream.set_data("\n".join(text).encode("latin-1", "replace"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _paper(item, title, by, *, classification=SecurityClassification.OFFICIAL, named=()):
    marking = dict(SecurityClassification.choices)[classification]
    content = demo_pdf(
        title,
        marking,
        [
            f"{item.meeting.forum.name}",
            f"Meeting of {timezone.localtime(item.meeting.starts_at):%-d %B %Y}",
            f"Agenda item: {item.title}",
            "Demo paper generated for the LCJB Forum Manager.",
        ],
    )
    paper = Paper.objects.create(
        agenda_item=item,
        title=title,
        classification=classification,
        confidentiality=item.confidentiality,
        created_by=by,
    )
    if named:
        paper.restricted_to.set(named)
    name = title.lower().replace(" ", "-").replace("'", "")[:60] + ".pdf"
    version = PaperVersion(
        paper=paper,
        number=1,
        file_name=name,
        content_type="application/pdf",
        size=len(content),
        sha256=f"{zlib.crc32(content):064x}",
        uploaded_by=by,
        uploaded_at=item.meeting.starts_at - datetime.timedelta(days=8),
    )
    version.file.save(name, ContentFile(content), save=False)
    version.save()
    paper.current_version = version
    paper.save(update_fields=["current_version"])
    return paper
