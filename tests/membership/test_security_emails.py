"""Security events: each change to a person's password, second factor, backup codes or role is
recorded and emailed to that person alone, and preferences cannot turn the email off."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import Client
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from forums.models import Membership
from forums.services.forum import membership_update
from membership import security
from membership.models import NotificationPreference, SecurityEvent
from tests.forums.factories import ForumFactory, MembershipFactory
from tests.membership.factories import PASSWORD, UserFactory
from tests.membership.test_recovery import turn_on_two_factor

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a brand new long passphrase 42"
Kind = SecurityEvent.Kind


@pytest.fixture
def person():
    """Someone who turned every optional email off: security emails still reach them."""
    person = UserFactory(email="kim@example.org", full_name="Kim Lee")
    NotificationPreference.objects.create(person=person, reminders=False, digest=False)
    UserFactory(email="bystander@example.org")
    return person


def only_email(person, subject):
    """The one message sent, which must be to ``person`` alone, with this subject."""
    assert [m.subject for m in mail.outbox] == [subject]
    message = mail.outbox[0]
    assert message.to == [person.email]
    return message.body


def assert_says_what_to_do(body):
    assert "When: " in body
    assert "reset your password" in body.lower() or "tell your site administrator" in body
    assert "/accounts/password-reset/" in body


def test_password_change_is_emailed(person, django_capture_on_commit_callbacks):
    client = Client()
    client.force_login(person)
    data = {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/accounts/account/password/", data).status_code == 302
    body = only_email(person, "Your password has been changed")
    assert "The password for your account was changed." in body
    assert "If you did not do this, reset your password now" in body
    assert_says_what_to_do(body)
    assert SecurityEvent.objects.get(person=person).kind == Kind.PASSWORD_CHANGED


def test_password_reset_is_emailed(person, django_capture_on_commit_callbacks):
    client = Client()
    uid = urlsafe_base64_encode(force_bytes(person.pk))
    token = default_token_generator.make_token(person)
    form_url = client.get(f"/accounts/reset/{uid}/{token}/")["Location"]
    data = {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(form_url, data).status_code == 302
    body = only_email(person, "Your password has been reset")
    assert "reset with a link sent to this email address" in body
    assert_says_what_to_do(body)
    event = SecurityEvent.objects.get(person=person)
    assert event.kind == Kind.PASSWORD_RESET


def test_turning_two_factor_on_and_off_is_emailed(person, django_capture_on_commit_callbacks):
    client = Client()
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        codes = turn_on_two_factor(client, person)
    body = only_email(person, "Two-factor sign-in has been turned on")
    assert "a code from your authenticator app" in body
    assert_says_what_to_do(body)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/accounts/account/two-factor/", {"code": codes[0]}).status_code == 302
    body = only_email(person, "Two-factor sign-in has been turned off")
    assert "you now sign in with your password alone" in body
    kinds = list(SecurityEvent.objects.filter(person=person).values_list("kind", flat=True))
    assert sorted(kinds) == sorted([Kind.TWO_FACTOR_ADDED, Kind.TWO_FACTOR_REMOVED])


def test_new_backup_codes_are_emailed(person, django_capture_on_commit_callbacks):
    client = Client()
    client.force_login(person)
    turn_on_two_factor(client, person)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/account/two-factor/backup-codes/")
    body = only_email(person, "New backup codes have been made for your account")
    assert "Your old backup codes no longer work" in body
    assert_says_what_to_do(body)


def test_a_site_admins_reset_is_emailed_naming_the_admin(
    person, site_admin, django_capture_on_commit_callbacks
):
    TOTPDevice.objects.create(user=person, name="Authenticator app", confirmed=True)
    with django_capture_on_commit_callbacks(execute=True):
        security.two_factor_reset(person=person, by=site_admin)
    body = only_email(person, "Your two-factor sign-in has been reset")
    assert f"By: {site_admin.full_name}" in body
    assert "you will be asked to set it up again next time you sign in" in body
    assert "If you did not expect this, tell your site administrator" in body


def test_a_forum_role_change_is_emailed(person, secretariat, django_capture_on_commit_callbacks):
    forum = ForumFactory(name="Cleveland Criminal Justice Board", slug="cleveland-lcjb")
    seat = MembershipFactory(forum=forum, person=person, role=Membership.Role.MEMBER)
    with django_capture_on_commit_callbacks(execute=True):
        membership_update(membership=seat, updated_by=secretariat, can_commit_resources=False)
    assert not mail.outbox  # only a change of role is a security event
    with django_capture_on_commit_callbacks(execute=True):
        membership_update(membership=seat, updated_by=secretariat, role=Membership.Role.SECRETARIAT)
    body = only_email(person, "Your role has changed")
    assert (
        "Your role on Cleveland Criminal Justice Board changed from Member to Secretariat." in body
    )
    assert f"By: {secretariat.full_name}" in body
    event = SecurityEvent.objects.get(person=person)
    assert event.kind == Kind.ROLE_CHANGED and event.by == secretariat


class _FormFields(HTMLParser):
    """The values a browser would post from the admin's change form, as they stand."""

    def __init__(self):
        super().__init__()
        self.data, self._select = {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button"):
            if attrs.get("type") != "checkbox":
                self.data.setdefault(name, []).append(attrs.get("value") or "")
            elif "checked" in attrs:
                self.data.setdefault(name, []).append(attrs.get("value") or "on")
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.setdefault(self._select, []).append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def change_in_admin(admin_client, person, **changes):
    """Post the person's admin change form as it stands, with ``changes`` (ticked or not, or
    text)."""
    url = f"/admin/membership/user/{person.pk}/change/"
    fields = _FormFields()
    fields.feed(admin_client.get(url).content.decode())
    data = {name: values for name, values in fields.data.items() if name != "csrfmiddlewaretoken"}
    for name, value in changes.items():
        data.pop(name, None)
        if value is True:
            data[name] = ["on"]
        elif value:
            data[name] = [value]
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == "/admin/membership/user/", response["Location"]


def test_becoming_and_ceasing_to_be_a_site_admin_or_national_viewer_is_emailed(
    person, site_admin, django_capture_on_commit_callbacks
):
    admin_client = Client()
    admin_client.force_login(site_admin)
    with django_capture_on_commit_callbacks(execute=True):
        change_in_admin(admin_client, person, is_national_viewer=True)
    body = only_email(person, "Your role has changed")
    assert "You are now a national viewer." in body
    assert f"By: {site_admin.full_name}" in body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        change_in_admin(admin_client, person, is_national_viewer=False, is_superuser=True)
    details = sorted(m.body.split("\n\n")[2] for m in mail.outbox)
    assert details == ["You are no longer a national viewer.", "You are now a site admin."]
    assert {tuple(m.to) for m in mail.outbox} == {(person.email,)}

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        change_in_admin(admin_client, person, job_title="Analyst")
    assert not mail.outbox
    assert SecurityEvent.objects.filter(person=person, kind=Kind.ROLE_CHANGED).count() == 3
