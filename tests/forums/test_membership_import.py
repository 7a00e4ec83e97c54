"""A membership import tells people as adding one person does: someone who has not signed in yet
is sent an invitation, someone with an account is told they have been added; the preview shows
every column of the file; the template lists what each column may hold."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from forums.imports import COLUMNS
from forums.models import Invitation, Membership
from membership.models import Notification
from tests.membership.factories import AgencyFactory, UserFactory, agency_type

pytestmark = pytest.mark.django_db
HEADER = ",".join(COLUMNS)


@pytest.fixture
def cps(forum):
    agency = AgencyFactory(name="Test cps", slug="test-cps", agency_type=agency_type("cps"))
    agency.areas.set(forum.areas.all())
    return agency


def _csv(*rows: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("members.csv", "\n".join([HEADER, *rows]).encode())


def _preview(client, upload):
    return client.post(reverse("admin:forums_membership_import"), {"import_file": upload})


def _confirm(client, preview):
    form = preview.context["confirm_form"]
    data = {name: form.initial.get(name, field.initial) for name, field in form.fields.items()}
    return client.post(reverse("admin:forums_membership_process_import"), data)


def test_new_people_are_invited_and_people_with_accounts_are_told_they_were_added(
    site_admin_client, forum, cps, mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(email="known@example.org", full_name="Kim Known")
    upload = _csv(
        f"{forum.slug},new.person@example.org,Nia New,Test cps,member,yes,,2026-01-05,,no",
        f"{forum.slug},known@example.org,Kim Known,Test cps,member,no,,2026-01-05,,no",
    )
    with django_capture_on_commit_callbacks(execute=True):
        preview = _preview(site_admin_client, upload)
    assert mailoutbox == [] and not Notification.objects.exists()  # a preview tells no one
    assert "Invited" in preview.text and "Nia New (new.person@example.org)" in preview.text
    with django_capture_on_commit_callbacks(execute=True):
        done = _confirm(site_admin_client, preview)
    page = site_admin_client.get(done.url).text
    assert "1 membership added (each person told by email), 1 person invited" in page
    invitation = Invitation.objects.usable().get(email="new.person@example.org")
    assert (invitation.forum, invitation.agency, invitation.role) == (forum, cps, "member")
    assert invitation.can_commit_resources
    assert not Membership.objects.filter(person__email="new.person@example.org").exists()
    assert Membership.objects.filter(person__email="known@example.org", forum=forum).exists()
    subjects = {message.to[0]: message.subject for message in mailoutbox}
    assert subjects == {
        "new.person@example.org": f"You are invited to join {forum.name}",
        "known@example.org": f"You have been added to {forum.name}",
    }


def test_an_invitation_cannot_carry_a_deputy_an_end_date_or_a_public_name(
    site_admin_client, forum, cps
):
    upload = _csv(
        f"{forum.slug},new@example.org,New,Test cps,member,no,x@example.org,"
        "2026-01-05,2026-06-01,yes"
    )
    preview = _preview(site_admin_client, upload)
    problems = preview.context["result"].invalid_rows[0].error_dict
    assert set(problems) == {"deputy_email", "end_date", "show_name_publicly"}
    assert "has not signed in yet" in preview.text
    assert not preview.context.get("confirm_form")


def test_a_changed_membership_tells_no_one(
    site_admin_client, forum, cps, mailoutbox, django_capture_on_commit_callbacks
):
    person = UserFactory(email="kept@example.org")
    Membership.objects.create(
        forum=forum, person=person, agency=cps, role="member", start_date=datetime.date(2026, 1, 5)
    )
    upload = _csv(f"{forum.slug},kept@example.org,Kim,Test cps,member,yes,,2026-01-05,,no")
    with django_capture_on_commit_callbacks(execute=True):
        _confirm(site_admin_client, _preview(site_admin_client, upload))
    assert Membership.objects.get(person=person).can_commit_resources
    assert mailoutbox == []


def test_the_preview_shows_every_column_as_the_file_has_it(site_admin_client, forum, cps):
    UserFactory(email="known@example.org")
    upload = _csv(f"{forum.slug},known@example.org,Kim Known,Test cps,member,yes,,05/01/2026,,no")
    preview = _preview(site_admin_client, upload)
    assert preview.context["preview"][0][3] == [
        forum.slug, "known@example.org", "Kim Known", "Test cps", "member", "yes", "",
        "05/01/2026", "", "no",
    ]  # fmt: skip
    for column in COLUMNS:
        assert f'<th scope="col">{column}</th>' in preview.text
    assert "<td>Kim Known</td>" in preview.text


def test_the_templates_list_the_allowed_values(site_admin_client, forum, cps):
    other = AgencyFactory(name="Elsewhere police")
    other.areas.clear()  # covers no area of the forum
    url = reverse("admin:forums_membership_import_template", args=["xlsx"])
    book = openpyxl.load_workbook(io.BytesIO(site_admin_client.get(url).content))
    assert [cell.value for cell in book["Memberships"][1]] == list(COLUMNS)
    allowed = [tuple(row) for row in book["Allowed values"].iter_rows(values_only=True)]
    assert allowed[0] == ("column", "allowed value", "meaning")
    assert ("forum", forum.slug, forum.name) in allowed
    assert ("agency", "Test cps", f"covers the area of {forum.slug}") in allowed
    assert not [row for row in allowed if row[1] == other.name]
    assert ("role", "advisory member", None) in allowed
    validations = book["Memberships"].data_validations.dataValidation
    assert any("advisory member" in v.formula1 for v in validations)
    csv_url = reverse("admin:forums_membership_import_allowed_values")
    rows = list(csv.reader(io.StringIO(site_admin_client.get(csv_url).text)))
    assert ["agency", "Test cps", f"covers the area of {forum.slug}"] in rows
    assert ["can_commit_resources", "yes", ""] in rows
    page = site_admin_client.get(reverse("admin:forums_membership_import")).text
    assert csv_url in page and "advisory member" in page


def test_the_allowed_values_are_for_site_admins_only(member_client):
    response = member_client.get(reverse("admin:forums_membership_import_allowed_values"))
    assert response.status_code == 302 and "/admin/login/" in response.url
