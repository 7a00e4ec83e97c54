"""The public list of forums and each forum's public page: nothing private, fixed queries."""

import pytest
from django.urls import reverse

from forums.models import Forum, Membership
from membership.models import GovernanceModel, PoliceForceArea
from tests.forums.factories import ForumFactory, MembershipFactory
from tests.membership.factories import AgencyFactory, UserFactory, agency_type
from tests.membership.factories import area as area_of
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


def board_with_members(slug, code="E23000013", members=3):
    forum = ForumFactory(slug=slug, name=f"Board {slug}", areas=[area_of(code)])
    MembershipFactory(
        forum=forum,
        role=Membership.Role.CHAIR,
        person=UserFactory(full_name=f"Chair of {slug}"),
        agency=AgencyFactory(agency_type=agency_type("pcc"), areas=[area_of(code)]),
        show_name_publicly=True,
    )
    for number in range(members):
        MembershipFactory(
            forum=forum,
            person=UserFactory(full_name=f"Member {number} of {slug}"),
            agency=AgencyFactory(agency_type=agency_type("cps"), areas=[area_of(code)]),
        )
    ForumFactory(slug=f"{slug}-sub", kind=Forum.Kind.SUB_GROUP, parent=forum, areas=[area_of(code)])
    return forum


def test_anyone_sees_the_public_forum_page(client):
    forum = board_with_members("cleveland")
    forum.terms_of_reference = "The board meets quarterly."
    forum.save()
    page = client.get(reverse("forums:public-forum", args=[forum.slug]))
    assert page.status_code == 200
    text = page.text
    assert forum.name in text
    assert "Cleveland" in text
    assert "The board meets quarterly." in text
    assert "Chair of cleveland" in text  # consented
    assert "Member 0 of cleveland" not in text  # no consent: agency and role only
    assert "Not published" in text
    assert "cleveland-sub" in text  # sub-group link


def test_the_chairs_title_comes_from_the_areas_governance_model(client):
    forum = board_with_members("cumbria", code="E23000002")
    text = client.get(reverse("forums:public-forum", args=[forum.slug])).text
    assert "Chair (Police, Fire and Crime Commissioner)" in text
    area = PoliceForceArea.objects.get(code="E23000002")  # as the admin saves it
    area.governance_model = GovernanceModel.POLICING_AND_CRIME_BOARD
    area.local_policing_body_title = ""
    area.save()
    text = client.get(reverse("forums:public-forum", args=[forum.slug])).text
    assert "Chair (Chair of the Policing and Crime Board)" in text
    assert "Police and Crime Commissioner" not in text


def test_a_private_forum_is_404_and_not_listed(client):
    public = ForumFactory(slug="open-board", name="Open Board")
    private = ForumFactory(slug="secret-group", name="Secret Group", is_public=False)
    assert client.get(reverse("forums:public-forum", args=[public.slug])).status_code == 200
    assert client.get(reverse("forums:public-forum", args=[private.slug])).status_code == 404
    home = client.get(reverse("forums:home")).text
    assert "Open Board" in home and "Secret Group" not in home


def test_a_private_parent_or_sub_group_is_not_named(client):
    parent = ForumFactory(name="Hidden Parent Board", is_public=False)
    sub = ForumFactory(name="Open Sub-group", kind=Forum.Kind.SUB_GROUP, parent=parent)
    ForumFactory(name="Hidden Child", kind=Forum.Kind.SUB_GROUP, parent=sub, is_public=False)
    ForumFactory(name="Open Child", kind=Forum.Kind.SUB_GROUP, parent=sub)
    page = client.get(reverse("forums:public-forum", args=[sub.slug])).text
    assert "Open Child" in page
    assert "Hidden Parent Board" not in page
    assert "Hidden Child" not in page
    home = client.get(reverse("forums:home")).text
    assert "Open Sub-group" in home and "Hidden Parent Board" not in home


def test_ended_members_guests_and_the_secretariat_are_not_listed(client):
    forum = board_with_members("durham", code="E23000008", members=0)
    MembershipFactory(
        forum=forum, role=Membership.Role.SECRETARIAT, show_name_publicly=True,
        person=UserFactory(full_name="Sec Retariat"),
        agency=AgencyFactory(agency_type=agency_type("pcc"), areas=[area_of("E23000008")]),
    )  # fmt: skip
    MembershipFactory(
        forum=forum, show_name_publicly=True, ended=True,
        person=UserFactory(full_name="Former Member"),
        agency=AgencyFactory(agency_type=agency_type("cps"), areas=[area_of("E23000008")]),
    )  # fmt: skip
    text = client.get(reverse("forums:public-forum", args=[forum.slug])).text
    assert "Chair of durham" in text  # a current seat with consent is listed
    assert "Sec Retariat" not in text
    assert "Former Member" not in text


def test_the_home_page_lists_public_forums_by_area(client):
    board_with_members("cleveland")
    board_with_members("south-wales", code="W15000003")
    text = client.get(reverse("forums:home")).text
    assert "Wales" in text and "England" in text
    assert reverse("forums:public-forum", args=["south-wales"]) in text


def test_the_public_pages_issue_the_same_queries_whatever_the_data(client):
    small = board_with_members("small", members=1)
    home_small = queries_for(client, reverse("forums:home"))
    page_small = queries_for(client, reverse("forums:public-forum", args=[small.slug]))

    big = board_with_members("big", members=25)
    for code in ("E23000008", "E23000010", "W15000003", "W15000002"):
        board_with_members(f"board-{code}", code=code, members=5)
    assert queries_for(client, reverse("forums:home")) == home_small
    assert queries_for(client, reverse("forums:public-forum", args=[big.slug])) == page_small
