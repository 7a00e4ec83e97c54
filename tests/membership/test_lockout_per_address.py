"""An address that fails against many accounts is locked too (the real django-axes handler)."""

import pytest
from axes.models import AccessAttempt

from tests.membership.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


WRONG = "wrong password"


def _try(client, email, password=WRONG, **headers):
    return client.post("/accounts/sign-in/", {"username": email, "password": password}, **headers)


def test_an_address_trying_many_accounts_is_locked_out_of_every_account(client, settings):
    assert settings.AXES_ADDRESS_FAILURE_LIMIT == 20
    victim = UserFactory(email="victim@example.org")
    for number in range(20):  # one guess each: no person reaches their own limit of 5
        _try(client, f"person{number}@example.org", REMOTE_ADDR="198.51.100.7")

    refused = _try(client, victim.email, PASSWORD, REMOTE_ADDR="198.51.100.7")
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session

    # The same person from another address is not held back by it.
    elsewhere = _try(client, victim.email, PASSWORD, REMOTE_ADDR="192.0.2.44")
    assert (elsewhere.status_code, elsewhere["Location"]) == (302, "/workspace/")


def test_people_behind_one_address_who_each_mistype_once_are_not_locked(client):
    for number in range(19):
        UserFactory(email=f"colleague{number}@example.org")
        _try(client, f"colleague{number}@example.org")
    answer = _try(client, "colleague3@example.org", PASSWORD)
    assert (answer.status_code, answer["Location"]) == (302, "/workspace/")


def test_signing_in_to_ones_own_account_does_not_clear_the_address_count(client):
    own = UserFactory(email="attacker@example.org")
    for number in range(19):
        _try(client, f"target{number}@example.org")
    assert _try(client, own.email, PASSWORD).status_code == 302
    client.post("/accounts/sign-out/")

    _try(client, "target19@example.org")
    assert _try(client, own.email, PASSWORD).status_code == 429


def test_spoofed_forwarded_for_entries_do_not_dodge_the_address_lockout(client, settings):
    settings.AXES_IPWARE_PROXY_COUNT = 1  # one proxy in front, as in production
    UserFactory(email="victim@example.org")
    for number in range(20):
        _try(
            client,
            f"person{number}@example.org",
            # The client sends its own entry, different every time; the proxy appends the real one.
            HTTP_X_FORWARDED_FOR=f"10.{number}.0.1, 203.0.113.9",
            REMOTE_ADDR="10.0.0.1",
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}

    refused = _try(
        client,
        "victim@example.org",
        PASSWORD,
        HTTP_X_FORWARDED_FOR="192.0.2.200, 203.0.113.9",
        REMOTE_ADDR="10.0.0.1",
    )
    assert refused.status_code == 429


def test_a_forged_header_without_a_proxy_is_ignored(client, settings):
    settings.AXES_IPWARE_PROXY_COUNT = 0
    for number in range(20):
        _try(client, f"person{number}@example.org", HTTP_X_FORWARDED_FOR=f"10.{number}.0.1")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}
    UserFactory(email="victim@example.org")
    assert _try(client, "victim@example.org", PASSWORD).status_code == 429
