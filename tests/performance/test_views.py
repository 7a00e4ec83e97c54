"""Workspace and public performance pages: who may see what, and what they see."""

import pytest
from django.urls import reverse

from forums.models import Membership
from performance.models import Measurement, PerformanceReturn, Target
from tests.forums.factories import ForumFactory, MembershipFactory
from tests.membership.factories import AgencyFactory, agency_type
from tests.performance.factories import PerformanceReturnFactory, indicator, period, publish

pytestmark = pytest.mark.django_db
Status = PerformanceReturn.Status


def agency_of(person, forum):
    return Membership.objects.get(person=person, forum=forum).agency


@pytest.fixture
def hmcts(forum, data_submitter):
    return agency_of(data_submitter, forum)


@pytest.fixture
def published_and_not(forum, hmcts, secretariat):
    """2025-Q1 published (61.5%), 2025-Q2 accepted but not published (48.25%)."""
    PerformanceReturnFactory(
        forum=forum, agency=hmcts, code="2025-Q1", figures={"cc_effective_trial_rate": "61.5"}
    )
    PerformanceReturnFactory(
        forum=forum, agency=hmcts, code="2025-Q2", figures={"cc_effective_trial_rate": "48.25"}
    )
    publish(forum, "2025-Q1", secretariat)
    for year in ("FY2024-25", "FY2025-26"):
        Target.objects.create(
            forum=forum,
            indicator=indicator("cc_effective_trial_rate"),
            period=period(year),
            value=55,
            amber_tolerance=5,
        )


def dashboard_url(forum):
    return reverse("performance:workspace-dashboard", args=[forum.slug])


def test_anonymous_is_sent_to_sign_in(client, forum):
    response = client.get(dashboard_url(forum))
    assert response.status_code == 302 and "/accounts/" in response["Location"]


def test_other_forum_member_gets_404(other_forum_member_client, member_client, forum):
    assert member_client.get(dashboard_url(forum)).status_code == 200
    assert other_forum_member_client.get(dashboard_url(forum)).status_code == 404


def test_data_submitter_is_taken_to_their_returns_not_the_dashboard(data_submitter_client, forum):
    response = data_submitter_client.get(dashboard_url(forum))
    assert response.status_code == 302
    assert response["Location"] == reverse("performance:returns", args=[forum.slug])
    victims = reverse("performance:workspace-victims-code", args=[forum.slug])
    assert data_submitter_client.get(victims).status_code == 403


def test_guest_without_an_agency_may_not_see_figures(client, member_client, forum):
    assert member_client.get(dashboard_url(forum)).status_code == 200
    guest = MembershipFactory(forum=forum, role=Membership.Role.GUEST, agency=None).person
    client.force_login(guest)
    assert client.get(dashboard_url(forum)).status_code == 403


@pytest.mark.parametrize(
    "role_client", ["member_client", "advisory_client", "secretariat_client", "chair_client"]
)
def test_members_see_unpublished_figures(request, role_client, forum, published_and_not):
    response = request.getfixturevalue(role_client).get(dashboard_url(forum))
    assert response.status_code == 200
    body = response.content.decode()
    assert "48.2%" in body  # the unpublished quarter is the latest
    assert "Off target" in body  # 48.25 against 55 with tolerance 5
    assert "<svg" in body and "Figures as a table" in body


