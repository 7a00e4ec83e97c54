"""Importing spreadsheets: the one mechanism behind every upload (memberships, returns' figures).

An import is all or nothing. It reads a CSV or Excel (.xlsx) upload into numbered rows (the
header is row 1, as in a spreadsheet), its app checks every row and records each problem in a
``Report`` against the row and column, and nothing is saved unless every row is right. The same
report is shown to whoever uploaded the file, row by row, in plain words.

- ``read_rows(upload, required=..., hint=...)`` -> ``[(row number, {column: text})]``, or
  ``FileProblem`` for a file that cannot be read at all (too big, not a spreadsheet, no header).
- ``yes_no``, ``day``, ``email`` and ``looks_like_formula``: cells common to imports; the
  cleaners raise ``ValueError`` with the message to show.
- ``Report``: problems by row and column, and what each good row does (for a preview).
- ``template_csv`` and ``template_xlsx``: the file to fill in, header first.

Every app's import module (``forums/imports.py``, ``performance/imports.py``) says which columns
it has and checks its own cells, then hands typed rows to a service, which saves them in one
transaction (a dry run rolls it back). Speed matters: a 10,000-row return is read and checked
in tens of microseconds a row, so the row loop stays plain Python over dicts.
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import filetype
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
NOT_A_SPREADSHEET = _("The file must be a CSV or Excel (XLSX) file")
FORMULA_STARTS = ("=", "+", "-", "@")
YES = frozenset({"yes", "y", "true", "1"})
NO = frozenset({"no", "n", "false", "0", ""})
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")

Row = tuple[int, dict[str, str]]


class FileProblem(ValueError):
    """The whole file cannot be used; the message says why, for the person who uploaded it."""


# --- reading ----------------------------------------------------------------------------------


def _cell_text(value) -> str:
    """An Excel cell as the text a person would have typed (a date as 2026-03-27)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _is_xlsx(head: bytes, upload) -> bool:
    if not head.startswith(b"PK\x03\x04"):
        return False
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return False
    return "[Content_Types].xml" in names and "xl/workbook.xml" in names


def _table(upload, not_a_spreadsheet: str) -> list[list[str]]:
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if _is_xlsx(head, upload):
        upload.seek(0)
        try:
            workbook = load_workbook(upload, read_only=True, data_only=True)
        except Exception:  # noqa: BLE001 - any unreadable workbook gets the same message
            raise FileProblem(not_a_spreadsheet) from None
        try:
            return [
                [cell if type(cell) is str else _cell_text(cell) for cell in row]
                for row in workbook.worksheets[0].iter_rows(values_only=True)
            ]
        finally:
            workbook.close()
    if filetype.guess(head) is not None or b"\x00" in head:
        raise FileProblem(not_a_spreadsheet)
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(gettext("The CSV file must be saved as UTF-8")) from None
    return list(csv.reader(io.StringIO(text)))


def read_rows(
    upload,
    *,
    required: Iterable[str],
    hint: str = "",
    not_a_spreadsheet: str = NOT_A_SPREADSHEET,
    max_rows: int = MAX_ROWS,
) -> list[Row]:
    """Every row with something in it, as (row number, {column: text}); blank rows are skipped.

    Column names are matched without case or surrounding spaces; columns the file does not have
    read as "". Raises ``FileProblem`` (with ``hint`` after a missing-columns message).
    """
    if upload.size > MAX_UPLOAD_BYTES:
        raise FileProblem(gettext("The file must be smaller than 5 MB"))
    table = _table(upload, not_a_spreadsheet)
    if not table:
        raise FileProblem(gettext("The file is empty"))
    header = [name.strip().lower() for name in table[0]]
    missing = set(required) - set(header)
    if missing:
        raise FileProblem(
            gettext("The first row must name the columns, including %(columns)s")
            % {"columns": ", ".join(sorted(missing))}
            + hint
        )
    width = len(header)
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) < width:
            cells = [*cells, *[""] * (width - len(cells))]
        rows.append((number, {name: cells[i].strip() for i, name in enumerate(header)}))
    if not rows:
        raise FileProblem(gettext("The file has nothing in it below the header row"))
    if len(rows) > max_rows:
        raise FileProblem(
            gettext("The file has more than %(rows)s rows: split it into smaller files")
            % {"rows": f"{max_rows:,}"}
        )
    return rows


# --- common cells -----------------------------------------------------------------------------


def yes_no(text: str) -> bool:
    """yes, y, true or 1; no, n, false, 0 or blank."""
    lowered = text.lower()
    if lowered in YES:
        return True
    if lowered in NO:
        return False
    raise ValueError(gettext("Enter yes or no, not '%(text)s'") % {"text": text})


