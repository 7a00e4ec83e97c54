"""A decision between meetings in real Chromium: the secretariat asks the board in writing,
agencies answer, and the outcome is recorded as a decision with no meeting (axe on each page)."""

import datetime

import pytest
from django.utils import timezone

from forums.models import Decision, Membership, WrittenProcedure
from forums.services.procedures import procedure_respond
from tests.browser import assert_accessible, assert_error_title, sign_in
from tests.forums.factories import ForumFactory, MembershipFactory, WrittenProcedureFactory
from tests.membership.factories import PASSWORD, AgencyFactory, UserFactory, agency_type

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def agency(slug, name):
    return AgencyFactory(agency_type=agency_type(slug), name=name)


def seat(forum, role, agency, **person):
    return MembershipFactory(
        forum=forum, role=role, agency=agency, person=UserFactory(**person)
    ).person


def board():
    """A board where three agencies vote (PCC, police, CPS); the judiciary is advisory."""
    forum = ForumFactory(slug="cleveland-cjb", name="Cleveland Criminal Justice Board")
    pcc = agency("pcc", "Cleveland Police and Crime Commissioner")
    secretariat = seat(
        forum, Membership.Role.SECRETARIAT, pcc, email="sec@example.org", full_name="Priya Shah"
    )
    chair = seat(forum, Membership.Role.CHAIR, pcc, email="chair@example.org")
    police = seat(
        forum, Membership.Role.MEMBER, agency("police", "Cleveland Police"), email="p@example.org"
    )
    cps = seat(
        forum,
        Membership.Role.MEMBER,
        agency("cps", "CPS North East"),
        email="cps@example.org",
        full_name="Sam Cole",
    )
    MembershipFactory(
        forum=forum,
        role=Membership.Role.ADVISORY,
        agency=agency("judiciary", "Teesside judiciary"),
        can_commit_resources=False,
    )
    return forum, secretariat, chair, police, cps


def agree(procedure, person):
    agency = Membership.objects.get(forum=procedure.forum, person=person).agency
    procedure_respond(procedure=procedure, by=person, agency=agency, answer="agree")


def answer_in_browser(page, procedure_url, answer, comments=""):
    page.goto(procedure_url)
    page.get_by_role("link", name="Answer").click()
    assert_accessible(page)
    page.get_by_label(answer, exact=True).check()
    if comments:
        page.get_by_label("Comments", exact=True).fill(comments)
    page.get_by_role("button", name="Send your agency's answer").click()
    page.wait_for_url(procedure_url)


def test_a_proposal_in_writing_is_agreed_when_no_agency_objects(live_server, page):
    forum, secretariat, chair, police, cps = board()
    base = live_server.url

    sign_in(page, base, secretariat.email, PASSWORD)
    page.goto(f"{base}/workspace/forums/{forum.slug}/meetings/")
    page.get_by_role("link", name="Decisions in writing between meetings").click()
    assert_accessible(page)
    page.get_by_role("link", name="Ask the board to decide in writing").click()
    page.get_by_role("button", name="Start the written procedure").click()
    assert_error_title(page)
    assert page.get_by_text("Enter what the board is asked to agree").first.is_visible()
    assert_accessible(page)
    page.get_by_label("Title").fill("Fund the victim contact audit")
    page.get_by_label("What the board is asked to agree").fill(
        "The board agrees to fund a joint audit of victim contact led by CPS."
    )
    closes = timezone.localdate() + datetime.timedelta(days=7)
    page.get_by_label("Responses by (date)").fill(closes.isoformat())
    page.get_by_label("Responses by (time)").fill("17:00")
    page.get_by_label("Public", exact=True).check()
    page.get_by_role("button", name="Start the written procedure").click()
    page.wait_for_url("**/decisions-in-writing/*/")
    assert page.get_by_text("Not yet answered: 3").is_visible()
    assert_accessible(page)
    procedure = WrittenProcedure.objects.get()
    procedure_url = page.url

    agree(procedure, chair)
    agree(procedure, police)
    member_page = page.context.browser.new_context(locale="en-GB").new_page()
    sign_in(member_page, base, cps.email, PASSWORD)
    answer_in_browser(member_page, procedure_url, "Agree with comments", "Report back in March.")
    assert member_page.get_by_text("Agreed", exact=True).first.is_visible()
    assert_accessible(member_page)

    decision = Decision.objects.get(procedure=procedure)
    assert decision.meeting is None
    member_page.goto(f"{base}/workspace/forums/{forum.slug}/meetings/decisions/")
    row = member_page.locator(f"#decision-{decision.pk}")
    assert decision.reference in row.inner_text()
    assert "Decided in writing" in row.inner_text()
    assert_accessible(member_page)
    member_page.context.close()


def test_a_proposal_in_writing_is_not_agreed_when_one_agency_objects(live_server, page):
    forum, secretariat, chair, police, cps = board()
    base = live_server.url
    procedure = WrittenProcedureFactory(
        forum=forum, title="Close the Hartlepool hub", quorum=2, created_by=secretariat
    )
    agree(procedure, chair)
    agree(procedure, police)

    sign_in(page, base, cps.email, PASSWORD)
    procedure_url = f"{base}/workspace/forums/{forum.slug}/decisions-in-writing/{procedure.pk}/"
    page.goto(procedure_url)
    assert page.get_by_text("Agree: 2").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Answer").click()
    page.get_by_label("Object", exact=True).check()
    page.get_by_role("button", name="Send your agency's answer").click()
    assert page.get_by_text("Enter why your agency objects").first.is_visible()
    assert_accessible(page)
    page.get_by_label("Comments", exact=True).fill("Victims in Hartlepool would travel too far.")
    page.get_by_role("button", name="Send your agency's answer").click()
    page.wait_for_url(procedure_url)
    assert page.get_by_text("Not agreed", exact=True).first.is_visible()
    assert page.get_by_text("Object: 1").is_visible()
    assert_accessible(page)

    procedure.refresh_from_db()
    assert procedure.status == WrittenProcedure.Status.NOT_AGREED
    decision = Decision.objects.get(procedure=procedure)
    assert decision.meeting is None
    assert decision.text.startswith("Not agreed in writing:")
