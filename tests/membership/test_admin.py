"""The Django admin a site admin works in: people, agencies, forums, memberships, imports."""

import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from forums.models import Forum, Invitation, Membership
from membership.models import User
from tests.forums.factories import ForumFactory, MembershipFactory
from tests.membership.factories import AgencyFactory, UserFactory, agency_type

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
HEADER = ",".join(
    ["forum", "email", "full_name", "agency", "role", "can_commit_resources", "deputy_email",
     "start_date", "end_date", "show_name_publicly"]
)  # fmt: skip


@pytest.fixture
def agencies(db):
    return {
        slug: AgencyFactory(name=f"Test {slug}", slug=f"test-{slug}", agency_type=agency_type(slug))
        for slug in ("pcc", "police", "cps", "judiciary", "probation")
    }


def test_admin_needs_a_site_admin(member_client):
    response = member_client.get(reverse("admin:forums_membership_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response.url


@pytest.mark.parametrize(
    "name",
    [
        "membership_user",
        "membership_agency",
        "membership_agencytype",
        "membership_policeforcearea",
        "forums_forum",
        "forums_membership",
        "forums_invitation",
    ],
)
def test_every_list_opens_and_searches(site_admin_client, forum, member, name):
    url = reverse(f"admin:{name}_changelist")
    assert site_admin_client.get(url).status_code == 200
    assert site_admin_client.get(url, {"q": "Cleveland"}).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        {"when": "current"},
        {"when": "past"},
        {"when": "future"},
        {"role__exact": "member"},
        {"agency__agency_type__id__exact": "1"},
    ],
)
def test_memberships_filter_by_when_role_and_agency_type(site_admin_client, forum, member, query):
    response = site_admin_client.get(reverse("admin:forums_membership_changelist"), query)
    assert response.status_code == 200


def test_current_and_past_filters_split_memberships(site_admin_client, forum, member):
    past = MembershipFactory(
        forum=forum, start_date=TODAY - datetime.timedelta(days=200),
        end_date=TODAY - datetime.timedelta(days=100), person=UserFactory(full_name="Pat Past"),
    )  # fmt: skip
    url = reverse("admin:forums_membership_changelist")
    current = site_admin_client.get(url, {"when": "current"}).text
    assert member.full_name in current and "Pat Past" not in current
    assert past.person.full_name in site_admin_client.get(url, {"when": "past"}).text


def test_forum_page_shows_coverage_and_membership_inline(site_admin_client, forum, member):
    page = site_admin_client.get(reverse("admin:forums_forum_change", args=[forum.pk])).text
    assert "Coverage check" in page
    assert "Not represented" in page
    assert member.email in page or member.full_name in page


def test_person_page_lists_their_memberships(site_admin_client, forum, member):
    page = site_admin_client.get(reverse("admin:membership_user_change", args=[member.pk])).text
    assert "memberships of forums" in page.lower()
    assert forum.name in page


def test_history_pages_open(site_admin_client, forum, member):
    membership = Membership.objects.get(person=member)
    for url in (
        reverse("admin:forums_membership_history", args=[membership.pk]),
        reverse("admin:forums_forum_history", args=[forum.pk]),
        reverse("admin:membership_user_history", args=[member.pk]),
    ):
        assert site_admin_client.get(url).status_code == 200


def test_autocomplete_finds_people_and_agencies(site_admin_client, member, agencies):
    url = reverse("admin:autocomplete")
    people = site_admin_client.get(
        url,
        {"term": member.full_name.split()[0], "app_label": "forums",
         "model_name": "membership", "field_name": "person"},
    )  # fmt: skip
    assert people.status_code == 200
    assert any(row["text"] == str(member) for row in people.json()["results"])
    found = site_admin_client.get(
        url, {"term": "Test cps", "app_label": "forums", "model_name": "membership",
              "field_name": "agency"},
    )  # fmt: skip
    assert [row["text"] for row in found.json()["results"]] == ["Test cps"]


def test_membership_rules_show_next_to_the_field_in_admin(site_admin_client, forum, agencies):
    person = UserFactory()
    response = site_admin_client.post(
        reverse("admin:forums_membership_add"),
        {"forum": forum.pk, "person": person.pk, "agency": agencies["judiciary"].pk,
         "role": "member", "start_date": TODAY.isoformat()},
    )  # fmt: skip
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "can only hold an advisory seat" in form.errors["role"][0]
    assert not Membership.objects.filter(person=person).exists()


