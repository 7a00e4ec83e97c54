"""Which forum a person may open: standing (a current seat) or a 404; the permission or a 403.

Site admins and national viewers have no standing in a forum by their role: site admins work
in /admin/, national viewers on the national pages.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from forums.access import forum_for
from forums.models import Membership
from tests.forums.factories import MembershipFactory
from tests.membership.factories import UserFactory

pytestmark = pytest.mark.django_db

# One workspace page of each app, all reached through forums.access.forum_for.
WORKSPACE_PAGES = [
    "forums:workspace-forum",
    "meetings:workspace-list",
    "meetings:workspace-actions",
    "meetings:workspace-forward-plan",
    "priorities:workspace-list",
    "performance:workspace-dashboard",
    "reports:list",
]


@pytest.fixture
def national_viewer(db):
    return UserFactory(is_national_viewer=True)


def _client(client, person):
    client.force_login(person)
    return client


def test_forum_for_finds_the_persons_forum_and_404s_another(member, forum, other_forum):
    assert forum_for(person=member, slug=forum.slug) == forum
    with pytest.raises(Http404):
        forum_for(person=member, slug=other_forum.slug)


def test_forum_for_404s_after_the_membership_ends(member, forum, secretariat):
    Membership.objects.filter(person=member).update(end_date="2000-01-01", start_date="1999-01-01")
    with pytest.raises(Http404):
        forum_for(person=member, slug=forum.slug)
    assert forum_for(person=secretariat, slug=forum.slug) == forum


def test_forum_for_404s_a_site_admin_without_a_seat(site_admin, secretariat, forum):
    with pytest.raises(Http404):
        forum_for(person=site_admin, slug=forum.slug)
    with pytest.raises(Http404):
        forum_for(person=site_admin, slug=forum.slug, perm="forums.manage_meetings")
    assert forum_for(person=secretariat, slug=forum.slug, perm="forums.manage_meetings") == forum


def test_forum_for_404s_a_national_viewer(national_viewer, member, forum):
    with pytest.raises(Http404):
        forum_for(person=national_viewer, slug=forum.slug)
    assert forum_for(person=member, slug=forum.slug) == forum


def test_forum_for_403s_someone_with_standing_but_not_the_permission(
    data_submitter, advisory_member, member, forum
):
    with pytest.raises(PermissionDenied):
        forum_for(person=data_submitter, slug=forum.slug, perm="forums.view_meetings")
    with pytest.raises(PermissionDenied):
        forum_for(person=advisory_member, slug=forum.slug, perm="forums.own_actions")
    assert forum_for(person=data_submitter, slug=forum.slug) == forum
    assert forum_for(person=member, slug=forum.slug, perm="forums.own_actions") == forum


def test_forum_for_404s_a_forum_that_does_not_exist(member, forum):
    with pytest.raises(Http404):
        forum_for(person=member, slug="no-such-forum")
    assert forum_for(person=member, slug=forum.slug) == forum


@pytest.mark.parametrize("name", WORKSPACE_PAGES)
def test_a_site_admin_without_a_seat_gets_404_on_a_forum_workspace_page(
    client, site_admin, secretariat_client, forum, name
):
    url = reverse(name, args=[forum.slug])
    assert _client(client, site_admin).get(url).status_code == 404
    assert secretariat_client.get(url).status_code == 200


@pytest.mark.parametrize("name", WORKSPACE_PAGES)
def test_a_national_viewer_gets_404_on_a_forum_workspace_page(
    client, national_viewer, member_client, forum, name
):
    url = reverse(name, args=[forum.slug])
    assert _client(client, national_viewer).get(url).status_code == 404
    assert member_client.get(url).status_code == 200


def test_a_site_admin_with_a_member_seat_has_a_members_rights_only(client, site_admin, forum):
    MembershipFactory(forum=forum, person=site_admin, role=Membership.Role.MEMBER)
    admin_client = _client(client, site_admin)
    meetings = reverse("meetings:workspace-list", args=[forum.slug])
    schedule = reverse("meetings:workspace-schedule", args=[forum.slug])
    assert admin_client.get(meetings).status_code == 200
    assert admin_client.get(schedule).status_code == 403
    assert admin_client.get(reverse("forums:forum-edit", args=[forum.slug])).status_code == 403
    assert admin_client.get("/admin/").status_code == 200  # where site admins do their work


def test_national_escalations_are_for_national_viewers_not_site_admins(
    client, national_viewer, site_admin_client
):
    url = reverse("meetings:workspace-national-escalations")
    assert site_admin_client.get(url).status_code == 403
    assert _client(client, national_viewer).get(url).status_code == 200
    home = client.get(reverse("forums:workspace")).text
    assert "Issues escalated to the national board" in home
    assert (
        "Issues escalated to the national board"
        not in site_admin_client.get(reverse("forums:workspace")).text
    )
