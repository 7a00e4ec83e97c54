"""Reads scoped to the person: another forum's record is a 404 (the forum guard itself is
tested in tests/forums/test_access.py)."""

import pytest
from django.http import Http404

from forums.models import Forum, Membership
from forums.selectors import forum as selectors
from forums.services.forum import membership_update
from tests.forums.factories import ForumFactory, MembershipFactory
from tests.membership.factories import AgencyFactory, agency_type, area

pytestmark = pytest.mark.django_db


def test_membership_for_404s_another_forums_membership(forum, other_forum_member, other_forum):
    theirs = Membership.objects.get(person=other_forum_member)
    assert selectors.membership_for(forum=other_forum, pk=theirs.pk) == theirs
    with pytest.raises(Http404):
        selectors.membership_for(forum=forum, pk=theirs.pk)


def test_members_are_grouped_by_agency(forum):
    cps = AgencyFactory(name="CPS North East", agency_type=agency_type("cps"))
    police = AgencyFactory(name="Cleveland Police", agency_type=agency_type("police"))
    MembershipFactory(forum=forum, agency=cps)
    MembershipFactory(forum=forum, agency=cps)
    MembershipFactory(forum=forum, agency=police)
    groups = selectors.group_by_agency(selectors.forum_members(forum=forum))
    assert [(group.name, len(group.memberships)) for group in groups] == [
        ("CPS North East", 2),
        ("Cleveland Police", 1),
    ]


def test_agencies_offered_cover_the_forums_areas(forum):
    here = AgencyFactory(name="Here")
    elsewhere = AgencyFactory(name="Elsewhere", areas=[area("E23000010")])
    offered = list(selectors.agencies_for_forum(forum=forum))
    assert here in offered and elsewhere not in offered
    assert elsewhere in selectors.agencies_for_forum(forum=forum, including=elsewhere.pk)
    regional = ForumFactory(kind=Forum.Kind.REGIONAL_BOARD)
    assert elsewhere in selectors.agencies_for_forum(forum=regional)


def test_membership_history_says_who_changed_what(forum, member, secretariat):
    membership = Membership.objects.get(person=member)
    membership_update(membership=membership, updated_by=secretariat, can_commit_resources=False)
    latest, first = selectors.membership_history(membership=membership)
    assert latest.who == secretariat
    assert latest.changes == [("Has authority to commit resources", "Yes", "No")]
    assert first.changes == []


def test_workspace_forums_show_coverage_only_where_the_person_runs_the_forum(
    forum, secretariat, member
):
    (row,) = selectors.workspace_forums_for(person=secretariat)
    assert row.runs_it and row.coverage is not None
    (row,) = selectors.workspace_forums_for(person=member)
    assert not row.runs_it and row.coverage is None
