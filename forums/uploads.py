"""Uploaded papers: type from content (not the name), size, a safe file name, where kept."""

import csv
import hashlib
import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

import filetype
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 25 * 1024 * 1024
TYPE_MESSAGE = _(
    "The file must be a PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), OpenDocument text "
    "(ODT) or CSV file"
)

# extension -> (content type, check)
KINDS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "csv": "text/csv",
}
# The zip member that proves which Office Open XML document a zip is.
OOXML_MARKERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}


@dataclass(frozen=True)
class CheckedFile:
    """What we know about an upload once it has passed the checks."""

    kind: str
    content_type: str
    file_name: str
    size: int
    sha256: str


def safe_file_name(name: str, kind: str) -> str:
    """ASCII letters, digits, dots, hyphens and underscores; the extension from the content."""
    stem = os.path.splitext(os.path.basename(name or ""))[0]
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip(".-_")[:100] or "paper"
    return f"{stem}.{kind}"


def _zip_kind(head: bytes, upload) -> str | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                for kind, marker in OOXML_MARKERS.items():
                    if marker in names:
                        return kind
                return None
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "ignore").strip()
                if mimetype == KINDS["odt"]:
                    return "odt"
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def _looks_like_csv(upload) -> bool:
    upload.seek(0)
    sample = upload.read(64 * 1024)
    if b"\x00" in sample:
        return False
    try:
        text = sample.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = sample.decode("cp1252")
        except UnicodeDecodeError:
            return False
    if not text.strip():
        return False
    if any(ord(ch) < 32 and ch not in "\r\n\t" for ch in text):
        return False
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
    except csv.Error:
        # A single column is still CSV: accept plain lines of text.
        return "\n" in text or len(text) < 8192
    rows = list(csv.reader(io.StringIO(text[:8192]), dialect))
    return bool(rows)


def check_upload(upload) -> CheckedFile:
    """Raise ValidationError with a GOV.UK-style message unless the file is an allowed type."""
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, os.SEEK_END)
        size = upload.tell()
    if size == 0:
        raise ValidationError(gettext("The selected file is empty"))
    if size > MAX_BYTES:
        raise ValidationError(gettext("The file must be smaller than 25MB"))
    upload.seek(0)
    head = upload.read(8192)
    guess = filetype.guess(head)
    kind = None
    if guess is not None and guess.extension == "pdf":
        kind = "pdf"
    elif head[:4] == b"PK\x03\x04":
        kind = _zip_kind(head, upload)
    elif guess is None and _looks_like_csv(upload):
        name_ext = os.path.splitext(getattr(upload, "name", "") or "")[1].lower()
        kind = "csv" if name_ext in (".csv", ".txt", "") else None
    if kind is None:
        raise ValidationError(TYPE_MESSAGE)
    upload.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: upload.read(1024 * 1024), b""):
        digest.update(chunk)
    upload.seek(0)
    return CheckedFile(
        kind=kind,
        content_type=KINDS[kind],
        file_name=safe_file_name(getattr(upload, "name", ""), kind),
        size=size,
        sha256=digest.hexdigest(),
    )


# Checks other apps add for files uploaded to a board's agenda: each takes the CheckedFile and
# raises ValidationError to refuse it. ``forums`` imports none of those apps; they register here
# in their AppConfig.ready() (national refuses a copy of a confidential engagement paper).
_agenda_upload_checks: list[Callable[[CheckedFile], None]] = []


def register_agenda_upload_check(check: Callable[[CheckedFile], None]) -> None:
    """Add a check for files uploaded to an agenda (registering the same one again is a no-op)."""
    if check not in _agenda_upload_checks:
        _agenda_upload_checks.append(check)


def check_agenda_upload(upload) -> CheckedFile:
    """``check_upload`` plus every registered check: for a paper on a board's agenda."""
    checked = check_upload(upload)
    for check in _agenda_upload_checks:
        check(checked)
    return checked


def paper_upload_to(instance, filename: str) -> str:
    """Private storage path; the name has already been made safe by forums.uploads."""
    return f"papers/{timezone.now():%Y/%m}/{os.urandom(8).hex()}-{filename}"
