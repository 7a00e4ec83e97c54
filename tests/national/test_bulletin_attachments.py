"""Files attached to a bulletin's sections: checked on upload, listed with their type and size,
downloaded only by those who may read the bulletin."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from national.models import Bulletin, BulletinAttachment, BulletinSection, BulletinSeries
from national.services import attachment_add, bulletin_publish
from tests.forums.factories import days_from_today, pdf_bytes
from tests.membership.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    return UserFactory(is_national_viewer=True)


@pytest.fixture
def series():
    return BulletinSeries.objects.create(name="PCC Bulletin", slug="pcc-bulletin", publisher="APCC")


def _pdf(name="guidance.pdf"):
    return SimpleUploadedFile(name, pdf_bytes("Guidance"), content_type="application/pdf")


def _bulletin(series, team, number, audience, *, published=True, group=None):
    bulletin = Bulletin.objects.create(
        series=series,
        number=number,
        title=f"Issue {number}",
        issued_on=days_from_today(-1),
        audience=audience,
        group=group,
        created_by=team,
    )
    section = BulletinSection.objects.create(bulletin=bulletin, heading="News", body="Text.")
    attachment_add(section=section, by=team, title=f"Guidance {number}", upload=_pdf())
    if published:
        bulletin_publish(bulletin=bulletin, by=team)
    return bulletin


def _public_url(bulletin):
    file = BulletinAttachment.objects.get(section__bulletin=bulletin)
    return reverse("national:attachment", args=[bulletin.series.slug, bulletin.number, file.pk])


def _read_url(bulletin):
    file = BulletinAttachment.objects.get(section__bulletin=bulletin)
    return reverse(
        "national:attachment-read", args=[bulletin.series.slug, bulletin.number, file.pk]
    )


def test_the_editor_attaches_a_file_and_readers_see_its_type_and_size(client, team, series):
    bulletin = _bulletin(series, team, 1, "public", published=False)
    section = bulletin.sections.get()
    client.force_login(team)
    response = client.post(
        reverse("national:attachment-add", args=[bulletin.pk, section.pk]),
        {"title": "Witness care toolkit", "file": _pdf("Toolkit (final).pdf")},
    )
    assert response.status_code == 302
    added = BulletinAttachment.objects.get(title="Witness care toolkit")
    assert added.file_name == "Toolkit-final.pdf" and added.content_type == "application/pdf"
    bulletin_publish(bulletin=bulletin, by=team)
    client.logout()
    page = client.get(reverse("national:bulletin", args=["pcc-bulletin", 1])).content.decode()
    assert "Witness care toolkit" in page and "PDF" in page and "KB" in page
    download = client.get(reverse("national:attachment", args=["pcc-bulletin", 1, added.pk]))
    assert download.status_code == 200
    assert "attachment" in download["Content-Disposition"]
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_file_of_the_wrong_type_is_refused_next_to_the_field_keeping_the_title(
    client, team, series
):
    bulletin = _bulletin(series, team, 1, "public", published=False)
    section = bulletin.sections.get()
    client.force_login(team)
    url = reverse("national:attachment-add", args=[bulletin.pk, section.pk])
    response = client.post(
        url,
        {
            "title": "Our pilot in numbers",
            "file": SimpleUploadedFile("pilot.pdf", b"MZ\x90\x00 not a pdf at all"),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "The file must be a PDF, Word (DOCX)" in page
    assert 'id="id_file_1_error"' in page  # the message sits next to the file field
    assert 'value="Our pilot in numbers"' in page
    assert BulletinAttachment.objects.filter(title="Our pilot in numbers").count() == 0


def test_a_file_too_large_is_refused_next_to_the_field(client, team, series, monkeypatch):
    monkeypatch.setattr("national.forms.MAX_BYTES", 1000)
    bulletin = _bulletin(series, team, 1, "public", published=False)
    section = bulletin.sections.get()
    client.force_login(team)
    response = client.post(
        reverse("national:attachment-add", args=[bulletin.pk, section.pk]),
        {"title": "Big report", "file": _pdf()},
    )
    page = response.content.decode()
    assert "The file must be smaller than 25MB" in page and 'id="id_file_1_error"' in page
    assert 'value="Big report"' in page


def test_a_non_public_bulletins_file_is_not_found_outside_its_audience(
    client, team, series, forum, member, other_forum_member
):
    group = _bulletin(series, team, 1, "group", group=forum)
    client.logout()
    assert client.get(_public_url(group)).status_code == 404  # not public
    assert client.get(_read_url(group)).status_code == 302  # to sign in
    client.force_login(other_forum_member)  # a partner, but not of this group
    assert client.get(_read_url(group)).status_code == 404
    assert client.get(_public_url(group)).status_code == 404
    client.force_login(member)
    assert client.get(_read_url(group)).status_code == 200
    assert client.get(_public_url(group)).status_code == 404  # the public address is public only
    page = client.get(reverse("national:bulletin-read", args=["pcc-bulletin", 1])).content
    assert f'href="{_read_url(group)}"'.encode() in page
    assert f'href="{_public_url(group)}"'.encode() not in page


def test_a_drafts_file_is_not_found_by_its_future_readers(client, team, series, member):
    draft = _bulletin(series, team, 1, "public", published=False)
    assert client.get(_public_url(draft)).status_code == 404
    client.force_login(member)
    assert client.get(_read_url(draft)).status_code == 404


def test_no_public_page_or_feed_links_a_non_public_bulletins_file(client, team, series):
    public = _bulletin(series, team, 1, "public")
    partners = _bulletin(series, team, 2, "partners")
    seen = "".join(
        client.get(url).content.decode()
        for url in (
            reverse("national:bulletins"),
            reverse("national:series", args=["pcc-bulletin"]),
            reverse("national:bulletin", args=["pcc-bulletin", 1]),
            reverse("national:series-feed", args=["pcc-bulletin"]),
        )
    )
    assert _public_url(public) in seen
    assert "Guidance 2" not in seen and _public_url(partners) not in seen


def test_only_the_editors_attach_and_remove_files(client, team, series, secretariat):
    bulletin = _bulletin(series, team, 1, "public", published=False)
    section = bulletin.sections.get()
    file = BulletinAttachment.objects.get()
    add = reverse("national:attachment-add", args=[bulletin.pk, section.pk])
    remove = reverse("national:attachment-remove", args=[bulletin.pk, file.pk])
    client.force_login(secretariat)
    assert client.get(add).status_code == 404
    assert client.post(remove).status_code == 404
    client.force_login(team)
    client.post(remove)
    assert not BulletinAttachment.objects.exists()
    assert BulletinAttachment.history.filter(history_type="-").count() == 1


def test_a_published_bulletins_files_cannot_be_changed(client, team, series):
    bulletin = _bulletin(series, team, 1, "public")
    section = bulletin.sections.get()
    client.force_login(team)
    response = client.post(
        reverse("national:attachment-add", args=[bulletin.pk, section.pk]),
        {"title": "Late", "file": _pdf()},
    )
    assert "cannot be changed" in response.content.decode()
    assert not BulletinAttachment.objects.filter(title="Late").exists()
