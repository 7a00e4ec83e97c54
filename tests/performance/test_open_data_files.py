"""The all-areas figures file is written once per change of the public record and sent from
disk; a publication or any public change writes a fresh one, never a stale or partial file."""

import pytest
from django.urls import reverse

from forums.models import Membership
from performance.views.open_data import all_figures_csv_path
from tests.performance.factories import PerformanceReturnFactory, publish

pytestmark = pytest.mark.django_db


def _download(client) -> str:
    response = client.get(reverse("performance:open-data-file", args=["figures", "csv"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="figures.csv"'
    return b"".join(response.streaming_content).decode()


def test_the_file_is_kept_until_the_public_record_changes(
    client, forum, data_submitter, secretariat
):
    hmcts = Membership.objects.get(person=data_submitter, forum=forum).agency
    PerformanceReturnFactory(
        forum=forum, agency=hmcts, code="2025-Q1", figures={"cc_effective_trial_rate": "61.5"}
    )
    publish(forum, "2025-Q1", secretariat)
    first = _download(client)
    assert "61.5" in first
    kept = all_figures_csv_path()
    written = kept.stat().st_mtime_ns
    assert _download(client) == first
    assert all_figures_csv_path().stat().st_mtime_ns == written  # sent, not written again
    PerformanceReturnFactory(
        forum=forum, agency=hmcts, code="2025-Q2", figures={"cc_effective_trial_rate": "70.25"}
    )
    unpublished = _download(client)
    assert "70.25" not in unpublished  # accepted but not published: never in the file
    publish(forum, "2025-Q2", secretariat)
    assert "70.25" in _download(client)
    assert not kept.exists()  # the old version is removed
    assert len(list(kept.parent.glob("figures-*.csv"))) == 1
    assert not list(kept.parent.glob(".figures-*"))  # no half-written file left behind
