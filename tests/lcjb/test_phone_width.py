"""On a 375 px phone no page scrolls sideways: every page the site crawl reaches, for the public,
a member and the secretariat, is no wider than the screen in real Chromium (wide tables scroll
inside their own box), and axe finds nothing (every rule it has, best practice too) on one page of
each kind, at that width and again at a desktop's 1280 px."""

from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import Error as PlaywrightError

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


def _personal(url: str) -> bool:
    """A page of the signed-in person's own: its look depends on who reads it."""
    path = urlsplit(url).path.removeprefix("/cy")
    return path.startswith(("/workspace/", "/accounts/"))


def _check(browser, base_url: str, client, role, pages: list[str]) -> list[str]:
    """Each page no wider than the phone; axe on one page of each kind at both widths."""
    context = phone_for(browser, base_url, client, role)
    page = context.new_page()
    checked_by_axe = set(one_per_pattern(pages))
    too_wide, violations = [], []
    for url in pages:
        try:
            response = page.goto(base_url + url)
        except PlaywrightError as error:
            if "Download is starting" in str(error):
                continue  # a report that was being made when crawled, and is a file now
            raise
        assert response is not None and response.status == 200, f"{url}: {response.status}"
        assert page.url.startswith(base_url + url.split("?")[0]), f"{url} → {page.url}"
        if (width := page.evaluate(WIDTH)) > PHONE["width"]:
            too_wide.append(f"{url}: {width} px wide ({page.evaluate(WIDE)})")
        if url in checked_by_axe:
            violations += [f"375 px {report}"] if (report := axe_report(page)) else []
            page.set_viewport_size(DESKTOP)
            violations += [f"1280 px {report}"] if (report := axe_report(page)) else []
            page.set_viewport_size(PHONE)
    context.close()
    who = role or "the public"
    problems = [f"as {who}, wider than a 375 px phone:", *too_wide] if too_wide else []
    return problems + [f"as {who}: {report}" for report in violations]


def test_every_page_fits_a_phone_and_passes_axe_on_a_phone_and_a_desktop(live_server, browser):
    """The demo is seeded once for the three readers. A public-site page the public's crawl
    already checked is not checked again for a signed-in reader (the same page, bar the
    header, which every workspace page checks); their own pages are checked for each."""
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    problems, public_pages = [], set()
    for role in ROLES:
        client = client_for(role)
        pages = html_pages(client, role)
        assert len(pages) > 20, (role, pages)
        if role is None:
            public_pages.update(pages)
        else:
            pages = [url for url in pages if _personal(url) or url not in public_pages]
        problems += _check(browser, live_server.url, client, role, pages)
    assert not problems, "\n\n".join(problems)
