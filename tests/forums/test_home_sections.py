"""The home's sections other apps add through ``forums.home``: sign-offs awaiting the person's
agency (priorities), returns their agency owes and late returns (performance)."""

import pytest
from django.test import Client
from django.urls import reverse

from forums.home import HomeSection, register_home_section, registered_home_sections
from forums.models import Membership
from priorities.selectors.home import sign_offs_awaiting
from tests.forums.factories import ForumFactory, MembershipFactory
from tests.membership.factories import AgencyFactory, agency_type
from tests.performance.factories import PerformanceReturnFactory
from tests.priorities.factories import PriorityFactory, SignOffFactory

pytestmark = pytest.mark.django_db
HOME = "/workspace/"


def _client(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def _agency(person, forum):
    return Membership.objects.get(person=person, forum=forum).agency


def test_priorities_and_performance_add_their_sections_in_their_app_config():
    names = registered_home_sections()
    assert "priorities.selectors.home.sign_offs_section" in names
    assert "performance.selectors.home.returns_owed_section" in names
    assert "performance.selectors.home.late_returns_section" in names


# --- sign-offs ----------------------------------------------------------------------------------


def test_a_member_sees_the_sign_offs_awaiting_their_agency_linked_to_the_sign_off(member, forum):
    waiting = PriorityFactory(forum=forum, in_sign_off=True, title="Swifter justice for victims")
    answered = PriorityFactory(forum=forum, in_sign_off=True, title="Answered already")
    SignOffFactory(priority=answered, agency=_agency(member, forum))
    PriorityFactory(forum=forum, title="Still a draft")
    PriorityFactory(forum=ForumFactory(), in_sign_off=True, title="Another forum's")
    page = _client(member).get(HOME).text
    assert "Sign-offs awaiting your agency" in page
    assert "Swifter justice for victims" in page
    assert reverse("priorities:sign-off", args=[forum.slug, waiting.pk]) in page
    for absent in ("Answered already", "Still a draft", "Another forum"):
        assert absent not in page


def test_an_answer_from_an_earlier_round_does_not_count(member, forum):
    priority = PriorityFactory(forum=forum, in_sign_off=True, sign_off_round=2)
    SignOffFactory(priority=priority, agency=_agency(member, forum), round=1)
    (row,) = sign_offs_awaiting(person=member)
    assert row.priority == priority


def test_an_advisory_member_never_sees_sign_offs(advisory_client, forum):
    PriorityFactory(forum=forum, in_sign_off=True, title="Swifter justice for victims")
    page = advisory_client.get(HOME).text
    assert "Sign-offs awaiting" not in page
    assert "Swifter justice" not in page


def test_with_nothing_to_sign_the_member_is_told_so(member_client):
    assert "Nothing to do: your agency has answered every priority" in member_client.get(HOME).text


# --- returns ------------------------------------------------------------------------------------


def test_a_data_submitter_sees_the_returns_their_agency_owes_and_nothing_else(
    data_submitter, forum
):
    PriorityFactory(forum=forum, in_sign_off=True, title="Swifter justice for victims")
    page = _client(data_submitter).get(HOME).text
    agency = _agency(data_submitter, forum)
    assert "Returns your agency owes" in page
    assert f"{agency.name} figures for" in page
    assert "late" in page
    assert reverse("performance:returns", args=[forum.slug]) in page
    assert "Swifter justice" not in page and "Sign-offs" not in page
    assert "membership gaps" not in page.lower()


def test_a_submitted_return_is_no_longer_owed(data_submitter, forum):
    agency = _agency(data_submitter, forum)
    before = _client(data_submitter).get(HOME).text
    assert f"{agency.name} figures for 2026-Q2" in before
    PerformanceReturnFactory(forum=forum, agency=agency, code="2026-Q2", submitted=True)
    assert f"{agency.name} figures for 2026-Q2" not in _client(data_submitter).get(HOME).text


def test_the_secretariat_sees_late_returns_in_the_forums_to_do(secretariat, data_submitter, forum):
    agency = _agency(data_submitter, forum)
    page = _client(secretariat).get(HOME).text
    todo = page.split(f"To do for {forum.name}")[1]
    assert "Late returns" in todo
    assert f"{agency.name} figures for" in todo
    assert "Returns your agency owes" not in page  # the secretariat enters no figures


# --- adding a section is one registration ---------------------------------------------------------


def test_a_new_section_appears_on_home_once_registered(member_client):
    from forums import home

    def procedures_section(context):
        return HomeSection(key="procedures", title="Written procedures awaiting your agency")

    register_home_section(procedures_section)
    try:
        page = member_client.get(HOME).text
    finally:
        home._registry.builders.pop(f"{__name__}.{procedures_section.__qualname__}")
    assert "Written procedures awaiting your agency" in page
    assert "Nothing to do." in page


def test_the_sections_read_the_same_queries_however_many_forums(
    django_assert_num_queries, member, forum
):
    from tests.queries import queries_for

    MembershipFactory(
        forum=forum,
        person=member,
        role=Membership.Role.DATA_SUBMITTER,
        agency=_agency(member, forum),
    )
    PriorityFactory(forum=forum, in_sign_off=True)
    client = _client(member)
    few = queries_for(client, HOME)
    for _ in range(3):
        other = ForumFactory()
        agency = AgencyFactory(agency_type=agency_type("hmcts"))
        MembershipFactory(forum=other, person=member, agency=agency)
        PriorityFactory(forum=other, in_sign_off=True)
        PriorityFactory(forum=other, in_sign_off=True)
        PerformanceReturnFactory(forum=other, agency=agency, code="2026-Q2", draft=True)
    with django_assert_num_queries(few):
        assert client.get(HOME).status_code == 200


# --- decisions in writing -----------------------------------------------------------------------


def test_a_member_sees_a_proposal_in_writing_until_their_agency_answers(member, forum):
    from forums.models import ProcedureResponse
    from tests.forums.factories import WrittenProcedureFactory

    assert "forums.selectors.procedures.procedures_section" in registered_home_sections()
    procedure = WrittenProcedureFactory(forum=forum, title="Adopt the joint witness charter")
    client = _client(member)
    page = client.get(HOME).text
    assert "Decisions in writing awaiting your agency" in page
    assert "Adopt the joint witness charter" in page
    assert reverse("meetings:workspace-procedure-respond", args=[forum.slug, procedure.pk]) in page
    ProcedureResponse.objects.create(
        procedure=procedure,
        agency=_agency(member, forum),
        answer=ProcedureResponse.Answer.AGREE,
        responded_by=member,
    )
    page = client.get(HOME).text
    assert "Adopt the joint witness charter" not in page
    assert "your agency has answered every proposal put in writing" in page


def test_an_advisory_member_is_never_asked_to_answer_in_writing(advisory_client, forum):
    from tests.forums.factories import WrittenProcedureFactory

    WrittenProcedureFactory(forum=forum, title="Adopt the joint witness charter")
    page = advisory_client.get(HOME).text
    assert "Adopt the joint witness charter" not in page
    assert "Decisions in writing awaiting your agency" not in page
