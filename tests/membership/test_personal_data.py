"""A site admin exports everything held about a person, and erases a person who has left."""

import csv
import io
import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from forums.models import Membership
from membership.models import User
from tests.forums.factories import (
    ActionFactory,
    AttendanceFactory,
    MembershipFactory,
    MinuteEntryFactory,
    MinutesFactory,
)
from tests.membership.factories import PASSWORD, UserFactory
from tests.performance.factories import PerformanceReturnFactory
from tests.priorities.factories import SignOffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def leaver(forum):
    person = UserFactory(
        full_name="Robin Leaver", email="robin.leaver@example.org", job_title="Head of Courts"
    )
    MembershipFactory(forum=forum, person=person)
    return person


@pytest.fixture
def someone_else(forum):
    person = UserFactory(full_name="Sam Stays", email="sam.stays@example.org")
    MembershipFactory(forum=forum, person=person)
    return person


@pytest.fixture
def records(forum, leaver, someone_else):
    """A meeting, with the leaver's reply, an action they own, a return and a sign-off."""
    minutes = MinutesFactory(meeting__forum=forum, published=True)
    AttendanceFactory(meeting=minutes.meeting, person=leaver, reply="attending")
    AttendanceFactory(meeting=minutes.meeting, person=someone_else)
    MinuteEntryFactory(minutes=minutes, text="Robin Leaver reported on court backlogs.")
    ActionFactory(forum=forum, owner=leaver, title="Review the witness care pilot")
    ActionFactory(forum=forum, owner=someone_else, title="Sam's own action")
    PerformanceReturnFactory(forum=forum, submitted_by=leaver, submitted_at=timezone.now())
    SignOffFactory(signed_by=leaver)
    return minutes


def _export(client, person, kind):
    return client.get(reverse("admin:membership_user_personal_data", args=[person.pk, kind]))


def test_json_export_holds_the_persons_data_and_nobody_elses(
    site_admin_client, leaver, someone_else, records
):
    Client().post("/accounts/sign-in/", {"username": leaver.email, "password": PASSWORD})

    response = _export(site_admin_client, leaver, "json")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="personal-data-{leaver.pk}.json"'
    )
    data = json.loads(response.content)
    text = response.content.decode()

    assert data["Account"][0]["email"] == "robin.leaver@example.org"
    assert data["Account"][0]["job_title"] == "Head of Courts"
    kinds = " ".join(data)
    for kind in ("memberships", "attendance", "actions", "sign offs", "returns", "Sign-ins"):
        assert kind.lower() in kinds.lower(), kind
    assert "Forums and meetings: memberships (history of changes)" in kinds
    assert "Review the witness care pilot" in text
    assert any(row["what"] == "signed in" for row in data["Sign-ins"])

    assert "Sam Stays" not in text
    assert "sam.stays@example.org" not in text
    assert "Sam's own action" not in text
    assert someone_else.pk not in [row.get("person_id") for rows in data.values() for row in rows]
    for secret in ("password", "calendar_token", leaver.password, leaver.calendar_token):
        assert secret not in text


def test_csv_export_has_one_row_per_value(site_admin_client, leaver, records):
    response = _export(site_admin_client, leaver, "csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {"record": "Account", "number": "1", "field": "full_name", "value": "Robin Leaver"} in (
        rows
    )
    assert any(row["value"] == "Review the witness care pilot" for row in rows)


def test_the_persons_admin_page_offers_export_and_erasure(site_admin_client, leaver):
    html = site_admin_client.get(
        reverse("admin:membership_user_change", args=[leaver.pk])
    ).content.decode()
    assert reverse("admin:membership_user_personal_data", args=[leaver.pk, "json"]) in html
    assert reverse("admin:membership_user_personal_data", args=[leaver.pk, "csv"]) in html
    assert reverse("admin:membership_user_erase", args=[leaver.pk]) in html


def test_only_site_admins_may_export_or_erase(member_client, leaver):
    staff = UserFactory(is_staff=True)
    staff_client = Client()
    staff_client.force_login(staff)
    erase = reverse("admin:membership_user_erase", args=[leaver.pk])
    for client in (member_client, staff_client):
        assert _export(client, leaver, "json").status_code in (302, 403)
        assert client.post(erase).status_code in (302, 403)
    assert _export(staff_client, leaver, "json").status_code == 403
    leaver.refresh_from_db()
    assert leaver.is_active


