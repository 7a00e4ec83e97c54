"""A person in real Chromium: home page, sign in as a demo user, sign out — axe on every page."""

import pytest
from django.core.management import call_command

from tests.browser import assert_accessible, assert_error_title

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_in_and_out_as_a_demo_member_with_no_accessibility_violations(live_server, page):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    page.goto(live_server.url + "/")
    assert page.title().endswith("LCJB Forum Manager")
    assert_accessible(page)

    page.get_by_role("link", name="Sign in").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Sign in"
    assert_accessible(page)

    page.get_by_label("Email address").fill("member@demo.lcjb.example")
    page.get_by_label("Password").fill("demo-password-2026")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/workspace/")
    assert "Cleveland Criminal Justice Board" in page.content()
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Sign in").first.is_visible()
    assert_accessible(page)


def test_wrong_password_shows_error_summary_that_is_accessible(live_server, page):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    page.goto(live_server.url + "/accounts/sign-in/")
    page.get_by_label("Email address").fill("member@demo.lcjb.example")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    assert_error_title(page)
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)
