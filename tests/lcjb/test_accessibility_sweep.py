"""One page of each main kind in real Chromium with the demo data: no violation of any axe rule
(WCAG 2.2 A/AA, best practice and the rest), for the secretariat of the Cleveland board and for
the public, in English and (for a Welsh board) in Welsh."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from membership.demo import DEMO_PASSWORD, demo_email
from tests.browser import axe_report, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "cleveland-cjb"


def demo_objects():
    from forums.models import Meeting, Minutes
    from priorities.models import Priority

    meeting = Meeting.objects.filter(forum__slug=SLUG, agenda_items__isnull=False).first()
    minuted = Minutes.objects.filter(meeting__forum__slug=SLUG).select_related("meeting")
    published = minuted.filter(status=Minutes.Status.PUBLISHED).first().meeting
    priority = Priority.objects.filter(forum__slug=SLUG).first()
    return (
        meeting,
        minuted.exclude(status=Minutes.Status.PUBLISHED).first().meeting,
        published,
        priority,
    )


def secretariat_pages() -> dict[str, str]:
    meeting, minuted, _, priority = demo_objects()
    return {
        "workspace home": reverse("forums:workspace"),
        "forum": reverse("forums:workspace-forum", args=[SLUG]),
        "meetings": reverse("meetings:workspace-list", args=[SLUG]),
        "meeting": reverse("meetings:workspace-meeting", args=[SLUG, meeting.pk]),
        "minutes": reverse("meetings:workspace-minutes", args=[SLUG, minuted.pk]),
        "actions": reverse("meetings:workspace-actions", args=[SLUG]),
        "priorities": reverse("priorities:workspace-list", args=[SLUG]),
        "priority": reverse("priorities:detail", args=[SLUG, priority.pk]),
        "risk register": reverse("priorities:risks", args=[SLUG]),
        "performance": reverse("performance:workspace-dashboard", args=[SLUG]),
        "returns": reverse("performance:returns", args=[SLUG]),
        "notices": reverse("membership:notices"),
        "account": reverse("account"),
        "two-factor": reverse("two-factor"),
    }


def public_pages() -> dict[str, str]:
    _, _, published, _ = demo_objects()
    return {
        "home": reverse("forums:home"),
        "forum": reverse("forums:public-forum", args=[SLUG]),
        "meetings": reverse("meetings:public-list", args=[SLUG]),
        "meeting with minutes": reverse("meetings:public-meeting", args=[SLUG, published.pk]),
        "priorities": reverse("priorities:public-list", args=[SLUG]),
        "themes": reverse("priorities:themes"),
        "performance": reverse("performance:public-dashboard", args=[SLUG]),
        "open data": reverse("performance:open-data"),
        "news feeds": reverse("feeds:index"),
        "public API documentation": reverse("api:docs"),
        "sign in": reverse("login"),
        "national view": reverse("national:overview"),
        "one indicator in every area": reverse(
            "national:indicator", args=["cc_effective_trial_rate"]
        ),
        "member boards": reverse("national:region", args=["all-wales-cjb"]),
        "self-assessment": reverse("assessment:public", args=[SLUG]),
        "bulletins": reverse("national:bulletins"),
    }


def welsh_pages() -> dict[str, str]:
    """The same kinds of page in Welsh, for a Welsh board (content in both languages)."""
    from forums.models import Meeting, Minutes

    published = (
        Minutes.objects.filter(
            meeting__forum__slug="south-wales-cjb", status=Minutes.Status.PUBLISHED
        )
        .select_related("meeting")
        .first()
    )
    meeting = (
        published.meeting
        if published
        else Meeting.objects.filter(forum__slug="south-wales-cjb").first()
    )
    with translation.override("cy"):
        return {
            "cy home": reverse("forums:home"),
            "cy forum": reverse("forums:public-forum", args=["south-wales-cjb"]),
            "cy meeting": reverse("meetings:public-meeting", args=["south-wales-cjb", meeting.pk]),
            "cy priorities": reverse("priorities:public-list", args=["south-wales-cjb"]),
            "cy performance": reverse("performance:public-dashboard", args=["south-wales-cjb"]),
            "cy national view": reverse("national:overview"),
            "cy accessibility statement": reverse("accessibility"),
        }


def violations(page, base_url: str, pages: dict[str, str]) -> list[str]:
    """Visit each page; the axe report of each one that has violations (or fails to load)."""
    found = []
    for name, path in pages.items():
        response = page.goto(base_url + path)
        if response is None or response.status != 200:
            found.append(f"{name} {path}: status {response and response.status}")
            continue
        if report := axe_report(page):
            found.append(f"{name} {path}: {report}")
    return found


def test_main_pages_for_the_secretariat_and_the_public_have_no_accessibility_violations(
    live_server, page
):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    public = violations(page, live_server.url, {**public_pages(), **welsh_pages()})
    sign_in(page, live_server.url, demo_email("secretariat"), DEMO_PASSWORD)
    secretariat = violations(page, live_server.url, secretariat_pages())
    problems = [f"public {p}" for p in public] + [f"secretariat {p}" for p in secretariat]
    assert not problems, "\n\n".join(problems)
