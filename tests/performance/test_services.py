"""The return workflow, figures, targets, confirmation and publication."""

from decimal import Decimal as D

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from forums.models import Membership
from performance import periods
from performance.models import (
    Measurement,
    PerformanceReturn,
    PeriodPublication,
    ReportingPeriod,
)
from performance.services import (
    confirmation_record_reason,
    figures_confirm,
    period_publish,
    return_accept,
    return_reopen_for_revision,
    return_save_figures,
    return_send_back,
    return_start,
    return_submit,
    target_set,
)
from tests.membership.factories import AgencyFactory, agency_type
from tests.performance.factories import figure, hmcts_quarterly_slugs, indicator, period

pytestmark = pytest.mark.django_db
Status = PerformanceReturn.Status


def agency_of(person, forum):
    return Membership.objects.get(person=person, forum=forum).agency


@pytest.fixture
def draft(forum, data_submitter, secretariat):
    return return_start(
        forum=forum,
        agency=agency_of(data_submitter, forum),
        period=period("2026-Q2"),
        started_by=data_submitter,
    )


def complete(draft, person):
    figures = [figure(slug, 50) for slug in hmcts_quarterly_slugs(draft.forum)]
    return_save_figures(performance_return=draft, figures=figures, saved_by=person)


def test_return_start_is_idempotent(forum, data_submitter, draft):
    again = return_start(
        forum=forum, agency=draft.agency, period=draft.period, started_by=data_submitter
    )
    assert again.pk == draft.pk


def test_return_start_refuses_an_agency_not_on_the_forum(forum, data_submitter):
    stranger = AgencyFactory(agency_type=agency_type("hmcts"))
    with pytest.raises(ValidationError, match="does not sit on"):
        return_start(
            forum=forum, agency=stranger, period=period("2026-Q2"), started_by=data_submitter
        )


def test_a_refused_start_leaves_no_period_behind(forum, data_submitter):
    """A period nobody has used yet gets its row inside the start: refused, nothing is left."""
    spec = periods.parse_code("2031-Q3")
    stranger = AgencyFactory(agency_type=agency_type("hmcts"))
    with pytest.raises(ValidationError, match="does not sit on"):
        return_start(forum=forum, agency=stranger, period=spec, started_by=data_submitter)
    assert not ReportingPeriod.objects.filter(code="2031-Q3").exists()

    started = return_start(  # positive control
        forum=forum, agency=agency_of(data_submitter, forum), period=spec, started_by=data_submitter
    )
    assert started.period == ReportingPeriod.objects.get(code="2031-Q3")


def test_figures_are_checked_and_rates_computed(draft, data_submitter):
    return_save_figures(
        performance_return=draft,
        figures=[figure("cc_effective_trial_rate", numerator=D(30), denominator=D(60))],
        saved_by=data_submitter,
    )
    saved = Measurement.objects.get(performance_return=draft)
    assert saved.value == D("50")
    assert saved.history.count() == 1
    assert saved.history.first().history_user == data_submitter


def test_a_figure_for_an_indicator_the_agency_does_not_own_is_refused(draft, data_submitter):
    with pytest.raises(ValidationError, match="does not report"):
        return_save_figures(
            performance_return=draft,
            figures=[figure("police_charge_rate", 10)],
            saved_by=data_submitter,
        )
    assert not Measurement.objects.exists()


def test_bad_figures_save_nothing(draft, data_submitter):
    with pytest.raises(ValidationError) as error:
        return_save_figures(
            performance_return=draft,
            figures=[figure("cc_effective_trial_rate", 50), figure("mc_effective_trial_rate", 120)],
            saved_by=data_submitter,
        )
    assert "between 0 and 100" in str(error.value)
    assert not Measurement.objects.exists()


def test_submit_needs_every_owed_figure(draft, data_submitter):
    with pytest.raises(ValidationError, match="Enter a figure for"):
        return_submit(performance_return=draft, submitted_by=data_submitter)


