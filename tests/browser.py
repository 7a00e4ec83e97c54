"""Helpers for browser tests: axe-core accessibility checks in the real Chromium."""

import time

from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def assert_accessible(page) -> None:
    """No WCAG 2.2 A or AA violation that axe can find on the page as it is now."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def current_code(device) -> str:
    """The code an authenticator app with this device's secret shows now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():06d}"


def sign_in(page, base_url: str, email: str, password: str) -> None:
    """Sign in through the pages, entering the code (or setting two-factor up) when asked."""
    page.goto(base_url + "/accounts/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if "/accounts/sign-in/code/" in page.url:
        device = TOTPDevice.objects.get(user__email=email, confirmed=True)
        device.throttle_reset()
        device.last_t = -1  # a code is single-use: let this test sign in again in one window
        device.save(update_fields=["last_t"])
        page.get_by_label("Code from your authenticator app").fill(current_code(device))
        page.get_by_role("button", name="Continue").click()
    elif "/accounts/account/two-factor/" in page.url:
        device = TOTPDevice.objects.get(user__email=email, confirmed=False)
        page.get_by_label("Code from your authenticator app").fill(current_code(device))
        page.get_by_role("button", name="Turn on").click()
        page.get_by_role("link", name="I have kept my backup codes, continue").click()
    page.wait_for_url("**/workspace/")
