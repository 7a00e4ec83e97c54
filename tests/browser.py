"""Helpers for browser tests: axe-core accessibility checks in the real Chromium."""

import re
import time

from axe_playwright_python.sync_playwright import Axe, AxeResults
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

AXE = Axe()
# The one place that says which rules a page is checked against: every rule axe-core has, not
# only those tagged WCAG 2.2 A/AA (best practice, experimental, deprecated and AAA ones too), but
# for the AAA enhanced contrast (7:1), which GOV.UK Frontend's own colours do not reach (its link
# blue is 5.2:1): the accessibility statement says so.
NOT_CHECKED = ["color-contrast-enhanced"]
RUN_EVERY_RULE = """(notChecked) => axe.run(document, {
  runOnly: {
    type: "rule",
    values: axe.getRules().map((rule) => rule.ruleId).filter((id) => !notChecked.includes(id)),
  },
  resultTypes: ["violations"],
})"""


# One finding is GOV.UK Frontend's on purpose: a radio that reveals a question carries
# aria-expanded, which ARIA allows on no radio, because screen readers do announce it
# (alphagov/govuk-frontend#979, a known issue it keeps). That node alone is let through.
GOVUK_REVEALING_RADIO = re.compile(
    r'<input type="radio" [^>]*class="govuk-radios__input"[^>]*aria-controls="[^"]+" '
    r'aria-expanded="(true|false)">'
)


def govuk_own(rule: str, node: dict) -> bool:
    failed = [check["message"] for part in ("all", "any", "none") for check in node[part]]
    return (
        rule == "aria-allowed-attr"
        and GOVUK_REVEALING_RADIO.fullmatch(node["html"]) is not None
        and all(
            message.endswith(('aria-expanded="false"', 'aria-expanded="true"'))
            for message in failed
        )
    )


def axe_results(page) -> AxeResults:
    """What axe finds on the page as it is now, checked against every rule it has (but one),
    without GOV.UK Frontend's own aria-expanded on revealing radios."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.axe_script)
    response = page.evaluate(RUN_EVERY_RULE, NOT_CHECKED)
    for violation in response["violations"]:
        violation["nodes"] = [n for n in violation["nodes"] if not govuk_own(violation["id"], n)]
    response["violations"] = [v for v in response["violations"] if v["nodes"]]
    return AxeResults(response)


def axe_report(page) -> str:
    """The page's axe violations as a readable report, or "" when there are none."""
    results = axe_results(page)
    return f"{page.url}\n{results.generate_report()}" if results.violations_count else ""


def assert_accessible(page) -> None:
    """No violation of any axe rule (WCAG 2.2 A/AA, best practice and the rest) on the page
    as it is now."""
    report = axe_report(page)
    assert not report, report


def assert_error_title(page) -> None:
    """The page that came back says "Error:" first in its title (GOV.UK's pattern), waiting
    for it to arrive: read straight after a click, the title may still be the old page's, or
    empty while the next one loads."""
    expect(page).to_have_title(re.compile(r"^Error:"))


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