def test_submit_tells_the_secretariat_and_cannot_happen_twice(
    draft, data_submitter, secretariat, django_capture_on_commit_callbacks
):
    complete(draft, data_submitter)
    with django_capture_on_commit_callbacks(execute=True):
        submitted = return_submit(performance_return=draft, submitted_by=data_submitter)
    assert submitted.status == Status.SUBMITTED
    assert [message.to for message in mail.outbox] == [[secretariat.email]]
    with pytest.raises(ValidationError, match="already been submitted"):
        return_submit(performance_return=submitted, submitted_by=data_submitter)


def test_return_sent_back_with_comments_then_resubmitted_and_accepted(
    draft, data_submitter, secretariat, django_capture_on_commit_callbacks
):
    complete(draft, data_submitter)
    return_submit(performance_return=draft, submitted_by=data_submitter)
    with pytest.raises(ValidationError):
        return_send_back(performance_return=draft, returned_by=secretariat, comments=" ")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        returned = return_send_back(
            performance_return=draft, returned_by=secretariat, comments="Check the cracked rate"
        )
    assert returned.status == Status.RETURNED
    assert data_submitter.email in mail.outbox[0].to
    assert "Check the cracked rate" in mail.outbox[0].body
    resubmitted = return_submit(performance_return=returned, submitted_by=data_submitter)
    assert resubmitted.status == Status.RESUBMITTED
    accepted = return_accept(performance_return=resubmitted, accepted_by=secretariat)
    assert accepted.status == Status.ACCEPTED
    with pytest.raises(ValidationError):
        return_accept(performance_return=accepted, accepted_by=secretariat)


def test_revision_after_acceptance_is_marked_and_keeps_history(draft, data_submitter, secretariat):
    complete(draft, data_submitter)
    return_submit(performance_return=draft, submitted_by=data_submitter)
    return_accept(performance_return=draft, accepted_by=secretariat)
    reopened = return_reopen_for_revision(
        performance_return=draft, reopened_by=data_submitter, reason="Late data from court"
    )
    assert reopened.status == Status.DRAFT and reopened.is_revised
    return_save_figures(
        performance_return=reopened,
        figures=[figure("cc_effective_trial_rate", 55)],
        saved_by=data_submitter,
    )
    measurement = Measurement.objects.get(
        performance_return=draft, indicator=indicator("cc_effective_trial_rate")
    )
    assert [h.value for h in measurement.history.order_by("history_date")] == [D(50), D(55)]
    assert return_submit(performance_return=reopened, submitted_by=data_submitter).status == (
        Status.RESUBMITTED
    )


def test_publication_waits_for_each_agency_to_confirm(draft, data_submitter, secretariat, forum):
    complete(draft, data_submitter)
    return_submit(performance_return=draft, submitted_by=data_submitter)
    with pytest.raises(ValidationError, match="no accepted figures"):
        period_publish(forum=forum, period=draft.period, published_by=secretariat)
    return_accept(performance_return=draft, accepted_by=secretariat)
    with pytest.raises(ValidationError, match="has not confirmed"):
        period_publish(forum=forum, period=draft.period, published_by=secretariat)
    figures_confirm(
        forum=forum, period=draft.period, agency=draft.agency, confirmed_by=data_submitter
    )
    period_publish(forum=forum, period=draft.period, published_by=secretariat)
    assert PeriodPublication.objects.filter(forum=forum, period=draft.period).exists()


def test_secretariat_records_why_an_agency_did_not_confirm(draft, secretariat, forum):
    with pytest.raises(ValidationError):
        confirmation_record_reason(
            forum=forum,
            period=draft.period,
            agency=draft.agency,
            reason="",
            recorded_by=secretariat,
        )
    confirmation = confirmation_record_reason(
        forum=forum,
        period=draft.period,
        agency=draft.agency,
        reason="Lead on leave; figures are the national statistics",
        recorded_by=secretariat,
    )
    assert not confirmation.confirmed


def test_target_set_updates_the_same_target(forum, secretariat):
    first = target_set(
        forum=forum,
        indicator=indicator("cc_effective_trial_rate"),
        period=period("FY2026-27"),
        value=D(55),
        amber_tolerance=D(5),
        set_by=secretariat,
    )
    second = target_set(
        forum=forum,
        indicator=indicator("cc_effective_trial_rate"),
        period=period("FY2026-27"),
        value=D(60),
        amber_tolerance=D(5),
        set_by=secretariat,
    )
    assert first.pk == second.pk and second.history.count() == 2
