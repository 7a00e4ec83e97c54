"""The meeting cycle pages in real Chromium, checked with axe (WCAG 2.2 AA)."""

import datetime

import pytest
from django.utils import timezone

from forums.models import Meeting, Membership, Minutes
from tests.browser import assert_accessible, assert_error_title, sign_in
from tests.forums.factories import (
    ActionFactory,
    AgendaItemFactory,
    ForumFactory,
    MeetingFactory,
    MembershipFactory,
    MinuteEntryFactory,
    MinutesFactory,
    PaperFactory,
)
from tests.membership.factories import PASSWORD, AgencyFactory, UserFactory, agency_type

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def board():
    forum = ForumFactory(slug="cleveland-cjb", name="Cleveland Criminal Justice Board")
    secretariat = UserFactory(email="sec@example.org", full_name="Priya Shah")
    MembershipFactory(
        forum=forum,
        person=secretariat,
        role=Membership.Role.SECRETARIAT,
        agency=AgencyFactory(agency_type=agency_type("pcc")),
    )
    member = MembershipFactory(
        forum=forum, agency=AgencyFactory(agency_type=agency_type("cps"))
    ).person
    return forum, secretariat, member


def test_secretariat_schedules_and_runs_a_meeting(live_server, page):
    forum, secretariat, member = board()
    past = MeetingFactory(
        forum=forum,
        status=Meeting.Status.HELD,
        starts_at=timezone.now() - datetime.timedelta(days=20),
    )
    item = AgendaItemFactory(meeting=past, title="Performance report")
    PaperFactory(agenda_item=item, title="Q2 figures")
    AgendaItemFactory(meeting=past, title="Case review", confidentiality="confidential")
    minutes = MinutesFactory(meeting=past, status=Minutes.Status.CIRCULATED)
    MinuteEntryFactory(minutes=minutes, agenda_item=item)
    ActionFactory(
        forum=forum, owner=member, due_date=timezone.localdate() - datetime.timedelta(days=2)
    )

    sign_in(page, live_server.url, secretariat.email, PASSWORD)
    page.goto(f"{live_server.url}/workspace/forums/{forum.slug}/meetings/")
    assert_accessible(page)
    page.get_by_role("link", name="Schedule a meeting").click()
    page.get_by_role("button", name="Save meeting").click()
    assert_error_title(page)
    assert_accessible(page)
    date = timezone.localdate() + datetime.timedelta(days=30)
    page.get_by_label("Date", exact=True).fill(date.isoformat())
    page.get_by_label("Start time").fill("14:00")
    page.get_by_label("Place").fill("Middlesbrough")
    page.get_by_role("button", name="Save meeting").click()
    page.wait_for_url("**/meetings/*/")
    assert_accessible(page)
    page.get_by_role("link", name="Add an agenda item").click()
    page.get_by_label("Confidential (members and secretariat)").check()
    page.get_by_role("button", name="Save item").click()
    assert page.get_by_text("Enter why this item is not public").first.is_visible()
    assert_accessible(page)
    page.go_back()
    page.go_back()
    page.get_by_role("link", name="Reply to the invitation").click()
    page.get_by_role("button", name="Send reply").click()
    assert page.get_by_text("Choose whether you will attend").first.is_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/workspace/forums/{forum.slug}/meetings/{past.pk}/")
    assert page.get_by_role("link", name="Q2 figures", exact=True).is_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/workspace/forums/{forum.slug}/meetings/{past.pk}/minutes/")
    assert_accessible(page)
    page.goto(f"{live_server.url}/workspace/forums/{forum.slug}/actions/")
    assert page.get_by_text("Overdue").first.is_visible()
    assert_accessible(page)


def test_public_meeting_pages_are_accessible(live_server, page):
    forum, _, _ = board()
    meeting = MeetingFactory(
        forum=forum, status=Meeting.Status.AGENDA_PUBLISHED, agenda_published_at=timezone.now()
    )
    PaperFactory(agenda_item=AgendaItemFactory(meeting=meeting, title="Performance report"))
    AgendaItemFactory(meeting=meeting, title="Secret", confidentiality="confidential")
    page.goto(f"{live_server.url}/forums/{forum.slug}/meetings/")
    assert_accessible(page)
    page.get_by_role("link", name="Board meeting").click()
    assert page.get_by_text("Confidential item").is_visible()
    assert page.get_by_text("Secret", exact=True).count() == 0
    assert_accessible(page)


FOCUSED = "() => [document.activeElement.name, document.activeElement.id]"


def tab_order(page) -> list[str]:
    """The names of the form controls the Tab key reaches from the title to the Save button."""
    page.get_by_label("Title", exact=True).focus()
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        name, _id = page.evaluate(FOCUSED)
        reached.append(name)
        if name == "submit":
            return reached
    raise AssertionError(f"the Save button is never reached: {reached}")


def test_restricted_people_are_revealed_only_for_a_restricted_item_and_errors_lead_to_them(
    live_server, browser, page
):
    forum, secretariat, _ = board()
    meeting = MeetingFactory(forum=forum)
    url = f"{live_server.url}/workspace/forums/{forum.slug}/meetings/{meeting.pk}/items/new/"
    sign_in(page, live_server.url, secretariat.email, PASSWORD)
    page.goto(url)
    person = page.locator('input[name="restricted_to"]').first
    assert not person.is_visible()
    assert "restricted_to" not in tab_order(page)

    page.get_by_label("Restricted (named people only)").check()
    assert person.is_visible()
    assert "restricted_to" in tab_order(page)
    page.get_by_role("button", name="Save item").click()
    assert_error_title(page)
    assert_accessible(page)
    # Each error link moves the focus to the first radio or checkbox of its group.
    page.get_by_role("link", name="Choose the purpose of the item").click()
    assert page.evaluate(FOCUSED) == ["purpose", "id_purpose"]
    page.get_by_role("link", name="Choose the people who may see this restricted item").click()
    assert page.evaluate(FOCUSED) == ["restricted_to", "id_restricted_to"]
    assert page.locator("#id_restricted_to").is_visible()

    # Without JavaScript nothing is hidden: the people show whatever is chosen.
    cookie = page.context.cookies()
    context = browser.new_context(locale="en-GB", java_script_enabled=False)
    context.add_cookies(cookie)
    plain = context.new_page()
    plain.goto(url)
    assert plain.locator('input[name="restricted_to"]').first.is_visible()
    context.close()
