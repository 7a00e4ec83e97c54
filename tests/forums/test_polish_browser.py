"""In real Chromium, checked with axe (WCAG 2.2 AA): the meeting page's Board pack section, the
forward plan's change and remove pages and the targets form with its area question."""

import os
import re

import pytest
from django.utils import timezone

from forums.models import ForwardPlanItem, Membership
from tests.browser import assert_accessible, sign_in
from tests.forums.factories import (
    AgendaItemFactory,
    ForumFactory,
    MeetingFactory,
    MembershipFactory,
)
from tests.membership.factories import PASSWORD, AgencyFactory, UserFactory, agency_type

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("POLISH_SHOTS", "")


def _shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_secretariat_uses_board_pack_forward_plan_and_area_targets(live_server, page):
    forum = ForumFactory(slug="cleveland-cjb", name="Cleveland Criminal Justice Board")
    secretary = UserFactory(email="secretariat@example.org", full_name="Priya Shah")
    MembershipFactory(
        forum=forum,
        person=secretary,
        role=Membership.Role.SECRETARIAT,
        agency=AgencyFactory(agency_type=agency_type("pcc")),
    )
    meeting = MeetingFactory(forum=forum, agenda_published=True, title="Autumn board")
    AgendaItemFactory(meeting=meeting, title="Remand")
    item = ForwardPlanItem.objects.create(
        forum=forum,
        title="Youth diversion review",
        planned_for=timezone.localdate().replace(day=1).replace(year=timezone.localdate().year + 1),
    )
    base = live_server.url
    sign_in(page, base, secretary.email, PASSWORD)

    page.goto(f"{base}/workspace/forums/cleveland-cjb/meetings/{meeting.pk}/")
    assert page.get_by_role("heading", name="Board pack", exact=True).is_visible()
    assert_accessible(page)
    _shot(page, "meeting")
    page.get_by_role(
        "button", name=re.compile(r"Members' version \(PDF\)\W+Board pack, Autumn board")
    ).click()
    page.wait_for_url(re.compile(r"/reports/\d+/$"))
    page.goto(f"{base}/workspace/forums/cleveland-cjb/meetings/{meeting.pk}/")
    assert page.get_by_role("link", name=re.compile(r"^Members' version")).is_visible()

    page.goto(f"{base}/workspace/forums/cleveland-cjb/meetings/forward-plan/")
    page.get_by_role("link", name="Change Youth diversion review").click()
    assert page.get_by_label("Title").input_value() == "Youth diversion review"
    assert_accessible(page)
    page.get_by_label("Title").fill("Youth diversion: a year on")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/forward-plan/")
    assert page.get_by_role("cell", name="Youth diversion: a year on", exact=True).is_visible()
    page.get_by_role("link", name="Remove Youth diversion: a year on").click()
    assert_accessible(page)
    _shot(page, "remove")
    page.get_by_role("button", name="Remove from the forward plan").click()
    page.wait_for_url("**/forward-plan/")
    assert not ForwardPlanItem.objects.filter(pk=item.pk).exists()

    page.goto(f"{base}/workspace/forums/cleveland-cjb/performance/targets/")
    assert page.get_by_text("Every board in Cleveland without its own target").is_visible()
    assert_accessible(page)
    _shot(page, "targets")
