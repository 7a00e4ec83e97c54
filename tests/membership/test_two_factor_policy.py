"""Two-factor per role: required roles are sent to set-up before anything else; demo codes."""

import pytest
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from forums.models import Membership
from tests.forums.factories import ForumFactory, MembershipFactory
from tests.membership.factories import PASSWORD, UserFactory
from tests.membership.test_two_factor import current_code

pytestmark = pytest.mark.django_db
SET_UP = "/accounts/account/two-factor/"


def sign_in(client, email):
    return client.post("/accounts/sign-in/", {"username": email, "password": PASSWORD})


def test_secretariat_without_a_device_is_sent_to_set_up_before_anything_else(client):
    person = UserFactory(email="sec@example.org")
    MembershipFactory(forum=ForumFactory(), person=person, role=Membership.Role.SECRETARIAT)
    sign_in(client, person.email)

    for url in ("/workspace/", "/admin/", "/accounts/account/", "/workspace/national/escalations/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(SET_UP), url
    for url in (SET_UP, "/accessibility/", "/privacy/"):
        assert client.get(url).status_code == 200, url

    # Setting it up opens the workspace.
    device = TOTPDevice.objects.get(user=person, confirmed=False)
    done = client.post(f"{SET_UP}?next=/workspace/", {"code": current_code(device)})
    codes_page = client.get(done["Location"])
    assert "This is the only time you will see these codes" in codes_page.content.decode()
    assert 'href="/workspace/"' in codes_page.content.decode()
    assert client.get("/workspace/").status_code == 200


@pytest.mark.parametrize("kind", ["site_admin", "national_viewer", "chair"])
def test_other_required_roles_are_sent_to_set_up(client, kind):
    person = UserFactory(
        is_staff=kind == "site_admin",
        is_superuser=kind == "site_admin",
        is_national_viewer=kind == "national_viewer",
    )
    if kind == "chair":
        MembershipFactory(forum=ForumFactory(), person=person, role=Membership.Role.CHAIR)
    sign_in(client, person.email)
    assert client.get("/workspace/")["Location"].startswith(SET_UP)


def test_member_without_a_device_is_not_sent_to_set_up(client):
    member = UserFactory(email="mem@example.org")
    MembershipFactory(forum=ForumFactory(), person=member, role=Membership.Role.MEMBER)
    sign_in(client, member.email)
    assert client.get("/workspace/").status_code == 200
    assert client.get("/accounts/account/").status_code == 200


def test_required_role_with_a_device_but_no_code_is_held_for_the_code(client, settings):
    person = UserFactory(email="chair@example.org")
    MembershipFactory(forum=ForumFactory(), person=person, role=Membership.Role.CHAIR)
    # Signed in (e.g. before the role was given), then the device exists but no code was entered.
    sign_in(client, person.email)
    TOTPDevice.objects.filter(user=person).delete()
    TOTPDevice.objects.create(user=person, name="Authenticator app", confirmed=True)
    assert client.get("/workspace/")["Location"].startswith("/accounts/sign-in/code/")


def test_policy_is_a_setting(client, settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = ["member"]
    member = UserFactory()
    MembershipFactory(forum=ForumFactory(), person=member, role=Membership.Role.MEMBER)
    sign_in(client, member.email)
    assert client.get("/workspace/")["Location"].startswith(SET_UP)


def test_seed_demo_gives_required_roles_the_known_code_and_demo_code_prints_it(client, capsys):
    call_command("seed_demo")
    printed = capsys.readouterr().out
    assert "demo_code" in printed
    assert "secretariat@demo.lcjb.example" in printed

    email = "secretariat@demo.lcjb.example"
    sign_in_page = client.post(
        "/accounts/sign-in/", {"username": email, "password": "demo-password-2026"}
    )
    assert sign_in_page["Location"].startswith("/accounts/sign-in/code/")
    assert client.get("/workspace/")["Location"].startswith("/accounts/sign-in/code/")
    call_command("demo_code", email)
    code = capsys.readouterr().out.strip()
    assert len(code) == 6 and code.isdigit()
    client.post("/accounts/sign-in/code/", {"code": code})
    assert client.get("/workspace/").status_code == 200

    # The member needs no code (optional for members).
    assert not TOTPDevice.objects.filter(user__email="member@demo.lcjb.example").exists()


def test_demo_code_refuses_other_accounts_and_production(settings):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    outsider = UserFactory(email="real@example.org", site_admin=True)
    TOTPDevice.objects.create(user=outsider, name="Demo authenticator", confirmed=True)
    with pytest.raises(CommandError, match="not a demo account"):
        call_command("demo_code", outsider.email)
    with pytest.raises(CommandError, match="not a demo account"):
        call_command("demo_code", "member@demo.lcjb.example")
    settings.SETTINGS_MODULE = "lcjb.settings.production"
    with pytest.raises(CommandError, match="production"):
        call_command("demo_code", "chair@demo.lcjb.example")
