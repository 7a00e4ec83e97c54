"""The performance dashboards in real Chromium, checked with axe (WCAG 2.2 AA)."""

import pytest

from forums.models import Membership
from performance.models import Target
from tests.browser import assert_accessible, assert_error_title, sign_in
from tests.membership.factories import PASSWORD
from tests.performance.factories import PerformanceReturnFactory, indicator, period, publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_dashboards_are_accessible_and_show_charts_with_tables(
    live_server, page, browser, forum, secretariat, data_submitter
):
    hmcts = Membership.objects.get(person=data_submitter, forum=forum).agency
    for number, code in enumerate(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"]):
        PerformanceReturnFactory(
            forum=forum,
            agency=hmcts,
            code=code,
            figures={"cc_effective_trial_rate": str(50 + number), "cc_outstanding_caseload": "900"},
        )
        publish(forum, code, secretariat)
    Target.objects.create(
        forum=forum,
        indicator=indicator("cc_effective_trial_rate"),
        period=period("FY2025-26"),
        value=55,
        amber_tolerance=2,
    )

    page.goto(f"{live_server.url}/forums/{forum.slug}/performance/")
    assert page.get_by_role("heading", level=1).inner_text() == "Performance"
    assert page.get_by_role("img", name="Trend: Crown Court effective trial rate").is_visible()
    page.get_by_text("Figures as a table").first.click()
    assert page.get_by_role("table", name="Crown Court effective trial rate: figures by period")
    assert_accessible(page)

    sign_in(page, live_server.url, secretariat.email, PASSWORD)
    page.goto(f"{live_server.url}/workspace/forums/{forum.slug}/performance/")
    assert "Off target" in page.content() or "Near target" in page.content()
    assert_accessible(page)
    page.goto(f"{live_server.url}/workspace/forums/{forum.slug}/performance/returns/")
    assert_accessible(page)

    # A data submitter's figures form, with a mistake: the error summary and the kept figures.
    draft = PerformanceReturnFactory(forum=forum, agency=hmcts, code="2026-Q2", draft=True)
    submitter_page = browser.new_context(locale="en-GB").new_page()
    sign_in(submitter_page, live_server.url, data_submitter.email, PASSWORD)
    submitter_page.goto(
        f"{live_server.url}/workspace/forums/{forum.slug}/performance/returns/{draft.pk}/figures/"
    )
    submitter_page.locator("#id_cc_effective_trial_rate__value").fill("120")
    submitter_page.get_by_role("button", name="Save figures").click()
    assert_error_title(submitter_page)
    assert submitter_page.locator("#id_cc_effective_trial_rate__value").input_value() == "120"
    assert_accessible(submitter_page)
    submitter_page.goto(
        f"{live_server.url}/workspace/forums/{forum.slug}/performance/returns/{draft.pk}/upload/"
    )
    assert_accessible(submitter_page)
    submitter_page.context.close()
