"""The reports pages in real Chromium, checked with axe (WCAG 2.2 AA), without JavaScript needs."""

import re

import pytest

from forums.models import Membership
from tests.browser import assert_accessible, sign_in
from tests.forums.factories import (
    AgendaItemFactory,
    ForumFactory,
    MeetingFactory,
    MembershipFactory,
    PaperFactory,
)
from tests.membership.factories import PASSWORD, AgencyFactory, UserFactory, agency_type

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_asks_for_a_board_pack_and_downloads_it(live_server, page):
    forum = ForumFactory(slug="cleveland-cjb", name="Cleveland Criminal Justice Board")
    member = UserFactory(email="member@example.org", full_name="Sam Okafor")
    MembershipFactory(
        forum=forum,
        person=member,
        role=Membership.Role.MEMBER,
        agency=AgencyFactory(agency_type=agency_type("cps")),
    )
    meeting = MeetingFactory(forum=forum, agenda_published=True, title="Autumn board")
    PaperFactory(
        agenda_item=AgendaItemFactory(meeting=meeting, title="Remand"), title="Remand paper"
    )

    sign_in(page, live_server.url, member.email, PASSWORD)
    page.goto(f"{live_server.url}/workspace/forums/cleveland-cjb/reports/")
    assert page.get_by_role("heading", name="Reports", exact=True).is_visible()
    assert_accessible(page)

    page.get_by_role(
        "button", name=re.compile(r"Your version \(PDF\)\W+Board pack, Autumn board")
    ).click()
    page.wait_for_url(re.compile(r"/reports/\d+/$"))
    assert page.get_by_text("Ready", exact=True).is_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download").click()
    assert download.value.suggested_filename.endswith("board-pack-personal.pdf")
