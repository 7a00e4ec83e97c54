"""The performance report PDF: every accepted figure for members, published ones for the public."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from pypdf import PdfReader

from forums import reports
from forums.models import GeneratedReport, Membership
from performance import periods
from performance.models import (
    Indicator,
    Measurement,
    PerformanceReturn,
    PeriodPublication,
    ReportingPeriod,
)

pytestmark = pytest.mark.django_db

SPEC = periods.recent_ended(periods.QUARTERLY, timezone.localdate(), 1)[0]


def _text(report):
    report.refresh_from_db()
    assert report.status == GeneratedReport.Status.READY, report.error
    with report.file.open("rb") as handle:
        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(handle.read())).pages)


@pytest.fixture
def period(forum, data_submitter):
    period = ReportingPeriod.objects.create(
        frequency=SPEC.frequency,
        start=SPEC.start,
        end=SPEC.end,
        due_date=SPEC.due_date,
        code=SPEC.code,
    )
    agency = Membership.objects.get(person=data_submitter).agency
    performance_return = PerformanceReturn.objects.create(
        forum=forum, agency=agency, period=period, status=PerformanceReturn.Status.ACCEPTED
    )
    indicator = Indicator.objects.get(slug="cc_effective_trial_rate")
    Measurement.objects.create(
        performance_return=performance_return, indicator=indicator, value=Decimal("47.5")
    )
    return period


def _ask(forum, period, audience, by, callbacks):
    with callbacks(execute=True):
        return reports.report_request(
            forum=forum, kind="performance_report", subject=str(period.pk), audience=audience, by=by
        )


def test_member_version_has_the_unpublished_figures(
    forum, period, member, django_capture_on_commit_callbacks
):
    text = _text(_ask(forum, period, "member", member, django_capture_on_commit_callbacks))
    assert "Crown Court effective trial rate" in text
    assert "47.5%" in text


def test_public_version_only_once_the_period_is_published(
    forum, period, member, secretariat, django_capture_on_commit_callbacks
):
    with pytest.raises(PermissionDenied):
        _ask(forum, period, "public", None, django_capture_on_commit_callbacks)
    unpublished = _text(_ask(forum, period, "public", member, django_capture_on_commit_callbacks))
    assert "47.5" not in unpublished
    PeriodPublication.objects.create(
        forum=forum,
        period=period,
        published_by=secretariat,
        published_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    published = _text(_ask(forum, period, "public", None, django_capture_on_commit_callbacks))
    assert "47.5%" in published