def test_end_selected_memberships_today(site_admin_client, forum, member, secretariat):
    ids = list(Membership.objects.filter(forum=forum).values_list("pk", flat=True))
    url = reverse("admin:forums_membership_changelist")
    # First a check: whose seats end and who is told; nothing changes yet.
    check = site_admin_client.post(url, {"action": "end_today", "_selected_action": ids})
    assert check.status_code == 200
    page = check.content.decode()
    assert "Who will be told" in page and member.full_name in page
    assert "govuk-button--warning" in page
    assert not Membership.objects.filter(pk__in=ids, end_date=TODAY).exists()
    response = site_admin_client.post(
        url, {"action": "end_today", "_selected_action": ids, "confirmed": "yes"}
    )
    assert response.status_code == 302
    assert set(Membership.objects.filter(pk__in=ids).values_list("end_date", flat=True)) == {TODAY}
    membership = Membership.objects.get(person=member)
    assert membership.history.order_by("-history_date").first().history_user.is_superuser


# --- import ----------------------------------------------------------------------------------


def _csv(*rows: str) -> SimpleUploadedFile:
    content = "\n".join([HEADER, *rows]).encode()
    return SimpleUploadedFile("members.csv", content, content_type="text/csv")


def _preview(client, upload, fmt=0):
    return client.post(
        reverse("admin:forums_membership_import"),
        {"resource": 0, "format": fmt, "import_file": upload},
    )


def _confirm(client, preview):
    form = preview.context["confirm_form"]
    data = {name: form.initial.get(name, field.initial) for name, field in form.fields.items()}
    return client.post(reverse("admin:forums_membership_process_import"), data)


def test_importing_a_good_file_previews_then_creates_memberships(
    site_admin_client, forum, agencies
):
    for email in ("chair.person@example.org", "judge@example.org", "cps@example.org"):
        UserFactory(email=email, full_name="Chris Chair" if email.startswith("chair") else "X")
    upload = _csv(
        f"{forum.slug},chair.person@example.org,Chris Chair,Test pcc,chair,yes,,2026-01-05,,yes",
        f"{forum.slug},judge@example.org,Judge Jo,test-judiciary,Advisory member,no,,05/01/2026,,",
        f"{forum.slug},cps@example.org,Cara CPS,Test cps,member,yes,judge@example.org,"
        "2026-01-05,,no",
    )
    preview = _preview(site_admin_client, upload)
    assert preview.status_code == 200
    assert "confirm_form" in preview.context
    assert not Membership.objects.exists()  # a preview saves nothing
    done = _confirm(site_admin_client, preview)
    assert done.status_code == 302
    assert Membership.objects.filter(forum=forum).count() == 3
    chair = Membership.objects.get(person__email="chair.person@example.org")
    assert chair.role == "chair" and chair.show_name_publicly
    assert chair.person.full_name == "Chris Chair"
    cps = Membership.objects.get(person__email="cps@example.org")
    assert cps.deputy.email == "judge@example.org"
    assert cps.history.get().history_change_reason == "Imported from a file"


def test_importing_a_file_with_bad_rows_imports_nothing_and_lists_each(
    site_admin_client, forum, agencies, chair
):
    upload = _csv(
        f"{forum.slug},ok.person@example.org,Ok Person,Test police,member,yes,,2026-01-05,,",
        f"{forum.slug},judge@example.org,Judge,Test judiciary,member,no,,2026-01-05,,",
        "no-such-forum,x@example.org,X,Test cps,member,yes,,2026-01-05,,",
        f"{forum.slug},new.chair@example.org,New Chair,Test pcc,chair,yes,,2026-01-05,,",
        f"{forum.slug},dates@example.org,Dates,Test cps,member,maybe,,2026-02-01,2026-01-01,",
        f"{forum.slug},role@example.org,Role,Test cps,boss,yes,,not a date,,",
    )
    preview = _preview(site_admin_client, upload)
    assert preview.status_code == 200
    assert "confirm_form" not in preview.context or not preview.context.get("confirm_form")
    result = preview.context["result"]
    assert result.has_validation_errors()
    invalid = {row.number: row.error_dict for row in result.invalid_rows}
    assert set(invalid) == {3, 4, 5, 6, 7}  # as the spreadsheet numbers them: the header is row 1
    text = preview.text
    assert "can only hold an advisory seat" in text
    assert "There is no forum with the slug" in text
    assert "already has a chair" in text
    assert "Enter yes or no" in text
    assert "The role must be one of" in text
    assert "is not a date" in text
    assert not Membership.objects.filter(person__email="ok.person@example.org").exists()
    assert not User.objects.filter(email="ok.person@example.org").exists()


