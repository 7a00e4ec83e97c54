"""Accepting an emailed invitation: new person, existing account, single use, 7-day expiry."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from forums.models import Invitation, Membership
from forums.services.forum import invitation_accept, invitation_send
from membership.models import Notification, User
from tests.membership.factories import PASSWORD, AgencyFactory, UserFactory, agency_type

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a long and unusual passphrase 42"


@pytest.fixture
def probation(db):
    return AgencyFactory(name="Probation North East", agency_type=agency_type("probation"))


def invite(forum, secretariat, probation, email="new.person@example.org", **kwargs):
    return invitation_send(
        forum=forum,
        email=email,
        full_name="New Person",
        role=Membership.Role.MEMBER,
        agency=probation,
        can_commit_resources=True,
        invited_by=secretariat,
        **kwargs,
    )


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/invitations/[^\s]+/)", message.body).group(1)


def test_the_invitation_is_emailed_once_as_an_essential_notice(
    forum, secretariat, probation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, token = invite(forum, secretariat, probation)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.person@example.org"]
    assert forum.name in message.subject
    assert token in message.body
    assert "Probation North East" in message.body
    assert Notification.objects.get(recipient__email="new.person@example.org").essential
    assert invitation.token_hash != token  # only the hash is stored
    assert invitation.expires_at - timezone.now() > datetime.timedelta(days=6, hours=23)


def test_a_new_person_sets_name_and_password_and_lands_on_their_forum(
    client, forum, secretariat, probation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(forum, secretariat, probation)
    response = client.get(link_in(mail.outbox[0]))
    assert response.url == reverse("forums:invitation-accept")  # token leaves the address bar
    page = client.get(response.url)
    assert page.status_code == 200
    assert "Create a password" in page.text
    response = client.post(
        reverse("forums:invitation-accept"),
        {"full_name": "Nia Person", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert response.url == reverse("forums:workspace-forum", args=[forum.slug])
    person = User.objects.get(email="new.person@example.org")
    assert person.full_name == "Nia Person"
    assert person.check_password(NEW_PASSWORD)
    membership = Membership.objects.get(forum=forum, person=person)
    assert membership.agency == probation and membership.can_commit_resources
    assert client.get(response.url).status_code == 200  # signed in


def test_the_link_works_only_once(client, forum, secretariat, probation):
    _invitation, token = invite(forum, secretariat, probation)
    client.get(reverse("forums:invitation-open", args=[token]))
    client.post(
        reverse("forums:invitation-accept"),
        {"full_name": "Nia Person", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    other = client.__class__()
    other.get(reverse("forums:invitation-open", args=[token]))
    response = other.get(reverse("forums:invitation-accept"))
    assert response.status_code == 410
    assert "already been used" in response.text


def test_the_link_expires_after_seven_days(client, forum, secretariat, probation):
    _invitation, token = invite(forum, secretariat, probation)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=7, minutes=1)):
        client.get(reverse("forums:invitation-open", args=[token]))
        response = client.get(reverse("forums:invitation-accept"))
    assert response.status_code == 410
    assert "expired" in response.text


def test_a_withdrawn_or_unknown_link_does_not_work(client, forum, secretariat, probation):
    invitation, token = invite(forum, secretariat, probation)
    Invitation.objects.filter(pk=invitation.pk).update(revoked_at=timezone.now())
    client.get(reverse("forums:invitation-open", args=[token]))
    assert client.get(reverse("forums:invitation-accept")).status_code == 410
    client.get(reverse("forums:invitation-open", args=["not-a-real-token"]))
    assert client.get(reverse("forums:invitation-accept")).status_code == 404


def test_a_second_invitation_replaces_the_first(forum, secretariat, probation):
    first, _ = invite(forum, secretariat, probation)
    invite(forum, secretariat, probation)
    first.refresh_from_db()
    assert first.revoked_at is not None
    assert Invitation.objects.usable().count() == 1


def test_passwords_must_match_and_be_strong(client, forum, secretariat, probation):
    _invitation, token = invite(forum, secretariat, probation)
    client.get(reverse("forums:invitation-open", args=[token]))
    response = client.post(
        reverse("forums:invitation-accept"),
        {"full_name": "", "password1": "short", "password2": "different"},
    )
    assert response.status_code == 200
    assert "Enter your full name" in response.text
    assert "The passwords do not match" in response.text
    response = client.post(
        reverse("forums:invitation-accept"),
        {"full_name": "Nia", "password1": "password", "password2": "password"},
    )
    assert "too short" in response.text or "too common" in response.text
    assert not Membership.objects.filter(person__email="new.person@example.org").exists()


def test_someone_with_an_account_is_asked_to_sign_in_then_accepts(
    client, forum, secretariat, probation
):
    existing = UserFactory(email="existing@example.org")
    _invitation, token = invite(forum, secretariat, probation, email="Existing@example.org")
    client.get(reverse("forums:invitation-open", args=[token]))
    page = client.get(reverse("forums:invitation-accept"))
    assert "Sign in to accept" in page.text
    assert "Create a password" not in page.text
    client.force_login(existing)
    response = client.post(reverse("forums:invitation-accept"))
    assert response.url == reverse("forums:workspace-forum", args=[forum.slug])
    assert Membership.objects.current().filter(forum=forum, person=existing).exists()
    assert existing.check_password(PASSWORD)  # unchanged


def test_a_signed_in_person_attaches_a_new_persons_invitation_to_their_account(
    client, forum, secretariat, probation
):
    me = UserFactory(email="me@example.org")
    _invitation, token = invite(forum, secretariat, probation, email="me.at.work@example.org")
    client.force_login(me)
    client.get(reverse("forums:invitation-open", args=[token]))
    assert (
        "with your account, me@example.org" in client.get(reverse("forums:invitation-accept")).text
    )
    client.post(reverse("forums:invitation-accept"))
    assert Membership.objects.filter(forum=forum, person=me).exists()


def test_signed_in_as_someone_else_cannot_take_another_accounts_invitation(
    client, forum, secretariat, probation
):
    existing = UserFactory(email="existing@example.org")
    _invitation, token = invite(forum, secretariat, probation, email="existing@example.org")
    client.force_login(UserFactory())
    client.get(reverse("forums:invitation-open", args=[token]))
    response = client.post(reverse("forums:invitation-accept"))
    assert response.status_code == 403
    assert not Membership.objects.filter(forum=forum, agency=probation).exists()
    client.force_login(existing)  # the invitation's own account may still take it
    client.get(reverse("forums:invitation-open", args=[token]))
    client.post(reverse("forums:invitation-accept"))
    assert Membership.objects.get(forum=forum, agency=probation).person == existing


def test_accepting_checks_the_rules_again(forum, secretariat, chair):
    pcc = AgencyFactory(agency_type=agency_type("pcc"))
    Membership.objects.filter(forum=forum, person=chair).update(
        end_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    invitation, _ = invitation_send(
        forum=forum, email="new.chair@example.org", full_name="New Chair", role="chair",
        agency=pcc, invited_by=secretariat,
    )  # fmt: skip
    Membership.objects.filter(forum=forum, person=chair).update(end_date=None)  # chair is back
    with pytest.raises(ValidationError):
        invitation_accept(invitation=invitation, person=User.objects.get(email=invitation.email))
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_signing_in_from_the_invitation_comes_back_to_accept_it(
    client, forum, secretariat, probation
):
    existing = UserFactory(email="existing@example.org")
    _invitation, token = invite(forum, secretariat, probation, email="existing@example.org")
    client.get(reverse("forums:invitation-open", args=[token]))
    accept = reverse("forums:invitation-accept")
    response = client.post(
        f"{reverse('login')}?next={accept}",
        {"username": "existing@example.org", "password": PASSWORD, "next": accept},
    )
    assert response.status_code == 302
    assert response.url == accept
    response = client.post(accept)
    assert response.url == reverse("forums:workspace-forum", args=[forum.slug])
    assert Membership.objects.filter(forum=forum, person=existing).exists()


def test_whoever_sent_the_invitation_hears_it_was_accepted(
    forum, secretariat, probation, django_capture_on_commit_callbacks
):
    invitation, _ = invite(forum, secretariat, probation)
    person = User.objects.get(email=invitation.email)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        invitation_accept(
            invitation=invitation, person=person, full_name="Nia", password=NEW_PASSWORD
        )
    assert [message.to for message in mail.outbox] == [[secretariat.email]]
    assert "Nia has joined" in mail.outbox[0].subject


def test_a_refused_acceptance_leaves_no_account_behind(client, forum, secretariat, chair):
    """The account of someone new is made inside the acceptance: refused, nothing is left."""
    pcc = AgencyFactory(agency_type=agency_type("pcc"))
    chair_seat = Membership.objects.get(forum=forum, person=chair)
    Membership.objects.filter(pk=chair_seat.pk).update(
        end_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    _invitation, token = invitation_send(
        forum=forum, email="new.chair@example.org", full_name="New Chair", role="chair",
        agency=pcc, invited_by=secretariat,
    )  # fmt: skip
    User.objects.filter(email="new.chair@example.org").delete()  # e.g. removed by a site admin
    Membership.objects.filter(pk=chair_seat.pk).update(end_date=None)  # the chair is back
    client.get(reverse("forums:invitation-open", args=[token]))
    answers = {"full_name": "Nia Chair", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}

    response = client.post(reverse("forums:invitation-accept"), answers)
    assert response.status_code == 200
    assert "already has a chair" in response.text
    assert not User.objects.filter(email="new.chair@example.org").exists()

    Membership.objects.filter(pk=chair_seat.pk).update(  # positive control: the seat is free
        end_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    response = client.post(reverse("forums:invitation-accept"), answers)
    assert response.url == reverse("forums:workspace-forum", args=[forum.slug])
    person = User.objects.get(email="new.chair@example.org")
    assert person.full_name == "Nia Chair" and person.check_password(NEW_PASSWORD)
    assert Membership.objects.current().filter(forum=forum, person=person, role="chair").exists()


def test_someone_new_cannot_take_over_an_account_that_has_a_password(forum, secretariat, probation):
    invitation, _ = invite(forum, secretariat, probation)
    person = User.objects.get(email=invitation.email)
    person.set_password("someone else set this up 42")
    person.save(update_fields=["password"])
    with pytest.raises(ValidationError, match="Sign in to accept"):
        invitation_accept(
            invitation=invitation, person=None, full_name="Nia", password=NEW_PASSWORD
        )
    assert person.check_password("someone else set this up 42")
    assert not Membership.objects.filter(forum=forum, person=person).exists()

    membership = invitation_accept(invitation=invitation, person=person)  # positive control
    assert membership.person == person
