"""The one import mechanism: reading a CSV or Excel upload into numbered rows, and its report."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from membership import tabular


def csv_file(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("rows.csv", text.encode())


def xlsx_file(*rows) -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("rows.xlsx", buffer.getvalue())


def test_csv_rows_are_numbered_as_in_the_spreadsheet_and_blank_rows_skipped():
    rows = tabular.read_rows(csv_file(" Name ,Start\nAda,2026-01-05\n,\nBea\n"), required={"name"})
    assert rows == [(2, {"name": "Ada", "start": "2026-01-05"}), (4, {"name": "Bea", "start": ""})]


def test_xlsx_cells_read_as_the_text_a_person_would_type():
    upload = xlsx_file(
        ["name", "start", "count", "rate", "flag"],
        ["Ada", datetime.datetime(2026, 1, 5), 42, 12.5, True],
    )
    (row,) = tabular.read_rows(upload, required={"name"})
    assert row == (2, {"name": "Ada", "start": "2026-01-05", "count": "42", "rate": "12.5",
                       "flag": "yes"})  # fmt: skip


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01binary", "The file must be a CSV or Excel (XLSX) file"),
        (b"%PDF-1.7 " + bytes(range(128, 256)), "The file must be a CSV or Excel (XLSX) file"),
        (b"name\n\xff\xfe caf\xe9\n", "The CSV file must be saved as UTF-8"),
        (b"", "The file is empty"),
        (b"name\n\n", "The file has nothing in it below the header row"),
        (b"other\nx\n", "The first row must name the columns, including name: use the template"),
    ],
)
def test_a_file_that_cannot_be_used_says_why(content, message):
    with pytest.raises(tabular.FileProblem) as problem:
        tabular.read_rows(
            SimpleUploadedFile("rows.csv", content), required={"name"}, hint=": use the template"
        )
    assert str(problem.value) == message
    assert tabular.read_rows(csv_file("name\nx\n"), required={"name"})  # positive control


def test_too_many_rows_or_too_big_a_file_is_refused():
    with pytest.raises(tabular.FileProblem, match="more than 2 rows"):
        tabular.read_rows(csv_file("name\na\nb\nc\n"), required={"name"}, max_rows=2)
    assert len(tabular.read_rows(csv_file("name\na\nb\n"), required={"name"}, max_rows=2)) == 2
    big = SimpleUploadedFile("rows.csv", b"name\n" + b"x\n" * (tabular.MAX_UPLOAD_BYTES // 2))
    with pytest.raises(tabular.FileProblem, match="smaller than 5 MB"):
        tabular.read_rows(big, required={"name"})


def test_common_cells():
    assert [tabular.yes_no(text) for text in ("Yes", "y", "TRUE", "1", "no", "0", "")] == [
        True, True, True, True, False, False, False
    ]  # fmt: skip
    with pytest.raises(ValueError, match="Enter yes or no, not 'maybe'"):
        tabular.yes_no("maybe")
    assert tabular.day("27/03/2026") == tabular.day("2026-03-27") == datetime.date(2026, 3, 27)
    assert tabular.day("") is None
    with pytest.raises(ValueError, match="Enter the start date"):
        tabular.day("", required_message="Enter the start date")
    with pytest.raises(ValueError, match="is not a date: use 2026-03-27 or 27/03/2026"):
        tabular.day("March")
    assert tabular.email("Sam@Example.org") == "sam@example.org"
    with pytest.raises(ValueError, match="is not an email address"):
        tabular.email("sam@")
    assert tabular.looks_like_formula("=cmd()") and not tabular.looks_like_formula("Adult rape")


def test_the_report_lists_each_bad_row_by_column_in_row_order():
    report = tabular.Report()
    assert not report.has_validation_errors()
    report.add(7, "Enter yes or no, not 'maybe'", "provisional")
    refused = ValidationError({"person": "Already a member", "__all__": "Refused"})
    report.add_error(3, refused, {"person": "email"})
    assert report.has_validation_errors()
    assert [row.number for row in report.invalid_rows] == [3, 7]
    assert report.invalid_rows[0].error_dict == {"email": ["Already a member"], "": ["Refused"]}
    assert report.by_row() == [
        (3, "Already a member"), (3, "Refused"), (7, "Enter yes or no, not 'maybe'")
    ]  # fmt: skip


def test_templates_have_the_header_first_and_a_guidance_sheet():
    assert tabular.template_csv(["a", "b"], [["1", "2"]]).splitlines() == ["a,b", "1,2"]
    book = load_workbook(
        io.BytesIO(tabular.template_xlsx(["a", "b"], [["1", "2"]], sheet="Data", guidance=["Hi"]))
    )
    assert [cell.value for cell in book["Data"][1]] == ["a", "b"]
    assert book["Data"]["A1"].font.bold
    assert book["Guidance"]["A1"].value == "Hi"
