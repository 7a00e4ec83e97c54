"""Uploading a return as CSV or XLSX: every row checked, all or nothing, reported by row."""

import csv
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from forums.models import Membership
from performance.models import Measurement, PerformanceReturn
from tests.performance.factories import PerformanceReturnFactory

pytestmark = pytest.mark.django_db
Status = PerformanceReturn.Status
HEADER = "indicator,period,breakdown_dimension,breakdown,value,numerator,denominator,provisional\n"


@pytest.fixture
def hmcts_return(forum, data_submitter):
    agency = Membership.objects.get(person=data_submitter, forum=forum).agency
    return PerformanceReturnFactory(
        forum=forum, agency=agency, code="2026-Q2", draft=True, created_by=data_submitter
    )


def upload(client, forum, performance_return, content: bytes, name="figures.csv"):
    url = reverse("performance:return-upload", args=[forum.slug, performance_return.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def test_every_bad_row_is_reported_and_nothing_is_imported(
    data_submitter_client, forum, hmcts_return
):
    content = HEADER + "\n".join(
        [
            "cc_effective_trial_rate,2026-Q2,,,55,,,",  # row 2: fine
            "no_such_indicator,2026-Q2,,,10,,,",  # 3
            "mc_effective_trial_rate,2026-Q1,,,10,,,",  # 4
            "cc_cracked_trial_rate,2026-Q2,,,abc,,,",  # 5
            "mc_cracked_trial_rate,2026-Q2,,,120,,,",  # 6
            "guilty_plea_first_hearing,2026-Q2,,,,50,40,",  # 7
            "cc_outstanding_caseload,2026-Q2,,,-5,,,",  # 8
            "cc_effective_trial_rate,2026-Q2,,,56,,,",  # 9: duplicate of 2
            "police_charge_rate,2026-Q2,,,20,,,",  # 10: police, not HMCTS
            'cc_outstanding_caseload,2026-Q2,Court,"=cmd()",5,,,',  # 11: a formula
        ]
    )
    response = upload(data_submitter_client, forum, hmcts_return, content.encode())
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was imported" in body and "<title>Error: " in body
    for row, reason in [
        (3, "Unknown indicator"),
        (4, "Wrong period"),
        (5, "is not a number"),
        (6, "between 0 and 100"),
        (7, "larger than the denominator"),
        (8, "cannot be negative"),
        (9, "Duplicate of row 2"),
        (10, "is not owed by"),
        (11, "cannot start with ="),
    ]:
        pattern = rf'numeric">{row}</td><td class="govuk-table__cell">[^<]*{re.escape(reason)}'
        assert re.search(pattern, body, re.IGNORECASE), (row, reason)
    assert not Measurement.objects.exists()


def test_a_good_file_is_imported_with_breakdowns(data_submitter_client, forum, hmcts_return):
    content = HEADER + "\n".join(
        [
            "cc_effective_trial_rate,2026-Q2,,,,30,60,yes",
            "cc_effective_trial_rate,2026-Q2,Offence type,Adult rape,,5,20,",
            "cc_outstanding_caseload,2026-Q2,,,1200,,,",
        ]
    )
    response = upload(data_submitter_client, forum, hmcts_return, content.encode())
    assert response.status_code == 302
    saved = {
        (m.indicator.slug, m.breakdown): m for m in Measurement.objects.select_related("indicator")
    }
    assert saved[("cc_effective_trial_rate", "")].value == 50
    assert saved[("cc_effective_trial_rate", "")].is_provisional
    assert saved[("cc_effective_trial_rate", "Adult rape")].value == 25


def test_a_file_that_is_not_a_spreadsheet_is_refused(data_submitter_client, forum, hmcts_return):
    response = upload(
        data_submitter_client, forum, hmcts_return, b"%PDF-1.4 not a return", name="figures.csv"
    )
    assert "must be a CSV or Excel" in response.content.decode()


def test_the_xlsx_template_can_be_filled_in_and_uploaded(
    data_submitter_client, forum, hmcts_return
):
    url = reverse("performance:return-template", args=[forum.slug, hmcts_return.pk, "xlsx"])
    response = data_submitter_client.get(url)
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["Figures"]
    header = [cell.value for cell in sheet[1]]
    value_column = header.index("value") + 1
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row=row, column=value_column, value=42)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = upload(
        data_submitter_client, forum, hmcts_return, buffer.getvalue(), name="figures.xlsx"
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert Measurement.objects.count() == sheet.max_row - 1


def test_the_csv_template_lists_each_indicator_owed(data_submitter_client, forum, hmcts_return):
    url = reverse("performance:return-template", args=[forum.slug, hmcts_return.pk, "csv"])
    rows = list(csv.DictReader(io.StringIO(data_submitter_client.get(url).content.decode())))
    assert {row["period"] for row in rows} == {"2026-Q2"}
    assert "cc_effective_trial_rate" in {row["indicator"] for row in rows}
    assert "police_charge_rate" not in {row["indicator"] for row in rows}


def test_an_upload_to_a_submitted_return_is_refused(data_submitter_client, forum, hmcts_return):
    content = (HEADER + "cc_effective_trial_rate,2026-Q2,,,55,,,").encode()
    assert upload(data_submitter_client, forum, hmcts_return, content).status_code == 302  # draft
    hmcts_return.status = Status.SUBMITTED
    hmcts_return.save()
    response = upload(data_submitter_client, forum, hmcts_return, content)
    assert response.status_code == 403


def _many_rows(count: int) -> str:
    return HEADER + "\n".join(
        f"cc_outstanding_caseload,2026-Q2,Court,Court {n:05d},{n % 500},," for n in range(count)
    )


def test_a_large_file_is_imported_whole_with_a_creation_record_of_each_figure(
    data_submitter_client, data_submitter, forum, hmcts_return
):
    response = upload(data_submitter_client, forum, hmcts_return, _many_rows(2500).encode())
    assert response.status_code == 302
    figures = {m.pk: m for m in Measurement.objects.filter(performance_return=hmcts_return)}
    assert len(figures) == 2500
    records = list(Measurement.history.filter(performance_return=hmcts_return))
    assert len(records) == 2500 and {r.id for r in records} == set(figures)
    for record in records:
        figure = figures[record.id]
        assert record.history_type == "+" and record.history_user == data_submitter
        assert (record.breakdown, record.value, record.indicator_id, record.is_provisional) == (
            figure.breakdown,
            figure.value,
            figure.indicator_id,
            figure.is_provisional,
        )


def test_a_large_file_with_one_bad_row_at_the_end_imports_nothing(
    data_submitter_client, forum, hmcts_return
):
    content = _many_rows(2500) + "\ncc_outstanding_caseload,2026-Q2,Court,Last court,-1,,"
    response = upload(data_submitter_client, forum, hmcts_return, content.encode())
    assert response.status_code == 200 and "Nothing was imported" in response.content.decode()
    assert not Measurement.objects.exists() and not Measurement.history.exists()
