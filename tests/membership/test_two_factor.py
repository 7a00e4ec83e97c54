"""Two-factor sign-in: turning it on and off, and the code step after the password."""

import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.membership.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():06d}"


@pytest.fixture
def person_with_two_factor():
    person = UserFactory(email="two@example.org")
    TOTPDevice.objects.create(user=person, name="Authenticator app", confirmed=True)
    return person


def sign_in(client, email):
    return client.post("/accounts/sign-in/", {"username": email, "password": PASSWORD})


def test_person_turns_on_two_factor_by_scanning_the_code_and_confirming_it(client):
    person = UserFactory()
    client.force_login(person)
    page = client.get("/accounts/account/two-factor/")
    assert page.status_code == 200
    assert "data:image/svg+xml;base64," in page.content.decode()
    device = TOTPDevice.objects.get(user=person, confirmed=False)

    wrong = client.post("/accounts/account/two-factor/", {"code": "000000"})
    assert "That code is not right" in wrong.content.decode()
    assert wrong.content.decode().count("<title>Error:") == 1
    device.refresh_from_db()
    assert not device.confirmed

    device.throttle_reset()
    done = client.post("/accounts/account/two-factor/", {"code": current_code(device)})
    assert done.status_code == 302
    device.refresh_from_db()
    assert device.confirmed


def test_password_alone_does_not_open_the_workspace_when_two_factor_is_on(
    client, person_with_two_factor
):
    response = sign_in(client, person_with_two_factor.email)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/code/")

    blocked = client.get("/workspace/")
    assert blocked.status_code == 302
    assert blocked["Location"].startswith("/accounts/sign-in/code/")
    assert client.get("/accounts/account/").status_code == 302


def test_right_code_completes_sign_in_and_lands_on_the_workspace(client, person_with_two_factor):
    sign_in(client, person_with_two_factor.email)
    device = TOTPDevice.objects.get(user=person_with_two_factor)
    response = client.post(
        "/accounts/sign-in/code/", {"code": current_code(device), "next": "/workspace/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/workspace/"
    assert client.get("/workspace/").status_code == 200


def test_wrong_code_is_refused_with_a_message_next_to_the_field(client, person_with_two_factor):
    sign_in(client, person_with_two_factor.email)
    response = client.post("/accounts/sign-in/code/", {"code": "12345"})
    assert response.status_code == 200
    assert "Enter the code as 6 digits" in response.content.decode()
    assert client.get("/workspace/").status_code == 302


def test_code_page_does_not_redirect_to_another_site(client, person_with_two_factor):
    sign_in(client, person_with_two_factor.email)
    device = TOTPDevice.objects.get(user=person_with_two_factor)
    response = client.post(
        "/accounts/sign-in/code/", {"code": current_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/workspace/"


def test_two_factor_can_be_turned_off_with_a_current_code(client, person_with_two_factor):
    sign_in(client, person_with_two_factor.email)
    device = TOTPDevice.objects.get(user=person_with_two_factor)
    client.post("/accounts/sign-in/code/", {"code": current_code(device)})
    device.refresh_from_db()
    device.last_t -= 1  # the same code may not be used twice; step back one time step
    device.save(update_fields=["last_t"])
    response = client.post("/accounts/account/two-factor/", {"code": current_code(device)})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=person_with_two_factor).exists()


def test_admin_login_page_sends_a_site_admin_with_a_device_through_the_code_step(client):
    admin = UserFactory(email="root@example.org", site_admin=True)
    device = TOTPDevice.objects.create(user=admin, name="Authenticator app", confirmed=True)

    page = client.get("/admin/login/?next=/admin/")
    assert page.status_code == 302
    assert page["Location"].startswith("/accounts/sign-in/?next=%2Fadmin%2F")

    # Posting the password straight to admin's login URL signs nobody in.
    client.post("/admin/login/?next=/admin/", {"username": admin.email, "password": PASSWORD})
    held = client.get("/admin/")
    assert held.status_code == 302 and held["Location"].startswith("/admin/login/")
    assert client.get("/workspace/")["Location"].startswith("/accounts/sign-in/")

    # Signed in with the password alone (however it happened): neither admin nor workspace.
    client.force_login(admin)
    for url in ("/admin/", "/workspace/"):
        blocked = client.get(url)
        assert blocked.status_code == 302, url
        assert blocked["Location"].startswith("/accounts/sign-in/code/"), url

    # Positive control: with the code, admin opens.
    done = client.post("/accounts/sign-in/code/", {"code": current_code(device), "next": "/admin/"})
    assert done["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/workspace/").status_code == 200


def test_admin_login_page_lets_a_signed_in_site_admin_through_and_refuses_others(client):
    admin = UserFactory(site_admin=True)
    client.force_login(admin)
    assert client.get("/admin/login/?next=/admin/")["Location"] == "/admin/"
    client.force_login(UserFactory())
    assert client.get("/admin/login/?next=/admin/").status_code == 403


def test_password_reset_does_not_sign_in_so_the_code_step_still_follows(client, mailoutbox):
    person = UserFactory(email="reset@example.org")
    device = TOTPDevice.objects.create(user=person, name="Authenticator app", confirmed=True)
    client.post("/accounts/password-reset/", {"email": person.email})
    link = next(line for line in mailoutbox[0].body.split() if "/accounts/reset/" in line)
    form = client.get(link, follow=True)
    new = "a-new-long-password-42"
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}, follow=True
    )
    assert "password has been" in done.content.decode().lower() or done.status_code == 200
    assert client.get("/workspace/").status_code == 302
    assert client.get("/workspace/")["Location"].startswith("/accounts/sign-in/")

    client.post("/accounts/sign-in/", {"username": person.email, "password": new})
    assert client.get("/workspace/")["Location"].startswith("/accounts/sign-in/code/")
    client.post("/accounts/sign-in/code/", {"code": current_code(device)})
    assert client.get("/workspace/").status_code == 200
