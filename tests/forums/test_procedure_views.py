"""Decisions in writing in the workspace: who may open each page, the answer form, closing."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from forums.models import Membership, ProcedureResponse, WrittenProcedure
from tests.forums.factories import (
    DecisionFactory,
    MembershipFactory,
    ProcedurePaperFactory,
    WrittenProcedureFactory,
)
from tests.membership.factories import AgencyFactory, agency_type

pytestmark = pytest.mark.django_db


def url(name, procedure=None, forum=None):
    if procedure is None:
        return reverse(f"meetings:{name}", args=[forum.slug])
    return reverse(f"meetings:{name}", args=[procedure.forum.slug, procedure.pk])


@pytest.fixture
def procedure(forum, chair, member, advisory_member, secretariat):
    return WrittenProcedureFactory(forum=forum, title="Fund the victim contact audit", quorum=2)


def test_anonymous_is_sent_to_sign_in(client, procedure):
    response = client.get(url("workspace-procedure", procedure))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")


def test_a_member_of_another_forum_gets_404(other_forum_member_client, procedure):
    for name in ("workspace-procedure", "workspace-procedure-respond"):
        assert other_forum_member_client.get(url(name, procedure)).status_code == 404


def test_advisory_member_reads_it_but_cannot_answer_and_member_cannot_run_it(
    advisory_client, member_client, procedure
):
    page = advisory_client.get(url("workspace-procedure", procedure))
    assert page.status_code == 200
    assert "Fund the victim contact audit" in page.text
    assert "Your agency&#x27;s answer" not in page.text
    assert advisory_client.get(url("workspace-procedure-respond", procedure)).status_code == 403
    for name in ("workspace-procedure-close", "workspace-procedure-withdraw"):
        assert member_client.get(url(name, procedure)).status_code == 403
    assert (
        member_client.get(url("workspace-procedure-start", forum=procedure.forum)).status_code
        == 403
    )


def test_the_secretariat_starts_one_and_bad_input_keeps_what_was_typed(
    secretariat_client, forum, member
):
    start_url = url("workspace-procedure-start", forum=forum)
    assert secretariat_client.get(start_url).status_code == 200
    bad = secretariat_client.post(
        start_url,
        {"title": "Fund the audit", "proposal": "", "confidentiality": "confidential"},
    )
    assert bad.status_code == 200
    assert "Enter what the board is asked to agree" in bad.text
    assert "Enter the date responses are due by" in bad.text
    assert "Enter why this proposal is not public" in bad.text
    assert 'value="Fund the audit"' in bad.text
    assert not WrittenProcedure.objects.exists()
    closes = timezone.localdate() + datetime.timedelta(days=7)
    good = secretariat_client.post(
        start_url,
        {
            "title": "Fund the audit",
            "proposal": "The board agrees to fund the audit.",
            "closes_on": closes.isoformat(),
            "closes_time": "17:00",
            "rule": "consensus",
            "confidentiality": "public",
        },
    )
    procedure = WrittenProcedure.objects.get()
    assert good.status_code == 302
    assert good["Location"] == url("workspace-procedure", procedure)
    assert timezone.localtime(procedure.closes_at).strftime("%H:%M") == "17:00"
    listing = secretariat_client.get(url("workspace-procedures", forum=forum))
    assert "Fund the audit" in listing.text


def test_the_answer_form_preselects_the_agencys_current_answer(member_client, member, procedure):
    agency = Membership.objects.get(person=member, forum=procedure.forum).agency
    ProcedureResponse.objects.create(
        procedure=procedure,
        agency=agency,
        answer=ProcedureResponse.Answer.AGREE_WITH_COMMENTS,
        comments="Subject to costs.",
        responded_by=member,
    )
    page = member_client.get(url("workspace-procedure-respond", procedure))
    assert page.status_code == 200
    radios = re.findall(r"<input[^>]*name=\"answer\"[^>]*>", page.text)
    checked = [tag for tag in radios if "checked" in tag]
    assert len(checked) == 1 and 'value="agree_with_comments"' in checked[0]
    assert "Subject to costs." in page.text


def test_a_member_answers_and_the_page_shows_the_tally_by_agency(member_client, member, procedure):
    agency = Membership.objects.get(person=member, forum=procedure.forum).agency
    form = member_client.get(url("workspace-procedure-respond", procedure))
    assert 'name="agency"' not in form.text  # one agency: not asked, but named
    assert f"Answer for {agency.name}" in form.text
    response = member_client.post(
        url("workspace-procedure-respond", procedure),
        {"answer": "object", "comments": ""},
    )
    assert response.status_code == 200
    assert "Enter why your agency objects" in response.text
    response = member_client.post(
        url("workspace-procedure-respond", procedure),
        {
            "answer": "object",
            "comments": "Costs are not agreed.",
            "refer_to_meeting": "on",
        },
    )
    assert response.status_code == 302
    page = member_client.get(url("workspace-procedure", procedure))
    assert "Object: 1" in page.text
    assert "Not yet answered: 1" in page.text
    assert "Asks for the next meeting to decide" in page.text


def test_closing_shows_what_will_happen_then_records_the_outcome(
    secretariat_client, chair, procedure
):
    page = secretariat_client.get(url("workspace-procedure-close", procedure))
    assert "If you close it now, the outcome will be" in page.text
    assert "Not enough agencies responded" in page.text
    assert WrittenProcedure.objects.get().is_open  # opening the page changes nothing
    done = secretariat_client.post(url("workspace-procedure-close", procedure))
    assert done.status_code == 302
    procedure.refresh_from_db()
    assert procedure.status == WrittenProcedure.Status.NOT_AGREED
    log = secretariat_client.get(url("workspace-decisions", forum=procedure.forum))
    assert procedure.decision.reference in log.text
    assert "Decided in writing" in log.text


def test_papers_download_for_members_only(member_client, other_forum_member_client, procedure):
    paper = ProcedurePaperFactory(procedure=procedure)
    address = reverse(
        "meetings:workspace-procedure-paper",
        args=[procedure.forum.slug, procedure.pk, paper.pk],
    )
    response = member_client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert other_forum_member_client.get(address).status_code == 404


def test_the_list_page_issues_the_same_queries_however_many_procedures(
    member_client, forum, procedure, django_assert_max_num_queries
):
    address = url("workspace-procedures", forum=forum)
    member_client.get(address)
    with CaptureQueriesContext(connection) as few:
        member_client.get(address)
    agencies = [AgencyFactory(agency_type=agency_type("hmcts")) for _ in range(3)]
    for agency in agencies:
        MembershipFactory(forum=forum, role=Membership.Role.MEMBER, agency=agency)
    for number in range(6):
        other = WrittenProcedureFactory(forum=forum, title=f"Proposal {number}")
        for agency in agencies:
            ProcedureResponse.objects.create(procedure=other, agency=agency, answer="agree")
    with django_assert_max_num_queries(len(few)):
        page = member_client.get(address)
    assert "Proposal 5" in page.text


def test_the_public_page_lists_public_decisions_in_writing_only_once_decided(client, forum):
    public = WrittenProcedureFactory(forum=forum, public=True, title="Fund the audit")
    WrittenProcedureFactory(forum=forum, title="Confidential funding matter")
    address = reverse("meetings:public-procedures", args=[forum.slug])
    assert "Fund the audit" not in client.get(address).text  # still open
    decided = WrittenProcedure.objects.filter(forum=forum)
    decided.update(status=WrittenProcedure.Status.AGREED, outcome="2 agencies agreed.")
    for procedure in decided:
        DecisionFactory(forum=forum, procedure=procedure, confidentiality=procedure.confidentiality)
    page = client.get(address)
    assert page.status_code == 200
    assert "Fund the audit" in page.text
    assert public.decision.reference in page.text
    assert "Confidential funding matter" not in page.text


def test_a_site_admin_reads_a_procedure_with_its_answers_in_admin(site_admin_client, procedure):
    listing = site_admin_client.get(reverse("admin:forums_writtenprocedure_changelist"))
    assert "Fund the victim contact audit" in listing.text
    page = site_admin_client.get(
        reverse("admin:forums_writtenprocedure_change", args=[procedure.pk])
    )
    assert page.status_code == 200


def test_the_procedure_page_issues_the_same_queries_however_many_agencies_answer(
    member_client, forum, procedure, django_assert_max_num_queries
):
    address = url("workspace-procedure", procedure)
    member_client.get(address)
    with CaptureQueriesContext(connection) as few:
        member_client.get(address)
    for _ in range(5):
        agency = AgencyFactory(agency_type=agency_type("hmcts"))
        seat = MembershipFactory(forum=forum, role=Membership.Role.MEMBER, agency=agency)
        ProcedureResponse.objects.create(
            procedure=procedure, agency=agency, answer="object", responded_by=seat.person
        )
    with django_assert_max_num_queries(len(few)):
        page = member_client.get(address)
    assert "Object: 5" in page.text