def test_importing_the_same_file_twice_updates_rather_than_duplicates(
    site_admin_client, forum, agencies
):
    UserFactory(email="again@example.org")
    row = f"{forum.slug},again@example.org,Again,Test cps,member,no,,2026-01-05,,"
    _confirm(site_admin_client, _preview(site_admin_client, _csv(row)))
    _confirm(site_admin_client, _preview(site_admin_client, _csv(row.replace(",no,", ",yes,"))))
    membership = Membership.objects.get(person__email="again@example.org")
    assert membership.can_commit_resources


def test_importing_an_xlsx_file(site_admin_client, forum, agencies):
    UserFactory(email="xl@example.org")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append(
        [forum.slug, "xl@example.org", "Xl Person", "Test probation", "member", "yes", None,
         datetime.datetime(2026, 1, 5), None, "no"]
    )  # fmt: skip
    buffer = io.BytesIO()
    book.save(buffer)
    upload = SimpleUploadedFile(
        "members.xlsx",
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    preview = _preview(site_admin_client, upload, fmt=1)
    assert preview.status_code == 200, preview.text[:500]
    _confirm(site_admin_client, preview)
    membership = Membership.objects.get(person__email="xl@example.org")
    assert membership.start_date == datetime.date(2026, 1, 5)


def test_forum_list_shows_core_agencies_with_authority(site_admin_client, forum, member):
    ForumFactory(kind=Forum.Kind.SUB_GROUP, parent=forum)
    page = site_admin_client.get(reverse("admin:forums_forum_changelist")).text
    assert "Core agencies with authority" in page


def test_the_import_page_lists_every_column(site_admin_client):
    page = site_admin_client.get(reverse("admin:forums_membership_import")).text
    for column in HEADER.split(","):
        assert column in page, column


def _forum_page_data(client, forum, extra_rows):
    """The forum's admin form as it stands, plus new membership rows."""
    url = reverse("admin:forums_forum_change", args=[forum.pk])
    form = client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if name in form.fields and value is not None and name != "areas"
    }
    data["areas"] = [area.pk for area in forum.areas.all()]
    existing = list(Membership.objects.filter(forum=forum))
    prefix = "memberships"
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": len(existing) + len(extra_rows),
            f"{prefix}-INITIAL_FORMS": len(existing),
            f"{prefix}-MIN_NUM_FORMS": 0,
            f"{prefix}-MAX_NUM_FORMS": 1000,
        }
    )
    for index, membership in enumerate(existing):
        for field in ("person", "agency", "role", "start_date"):
            value = getattr(membership, f"{field}_id", None) or getattr(membership, field)
            data[f"{prefix}-{index}-{field}"] = value
        data[f"{prefix}-{index}-can_commit_resources"] = "on"
        data[f"{prefix}-{index}-id"] = membership.pk
        data[f"{prefix}-{index}-forum"] = forum.pk
    for offset, row in enumerate(extra_rows):
        for field, value in {**row, "forum": forum.pk}.items():
            data[f"{prefix}-{len(existing) + offset}-{field}"] = value
    return url, data, len(existing)


def test_two_new_chairs_in_one_save_are_refused(site_admin_client, forum, agencies):
    row = {"agency": agencies["pcc"].pk, "role": "chair", "start_date": TODAY.isoformat()}
    url, data, first = _forum_page_data(
        site_admin_client,
        forum,
        [{**row, "person": UserFactory().pk}, {**row, "person": UserFactory().pk}],
    )
    response = site_admin_client.post(url, data)
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert "also the chair" in formset.forms[first + 1].errors["role"][0]
    assert not Membership.objects.filter(role="chair").exists()


def test_a_second_chair_added_on_the_forum_page_shows_the_error_in_the_inline(
    site_admin_client, forum, chair, agencies
):
    url = reverse("admin:forums_forum_change", args=[forum.pk])
    form = site_admin_client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if name in form.fields and value is not None and name != "areas"
    }
    data["areas"] = [area.pk for area in forum.areas.all()]
    existing = list(Membership.objects.filter(forum=forum))
    prefix = "memberships"
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": len(existing) + 1,
            f"{prefix}-INITIAL_FORMS": len(existing),
            f"{prefix}-MIN_NUM_FORMS": 0,
            f"{prefix}-MAX_NUM_FORMS": 1000,
        }
    )
    for index, membership in enumerate(existing):
        for field in ("person", "agency", "role", "start_date"):
            value = getattr(membership, f"{field}_id", None) or getattr(membership, field)
            data[f"{prefix}-{index}-{field}"] = value
        data[f"{prefix}-{index}-can_commit_resources"] = "on"
        data[f"{prefix}-{index}-id"] = membership.pk
        data[f"{prefix}-{index}-forum"] = forum.pk
    new = len(existing)
    data.update(
        {
            f"{prefix}-{new}-person": UserFactory().pk,
            f"{prefix}-{new}-agency": agencies["pcc"].pk,
            f"{prefix}-{new}-role": "chair",
            f"{prefix}-{new}-start_date": TODAY.isoformat(),
            f"{prefix}-{new}-forum": forum.pk,
        }
    )
    response = site_admin_client.post(url, data)
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert "already has a chair" in formset.forms[new].errors["role"][0]


