"""A member's home in real Chromium: their next meeting, an action due and a pending sign-off,
and a one-click reply that comes back home with a success message (no JavaScript needed)."""

import datetime

import pytest
from django.utils import timezone

from forums.models import Attendance, Membership
from tests.browser import assert_accessible, sign_in
from tests.forums.factories import ActionFactory, ForumFactory, MeetingFactory, MembershipFactory
from tests.membership.factories import PASSWORD, AgencyFactory, UserFactory, agency_type
from tests.priorities.factories import PriorityFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_members_home_shows_what_to_do_and_the_reply_works_from_it(live_server, page):
    forum = ForumFactory(slug="cleveland-cjb", name="Cleveland Criminal Justice Board")
    member = UserFactory(email="member@example.org", full_name="Sam Okafor")
    MembershipFactory(
        forum=forum,
        person=member,
        role=Membership.Role.MEMBER,
        agency=AgencyFactory(name="Cleveland CPS", agency_type=agency_type("cps")),
    )
    meeting = MeetingFactory(forum=forum, title="Winter board meeting", days_ahead=9)
    ActionFactory(
        forum=forum,
        owner=member,
        title="Share the court backlog figures",
        due_date=timezone.localdate() + datetime.timedelta(days=5),
    )
    PriorityFactory(forum=forum, in_sign_off=True, title="Swifter justice for victims")

    sign_in(page, live_server.url, "member@example.org", PASSWORD)
    meetings = page.locator("#next-meetings ~ .govuk-summary-card").first
    assert "Winter board meeting" in meetings.inner_text()
    assert "Not replied" in meetings.inner_text()
    assert "Share the court backlog figures" in page.locator(".govuk-task-list").first.inner_text()
    assert page.get_by_text("Due soon").is_visible()
    assert page.get_by_role(
        "link", name="Sign off “Swifter justice for victims” for Cleveland CPS"
    ).is_visible()
    assert_accessible(page)

    page.get_by_role("button", name="I will attend Winter board meeting").click()
    page.wait_for_url("**/workspace/")
    assert (
        "Reply sent: you are attending for Winter board meeting"
        in page.locator(".govuk-notification-banner").inner_text()
    )
    assert "Attending" in page.locator("#next-meetings ~ .govuk-summary-card").first.inner_text()
    assert Attendance.objects.get(meeting=meeting, person=member).reply == "attending"
    assert_accessible(page)

    page.get_by_role("link", name="Send a deputy to Winter board meeting").click()
    assert page.get_by_role("heading", name="Reply to the meeting invitation").is_visible()
