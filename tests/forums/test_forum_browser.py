"""The forum workspace page and the public forum page in real Chromium, checked with axe."""

import re

import pytest
from playwright.sync_api import expect

from forums.models import Forum, Membership
from tests.browser import assert_accessible, assert_error_title, sign_in
from tests.forums.factories import ForumFactory, MembershipFactory
from tests.membership.factories import PASSWORD, AgencyFactory, UserFactory, agency_type

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def board():
    forum = ForumFactory(
        slug="cleveland-cjb",
        name="Cleveland Criminal Justice Board",
        terms_of_reference="The board meets quarterly.\n\nMembers can commit resources.",
    )
    secretariat = UserFactory(email="sec@example.org", full_name="Priya Shah")
    MembershipFactory(
        forum=forum,
        person=secretariat,
        role=Membership.Role.SECRETARIAT,
        agency=AgencyFactory(name="Office of the PCC", agency_type=agency_type("pcc")),
        can_commit_resources=False,
    )
    MembershipFactory(
        forum=forum,
        role=Membership.Role.CHAIR,
        show_name_publicly=True,
        agency=AgencyFactory(name="Office of the Commissioner", agency_type=agency_type("pcc")),
    )
    MembershipFactory(
        forum=forum,
        agency=AgencyFactory(name="CPS North East", agency_type=agency_type("cps")),
        deputy=UserFactory(),
        can_commit_resources=False,
    )
    ForumFactory(name="Victims Sub-group", kind=Forum.Kind.SUB_GROUP, parent=forum)
    return forum, secretariat


def test_forum_workspace_page_and_add_member_errors_are_accessible(live_server, page):
    forum, secretariat = board()
    sign_in(page, live_server.url, secretariat.email, PASSWORD)
    assert_accessible(page)  # "your forums"
    page.get_by_role("link", name=forum.name).click()
    page.wait_for_url(f"**/workspace/forums/{forum.slug}/")
    assert page.get_by_role("heading", level=1).inner_text() == forum.name
    assert page.get_by_text("gaps in the recommended membership").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Add a member with an account").click()
    page.wait_for_url(f"**/workspace/forums/{forum.slug}/members/add/")
    page.get_by_role("button", name="Add member").click()
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the answer to the post
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)


def test_public_forum_page_is_accessible(live_server, page):
    forum, _ = board()
    page.goto(live_server.url + "/")
    page.get_by_role("link", name=forum.name).click()
    page.wait_for_url(f"**/forums/{forum.slug}/")
    assert page.get_by_role("heading", level=1).inner_text() == forum.name
    assert page.get_by_text("Victims Sub-group").is_visible()
    assert_accessible(page)


def test_accepting_an_invitation_in_the_browser_lands_on_the_forum(live_server, page):
    from forums.services.forum import invitation_send

    forum, secretariat = board()
    _invitation, token = invitation_send(
        forum=forum,
        email="new.member@example.org",
        full_name="New Member",
        role=Membership.Role.MEMBER,
        agency=AgencyFactory(agency_type=agency_type("probation")),
        invited_by=secretariat,
    )
    page.goto(f"{live_server.url}/invitations/{token}/")
    page.wait_for_url("**/invitations/accept/")
    assert token not in page.url
    page.get_by_role("button", name="Accept and create your account").click()
    assert_error_title(page)
    assert_accessible(page)
    page.get_by_label("Full name").fill("Nia Member")
    page.get_by_label("Create a password").fill("a long and unusual passphrase 42")
    page.get_by_label("Confirm your password").fill("a long and unusual passphrase 42")
    page.get_by_role("button", name="Accept and create your account").click()
    page.wait_for_url(f"**/workspace/forums/{forum.slug}/")
    assert page.get_by_role("heading", level=1).inner_text() == forum.name