def test_erasure_asks_first_then_ends_memberships_and_anonymises(
    site_admin_client, site_admin, leaver, someone_else, records
):
    erase = reverse("admin:membership_user_erase", args=[leaver.pk])
    page = site_admin_client.get(erase).content.decode()
    assert "This cannot be undone" in page
    assert "Yes, erase Robin Leaver" in page
    leaver.refresh_from_db()
    assert leaver.full_name == "Robin Leaver"  # nothing happens until the POST

    response = site_admin_client.post(erase, follow=True)
    assert response.status_code == 200
    assert f"Former member {leaver.pk} has been erased" in response.content.decode()

    leaver.refresh_from_db()
    assert leaver.full_name == f"Former member {leaver.pk}"
    assert "robin" not in leaver.email and leaver.email.endswith(".invalid")
    assert leaver.job_title == ""
    assert not leaver.is_active and not leaver.has_usable_password()
    today = timezone.localdate()
    assert all(m.end_date == today for m in Membership.objects.filter(person=leaver))
    assert Membership.objects.current().filter(person=someone_else).exists()

    # History names them no more, and records the erasure and who did it.
    assert not leaver.history.filter(full_name="Robin Leaver").exists()
    latest = leaver.history.first()
    assert latest.history_user == site_admin
    assert latest.history_change_reason.startswith("Erased")

    # Minutes are the record: their text keeps the name as it stood.
    assert records.entries.get().text == "Robin Leaver reported on court backlogs."
    assert records.meeting.attendances.filter(person=leaver).exists()

    # They can no longer sign in, and someone else is untouched.
    refused = Client().post(
        "/accounts/sign-in/", {"username": "robin.leaver@example.org", "password": PASSWORD}
    )
    assert refused.status_code == 200
    someone_else.refresh_from_db()
    assert someone_else.full_name == "Sam Stays" and someone_else.is_active


def test_erasure_ends_the_persons_open_sessions(site_admin_client, leaver):
    theirs = Client()
    theirs.force_login(leaver)
    assert theirs.get("/workspace/").status_code == 200
    site_admin_client.post(reverse("admin:membership_user_erase", args=[leaver.pk]))
    assert theirs.get("/workspace/")["Location"].startswith("/accounts/sign-in/")


def test_a_site_admin_cannot_erase_themselves(site_admin_client, site_admin):
    response = site_admin_client.post(reverse("admin:membership_user_erase", args=[site_admin.pk]))
    assert "You cannot erase your own account" in response.content.decode()
    assert User.objects.get(pk=site_admin.pk).is_active


def test_privacy_notice_says_what_is_exported_and_what_is_kept(client):
    html = client.get(reverse("privacy")).content.decode()
    assert "A copy of your data" in html
    assert "JSON" in html and "CSV" in html
    assert "When you leave" in html
    assert "Minutes, minute entries and decisions are the record" in html


def test_after_erasure_the_minutes_still_name_who_attended_deputised_and_declared(
    site_admin_client, leaver, someone_else, forum, secretariat_client
):
    """The minutes are the record: attendance, a deputy and a declaration keep the name as it
    stood; everywhere else the person is 'Former member'."""
    from forums.models import Attendance, Declaration

    minutes = MinutesFactory(meeting__forum=forum, meeting__held=True, circulated=True)
    meeting = minutes.meeting
    AttendanceFactory(meeting=meeting, person=leaver, actual=Attendance.Actual.PRESENT)
    AttendanceFactory(
        meeting=meeting,
        person=someone_else,
        actual=Attendance.Actual.DEPUTY_PRESENT,
        deputy=leaver,
    )
    Declaration.objects.create(meeting=meeting, person=leaver, interest="Trustee of a charity")
    page = reverse("meetings:workspace-minutes", args=[forum.slug, meeting.pk])

    site_admin_client.post(reverse("admin:membership_user_erase", args=[leaver.pk]))
    leaver.refresh_from_db()
    assert leaver.full_name == f"Former member {leaver.pk}"

    text = secretariat_client.get(page).content.decode()
    assert "Robin Leaver" in text
    assert "Robin Leaver (deputising for Sam Stays" in text
    assert "Robin Leaver: Trustee of a charity" in text
    assert f"Former member {leaver.pk}" not in text
