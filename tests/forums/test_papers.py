"""Paper uploads: the type comes from the content, names are made safe, size is limited."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from forums.uploads import check_upload, safe_file_name
from tests.forums.factories import pdf_bytes


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "members,kind",
    [
        ({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>"}, "docx"),
        ({"[Content_Types].xml": b"<x/>", "ppt/presentation.xml": b"<x/>"}, "pptx"),
        ({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"}, "xlsx"),
        ({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}, "odt"),
    ],
)
def test_office_and_opendocument_files_are_recognised_from_their_members(members, kind):
    checked = check_upload(SimpleUploadedFile("whatever.bin", zipped(members)))
    assert checked.kind == kind
    assert checked.file_name == f"whatever.{kind}"


@pytest.mark.parametrize(
    "name,content",
    [
        ("archive.docx", zipped({"evil.exe": b"MZ"})),
        ("sheet.ods", zipped({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"})),
        ("image.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        ("program.csv", b"MZ\x90\x00\x03\x00\x00\x00"),
        ("notes.exe", b"a,b\n1,2\n"),
    ],
)
def test_other_files_are_refused_whatever_their_name(name, content):
    with pytest.raises(ValidationError, match="must be a PDF"):
        check_upload(SimpleUploadedFile(name, content))


def test_pdf_and_csv_pass():
    assert check_upload(SimpleUploadedFile("a.pdf", pdf_bytes())).content_type == "application/pdf"
    assert check_upload(SimpleUploadedFile("a.csv", b"name;value\nx;1\n")).kind == "csv"


def test_size_limit(monkeypatch):
    monkeypatch.setattr("forums.uploads.MAX_BYTES", 100)
    with pytest.raises(ValidationError, match="smaller than 25MB"):
        check_upload(SimpleUploadedFile("a.pdf", pdf_bytes()))


@pytest.mark.parametrize(
    "name,expected",
    [
        ("../../etc/passwd", "passwd.pdf"),
        ("Rapport d’activité 2026.pdf", "Rapport-dactivite-2026.pdf"),
        ("<script>.pdf", "script.pdf"),
        ("", "paper.pdf"),
    ],
)
def test_safe_file_names(name, expected):
    assert safe_file_name(name, "pdf") == expected


@pytest.mark.django_db
def test_search_falls_back_to_icontains_without_postgresql(monkeypatch, member_client, forum):
    from django.urls import reverse

    from forums import fulltext
    from tests.forums.factories import ActionFactory

    class FakeConnection:
        vendor = "sqlite"

    monkeypatch.setattr(fulltext, "connection", FakeConnection())
    ActionFactory(forum=forum, title="Witness care review")
    body = member_client.get(
        reverse("meetings:workspace-search"), {"q": "witness"}
    ).content.decode()
    assert "Witness care review" in body
