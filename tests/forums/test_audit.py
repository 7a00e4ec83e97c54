"""A forum's audit trail: who changed what, when, before → after, for those who run it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forums import confidentiality
from forums.models import Membership
from forums.selectors.audit import audit_kinds, audit_page
from forums.services.forum import membership_update
from tests.forums.factories import (
    ActionFactory,
    AgendaItemFactory,
    ForumFactory,
    MembershipFactory,
)
from tests.membership.factories import UserFactory

pytestmark = pytest.mark.django_db


def _audit_url(forum):
    return reverse("forums:audit", args=[forum.slug])


def _promote(membership, *, by):
    return membership_update(membership=membership, updated_by=by, role=Membership.Role.VICE_CHAIR)


def test_secretariat_sees_who_changed_a_membership_before_and_after(
    forum, secretariat, secretariat_client
):
    membership = MembershipFactory(forum=forum, person__full_name="Priya Shah")
    _promote(membership, by=secretariat)

    response = secretariat_client.get(_audit_url(forum))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Priya Shah (Vice-chair)" in page
    assert secretariat.full_name in page
    assert "Member → Vice-chair" in page


def test_chair_may_open_the_audit_trail(forum, chair_client):
    assert chair_client.get(_audit_url(forum)).status_code == 200


@pytest.mark.parametrize("role_client", ["member_client", "advisory_client"])
def test_members_and_advisory_members_are_refused(forum, role_client, request):
    client = request.getfixturevalue(role_client)
    assert client.get(_audit_url(forum)).status_code == 403


def test_another_forums_member_gets_not_found(forum, other_forum_member_client):
    assert other_forum_member_client.get(_audit_url(forum)).status_code == 404


def test_anonymous_is_sent_to_sign_in(forum, client):
    response = client.get(_audit_url(forum))
    assert response.status_code == 302
    assert "sign-in" in response["Location"]


def test_the_navigation_links_to_the_audit_trail_only_for_those_who_run_the_forum(
    forum, secretariat_client, member_client
):
    link = f'href="{_audit_url(forum)}"'
    assert (
        link
        in secretariat_client.get(
            reverse("forums:workspace-forum", args=[forum.slug])
        ).content.decode()
    )
    assert (
        link
        not in member_client.get(
            reverse("forums:workspace-forum", args=[forum.slug])
        ).content.decode()
    )


def test_another_forums_changes_are_not_listed(forum, secretariat_client):
    elsewhere = MembershipFactory(forum=ForumFactory(), person__full_name="Somebody Elsewhere")
    _promote(elsewhere, by=None)

    assert "Somebody Elsewhere" not in secretariat_client.get(_audit_url(forum)).content.decode()


def test_filters_by_kind_of_record_and_by_person(forum, secretariat, chair, secretariat_client):
    first = MembershipFactory(forum=forum, person__full_name="Changed By Secretariat")
    second = MembershipFactory(forum=forum, person__full_name="Changed By Chair")
    _promote(first, by=secretariat)
    _promote(second, by=chair)
    ActionFactory(forum=forum, title="Fix the witness care backlog")

    by_chair = secretariat_client.get(_audit_url(forum), {"person": chair.pk}).content.decode()
    assert "Changed By Chair" in by_chair
    assert "Changed By Secretariat" not in by_chair

    actions = secretariat_client.get(_audit_url(forum), {"kind": "actions"}).content.decode()
    assert "Fix the witness care backlog" in actions
    assert "Changed By Chair" not in actions


def test_every_kind_of_record_with_history_is_offered(forum, secretariat_client):
    labels = {kind.label for kind in audit_kinds()}
    assert {"Memberships", "Minutes entries", "Decisions", "Actions"} <= labels
    assert {"Priorities", "Risks", "Performance returns", "Figures in returns"} <= labels


def test_restricted_rows_are_left_out_for_a_viewer_not_named_on_them(forum, member):
    item = AgendaItemFactory(meeting__forum=forum, restricted=True)
    ActionFactory(forum=forum, agenda_item=item, title="Restricted follow-up")
    ActionFactory(forum=forum, title="Open follow-up")
    not_named = confidentiality.viewer(member, forum)

    _, rows = audit_page(forum=forum, viewer=not_named, kind="actions")

    assert not any("Restricted follow-up" in row.what for row in rows)
    assert any("Open follow-up" in row.what for row in rows)

    item.restricted_to.add(member)
    _, rows = audit_page(forum=forum, viewer=not_named, kind="actions")
    assert any("Restricted follow-up" in row.what for row in rows)


def test_the_page_is_paginated_and_keeps_the_filters(forum, secretariat, secretariat_client):
    for _ in range(30):
        ActionFactory(forum=forum)

    first = secretariat_client.get(_audit_url(forum), {"kind": "actions"}).content.decode()
    assert "kind=actions&amp;page=2" in first
    second = secretariat_client.get(_audit_url(forum), {"kind": "actions", "page": 2})
    assert second.status_code == 200
    assert second.content.decode().count('class="govuk-table__row"') == 5 + 1


def _changes(forum, secretariat, how_many):
    for _ in range(how_many):
        membership = MembershipFactory(forum=forum, person=UserFactory())
        _promote(membership, by=secretariat)
        ActionFactory(forum=forum, owner=secretariat)


def test_the_same_number_of_queries_however_many_changes(forum, secretariat, secretariat_client):
    _changes(forum, secretariat, 2)
    with CaptureQueriesContext(connection) as few:
        assert secretariat_client.get(_audit_url(forum)).status_code == 200
    _changes(forum, secretariat, 20)
    with CaptureQueriesContext(connection) as many:
        assert secretariat_client.get(_audit_url(forum)).status_code == 200
    assert len(many) == len(few)
