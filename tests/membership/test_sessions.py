"""Sessions end when unused for a while, and when the person changes or resets their password."""

import re
import time

import pytest
from django.core import mail
from django.test import Client

from membership import dates, sessions
from tests.membership.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a brand new long password 42"


def _last_used(client, minutes_ago: float) -> None:
    """The session was last used this long ago (what the clock would show after a pause)."""
    session = client.session
    session[sessions.LAST_ACTIVITY_KEY] = int(time.time() - minutes_ago * 60)
    session.save()


def _signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_secretariat_unused_for_30_minutes_is_signed_out_and_told_why(
    secretariat, secretariat_client
):
    _last_used(secretariat_client, 31)
    response = secretariat_client.get("/workspace/?tab=actions")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/sign-in/?next=%2Fworkspace%2F%3Ftab%3Dactions"

    page = secretariat_client.get(response["Location"])
    html = page.content.decode()
    assert "You were signed out because you had not used the service for 30 minutes" in html
    assert "_auth_user_id" not in secretariat_client.session
    assert secretariat_client.get("/workspace/").status_code == 302

    # Signing in again carries on where they were going (after the code).
    again = secretariat_client.post(
        response["Location"], {"username": secretariat.email, "password": PASSWORD}
    )
    assert again.status_code == 302
    assert "/workspace/?tab=actions" in again["Location"]


def test_using_the_service_keeps_the_session_alive(secretariat_client):
    _last_used(secretariat_client, 29)
    assert secretariat_client.get("/workspace/").status_code == 200
    last = secretariat_client.session[sessions.LAST_ACTIVITY_KEY]
    assert time.time() - last < 60  # the request counted as use

    _last_used(secretariat_client, 29)
    assert secretariat_client.get("/accounts/account/").status_code == 200


def test_people_not_required_to_use_two_factor_have_8_hours(member_client):
    _last_used(member_client, 31)
    assert member_client.get("/workspace/").status_code == 200

    _last_used(member_client, 8 * 60 + 1)
    response = member_client.get("/workspace/", follow=True)
    assert "had not used the service for 8 hours" in response.content.decode()


def test_the_timeout_is_set_in_settings(settings, member):
    settings.SESSION_IDLE_MINUTES = 90
    client = _signed_in(member)
    _last_used(client, 91)
    response = client.get("/workspace/", follow=True)
    assert "had not used the service for 1 hour and 30 minutes" in response.content.decode()


def test_every_page_says_when_the_session_ends_and_offers_to_stay_signed_in(secretariat_client):
    html = secretariat_client.get("/accounts/account/").content.decode()
    ends = sessions.sign_out_at(type("R", (), {"session": secretariat_client.session})())
    assert f"You will be signed out at {dates.time_of_day(ends)} if you do not use" in html
    assert 'action="/accounts/stay-signed-in/"' in html
    assert "Stay signed in" in html

    anonymous = Client().get("/").content.decode()
    assert "You will be signed out" not in anonymous


def test_stay_signed_in_records_use_and_goes_back(secretariat_client):
    _last_used(secretariat_client, 25)
    response = secretariat_client.post("/accounts/stay-signed-in/", {"next": "/accounts/account/"})
    assert (response.status_code, response["Location"]) == (302, "/accounts/account/")
    assert time.time() - secretariat_client.session[sessions.LAST_ACTIVITY_KEY] < 60
    assert secretariat_client.get("/accounts/stay-signed-in/").status_code == 405


def test_changing_the_password_signs_out_every_other_session(member):
    here, elsewhere = _signed_in(member), _signed_in(member)
    response = here.post(
        "/accounts/account/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302

    assert here.get("/workspace/").status_code == 200
    refused = elsewhere.get("/workspace/")
    assert refused.status_code == 302
    assert refused["Location"].startswith("/accounts/sign-in/")


def test_resetting_the_password_signs_out_every_session():
    person = UserFactory(email="alex@example.org")
    client = Client()
    assert (
        client.post(
            "/accounts/sign-in/", {"username": "alex@example.org", "password": PASSWORD}
        ).status_code
        == 302
    )
    assert client.get("/workspace/").status_code == 200

    stranger_with_the_email = Client()
    stranger_with_the_email.post("/accounts/password-reset/", {"email": person.email})
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form_url = stranger_with_the_email.get(link, follow=True).redirect_chain[-1][0]
    stranger_with_the_email.post(
        form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )

    assert client.get("/workspace/")["Location"].startswith("/accounts/sign-in/")


def test_sign_out_of_all_other_devices_keeps_this_one(member, other_forum_member):
    here, phone, laptop = _signed_in(member), _signed_in(member), _signed_in(member)
    someone_else = _signed_in(other_forum_member)

    response = here.post("/accounts/account/sign-out-other-devices/", follow=True)
    assert "You have been signed out of all your other devices" in response.content.decode()

    assert here.get("/workspace/").status_code == 200
    for client in (phone, laptop):
        assert client.get("/workspace/")["Location"].startswith("/accounts/sign-in/")
    assert someone_else.get("/workspace/").status_code == 200
    assert here.get("/accounts/account/sign-out-other-devices/").status_code == 405


def test_account_page_offers_to_sign_out_other_devices(member_client):
    html = member_client.get("/accounts/account/").content.decode()
    assert 'action="/accounts/account/sign-out-other-devices/"' in html
