"""Open data and public pages carry published figures only, in a fixed number of queries."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forums.models import Membership
from performance.models import PerformanceReturn, VictimsCodeRight
from tests.forums.factories import ForumFactory
from tests.membership.factories import AgencyFactory, agency_type
from tests.performance.factories import PerformanceReturnFactory, hmcts_quarterly_slugs, publish
from tests.queries import queries_for

pytestmark = pytest.mark.django_db
Status = PerformanceReturn.Status
UNPUBLISHED = "48.2468"  # a figure that must never reach the public


@pytest.fixture
def figures(forum, data_submitter, secretariat):
    hmcts = Membership.objects.get(person=data_submitter, forum=forum).agency
    PerformanceReturnFactory(
        forum=forum, agency=hmcts, code="2025-Q1", figures={"cc_effective_trial_rate": "61.5"}
    )
    PerformanceReturnFactory(
        forum=forum, agency=hmcts, code="2025-Q2", figures={"cc_effective_trial_rate": UNPUBLISHED}
    )
    PerformanceReturnFactory(
        forum=forum,
        agency=hmcts,
        code="2025-Q3",
        submitted=True,
        figures={"cc_cracked_trial_rate": "33.3333"},
    )
    publish(forum, "2025-Q1", secretariat)
    private = ForumFactory(is_public=False)
    PerformanceReturnFactory(
        forum=private, agency=hmcts, code="2025-Q1", figures={"cc_effective_trial_rate": "12.3456"}
    )
    publish(private, "2025-Q1", secretariat)


def download(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


PUBLIC_URLS = [
    ("performance:open-data-file", ["figures", "csv"]),
    ("performance:open-data-file", ["figures", "json"]),
    ("performance:open-data-forum-file", ["cleveland-cjb", "csv"]),
    ("performance:open-data-forum-file", ["cleveland-cjb", "json"]),
]


@pytest.mark.parametrize(("name", "args"), PUBLIC_URLS)
def test_unpublished_figures_never_appear_in_open_data(client, figures, name, args):
    body = download(client, reverse(name, args=args))
    assert "61.5" in body
    for secret in (UNPUBLISHED, "48.2", "33.3333", "12.3456"):
        assert secret not in body


@pytest.mark.parametrize(
    "name", ["performance:public-dashboard", "performance:public-victims-code"]
)
def test_unpublished_figures_never_appear_on_public_pages(client, figures, name):
    response = client.get(reverse(name, args=["cleveland-cjb"]))
    assert response.status_code == 200
    body = response.content.decode()
    if name == "performance:public-dashboard":
        assert "61.5" in body  # published
    else:
        assert all(right.short_title in body for right in VictimsCodeRight.objects.all())
    for secret in ("48.2", "33.3", "12.3"):
        assert secret not in body


def test_public_indicator_page_hides_unpublished_figures(client, figures):
    url = reverse("performance:public-indicator", args=["cleveland-cjb", "cc_effective_trial_rate"])
    body = client.get(url).content.decode()
    assert "61.5%" in body and "48.2" not in body and "12.3" not in body


def test_figures_csv_has_the_documented_columns(client, figures):
    rows = list(csv.DictReader(io.StringIO(download(client, "/data/figures.csv"))))
    assert len(rows) == 1
    assert rows[0]["forum"] == "cleveland-cjb"
    assert rows[0]["period"] == "2025-Q1"
    assert rows[0]["value"] == "61.5"


def test_figures_json_parses(client, figures):
    data = json.loads(download(client, "/data/figures.json"))
    assert data["meta"]["dataset"] == "figures"
    assert data["data"][0]["value"] == 61.5


def test_indicators_and_targets_datasets(client, figures):
    assert "cc_effective_trial_rate" in download(client, "/data/indicators.csv")
    assert download(client, "/data/targets.csv").startswith("forum,area,indicator")


def test_open_data_index_lists_datasets_dictionary_and_last_update(client, figures):
    body = client.get(reverse("performance:open-data")).content.decode()
    assert "/data/figures.csv" in body and "/data/indicators.json" in body
    assert "Data dictionary" in body and "Last updated" in body
    assert "/data/forums/cleveland-cjb/figures.csv" in body


def test_unknown_dataset_is_404(client, db):
    assert (
        client.get(reverse("performance:open-data-file", args=["figures", "csv"])).status_code
        == 200
    )
    assert client.get("/data/secrets.csv").status_code == 404


# --- fixed numbers of queries ---------------------------------------------------------------


def grow(forum, secretariat, quarters, areas):
    """Accepted, published figures for every HMCTS indicator over ``quarters`` quarters in this
    forum and ``areas`` other public forums."""
    forums = [forum] + [ForumFactory() for _ in range(areas)]
    slugs = hmcts_quarterly_slugs(forum)
    for board in forums:
        agency = AgencyFactory(agency_type=agency_type("hmcts"))
        for index in range(quarters):
            code = f"{2021 + index // 4}-Q{index % 4 + 1}"
            PerformanceReturnFactory(
                forum=board,
                agency=agency,
                code=code,
                figures={slug: str(40 + index) for slug in slugs},
            )
            publish(board, code, secretariat)


def csv_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        download(client, url)
    return len(captured.captured_queries)


def test_public_dashboard_queries_do_not_grow_with_data(client, forum, secretariat):
    grow(forum, secretariat, quarters=1, areas=0)
    url = reverse("performance:public-dashboard", args=[forum.slug])
    small = queries_for(client, url)
    grow(forum, secretariat, quarters=8, areas=3)
    assert queries_for(client, url) == small


def test_open_data_csv_queries_do_not_grow_with_data(client, forum, secretariat):
    grow(forum, secretariat, quarters=1, areas=0)
    small = (
        csv_queries(client, "/data/figures.csv"),
        csv_queries(client, f"/data/forums/{forum.slug}/figures.csv"),
    )
    grow(forum, secretariat, quarters=8, areas=3)
    large = (
        csv_queries(client, "/data/figures.csv"),
        csv_queries(client, f"/data/forums/{forum.slug}/figures.csv"),
    )
    assert large == small


def test_workspace_dashboard_queries_do_not_grow_with_data(member_client, forum, secretariat):
    grow(forum, secretariat, quarters=1, areas=0)
    url = reverse("performance:workspace-dashboard", args=[forum.slug])
    small = queries_for(member_client, url)
    grow(forum, secretariat, quarters=8, areas=3)
    assert queries_for(member_client, url) == small


def test_names_cannot_become_spreadsheet_formulas(client, forum, data_submitter, secretariat):
    from performance.models import Measurement
    from tests.performance.factories import indicator

    hmcts = Membership.objects.get(person=data_submitter, forum=forum).agency
    performance_return = PerformanceReturnFactory(
        forum=forum, agency=hmcts, code="2025-Q1", figures={"cc_effective_trial_rate": "50"}
    )
    Measurement.objects.create(
        performance_return=performance_return,
        indicator=indicator("cc_effective_trial_rate"),
        breakdown_dimension="Court",
        breakdown='=HYPERLINK("http://example.org")',
        value=40,
    )
    publish(forum, "2025-Q1", secretariat)
    body = download(client, "/data/figures.csv")
    assert "'=HYPERLINK" in body


def test_the_csv_reads_cell_by_cell_as_each_value_is_written_alone(
    client, forum, data_submitter, secretariat
):
    """Cells are converted a chunk of rows at a time: the file must be what converting each
    value on its own gives (blanks, rates, whole numbers, true/false, dates, no formulas)."""
    from performance import selectors
    from performance.models import Measurement
    from performance.views.open_data import _text
    from tests.performance.factories import indicator

    hmcts = Membership.objects.get(person=data_submitter, forum=forum).agency
    performance_return = PerformanceReturnFactory(
        forum=forum, agency=hmcts, code="2025-Q1", figures={"cc_effective_trial_rate": "50"}
    )
    for n, breakdown in enumerate(["-5 years", "@home", "Adult rape", "+44", "Youth"]):
        Measurement.objects.create(
            performance_return=performance_return,
            indicator=indicator("cc_effective_trial_rate"),
            breakdown_dimension="Court",
            breakdown=breakdown,
            value=f"{12 + n}.{n}500" if n % 2 else 40,
            numerator=5 + n if n % 2 else None,
            denominator=40 if n % 2 else None,
            is_provisional=bool(n % 2),
        )
    publish(forum, "2025-Q1", secretariat)
    rows = list(csv.reader(io.StringIO(download(client, "/data/figures.csv"))))
    expected = [[str(_text(value)) for value in row] for row in selectors.open_figures()]
    assert rows[0] == [name for name, _, _ in selectors.OPEN_FIGURE_COLUMNS]
    assert rows[1:] == expected and len(expected) == 6
    assert {row[14] for row in rows[1:]} == {"true", "false"}
    assert any(row[10] == "'-5 years" for row in rows)
