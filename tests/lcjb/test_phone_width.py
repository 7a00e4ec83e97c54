"""On a 375 px phone no page scrolls sideways: every page the site crawl reaches, for the public,
a member and the secretariat, is no wider than the screen in real Chromium (wide tables scroll
inside their own box), and axe finds nothing (every rule it has, best practice too) on one page of
each kind, at that width and again at a desktop's 1280 px."""

import pytest
from django.core.management import call_command

from tests.browser import axe_report
from tests.lcjb.test_site_crawl import client_for, crawl, is_download, one_per_pattern

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 800}
ROLES = [None, "member", "secretariat"]


def html_pages(client, role) -> list[str]:
    """Every HTML page the crawl reached as this person (its URL discovery, its limits)."""
    starts = ["/", "/feeds/", "/data/"] if role is None else ["/workspace/", "/"]
    found = crawl(client, starts, anonymous=role is None)
    assert not found.problems, "\n".join(found.problems)
    return [
        url
        for url, body in found.bodies.items()
        if "<html" in body[:300] and not is_download(url)  # a report being made, then a file
    ]


def phone_for(browser, base_url: str, client, role):
    """A phone-sized browser signed in as the crawl's client was (the same session)."""
    context = browser.new_context(locale="en-GB", viewport=PHONE)
    if role:
        cookie = client.cookies["sessionid"]
        context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": base_url}])
    return context


WIDTH = "() => document.documentElement.scrollWidth"
# The elements that stick out past the screen, outside any box that scrolls: what to fix.
WIDE = """() => [...document.querySelectorAll("body *")].filter((element) => {
  if (element.getBoundingClientRect().right <= window.innerWidth + 1) return false;
  const page = [document.body, document.documentElement];
  for (let up = element.parentElement; up && !page.includes(up); up = up.parentElement) {
    if (getComputedStyle(up).overflowX !== "visible") return false;
  }
  return true;
}).slice(0, 3).map((e) => `<${e.tagName.toLowerCase()} class="${e.className}">`).join(", ")"""


@pytest.mark.parametrize("role", ROLES, ids=["public", "member", "secretariat"])
def test_every_page_fits_a_phone_and_passes_axe_on_a_phone_and_a_desktop(
    live_server, browser, role
):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    client = client_for(role)
    pages = html_pages(client, role)
    assert len(pages) > 20, pages
    context = phone_for(browser, live_server.url, client, role)
    page = context.new_page()
    checked_by_axe = set(one_per_pattern(pages))
    too_wide, violations = [], []
    for url in pages:
        response = page.goto(live_server.url + url)
        assert response is not None and response.status == 200, f"{url}: {response.status}"
        assert page.url.startswith(live_server.url + url.split("?")[0]), f"{url} → {page.url}"
        if (width := page.evaluate(WIDTH)) > PHONE["width"]:
            too_wide.append(f"{url}: {width} px wide ({page.evaluate(WIDE)})")
        if url in checked_by_axe:
            violations += [f"375 px {report}"] if (report := axe_report(page)) else []
            page.set_viewport_size(DESKTOP)
            violations += [f"1280 px {report}"] if (report := axe_report(page)) else []
            page.set_viewport_size(PHONE)
    context.close()
    problems = ["wider than a 375 px phone:", *too_wide] if too_wide else []
    assert not problems + violations, "\n\n".join(problems + violations)
