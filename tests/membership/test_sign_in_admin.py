"""Site admins see failed sign-ins, lockouts and sign-ins in admin, and can unlock."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.test import Client
from django.urls import reverse

from tests.membership.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
PAGES = ("axes_accessattempt", "axes_accessfailurelog", "axes_accesslog")


def _fail(email, times, address="198.51.100.7"):
    client = Client()
    for _ in range(times):
        client.post(
            "/accounts/sign-in/", {"username": email, "password": "nope"}, REMOTE_ADDR=address
        )
    return client


@pytest.fixture
def locked_person(db):
    person = UserFactory(email="locked@example.org")
    _fail("LOCKED@example.org", 5)
    return person


@pytest.mark.parametrize("page", PAGES)
def test_site_admin_sees_when_who_where_and_how_many(site_admin_client, locked_person, page):
    UserFactory(email="fine@example.org")
    Client().post("/accounts/sign-in/", {"username": "fine@example.org", "password": PASSWORD})

    html = site_admin_client.get(reverse(f"admin:{page}_changelist")).content.decode()
    if page != "axes_accesslog":
        assert "locked@example.org" in html
        assert "198.51.100.7" in html
        assert "/accounts/sign-in/" in html
    else:
        assert "fine@example.org" in html
    assert "nope" not in html  # no typed password anywhere


def test_lockout_page_shows_the_count_and_the_lock(site_admin_client, locked_person):
    html = site_admin_client.get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    assert '<td class="field-failures_since_start">5</td>' in html
    assert 'alt="True"' in html  # locked out
    attempt = AccessAttempt.objects.get()
    detail = site_admin_client.get(reverse("admin:axes_accessattempt_change", args=[attempt.pk]))
    assert detail.status_code == 200
    assert "nope" not in detail.content.decode()
    assert 'name="username"' not in detail.content.decode()  # read only


@pytest.mark.parametrize("page", PAGES)
def test_records_cannot_be_added_or_edited(site_admin_client, page):
    assert site_admin_client.get(reverse(f"admin:{page}_add")).status_code == 403


@pytest.mark.parametrize("page", PAGES)
def test_people_who_are_not_site_admins_are_refused(member_client, secretariat_client, page):
    url = reverse(f"admin:{page}_changelist")
    for client in (member_client, secretariat_client):
        response = client.get(url, follow=True)
        assert response.status_code == 403
        assert "locked@example.org" not in response.content.decode()
    anonymous = Client().get(url)
    assert anonymous["Location"].startswith("/accounts/sign-in/")


def test_staff_without_permissions_are_refused():
    staff = UserFactory(is_staff=True)
    client = Client()
    client.force_login(staff)
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403


def test_unlocking_a_person_from_their_admin_page_lets_them_sign_in(
    site_admin_client, locked_person
):
    response = site_admin_client.post(
        reverse("admin:membership_user_changelist"),
        {"action": "unlock_sign_in", "_selected_action": [locked_person.pk]},
        follow=True,
    )
    assert "Cleared 1 failed sign-in records" in response.content.decode()
    assert not AccessAttempt.objects.exists()
    assert AccessFailureLog.objects.count() == 5  # the history of failures stays
    again = Client().post(
        "/accounts/sign-in/",
        {"username": locked_person.email, "password": PASSWORD},
        REMOTE_ADDR="198.51.100.7",
    )
    assert (again.status_code, again["Location"]) == (302, "/workspace/")
    assert AccessLog.objects.filter(username=locked_person.email).exists()


def test_unlocking_an_address_from_the_failures_page(site_admin_client):
    for number in range(20):
        _fail(f"person{number}@example.org", 1, address="192.0.2.9")
    person = UserFactory(email="victim@example.org")
    blocked = _fail(person.email, 0, address="192.0.2.9").post(
        "/accounts/sign-in/",
        {"username": person.email, "password": PASSWORD},
        REMOTE_ADDR="192.0.2.9",
    )
    assert blocked.status_code == 429

    site_admin_client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {
            "action": "unlock",
            "_selected_action": list(AccessAttempt.objects.values_list("pk", flat=True)),
        },
    )
    allowed = Client().post(
        "/accounts/sign-in/",
        {"username": person.email, "password": PASSWORD},
        REMOTE_ADDR="192.0.2.9",
    )
    assert allowed.status_code == 302
