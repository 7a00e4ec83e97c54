"""Returns as files: the template an agency fills in, and reading and checking an upload.

An upload is all or nothing: every row is checked, every problem is reported with its row
number (the header is row 1, as in a spreadsheet), and nothing is saved if any row is wrong.
"""

import csv
import io
import zipfile

import filetype
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from performance.calculations import FigureError, check_figure, parse_number
from performance.models import Indicator, PerformanceReturn
from performance.services import FigureInput, indicators_owed

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
COLUMNS = [
    "indicator",
    "indicator_name",
    "period",
    "breakdown_dimension",
    "breakdown",
    "value",
    "numerator",
    "denominator",
    "provisional",
    "note",
]
REQUIRED_COLUMNS = {"indicator", "period", "value"}
FORMULA_STARTS = ("=", "+", "-", "@")
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0", ""}
NOT_A_RETURN = "The file must be a CSV or Excel (.xlsx) file made from the template"


def _plain(number) -> str:
    if number is None:
        return ""
    text = f"{number:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def template_rows(performance_return: PerformanceReturn) -> list[list[str]]:
    """One row per indicator owed (with the figures already entered), then any breakdowns."""
    owed = indicators_owed(
        forum=performance_return.forum,
        agency=performance_return.agency,
        frequency=performance_return.period.frequency,
    ).order_by("name")
    saved = {
        (m.indicator_id, m.breakdown_dimension, m.breakdown): m
        for m in performance_return.measurements.all()
    }
    rows = []
    for indicator in owed:
        keys = [(indicator.pk, "", "")] + sorted(
            key for key in saved if key[0] == indicator.pk and key[2]
        )
        for key in keys:
            found = saved.get(key)
            rows.append(
                [
                    indicator.slug,
                    indicator.name,
                    performance_return.period.code,
                    key[1],
                    key[2],
                    _plain(found.value) if found and found.numerator is None else "",
                    _plain(found.numerator) if found else "",
                    _plain(found.denominator) if found else "",
                    "yes" if found and found.is_provisional else "",
                    found.note if found else "",
                ]
            )
    return rows


def template_csv(performance_return: PerformanceReturn) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows(template_rows(performance_return))
    return buffer.getvalue()


def template_xlsx(performance_return: PerformanceReturn) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Figures"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in template_rows(performance_return):
        sheet.append(row)
    sheet.column_dimensions["A"].width = 36
    sheet.column_dimensions["B"].width = 48
    guidance = workbook.create_sheet("Guidance")
    for line in (
        [f"Return of {performance_return.agency} to {performance_return.forum}"],
        [f"Period: {performance_return.period.label} ({performance_return.period.code})"],
        ["Give either value, or numerator and denominator (the rate is worked out for you)."],
        ["Percentages are 0 to 100. Counts are whole numbers and cannot be negative."],
        ["provisional: yes or leave blank."],
        [
            "For a breakdown add a row with breakdown_dimension (e.g. Offence type) and breakdown "
            "(e.g. Adult rape)."
        ],
        ["Do not change the indicator or period columns."],
    ):
        guidance.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


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


def read_upload(upload) -> tuple[list[tuple[int, dict]], str]:
    """Rows of an uploaded CSV or XLSX as (row number, {column: text}), or a problem."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if _is_xlsx(head, upload):
        upload.seek(0)
        try:
            workbook = load_workbook(upload, read_only=True, data_only=True)
        except Exception:  # noqa: BLE001 - any unreadable workbook gets the same message
            return [], NOT_A_RETURN
        sheet = workbook.worksheets[0]
        table = [
            ["" if cell is None else str(cell) for cell in row]
            for row in sheet.iter_rows(values_only=True)
        ]
        workbook.close()
    else:
        if filetype.guess(head) is not None or b"\x00" in head:
            return [], NOT_A_RETURN
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            return [], "The CSV file must be saved as UTF-8"
        table = list(csv.reader(io.StringIO(text)))
    if not table:
        return [], "The file is empty"
    header = [name.strip().lower() for name in table[0]]
    missing = REQUIRED_COLUMNS - set(header)
    if missing:
        return [], (
            "The first row must name the columns, including "
            + ", ".join(sorted(missing))
            + ": download the template and use that"
        )
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        rows.append(
            (
                number,
                {
                    name: (cells[i].strip() if i < len(cells) else "")
                    for i, name in enumerate(header)
                },
            )
        )
    if not rows:
        return [], "The file has no figures in it"
    if len(rows) > MAX_ROWS:
        return [], f"The file has more than {MAX_ROWS:,} rows: split it into smaller files"
    return rows, ""


def check_rows(
    performance_return: PerformanceReturn, rows: list[tuple[int, dict]]
) -> tuple[list[FigureInput], list[tuple[int, str]]]:
    """Every row checked; the figures to save, and (row number, reason) for each problem."""
    catalogue = {indicator.slug: indicator for indicator in Indicator.objects.all()}
    owed = {
        indicator.pk
        for indicator in indicators_owed(
            forum=performance_return.forum,
            agency=performance_return.agency,
            frequency=performance_return.period.frequency,
        )
    }
    expected_period = performance_return.period.code
    figures, problems = [], []
    first_row_of: dict[tuple, int] = {}
    for number, row in rows:
        reasons = []
        slug = row.get("indicator", "")
        indicator = catalogue.get(slug)
        if not slug:
            reasons.append("the indicator is missing")
        elif indicator is None:
            reasons.append(f"unknown indicator '{slug}'")
        elif indicator.pk not in owed:
            reasons.append(
                f"{indicator.name} is not owed by {performance_return.agency} in this return"
            )
        period = row.get("period", "")
        if period.upper() != expected_period.upper():
            reasons.append(
                f"wrong period '{period}': this return is for {expected_period}"
                if period
                else f"the period is missing: this return is for {expected_period}"
            )
        numbers = {}
        for part in ("value", "numerator", "denominator"):
            try:
                numbers[part] = parse_number(row.get(part, ""), label=part)
            except FigureError:
                reasons.append(f"{part} '{row.get(part)}' is not a number")
        provisional = row.get("provisional", "").lower()
        if provisional not in YES | NO:
            reasons.append(f"provisional must be yes or blank, not '{row.get('provisional')}'")
        dimension, breakdown = row.get("breakdown_dimension", ""), row.get("breakdown", "")
        if bool(dimension) != bool(breakdown):
            reasons.append("give both breakdown_dimension and breakdown, or neither")
        if dimension.startswith(FORMULA_STARTS) or breakdown.startswith(FORMULA_STARTS):
            reasons.append("a breakdown cannot start with =, +, - or @")
        if indicator is not None and len(numbers) == 3:
            try:
                check_figure(unit=indicator.unit, **numbers)
            except FigureError as error:
                reasons.extend(
                    message[0].lower() + message[1:] for message in error.errors.values()
                )
        if indicator is not None:
            key = (indicator.pk, dimension, breakdown)
            if key in first_row_of:
                reasons.append(
                    f"duplicate of row {first_row_of[key]} (same indicator and breakdown)"
                )
            else:
                first_row_of[key] = number
        if reasons:
            problems.extend((number, reason[0].upper() + reason[1:]) for reason in reasons)
            continue
        figures.append(
            FigureInput(
                indicator=indicator,
                is_provisional=provisional in YES,
                breakdown_dimension=dimension[:80],
                breakdown=breakdown[:120],
                note=row.get("note", "")[:500],
                **numbers,
            )
        )
    return figures, problems
