import re

import pytest
from django.core import mail

from tests.membership.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _sign_in(client, email, password):
    return client.post("/accounts/sign-in/", {"username": email, "password": password})


def test_sign_in_with_email_and_password_lands_on_workspace(client):
    person = UserFactory(email="alex@example.org")
    response = _sign_in(client, "Alex@Example.org", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/workspace/"
    assert client.get("/workspace/").context["user"] == person


def test_wrong_password_shows_an_error_and_keeps_the_email(client):
    UserFactory(email="alex@example.org")
    response = _sign_in(client, "alex@example.org", "wrong password")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a correct email address and password" in html
    assert 'value="alex@example.org"' in html
    assert "<title>Error:" in html


def test_repeated_failures_lock_the_account_even_with_the_right_password(client):
    UserFactory(email="alex@example.org")
    for _ in range(5):
        _sign_in(client, "alex@example.org", "wrong password")
    response = _sign_in(client, "alex@example.org", PASSWORD)
    assert response.status_code == 429
    assert "locked" in response.content.decode().lower()
    assert "_auth_user_id" not in client.session


def test_lockout_counts_the_person_whatever_case_or_spacing_the_address_is_typed_in(client):
    UserFactory(email="durham-cps@example.org")
    UserFactory(email="other@example.org")
    variants = ["durham-cps@example.org", " Durham-CPS@example.org", "DURHAM-cps@EXAMPLE.org "]
    for attempt in range(5):
        _sign_in(client, variants[attempt % 3], "wrong password")

    refused = _sign_in(client, "DURHAM-CPS@EXAMPLE.ORG", PASSWORD)
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session
    assert _sign_in(client, "  durham-cps@example.org  ", PASSWORD).status_code == 429

    # Positive control: another person, from the same address, signs in.
    other = _sign_in(client, "Other@Example.org", PASSWORD)
    assert other.status_code == 302
    assert other["Location"] == "/workspace/"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "remote", "counted"),
    [
        (0, "6.6.6.6", "10.0.0.1", "10.0.0.1"),  # no proxy: the header is ignored
        (1, "203.0.113.9", "10.0.0.1", "203.0.113.9"),  # what the proxy appended
        (1, "6.6.6.6, 203.0.113.9", "10.0.0.1", "203.0.113.9"),  # client's own entry ignored
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.7", "10.0.0.1", "203.0.113.9"),
    ],
)
def test_lockout_counts_the_address_the_trusted_proxy_saw(
    client, settings, proxies, forwarded, remote, counted
):
    from axes.models import AccessAttempt

    settings.AXES_IPWARE_PROXY_COUNT = proxies
    UserFactory(email="alex@example.org")
    for attempt in range(5):
        # The client changes its own X-Forwarded-For entry every time: it does not help.
        client.post(
            "/accounts/sign-in/",
            {"username": "alex@example.org", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=forwarded.replace("6.6.6.6", f"6.6.6.{attempt}"),
            REMOTE_ADDR=remote,
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {counted}
    refused = client.post(
        "/accounts/sign-in/",
        {"username": "alex@example.org", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR=forwarded.replace("6.6.6.6", "7.7.7.7"),
        REMOTE_ADDR=remote,
    )
    assert refused.status_code == 429


def test_sign_out_needs_a_post_and_ends_the_session(client):
    person = UserFactory()
    client.force_login(person)
    response = client.post("/accounts/sign-out/")
    assert response.status_code in (200, 302)
    assert client.get("/workspace/").status_code == 302


def test_password_reset_email_link_works_once(client):
    person = UserFactory(email="alex@example.org")
    response = client.post("/accounts/password-reset/", {"email": "alex@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)

    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0]
    new_password = "a brand new long password 42"
    response = client.post(form_url, {"new_password1": new_password, "new_password2": new_password})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password(new_password)

    again = client.get(link, follow=True)
    assert "has expired or has been used" in again.content.decode()


def test_password_reset_for_unknown_email_does_not_reveal_it(client):
    known = UserFactory(email="known@example.org")
    unknown = client.post("/accounts/password-reset/", {"email": "nobody@example.org"})
    assert unknown.status_code == 302
    assert mail.outbox == []
    response = client.post("/accounts/password-reset/", {"email": known.email})
    assert (response.status_code, response.url) == (302, unknown.url)  # the same answer
    assert [message.to for message in mail.outbox] == [[known.email]]


def test_person_can_change_their_name(client):
    person = UserFactory(full_name="Alex Old")
    client.force_login(person)
    response = client.post(
        "/accounts/account/", {"full_name": "Alex New", "job_title": "", "language": "en"}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.full_name == "Alex New"


def test_empty_name_gets_a_clear_message(client):
    client.force_login(UserFactory())
    response = client.post("/accounts/account/", {"full_name": "", "job_title": "Analyst"})
    html = response.content.decode()
    assert "Enter your full name" in html
    assert 'value="Analyst"' in html


def test_person_can_change_their_password(client):
    person = UserFactory()
    client.force_login(person)
    new_password = "another long new password 77"
    response = client.post(
        "/accounts/account/password/",
        {"old_password": PASSWORD, "new_password1": new_password, "new_password2": new_password},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password(new_password)
