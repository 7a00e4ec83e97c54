"""The forum's public page and the workspace home in Welsh, under /cy/ (the English stays put)."""

import pytest
from django.urls import reverse
from django.utils import translation

from forums.models import Membership
from tests.forums.factories import ActionFactory, ForumFactory, MembershipFactory
from tests.membership.factories import AgencyFactory, UserFactory, agency_type
from tests.membership.factories import area as area_of

pytestmark = pytest.mark.django_db


def welsh(name, *args):
    with translation.override("cy"):
        return reverse(name, args=args)


def english(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def public_board():
    forum = ForumFactory(
        slug="gwent", name="Gwent Criminal Justice Board", areas=[area_of("W15000002")]
    )
    forum.terms_of_reference = "The board meets quarterly."
    forum.save()
    MembershipFactory(
        forum=forum,
        role=Membership.Role.CHAIR,
        person=UserFactory(full_name="Chair of Gwent"),
        agency=AgencyFactory(agency_type=agency_type("pcc"), areas=[area_of("W15000002")]),
        show_name_publicly=True,
    )
    MembershipFactory(
        forum=forum,
        person=UserFactory(full_name="Hidden Member"),
        agency=AgencyFactory(agency_type=agency_type("cps"), areas=[area_of("W15000002")]),
    )
    return forum


def test_the_public_forum_page_reads_in_welsh_under_cy(client):
    forum = public_board()
    url = welsh("forums:public-forum", forum.slug)
    assert url == "/cy" + english("forums:public-forum", forum.slug)
    response = client.get(url)
    assert response.status_code == 200
    text = response.text
    assert "Byrddau" in text  # the breadcrumb
    assert "Bwrdd cyfiawnder troseddol lleol" in text  # the kind of forum
    assert "Ardal a gwmpesir" in text  # one area covered
    assert "Pwy sy'n aelod o'r bwrdd cyfiawnder troseddol lleol" in text
    assert "Cadeirydd (Comisiynydd Heddlu a Throseddu)" in text  # the chair's title too
    assert "Heb ei gyhoeddi" in text  # a name without consent
    assert "Cylch gorchwyl" in text
    assert "The board meets quarterly." in text  # what the board wrote stays as written
    for words in ("Terms of reference", "Area covered", "Who sits on the", "Not published"):
        assert words not in text
    # The English page is unchanged, at its own address.
    english_page = client.get(english("forums:public-forum", forum.slug)).text
    assert "Terms of reference" in english_page
    assert "Cylch gorchwyl" not in english_page


def test_the_workspace_home_reads_in_welsh_under_cy(member_client, member, forum):
    ActionFactory(forum=forum, owner=member, title="Write the victims' report")
    response = member_client.get(welsh("forums:workspace"))
    assert response.status_code == 200
    text = response.text
    assert "Eich man gwaith" in text
    assert "Eich cyfarfodydd nesaf" in text
    assert "Eich camau gweithredu" in text  # the actions section's heading
    assert "Write the victims" in text  # the action's own title, as written
    assert "Fforymau rydych chi'n aelod ohonyn nhw" in text
    assert "Aelod" in text  # the role in the table
    for words in ("Your workspace", "Your next meetings", "Forums you sit on"):
        assert words not in text
    assert "Your workspace" in member_client.get(english("forums:workspace")).text
