"""In real Chromium: a meeting moved after its agenda is out reaches every invitee with a
calendar update for the same event, and a guest sees only the item they are invited to."""

import re

import pytest
from django.core import mail
from icalendar import Calendar

from forums.models import Membership
from forums.services import meetings as meeting_services
from tests.browser import assert_accessible, assert_error_title, sign_in
from tests.forums.factories import (
    AgendaItemFactory,
    ForumFactory,
    MembershipFactory,
    PaperFactory,
    at,
    days_from_today,
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
    members = [
        MembershipFactory(forum=forum, agency=AgencyFactory(agency_type=agency_type(kind))).person
        for kind in ("cps", "police")
    ]
    meeting = meeting_services.meeting_schedule(
        forum=forum,
        by=secretariat,
        title="Spring board",
        starts_at=at(days_from_today(21), 14),
        ends_at=at(days_from_today(21), 16),
        location="Middlesbrough Town Hall",
    )
    return forum, secretariat, members, meeting


def _event(ics: bytes | str):
    (event,) = Calendar.from_ical(ics).walk("VEVENT")
    return event


def _feed_event(page, url, meeting):
    calendar = Calendar.from_ical(page.request.get(url).body())
    (event,) = [e for e in calendar.walk("VEVENT") if meeting.title in str(e["summary"])]
    return event


def test_a_meeting_moved_after_publication_reaches_every_invitee_with_the_same_event(
    live_server, page
):
    forum, secretariat, members, meeting = board()
    feed = f"{live_server.url}/forums/{forum.slug}/meetings.ics"
    sign_in(page, live_server.url, secretariat.email, PASSWORD)
    page.goto(f"{live_server.url}/workspace/forums/{forum.slug}/meetings/{meeting.pk}/")
    page.get_by_role("link", name="Publish the agenda").click()
    assert page.get_by_role("heading", name="Who will be told").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Publish the agenda").click()
    page.wait_for_url(f"**/meetings/{meeting.pk}/")
    before = _feed_event(page, feed, meeting)

    mail.outbox.clear()
    page.get_by_role("link", name="Change details").click()
    assert_accessible(page)
    new_day = days_from_today(28)
    page.get_by_label("Date", exact=True).fill(new_day.isoformat())
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("End time").fill("12:00")
    page.get_by_role("button", name="Save meeting").click()
    page.wait_for_url(f"**/meetings/{meeting.pk}/")
    after = _feed_event(page, feed, meeting)

    changed = [m for m in mail.outbox if m.subject.startswith("Meeting changed")]
    invitees = {secretariat.email, *(member.email for member in members)}
    assert {m.to[0] for m in changed} == invitees
    for message in changed:
        assert "2pm to 4pm" in message.body and "10am to 12pm" in message.body
        (name, content, mimetype) = message.attachments[0]
        assert mimetype.startswith("text/calendar")
        assert Calendar.from_ical(content)["method"] == "REQUEST"
        event = _event(content)
        assert str(event["uid"]) == str(before["uid"]) == str(after["uid"])
        assert event.decoded("sequence") > before.decoded("sequence")
        assert event.decoded("dtstart") == at(new_day, 10)
    assert after.decoded("dtstart") == at(new_day, 10)


def test_a_guest_sees_only_their_item(live_server, page, browser):
    forum, secretariat, members, meeting = board()
    theirs = AgendaItemFactory(
        meeting=meeting, title="Victims' services review", confidentiality="confidential"
    )
    PaperFactory(agenda_item=theirs, title="Review paper")
    other = AgendaItemFactory(
        meeting=meeting, title="Gang injunctions", confidentiality="confidential"
    )
    other_paper = PaperFactory(agenda_item=other, title="Injunctions paper")

    sign_in(page, live_server.url, secretariat.email, PASSWORD)
    page.goto(f"{live_server.url}/workspace/forums/{forum.slug}/meetings/{meeting.pk}/")
    page.get_by_role("link", name="Guests").click()
    page.get_by_role("link", name="Invite a guest").click()
    page.get_by_role("button", name="Invite the guest").click()
    assert_error_title(page)
    assert_accessible(page)
    page.get_by_label("Full name").fill("Ana Guest")
    page.get_by_label("Email address").fill("ana.guest@example.org")
    page.get_by_label("Organisation").fill("Citizens Advice Teesside")
    page.get_by_label("Only the item “Victims' services review” and its papers").check()
    mail.outbox.clear()
    page.get_by_role("button", name="Invite the guest").click()
    page.wait_for_url("**/guests/")
    assert page.get_by_text("Ana Guest invited").is_visible()
    assert_accessible(page)

    (message,) = [m for m in mail.outbox if m.to == ["ana.guest@example.org"]]
    link = re.search(r"https?://\S+/guest/\S+/", message.body).group(0)
    link = live_server.url + "/guest/" + link.split("/guest/", 1)[1]

    guest_context = browser.new_context(locale="en-GB")
    guest_page = guest_context.new_page()
    guest_page.goto(link)
    assert guest_page.get_by_role("heading", name="Victims' services review").is_visible()
    assert guest_page.get_by_role("link", name="Review paper").is_visible()
    content = guest_page.content()
    assert "Gang injunctions" not in content and "Injunctions paper" not in content
    assert_accessible(guest_page)
    paper_href = guest_page.get_by_role("link", name="Review paper").get_attribute("href")
    assert guest_page.request.get(live_server.url + paper_href).status == 200
    other_href = re.sub(r"/papers/\d+/", f"/papers/{other_paper.pk}/", paper_href)
    assert guest_page.request.get(live_server.url + other_href).status == 404
    workspace = f"{live_server.url}/workspace/forums/{forum.slug}/meetings/{meeting.pk}/"
    guest_page.goto(workspace)
    assert "/accounts/sign-in/" in guest_page.url  # the link opens nothing else
    guest_context.close()
