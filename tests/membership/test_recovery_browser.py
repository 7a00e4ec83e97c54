"""Two-factor set-up, backup codes and signing in with one, in real Chromium, checked with axe."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from forums.models import Membership
from membership import security
from tests.browser import assert_accessible, current_code
from tests.forums.factories import ForumFactory, MembershipFactory
from tests.membership.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def enter_password(page, base_url, email):
    page.goto(base_url + "/accounts/sign-in/?next=/workspace/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_secretariat_sets_up_two_factor_keeps_backup_codes_and_signs_in_with_one(live_server, page):
    person = UserFactory(email="clerk@example.org")
    MembershipFactory(forum=ForumFactory(), person=person, role=Membership.Role.SECRETARIAT)

    enter_password(page, live_server.url, person.email)
    page.wait_for_url("**/accounts/account/two-factor/**")
    expect(page.get_by_text("required for your role as secretariat")).to_be_visible()
    assert_accessible(page)
    device = TOTPDevice.objects.get(user=person, confirmed=False)
    page.get_by_label("Code from your authenticator app").fill(current_code(device))
    page.get_by_role("button", name="Turn on").click()

    page.wait_for_url("**/two-factor/backup-codes/**")
    expect(page.get_by_text("This is the only time you will see these codes")).to_be_visible()
    assert_accessible(page)
    codes = page.get_by_role("list", name="Backup codes").locator("code").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="I have kept my backup codes, continue").click()
    page.wait_for_url("**/workspace/")

    page.context.clear_cookies()
    enter_password(page, live_server.url, person.email)
    page.wait_for_url("**/accounts/sign-in/code/**")
    page.get_by_label("Code from your authenticator app, or a backup code").fill("wxyz wxyz")
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    expect(page.get_by_text("That backup code is not right").first).to_be_visible()
    assert_accessible(page)

    security.backup_device(person).throttle_reset()  # a wrong code makes the next one wait
    page.get_by_label("Code from your authenticator app, or a backup code").fill(codes[0])
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/workspace/")
    expect(page.get_by_text("You have 9 backup codes left")).to_be_visible()

    page.goto(live_server.url + "/accounts/account/")
    expect(page.get_by_text("so you cannot turn it off")).to_be_visible()
    assert_accessible(page)