def test_public_dashboard_shows_only_published_periods(client, forum, published_and_not):
    response = client.get(reverse("performance:public-dashboard", args=[forum.slug]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "61.5%" in body and "On target" in body
    assert "48.2" not in body


def test_private_forum_has_no_public_dashboard(client, forum):
    private = ForumFactory(is_public=False)
    for board, status in ((forum, 200), (private, 404)):
        url = reverse("performance:public-dashboard", args=[board.slug])
        assert client.get(url).status_code == status


def test_public_indicator_page_compares_areas(client, forum, published_and_not, secretariat):
    elsewhere = ForumFactory(name="Durham Criminal Justice Board")
    PerformanceReturnFactory(
        forum=elsewhere,
        agency=AgencyFactory(agency_type=agency_type("hmcts")),
        code="2025-Q1",
        figures={"cc_effective_trial_rate": "71.5"},
    )
    publish(elsewhere, "2025-Q1", secretariat)
    url = reverse("performance:public-indicator", args=[forum.slug, "cc_effective_trial_rate"])
    body = client.get(url).content.decode()
    assert "Durham Criminal Justice Board" in body and "71.5%" in body
    assert "66.5%" in body  # the average of 61.5 and 71.5


def test_victims_code_view_lists_the_twelve_rights(member_client, forum):
    response = member_client.get(reverse("performance:workspace-victims-code", args=[forum.slug]))
    assert response.status_code == 200
    assert response.content.decode().count("Right ") >= 12


# --- returns ---------------------------------------------------------------------------------


@pytest.fixture
def hmcts_return(forum, hmcts, data_submitter):
    return PerformanceReturnFactory(
        forum=forum, agency=hmcts, code="2026-Q2", draft=True, created_by=data_submitter
    )


def return_url(name, forum, performance_return):
    return reverse(f"performance:{name}", args=[forum.slug, performance_return.pk])


@pytest.fixture
def police_submitter_client(forum, client):
    person = MembershipFactory(
        forum=forum,
        role=Membership.Role.DATA_SUBMITTER,
        agency=AgencyFactory(agency_type=agency_type("police")),
    ).person
    client.force_login(person)
    return client


def test_data_submitter_of_another_agency_gets_404(
    police_submitter_client, data_submitter_client, forum, hmcts_return
):
    for name in ("return-detail", "return-edit"):
        url = return_url(name, forum, hmcts_return)
        assert data_submitter_client.get(url).status_code == 200, name  # HMCTS's own
        assert police_submitter_client.get(url).status_code == 404, name


def test_returns_overview_shows_a_submitter_only_their_agency(
    police_submitter_client, forum, hmcts_return
):
    response = police_submitter_client.get(reverse("performance:returns", args=[forum.slug]))
    police = response.context["user"].memberships.get(forum=forum).agency
    assert police.name.encode() in response.content
    assert hmcts_return.agency.name.encode() not in response.content


def test_member_sees_but_cannot_edit_another_agencys_return(member_client, forum, hmcts_return):
    assert member_client.get(return_url("return-detail", forum, hmcts_return)).status_code == 200
    assert member_client.get(return_url("return-edit", forum, hmcts_return)).status_code == 403


def test_other_forum_member_gets_404_for_a_return(
    other_forum_member_client, member_client, forum, hmcts_return
):
    url = return_url("return-detail", forum, hmcts_return)
    assert member_client.get(url).status_code == 200
    assert other_forum_member_client.get(url).status_code == 404


def test_web_form_keeps_figures_typed_and_explains_each_error(
    data_submitter_client, forum, hmcts_return
):
    response = data_submitter_client.post(
        return_url("return-edit", forum, hmcts_return),
        {
            "cc_effective_trial_rate__value": "145",
            "mc_effective_trial_rate__value": "lots",
            "cc_outstanding_caseload__value": "1200",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in body
    assert "A percentage must be between 0 and 100" in body
    assert "must be a number" in body
    assert 'value="145"' in body and 'value="lots"' in body and 'value="1200"' in body
    assert not Measurement.objects.exists()


def test_web_form_saves_figures_and_computes_rates(data_submitter_client, forum, hmcts_return):
    response = data_submitter_client.post(
        return_url("return-edit", forum, hmcts_return),
        {
            "cc_effective_trial_rate__numerator": "30",
            "cc_effective_trial_rate__denominator": "40",
            "cc_outstanding_caseload__value": "1,200",
            "cc_outstanding_caseload__provisional": "on",
        },
    )
    assert response.status_code == 302
    saved = {m.indicator.slug: m for m in Measurement.objects.select_related("indicator")}
    assert saved["cc_effective_trial_rate"].value == 75
    assert saved["cc_outstanding_caseload"].is_provisional


def test_submit_refuses_an_incomplete_return(data_submitter_client, forum, hmcts_return):
    response = data_submitter_client.post(
        return_url("return-submit", forum, hmcts_return), follow=True
    )
    assert "Enter a figure for" in response.content.decode()
    hmcts_return.refresh_from_db()
    assert hmcts_return.status == Status.DRAFT


def test_secretariat_reviews_a_submitted_return(secretariat_client, forum, hmcts_return):
    hmcts_return.status = Status.SUBMITTED
    hmcts_return.save()
    url = return_url("return-review", forum, hmcts_return)
    response = secretariat_client.post(url, {"decision": "return", "comments": ""})
    assert "Say what the agency needs to correct" in response.content.decode()
    response = secretariat_client.post(url, {"decision": "return", "comments": "Check Q2"})
    assert response.status_code == 302
    hmcts_return.refresh_from_db()
    assert hmcts_return.status == Status.RETURNED


@pytest.mark.parametrize(
    "role_client", ["member_client", "advisory_client", "data_submitter_client"]
)
def test_only_the_secretariat_reviews(
    request, role_client, secretariat_client, forum, hmcts_return
):
    hmcts_return.status = Status.SUBMITTED
    hmcts_return.save()
    client = request.getfixturevalue(role_client)
    url = return_url("return-review", forum, hmcts_return)
    assert secretariat_client.get(url).status_code == 200
    assert client.get(url).status_code == 403


def test_data_submitter_starts_a_return_from_the_overview(data_submitter_client, forum, hmcts):
    response = data_submitter_client.post(
        reverse("performance:return-start", args=[forum.slug]),
        {"agency": hmcts.pk, "period": "2026-Q2"},
    )
    assert response.status_code == 302
    assert PerformanceReturn.objects.filter(forum=forum, agency=hmcts).exists()


def test_data_submitter_cannot_start_another_agencys_return(data_submitter_client, forum, hmcts):
    police = AgencyFactory(agency_type=agency_type("police"))
    MembershipFactory(forum=forum, agency=police)
    url = reverse("performance:return-start", args=[forum.slug])
    response = data_submitter_client.post(url, {"agency": police.pk, "period": "2026-Q2"})
    assert response.status_code == 403
    assert not PerformanceReturn.objects.filter(forum=forum, agency=police).exists()
    response = data_submitter_client.post(url, {"agency": hmcts.pk, "period": "2026-Q2"})
    assert response.status_code == 302  # their own agency's


def test_returns_overview_shows_late_and_waiting(secretariat_client, forum, hmcts, data_submitter):
    PerformanceReturnFactory(forum=forum, agency=hmcts, code="2026-Q2", submitted=True)
    body = secretariat_client.get(
        reverse("performance:returns", args=[forum.slug])
    ).content.decode()
    assert "Not started" in body and "Late" in body and "Review" in body


# --- publication ---------------------------------------------------------------------------


def test_secretariat_publishes_after_confirmation(secretariat_client, member_client, forum, member):
    cps = agency_of(member, forum)
    PerformanceReturnFactory(
        forum=forum, agency=cps, code="2025-Q3", figures={"cps_conviction_rate_cc": "80"}
    )
    publish_url = reverse("performance:period-publish", args=[forum.slug, "2025-Q3"])
    response = secretariat_client.post(publish_url, follow=True)
    assert "has not confirmed its figures" in response.content.decode()
    member_client.post(reverse("performance:period-confirm", args=[forum.slug, "2025-Q3", cps.pk]))
    secretariat_client.post(publish_url)
    assert forum.period_publications.filter(period__code="2025-Q3").exists()


def test_member_cannot_publish(member_client, secretariat_client, forum, member):
    cps = agency_of(member, forum)
    PerformanceReturnFactory(
        forum=forum, agency=cps, code="2025-Q3", figures={"cps_conviction_rate_cc": "80"}
    )
    member_client.post(reverse("performance:period-confirm", args=[forum.slug, "2025-Q3", cps.pk]))
    url = reverse("performance:period-publish", args=[forum.slug, "2025-Q3"])
    assert member_client.post(url).status_code == 403
    assert not forum.period_publications.exists()
    secretariat_client.post(url)
    assert forum.period_publications.filter(period__code="2025-Q3").exists()


def test_secretariat_adds_a_local_indicator_that_its_agencies_then_owe(
    secretariat_client, data_submitter_client, forum, hmcts
):
    url = reverse("performance:indicator-create", args=[forum.slug])
    response = secretariat_client.post(url, {})
    assert "Enter the name of the indicator" in response.content.decode()
    response = secretariat_client.post(
        url,
        {
            "name": "Trials with an interpreter booked late",
            "definition": "Share of trials where the interpreter was booked under 48 hours ahead.",
            "unit": "percent",
            "polarity": "lower_is_better",
            "frequency": "quarterly",
            "responsible_agency_type": hmcts.agency_type.pk,
        },
    )
    assert response.status_code == 302
    performance_return = PerformanceReturnFactory(
        forum=forum, agency=hmcts, code="2026-Q2", draft=True
    )
    form = data_submitter_client.get(return_url("return-edit", forum, performance_return))
    assert "Trials with an interpreter booked late" in form.content.decode()
    catalogue = secretariat_client.get(reverse("performance:indicators", args=[forum.slug]))
    assert "Trials with an interpreter booked late" in catalogue.content.decode()


@pytest.mark.parametrize("role_client", ["member_client", "advisory_client"])
def test_only_the_secretariat_adds_local_indicators(
    request, role_client, secretariat_client, forum
):
    url = reverse("performance:indicator-create", args=[forum.slug])
    assert secretariat_client.get(url).status_code == 200
    assert request.getfixturevalue(role_client).get(url).status_code == 403


def test_secretariat_sets_a_target_and_mistakes_are_explained(secretariat_client, forum):
    url = reverse("performance:targets", args=[forum.slug])
    chosen = indicator("cc_effective_trial_rate")
    response = secretariat_client.post(
        url,
        {"indicator": chosen.pk, "period": "next year", "value": "lots", "amber_tolerance": "-1"},
    )
    body = response.content.decode()
    assert "Enter the period like FY2026-27" in body
    assert "The target must be a number" in body
    assert "cannot be negative" in body
    assert 'value="next year"' in body
    response = secretariat_client.post(
        url,
        {"indicator": chosen.pk, "period": "FY2026-27", "value": "60", "amber_tolerance": "2.5"},
    )
    assert response.status_code == 302
    assert Target.objects.get(forum=forum, indicator=chosen).value == 60


def test_member_sees_targets_but_cannot_set_them(member_client, forum):
    url = reverse("performance:targets", args=[forum.slug])
    assert member_client.get(url).status_code == 200
    assert member_client.post(url, {}).status_code == 403