def day(text: str, *, required_message: str = "") -> datetime.date | None:
    """A date as 2026-03-27 or 27/03/2026 (or 27-03-2026); blank is None unless required."""
    if not text:
        if required_message:
            raise ValueError(required_message)
        return None
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(
        gettext("'%(text)s' is not a date: use 2026-03-27 or 27/03/2026") % {"text": text}
    )


def email(text: str, *, required_message: str = "") -> str:
    """An email address, lower case."""
    if not text:
        raise ValueError(required_message or gettext("Enter the person's email address"))
    try:
        validate_email(text)
    except ValidationError:
        raise ValueError(
            gettext("'%(text)s' is not an email address: enter it like name@example.org")
            % {"text": text}
        ) from None
    return text.lower()


def looks_like_formula(text: str) -> bool:
    """Text a spreadsheet would run as a formula if it were opened again."""
    return text.startswith(FORMULA_STARTS)


# --- the report -------------------------------------------------------------------------------


@dataclass
class RowProblems:
    """One bad row: its number in the spreadsheet and its problems by column ("" = the row)."""

    number: int
    error_dict: dict[str, list[str]] = field(default_factory=dict)

    @property
    def messages(self) -> list[str]:
        return [message for messages in self.error_dict.values() for message in messages]


@dataclass
class Report:
    """What an import found: each bad row's problems, and what each good row does."""

    problems: dict[int, RowProblems] = field(default_factory=dict)
    changes: list[tuple[int, str, str]] = field(default_factory=list)  # row, outcome, what

    def add(self, number: int, message: str, column: str = "") -> None:
        row = self.problems.get(number)
        if row is None:
            row = self.problems[number] = RowProblems(number)
        row.error_dict.setdefault(column, []).append(message)

    def add_error(self, number: int, error: ValidationError, columns: dict | None = None) -> None:
        """A service's ValidationError against the row, its fields named as the file's columns."""
        columns = columns or {}
        if hasattr(error, "error_dict"):
            for name, messages in error.message_dict.items():
                for message in messages:
                    self.add(number, message, "" if name == "__all__" else columns.get(name, name))
        else:
            for message in error.messages:
                self.add(number, message)

    def change(self, number: int, outcome: str, what: str) -> None:
        """What a good row does ("New", "Changed", "No change"), for the preview."""
        self.changes.append((number, outcome, what))

    def counts(self) -> dict[str, int]:
        """How many good rows have each outcome."""
        return dict(Counter(outcome for _, outcome, _ in self.changes))

    def has_validation_errors(self) -> bool:
        return bool(self.problems)

    @property
    def invalid_rows(self) -> list[RowProblems]:
        return [self.problems[number] for number in sorted(self.problems)]

    def by_row(self) -> list[tuple[int, str]]:
        """(row number, problem) for every problem, in row order."""
        return [(row.number, message) for row in self.invalid_rows for message in row.messages]


# --- templates --------------------------------------------------------------------------------

MAX_TEMPLATE_ROWS = 1000  # rows of a template's sheet that offer the drop-downs


def template_csv(columns: Sequence[str], rows: Iterable[Sequence]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


def template_xlsx(
    columns: Sequence[str],
    rows: Iterable[Sequence],
    *,
    sheet: str,
    guidance: Iterable[str] = (),
    widths: dict[str, int] | None = None,
    allowed: tuple[Sequence[str], Iterable[Sequence]] | None = None,
    choices: dict[str, Sequence[str]] | None = None,
) -> bytes:
    """A workbook: the sheet to fill in (bold header), then a Guidance sheet, one line a row,
    and an "Allowed values" sheet (its header and rows). ``choices`` turns a column into a
    drop-down of those values (Excel still lets a person type, and the import checks)."""
    workbook = Workbook()
    data = workbook.active
    data.title = sheet
    data.append(list(columns))
    for cell in data[1]:
        cell.font = Font(bold=True)
    for row in rows:
        data.append(list(row))
    for letter, width in (widths or {}).items():
        data.column_dimensions[letter].width = width
    for column, values in (choices or {}).items():
        letter = get_column_letter(list(columns).index(column) + 1)
        listed = DataValidation(type="list", formula1='"' + ",".join(values) + '"')
        listed.error = gettext("Choose one of: %(values)s") % {"values": ", ".join(values)}
        listed.add(f"{letter}2:{letter}{MAX_TEMPLATE_ROWS}")
        data.add_data_validation(listed)
    lines = list(guidance)
    if lines:
        notes = workbook.create_sheet(gettext("Guidance"))
        for line in lines:
            notes.append([line])
    if allowed:
        header, values = allowed
        sheet_of_values = workbook.create_sheet(gettext("Allowed values"))
        sheet_of_values.append(list(header))
        for cell in sheet_of_values[1]:
            cell.font = Font(bold=True)
        for row in values:
            sheet_of_values.append(list(row))
        for letter in "ABC":
            sheet_of_values.column_dimensions[letter].width = 40
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
