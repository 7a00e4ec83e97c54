"""The annual report, PDF and HTML: published material only in the public version."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from forums import reports
from forums.models import GeneratedReport, Membership
from priorities.models import AnnualEvaluation, EvaluationOutcome
from tests.priorities.factories import PriorityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def year(forum, chair, member):
    Membership.objects.filter(forum=forum).update(start_date=datetime.date(2025, 1, 1))
    agreed = PriorityFactory(
        forum=forum, plan_year=2025, title="Swifter justice for victims", agreed=True
    )
    PriorityFactory(forum=forum, plan_year=2025, title="Draft idea about bail hostels")
    evaluation = AnnualEvaluation.objects.create(
        forum=forum, plan_year=2025, summary="A year of steady progress."
    )
    EvaluationOutcome.objects.create(
        evaluation=evaluation,
        priority=agreed,
        outcome=EvaluationOutcome.Outcome.PARTLY_MET,
        narrative="Waiting times fell by a tenth.",
        next_action="Extend the listing pilot.",
    )
    return evaluation


def _ask(forum, audience, by, callbacks, fmt="pdf"):
    with callbacks(execute=True):
        return reports.report_request(
            forum=forum, kind="annual_report", subject="2025", audience=audience, fmt=fmt, by=by
        )


def _pdf_text(report):
    report.refresh_from_db()
    assert report.status == GeneratedReport.Status.READY, report.error
    with report.file.open("rb") as handle:
        pages = PdfReader(io.BytesIO(handle.read())).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def test_member_version_shows_the_draft_evaluation(
    forum, year, member, django_capture_on_commit_callbacks
):
    text = _pdf_text(_ask(forum, "member", member, django_capture_on_commit_callbacks))
    assert "Swifter justice for victims" in text
    assert "partly met" in text.lower()
    assert "Extend the listing pilot." in text
    assert "Draft idea" not in text  # only agreed priorities are reported
    assert member.full_name in text


def test_public_version_waits_for_the_chairs_approval_then_leaves_out_drafts_and_names(
    client, forum, year, member, chair, django_capture_on_commit_callbacks
):
    with pytest.raises(PermissionDenied):
        _ask(forum, "public", None, django_capture_on_commit_callbacks)
    url = reverse("reports:public", args=[forum.slug, "annual_report", "2025", "html"])
    assert client.get(url).status_code == 404
    year.status = AnnualEvaluation.Status.APPROVED
    year.approved_by = chair
    year.approved_at = timezone.now()
    year.save()
    text = _pdf_text(_ask(forum, "public", None, django_capture_on_commit_callbacks))
    assert "Swifter justice for victims" in text and "partly met" in text.lower()
    assert "Draft idea" not in text
    assert member.full_name not in text  # no consent to publish names

    with django_capture_on_commit_callbacks(execute=True):
        client.get(url)
    response = client.get(url)
    assert response.status_code == 200
    html = b"".join(response.streaming_content).decode()
    assert '<html lang="en-GB">' in html and "<title>Annual report" in html
    assert "Swifter justice for victims" in html and "Draft idea" not in html
