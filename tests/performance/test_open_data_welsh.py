"""Open data carries both languages where both exist: the original columns stay (English), and
``_en`` / ``_cy`` columns are added after them; a text with no Welsh leaves its cell blank."""

import csv
import io
import json

import pytest
from django.urls import reverse

from forums.models import Membership
from performance.selectors import OPEN_FIGURE_COLUMNS, OPEN_INDICATOR_COLUMNS
from tests.forums.factories import ForumFactory
from tests.performance.factories import PerformanceReturnFactory, publish

pytestmark = pytest.mark.django_db

EFFECTIVE_CY = "Cyfradd treialon effeithiol yn Llys y Goron"


def download(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


@pytest.fixture
def welsh_board(forum, data_submitter, secretariat):
    """The fixture board made a board in Wales, with a published quarter of figures."""
    forum.name_cy = "Bwrdd Cyfiawnder Troseddol Prawf"
    forum.save()
    hmcts = Membership.objects.get(person=data_submitter, forum=forum).agency
    PerformanceReturnFactory(
        forum=forum, agency=hmcts, code="2025-Q1", figures={"cc_effective_trial_rate": "61.5"}
    )
    publish(forum, "2025-Q1", secretariat)
    return forum


def test_a_welsh_boards_figures_name_the_indicator_in_welsh(client, welsh_board):
    url = reverse("performance:open-data-forum-file", args=[welsh_board.slug, "csv"])
    rows = list(csv.DictReader(io.StringIO(download(client, url))))
    assert rows
    for row in rows:
        assert row["indicator_name"] == "Crown Court effective trial rate"  # unchanged
        assert row["indicator_name_en"] == "Crown Court effective trial rate"
        assert row["indicator_name_cy"] == EFFECTIVE_CY
        assert row["forum_name"] == row["forum_name_en"] == welsh_board.name_en
        assert row["forum_name_cy"] == "Bwrdd Cyfiawnder Troseddol Prawf"


def test_the_new_columns_come_after_the_old_ones(client, welsh_board):
    names = [name for name, _, _ in OPEN_FIGURE_COLUMNS]
    assert names[:16] == [
        "forum",
        "forum_name",
        "indicator",
        "indicator_name",
        "unit",
        "period",
        "period_start",
        "period_end",
        "agency",
        "breakdown_dimension",
        "breakdown",
        "value",
        "numerator",
        "denominator",
        "provisional",
        "revised",
    ]
    header = next(csv.reader(io.StringIO(download(client, "/data/figures.csv"))))
    assert header == names


def test_a_board_with_no_welsh_name_leaves_the_welsh_cell_blank(
    client, forum, data_submitter, secretariat
):
    english_only = ForumFactory(name="Somewhere Criminal Justice Board")
    hmcts = Membership.objects.get(person=data_submitter, forum=forum).agency
    PerformanceReturnFactory(
        forum=english_only,
        agency=hmcts,
        code="2025-Q1",
        figures={"cc_effective_trial_rate": "55"},
    )
    publish(english_only, "2025-Q1", secretariat)
    url = reverse("performance:open-data-forum-file", args=[english_only.slug, "json"])
    data = json.loads(download(client, url))["data"]
    assert data
    assert {row["forum_name_cy"] for row in data} == {None}
    assert {row["indicator_name_cy"] for row in data} == {EFFECTIVE_CY}


def test_the_indicator_catalogue_is_in_both_languages(client):
    rows = {
        row["indicator"]: row
        for row in csv.DictReader(io.StringIO(download(client, "/data/indicators.csv")))
    }
    row = rows["witness_attendance_rate"]
    assert row["name"] == row["name_en"] == "Witness attendance rate"
    assert row["name_cy"] == "Cyfradd presenoldeb tystion"
    assert row["definition_cy"].startswith("Cyfran tystion yr erlyniad")
    assert all(row["name_cy"] for row in rows.values())
    assert [name for name, _, _ in OPEN_INDICATOR_COLUMNS][-4:] == [
        "name_en",
        "name_cy",
        "definition_en",
        "definition_cy",
    ]


def test_the_data_page_describes_the_welsh_columns(client):
    body = client.get(reverse("performance:open-data")).content.decode()
    assert "indicator_name_cy" in body
    assert "Name of the indicator in Welsh" in body


def test_the_api_gives_the_welsh_name_beside_the_english(client):
    response = client.get(reverse("api:indicator-detail", args=["witness_attendance_rate"]))
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Witness attendance rate"
    assert body["name_cy"] == "Cyfradd presenoldeb tystion"
