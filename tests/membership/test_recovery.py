"""Recovering two-factor sign-in: backup codes, a site admin's reset, and the policy per role."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from forums.models import Membership
from membership import security
from membership.models import SecurityEvent
from tests.forums.factories import ForumFactory, MembershipFactory
from tests.membership.factories import PASSWORD, UserFactory
from tests.membership.test_two_factor import current_code

pytestmark = pytest.mark.django_db

SET_UP = "/accounts/account/two-factor/"
BACKUP = "/accounts/account/two-factor/backup-codes/"
VERIFY = "/accounts/sign-in/code/"
PEOPLE_ADMIN = "/admin/membership/user/"
CODE = re.compile(r"<li><code>([a-z2-7]{4} [a-z2-7]{4})</code></li>")


def sign_in(email) -> Client:
    client = Client()
    client.post("/accounts/sign-in/", {"username": email, "password": PASSWORD})
    return client


def turn_on_two_factor(client, person) -> list[str]:
    """Set two-factor up through the pages; returns the backup codes shown once."""
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=person, confirmed=False)
    done = client.post(SET_UP, {"code": current_code(device)})
    assert done["Location"].startswith(BACKUP)
    return CODE.findall(client.get(done["Location"]).content.decode())


def test_backup_codes_are_shown_once_at_set_up_and_each_signs_in_once():
    person = UserFactory(email="pat@example.org")
    client = Client()
    client.force_login(person)
    codes = turn_on_two_factor(client, person)
    assert len(codes) == 10 and len(set(codes)) == 10

    again = client.get(BACKUP).content.decode()
    assert not CODE.findall(again)
    assert "You have 10 backup codes left" in again

    first = sign_in(person.email)
    response = first.post(VERIFY, {"code": codes[0].upper(), "next": "/workspace/"})
    assert response["Location"] == "/workspace/"
    landed = first.get("/workspace/")
    assert landed.status_code == 200
    assert "You used a backup code. You have 9 backup codes left" in landed.content.decode()
    assert "You have 9 backup codes left" in first.get("/accounts/account/").content.decode()

    second = sign_in(person.email)
    refused = second.post(VERIFY, {"code": codes[0]})
    assert refused.status_code == 200
    assert "That backup code is not right or has already been used" in refused.content.decode()
    assert second.get("/workspace/")["Location"].startswith(VERIFY)


def test_making_new_backup_codes_stops_the_old_ones_working():
    person = UserFactory(email="sam@example.org")
    client = Client()
    client.force_login(person)
    old = turn_on_two_factor(client, person)

    made = client.post(BACKUP)
    assert made["Location"] == BACKUP
    new = CODE.findall(client.get(BACKUP).content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert not CODE.findall(client.get(BACKUP).content.decode())  # shown once

    refused = sign_in(person.email).post(VERIFY, {"code": old[1]})
    assert "That backup code is not right or has already been used" in refused.content.decode()
    security.backup_device(person).throttle_reset()  # a wrong code makes the next wait a moment
    accepted = sign_in(person.email).post(VERIFY, {"code": new[1], "next": "/workspace/"})
    assert accepted["Location"] == "/workspace/"


def test_required_role_signed_in_with_a_backup_code_stays_signed_in_after_making_new_codes():
    person = UserFactory(email="chair@example.org")
    MembershipFactory(forum=ForumFactory(), person=person, role=Membership.Role.CHAIR)
    TOTPDevice.objects.create(user=person, name="Authenticator app", confirmed=True)
    codes = security._new_backup_codes(person)
    client = sign_in(person.email)
    assert client.post(VERIFY, {"code": codes[0], "next": "/workspace/"})["Location"] == (
        "/workspace/"
    )
    client.post(BACKUP)
    assert client.get("/workspace/").status_code == 200
    assert security.backup_codes_left(person) == 10


def test_backup_codes_page_without_two_factor_sends_the_person_to_set_it_up(client):
    client.force_login(UserFactory())
    assert client.get(BACKUP)["Location"] == SET_UP
    assert client.post(BACKUP)["Location"] == SET_UP
    assert not StaticDevice.objects.exists()


def test_set_up_page_says_why_two_factor_is_required(client):
    person = UserFactory(email="clerk@example.org")
    MembershipFactory(forum=ForumFactory(), person=person, role=Membership.Role.SECRETARIAT)
    held = sign_in(person.email)
    page = held.get(SET_UP).content.decode()
    assert "Two-factor sign-in is required for your role as secretariat" in page

    member = UserFactory()
    MembershipFactory(forum=ForumFactory(), person=member, role=Membership.Role.MEMBER)
    client.force_login(member)
    assert "is required for your role" not in client.get(SET_UP).content.decode()


def test_required_role_cannot_turn_two_factor_off(secretariat_client, secretariat):
    device = TOTPDevice.objects.get(user=secretariat, confirmed=True)
    page = secretariat_client.get(SET_UP).content.decode()
    assert "Two-factor sign-in is required for your role as secretariat" in page
    assert "Turn off" not in page
    account = secretariat_client.get("/accounts/account/").content.decode()
    assert "so you cannot turn it off" in account

    device.last_t = -1
    device.save(update_fields=["last_t"])
    refused = secretariat_client.post(SET_UP, {"code": current_code(device)})
    assert refused.status_code == 403
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    with pytest.raises(PermissionDenied):
        security.two_factor_turn_off(person=secretariat, device=device)
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_optional_role_turns_two_factor_off_with_a_backup_code():
    person = UserFactory()
    MembershipFactory(forum=ForumFactory(), person=person, role=Membership.Role.MEMBER)
    client = Client()
    client.force_login(person)
    codes = turn_on_two_factor(client, person)
    page = client.get(SET_UP).content.decode()
    assert "Turn off" in page and "required for your role" not in page

    wrong = client.post(SET_UP, {"code": "zzzz zzzz"})
    assert "That backup code is not right" in wrong.content.decode()
    assert TOTPDevice.objects.filter(user=person).exists()

    security.backup_device(person).throttle_reset()
    done = client.post(SET_UP, {"code": codes[3]})
    assert done["Location"] == "/accounts/account/"
    assert not TOTPDevice.objects.filter(user=person).exists()
    assert not StaticToken.objects.filter(device__user=person).exists()


def reset_through_admin(admin_client, person):
    selected = {"action": "reset_two_factor", "_selected_action": [person.pk]}
    confirm = admin_client.post(PEOPLE_ADMIN, selected)
    return confirm, admin_client.post(PEOPLE_ADMIN, {**selected, "confirmed": "yes"})


def test_site_admin_resets_a_second_factor_after_confirming_and_it_is_recorded(site_admin):
    admin_client = Client()
    admin_client.force_login(site_admin)
    person = UserFactory(email="lost.phone@example.org")
    MembershipFactory(forum=ForumFactory(), person=person, role=Membership.Role.SECRETARIAT)
    device = TOTPDevice.objects.create(user=person, name="Authenticator app", confirmed=True)
    security._new_backup_codes(person)

    confirm, done = reset_through_admin(admin_client, person)
    assert confirm.status_code == 200
    assert "Reset two-factor sign-in?" in confirm.content.decode()
    assert "lost.phone@example.org" in confirm.content.decode()
    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    assert not StaticDevice.objects.filter(user=person).exists()
    event = SecurityEvent.objects.get(person=person)
    assert event.kind == SecurityEvent.Kind.TWO_FACTOR_RESET and event.by == site_admin

    listing = admin_client.get("/admin/membership/securityevent/").content.decode()
    assert "Two-factor sign-in reset by a site admin" in listing
    assert admin_client.get("/admin/membership/securityevent/add/").status_code == 403

    # Their role requires it, so the next sign-in goes to set-up.
    assert sign_in(person.email).get("/workspace/")["Location"].startswith(SET_UP)


def test_only_a_site_admin_can_reset_a_second_factor(member_client, member):
    person = UserFactory()
    device = TOTPDevice.objects.create(user=person, name="Authenticator app", confirmed=True)

    _, done = reset_through_admin(member_client, person)
    assert done.status_code == 302 and done["Location"].startswith("/admin/login/")

    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(*_person_permissions())
    staff_client = Client()
    staff_client.force_login(staff)
    assert staff_client.get(PEOPLE_ADMIN).status_code == 200
    assert "reset_two_factor" not in staff_client.get(PEOPLE_ADMIN).content.decode()
    reset_through_admin(staff_client, person)

    with pytest.raises(PermissionDenied):
        security.two_factor_reset(person=person, by=member)
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    assert not SecurityEvent.objects.filter(kind=SecurityEvent.Kind.TWO_FACTOR_RESET).exists()


def _person_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="membership", codename__in=["view_user", "change_user"]
    )
