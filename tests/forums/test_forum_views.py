"""Workspace and public forum pages: who may see and do what, and what they see."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from forums.models import Forum, Invitation, Membership
from forums.services.forum import invitation_send
from tests.forums.factories import ForumFactory, MembershipFactory
from tests.membership.factories import AgencyFactory, UserFactory, agency_type

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()

SIGNED_IN = [
    "member_client",
    "advisory_client",
    "data_submitter_client",
    "secretariat_client",
    "chair_client",
]
# Site admins have no standing in a forum by being site admin (they work in /admin/): see
# tests/forums/test_access.py for the 404 they get.
RUNNERS = ["secretariat_client", "chair_client"]
REFUSED = ["member_client", "advisory_client", "data_submitter_client"]


@pytest.fixture
def membership(forum, member):
    return Membership.objects.get(forum=forum, person=member)


@pytest.fixture
def invitation(forum, secretariat):
    return invitation_send(
        forum=forum,
        email="new.person@example.org",
        full_name="New Person",
        role=Membership.Role.MEMBER,
        agency=AgencyFactory(agency_type=agency_type("probation")),
        invited_by=secretariat,
    )[0]


def manage_urls(forum, membership, invitation):
    return [
        reverse("forums:forum-edit", args=[forum.slug]),
        reverse("forums:membership-add", args=[forum.slug]),
        reverse("forums:membership-detail", args=[forum.slug, membership.pk]),
        reverse("forums:membership-edit", args=[forum.slug, membership.pk]),
        reverse("forums:membership-end", args=[forum.slug, membership.pk]),
        reverse("forums:invitation-new", args=[forum.slug]),
        reverse("forums:invitation-revoke", args=[forum.slug, invitation.pk]),
    ]


# --- who may see what ----------------------------------------------------------------------


def test_anonymous_people_are_sent_to_sign_in(client, forum, membership, invitation):
    urls = [reverse("forums:workspace"), reverse("forums:workspace-forum", args=[forum.slug])]
    for url in urls + manage_urls(forum, membership, invitation):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login")), url


def test_a_member_of_another_forum_gets_404_everywhere(
    other_forum_member_client, secretariat_client, forum, membership, invitation
):
    urls = [reverse("forums:workspace-forum", args=[forum.slug])]
    for url in urls + manage_urls(forum, membership, invitation):
        assert secretariat_client.get(url).status_code == 200, url
        assert other_forum_member_client.get(url).status_code == 404, url
        assert other_forum_member_client.post(url).status_code == 404, url


@pytest.mark.parametrize("client_name", SIGNED_IN)
def test_everyone_with_a_seat_sees_the_forum_page(request, client_name, forum):
    client = request.getfixturevalue(client_name)
    response = client.get(reverse("forums:workspace-forum", args=[forum.slug]))
    assert response.status_code == 200
    assert forum.name in response.text
    assert 'aria-current="page"' in response.text  # the forum's sub-navigation


@pytest.mark.parametrize("client_name", REFUSED)
def test_members_who_do_not_run_the_forum_may_not_manage_it(
    request, client_name, secretariat_client, forum, membership, invitation
):
    client = request.getfixturevalue(client_name)
    for url in manage_urls(forum, membership, invitation):
        assert secretariat_client.get(url).status_code == 200, url
        assert client.get(url).status_code == 403, url
        assert client.post(url).status_code == 403, url
    workspace = reverse("forums:workspace-forum", args=[forum.slug])
    running = secretariat_client.get(workspace).text
    assert "Invite someone to join" in running and "membership</span>" in running
    page = client.get(workspace).text
    assert "Invite someone to join" not in page
    assert "membership</span>" not in page  # no "Manage" links


@pytest.mark.parametrize("client_name", RUNNERS)
def test_the_secretariat_and_chair_may_manage_it(
    request, client_name, forum, membership, invitation
):
    client = request.getfixturevalue(client_name)
    for url in manage_urls(forum, membership, invitation):
        assert client.get(url).status_code == 200, url
    page = client.get(reverse("forums:workspace-forum", args=[forum.slug])).text
    assert "Invite someone to join" in page
    assert "new.person@example.org" in page  # the waiting invitation


def test_data_submitters_see_the_forum_but_not_its_members(data_submitter_client, forum, member):
    page = data_submitter_client.get(reverse("forums:workspace-forum", args=[forum.slug])).text
    assert member.full_name not in page
    assert "Only members of the forum can see who sits on it" in page


def test_a_member_sees_members_by_agency_with_deputy_and_authority(member_client, forum):
    deputy = UserFactory(full_name="Dora Deputy")
    cps = AgencyFactory(name="CPS North East", agency_type=agency_type("cps"))
    MembershipFactory(
        forum=forum, agency=cps, person=UserFactory(full_name="Carl Junior"), deputy=deputy,
        can_commit_resources=False,
    )  # fmt: skip
    page = member_client.get(reverse("forums:workspace-forum", args=[forum.slug])).text
    assert "CPS North East" in page
    assert "Carl Junior" in page
    assert "Dora Deputy" in page
    assert "gaps in the recommended membership" in page


def test_the_forum_page_shows_parent_and_sub_groups(member_client, forum):
    sub = ForumFactory(name="Victims Sub-group", kind=Forum.Kind.SUB_GROUP, parent=forum)
    page = member_client.get(reverse("forums:workspace-forum", args=[forum.slug])).text
    assert sub.name in page
    MembershipFactory(forum=sub, person=UserFactory(), agency=AgencyFactory())


def test_workspace_home_links_forums_with_role_and_coverage_for_the_secretariat(
    secretariat_client, member_client, forum
):
    page = secretariat_client.get(reverse("forums:workspace")).text
    assert reverse("forums:workspace-forum", args=[forum.slug]) in page
    assert "Secretariat" in page
    assert "gap" in page
    member_page = member_client.get(reverse("forums:workspace")).text
    assert "gaps" not in member_page.split("<table")[1].split("</table>")[0]


# --- managing memberships --------------------------------------------------------------------


def test_the_secretariat_adds_a_member_with_an_account(secretariat_client, forum):
    person = UserFactory(email="new.member@example.org")
    agency = AgencyFactory(agency_type=agency_type("probation"))
    response = secretariat_client.post(
        reverse("forums:membership-add", args=[forum.slug]),
        {
            "person": "NEW.member@example.org",
            "agency": agency.pk,
            "role": "member",
            "can_commit_resources": "yes",
            "start_date": TODAY.isoformat(),
        },
    )
    assert response.status_code == 302
    membership = Membership.objects.get(forum=forum, person=person)
    assert membership.can_commit_resources


def test_adding_a_member_shows_every_missing_answer_next_to_its_field(secretariat_client, forum):
    response = secretariat_client.post(reverse("forums:membership-add", args=[forum.slug]), {})
    assert response.status_code == 200
    assert response.text.count("govuk-error-message") >= 4
    assert "Enter the email address of the person to add" in response.text
    assert "Choose a role" in response.text
    assert "Error:" in response.text.split("</title>")[0]


def test_adding_someone_without_an_account_suggests_an_invitation(secretariat_client, forum):
    response = secretariat_client.post(
        reverse("forums:membership-add", args=[forum.slug]),
        {"person": "nobody@example.org", "role": "member", "can_commit_resources": "no",
         "start_date": TODAY.isoformat()},
    )  # fmt: skip
    assert "send them an invitation instead" in response.text


@pytest.mark.parametrize(
    ("agency_slug", "role", "field", "message"),
    [
        ("judiciary", "member", "role", "can only hold an advisory seat"),
        ("pcc", "chair", "role", "already has a chair"),
    ],
)
def test_membership_rules_show_next_to_the_field(
    secretariat_client, chair, forum, agency_slug, role, field, message
):
    agency = AgencyFactory(agency_type=agency_type(agency_slug))
    response = secretariat_client.post(
        reverse("forums:membership-add", args=[forum.slug]),
        {"person": UserFactory().email, "agency": agency.pk, "role": role,
         "can_commit_resources": "no", "start_date": TODAY.isoformat()},
    )  # fmt: skip
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in response.text or f"id_{field}" in response.text
    error_block = response.text.split('class="govuk-error-message"')
    assert any(message in block[:400] for block in error_block[1:])


def test_an_overlapping_membership_shows_next_to_the_start_date(secretariat_client, forum, member):
    agency = AgencyFactory(agency_type=agency_type("cps"))
    response = secretariat_client.post(
        reverse("forums:membership-add", args=[forum.slug]),
        {"person": member.email, "agency": agency.pk, "role": "member",
         "can_commit_resources": "yes", "start_date": TODAY.isoformat()},
    )  # fmt: skip
    assert "already has a membership" in response.text


def test_the_secretariat_changes_a_membership_and_sees_its_history(
    secretariat_client, secretariat, forum, membership
):
    deputy = UserFactory(full_name="Dee Puty")
    response = secretariat_client.post(
        reverse("forums:membership-edit", args=[forum.slug, membership.pk]),
        {"agency": membership.agency_id, "role": "member", "can_commit_resources": "no",
         "deputy": deputy.email, "start_date": membership.start_date.isoformat(),
         "show_name_publicly": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.deputy == deputy
    page = secretariat_client.get(
        reverse("forums:membership-detail", args=[forum.slug, membership.pk])
    ).text
    assert "History" in page
    assert secretariat.full_name in page
    assert "Dee Puty" in page


def test_the_secretariat_ends_a_membership(secretariat_client, forum, membership):
    response = secretariat_client.post(
        reverse("forums:membership-end", args=[forum.slug, membership.pk]),
        {"end_date": TODAY.isoformat()},
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.end_date == TODAY


def test_ending_before_the_start_shows_an_error_on_the_date(secretariat_client, forum, membership):
    response = secretariat_client.post(
        reverse("forums:membership-end", args=[forum.slug, membership.pk]),
        {"end_date": (membership.start_date - datetime.timedelta(days=3)).isoformat()},
    )
    assert response.status_code == 200
    assert "must be the same as or after the start date" in response.text


def test_another_forums_membership_is_404_even_for_the_secretariat(
    secretariat_client, forum, membership, other_forum_member, other_forum
):
    ours = reverse("forums:membership-detail", args=[forum.slug, membership.pk])
    assert secretariat_client.get(ours).status_code == 200
    theirs = Membership.objects.get(forum=other_forum, person=other_forum_member)
    url = reverse("forums:membership-detail", args=[forum.slug, theirs.pk])
    assert secretariat_client.get(url).status_code == 404


def test_the_secretariat_changes_the_forums_details(secretariat_client, forum):
    response = secretariat_client.post(
        reverse("forums:forum-edit", args=[forum.slug]),
        {"public_summary": "We make justice work.", "terms_of_reference": "Terms",
         "meeting_frequency": "monthly", "is_public": "no"},
    )  # fmt: skip
    assert response.status_code == 302
    forum.refresh_from_db()
    assert forum.public_summary == "We make justice work."
    assert not forum.is_public


# --- invitations from the workspace -------------------------------------------------------------


def test_the_secretariat_invites_someone_by_email(
    secretariat_client, forum, django_capture_on_commit_callbacks
):
    agency = AgencyFactory(agency_type=agency_type("youth_justice"))
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(
            reverse("forums:invitation-new", args=[forum.slug]),
            {"full_name": "Yara Youth", "email": "yara@example.org", "agency": agency.pk,
             "role": "member", "can_commit_resources": "yes"},
        )  # fmt: skip
    assert response.status_code == 302
    assert Invitation.objects.usable().filter(email="yara@example.org").exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["yara@example.org"]
    assert "/invitations/" in mail.outbox[0].body


def test_inviting_to_a_judiciary_member_seat_is_refused_on_the_role(secretariat_client, forum):
    agency = AgencyFactory(agency_type=agency_type("judiciary"))
    response = secretariat_client.post(
        reverse("forums:invitation-new", args=[forum.slug]),
        {"full_name": "Judge", "email": "judge@example.org", "agency": agency.pk,
         "role": "member", "can_commit_resources": "no"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "can only hold an advisory seat" in response.text
    assert not Invitation.objects.exists()


def test_inviting_a_current_member_is_refused_on_the_email(secretariat_client, forum, member):
    agency = AgencyFactory(agency_type=agency_type("cps"))
    response = secretariat_client.post(
        reverse("forums:invitation-new", args=[forum.slug]),
        {"full_name": member.full_name, "email": member.email, "agency": agency.pk,
         "role": "member", "can_commit_resources": "yes"},
    )  # fmt: skip
    assert "already has a membership" in response.text


def test_the_secretariat_withdraws_an_invitation(secretariat_client, forum, invitation):
    response = secretariat_client.post(
        reverse("forums:invitation-revoke", args=[forum.slug, invitation.pk])
    )
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_the_forum_workspace_page_issues_the_same_queries_whatever_the_data(
    secretariat_client, forum
):
    from tests.queries import queries_for

    url = reverse("forums:workspace-forum", args=[forum.slug])
    MembershipFactory(forum=forum, agency=AgencyFactory(agency_type=agency_type("hmcts")))
    few = queries_for(secretariat_client, url)
    for slug in ("probation", "youth_justice", "victim_services", "prison_service", "cps"):
        MembershipFactory(
            forum=forum,
            agency=AgencyFactory(agency_type=agency_type(slug)),
            deputy=UserFactory(),
        )
        MembershipFactory(
            forum=forum,
            agency=AgencyFactory(agency_type=agency_type(slug)),
            start_date=TODAY - datetime.timedelta(days=90),
            end_date=TODAY - datetime.timedelta(days=2),
        )
    ForumFactory(kind=Forum.Kind.SUB_GROUP, parent=forum)
    assert queries_for(secretariat_client, url) == few


def test_workspace_home_issues_the_same_queries_however_many_forums(secretariat, forum):
    from django.test import Client

    from tests.queries import queries_for

    client = Client()
    client.force_login(secretariat)
    few = queries_for(client, reverse("forums:workspace"))
    for _ in range(3):
        other = ForumFactory()
        MembershipFactory(forum=other, person=secretariat, role=Membership.Role.SECRETARIAT)
        MembershipFactory(forum=other, agency=AgencyFactory(agency_type=agency_type("cps")))
    assert queries_for(client, reverse("forums:workspace")) == few


# --- a member's own consent to their name on the public page -------------------------------------


def test_a_member_chooses_whether_their_name_is_shown_publicly(member_client, member, forum):
    url = reverse("forums:public-name", args=[forum.slug])
    page = member_client.get(reverse("forums:workspace-forum", args=[forum.slug])).text
    assert "Your name is not shown on the forum's public page" in page
    assert member_client.get(url).status_code == 200
    response = member_client.post(url, {"show_name_publicly": "yes"})
    assert response.status_code == 302
    membership = Membership.objects.get(person=member)
    assert membership.show_name_publicly
    assert membership.history.order_by("-history_date").first().history_user == member
    public = member_client.get(reverse("forums:public-forum", args=[forum.slug])).text
    assert member.full_name in public


def test_choosing_nothing_shows_an_error(member_client, forum):
    response = member_client.post(reverse("forums:public-name", args=[forum.slug]), {})
    assert "Say whether to show your name on the public page" in response.text


def test_public_name_is_only_for_your_own_seat(
    client, member_client, other_forum_member_client, data_submitter_client, forum
):
    url = reverse("forums:public-name", args=[forum.slug])
    assert member_client.get(url).status_code == 200
    assert client.get(url).status_code == 302
    assert other_forum_member_client.get(url).status_code == 404
    assert data_submitter_client.get(url).status_code == 404  # no seat round the table