def test_memberships_are_never_deleted_in_admin(site_admin_client, forum, member):
    membership = Membership.objects.get(person=member)
    delete = reverse("admin:forums_membership_delete", args=[membership.pk])
    assert site_admin_client.post(delete, {"post": "yes"}).status_code == 403
    forum_delete = reverse("admin:forums_forum_delete", args=[forum.pk])
    response = site_admin_client.post(forum_delete, {"post": "yes"})
    assert response.status_code in (200, 403)
    assert Forum.objects.filter(pk=forum.pk).exists()
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_withdraw_selected_invitations(site_admin_client, forum, secretariat, agencies):
    from forums.services.forum import invitation_send

    invitation, _ = invitation_send(
        forum=forum, email="someone@example.org", full_name="Someone", role="member",
        agency=agencies["cps"], invited_by=secretariat,
    )  # fmt: skip
    assert Invitation.objects.usable().get() == invitation
    response = site_admin_client.post(
        reverse("admin:forums_invitation_changelist"),
        {"action": "withdraw", "_selected_action": [invitation.pk]},
    )
    assert response.status_code == 302
    assert not Invitation.objects.usable().exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("members.csv", b"\x00\x01\x02binary\x00"),
        ("members.xlsx", b"PK\x03\x04not really a zip"),
        ("members.csv", b"%PDF-1.7 " + bytes(range(128, 256)) * 4),
    ],
)
def test_an_upload_that_is_not_csv_or_xlsx_is_refused(site_admin_client, name, content):
    upload = SimpleUploadedFile(name, content)
    response = _preview(site_admin_client, upload)
    assert response.status_code == 200
    assert "The file must be a CSV" in response.text
    assert "Excel (XLSX) file" in response.text


def test_a_preview_can_be_confirmed_once_and_only_by_whoever_uploaded_it(
    site_admin_client, forum, agencies
):
    from django.test import Client

    UserFactory(email="once@example.org")
    upload = _csv(f"{forum.slug},once@example.org,Once,Test cps,member,no,,2026-01-05,,")
    preview = _preview(site_admin_client, upload)
    other_admin = Client()
    other_admin.force_login(UserFactory(is_staff=True, is_superuser=True))
    refused = _confirm(other_admin, preview)
    assert refused.url == reverse("admin:forums_membership_import")
    assert not Membership.objects.filter(person__email="once@example.org").exists()

    assert _confirm(site_admin_client, preview).status_code == 302  # positive control
    assert Membership.objects.filter(person__email="once@example.org").count() == 1
    again = _confirm(site_admin_client, preview)
    assert again.url == reverse("admin:forums_membership_import")
    assert "The preview has expired" in site_admin_client.get(again.url).text


def test_the_import_template_can_be_filled_in_and_imported(site_admin_client, forum, agencies):
    url = reverse("admin:forums_membership_import_template", args=["xlsx"])
    book = openpyxl.load_workbook(io.BytesIO(site_admin_client.get(url).content))
    sheet = book["Memberships"]
    assert [cell.value for cell in sheet[1]] == HEADER.split(",")
    assert "Guidance" in book.sheetnames
    sheet["A2"], sheet["D2"] = forum.slug, "Test cps"  # the example row, on this forum
    buffer = io.BytesIO()
    book.save(buffer)
    preview = _preview(site_admin_client, SimpleUploadedFile("filled.xlsx", buffer.getvalue()))
    assert preview.context["confirm_form"], preview.text[-2000:]
    _confirm(site_admin_client, preview)
    invited = Invitation.objects.usable().get(email="sam.jones@example.org")
    assert invited.forum == forum and invited.agency.name == "Test cps"
    csv_url = reverse("admin:forums_membership_import_template", args=["csv"])
    assert site_admin_client.get(csv_url).text.splitlines()[0] == HEADER
