"""An OFFICIAL-SENSITIVE paper can never be public: refused at upload, at item edit and in the
admin, with the same message (issue 11, hole 3: the write side)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from forums.models import AgendaItem, Confidentiality, Paper, SecurityClassification
from tests.forums.factories import AgendaItemFactory, MeetingFactory, PaperFactory, pdf_bytes

pytestmark = pytest.mark.django_db

SENSITIVE = SecurityClassification.OFFICIAL_SENSITIVE
REFUSED_UPLOAD = "An OFFICIAL-SENSITIVE paper cannot go on a public item"
REFUSED_PUBLIC = "This item carries an OFFICIAL-SENSITIVE paper, so it cannot be public"


@pytest.fixture
def meeting(forum):
    return MeetingFactory(forum=forum)


def _upload(client, item, classification, title="Custody deaths annex"):
    meeting = item.meeting
    return client.post(
        reverse("meetings:workspace-paper-upload", args=[meeting.forum.slug, meeting.pk, item.pk]),
        {
            "title": title,
            "classification": classification,
            "file": SimpleUploadedFile("annex.pdf", pdf_bytes(), content_type="application/pdf"),
        },
    )


def test_upload_refuses_a_sensitive_paper_on_a_public_item(secretariat_client, meeting):
    public_item = AgendaItemFactory(meeting=meeting)
    response = _upload(secretariat_client, public_item, SENSITIVE)
    assert response.status_code == 200
    body = response.content.decode()
    assert REFUSED_UPLOAD in body
    assert "make the item confidential or restricted first" in body
    assert not Paper.objects.exists()
    # Controls: OFFICIAL on the public item, and OFFICIAL-SENSITIVE on a confidential one.
    assert _upload(secretariat_client, public_item, "official", "Dashboard").status_code == 302
    confidential = AgendaItemFactory(meeting=meeting, confidential=True)
    assert _upload(secretariat_client, confidential, SENSITIVE, "Annex").status_code == 302
    assert set(Paper.objects.values_list("title", flat=True)) == {"Dashboard", "Annex"}


def _edit(client, item, confidentiality):
    meeting = item.meeting
    return client.post(
        reverse("meetings:workspace-item-edit", args=[meeting.forum.slug, meeting.pk, item.pk]),
        {
            "title": item.title,
            "purpose": item.purpose,
            "confidentiality": confidentiality,
            "confidentiality_reason": "" if confidentiality == "public" else "Case detail",
        },
    )


def test_an_item_carrying_a_sensitive_paper_cannot_be_made_public(secretariat_client, meeting):
    item = AgendaItemFactory(meeting=meeting, confidential=True, confidentiality_reason="Case")
    PaperFactory(agenda_item=item, classification=SENSITIVE)
    response = _edit(secretariat_client, item, "public")
    assert response.status_code == 200
    assert REFUSED_PUBLIC in response.content.decode()
    item.refresh_from_db()
    assert item.confidentiality == Confidentiality.CONFIDENTIAL
    # Control: an item whose papers are all OFFICIAL is made public.
    other = AgendaItemFactory(meeting=meeting, confidential=True, confidentiality_reason="Case")
    PaperFactory(agenda_item=other)
    assert _edit(secretariat_client, other, "public").status_code == 302
    other.refresh_from_db()
    assert other.confidentiality == Confidentiality.PUBLIC


def test_the_models_refuse_it_so_the_admin_says_the_same(meeting):
    public_item = AgendaItemFactory(meeting=meeting)
    paper = PaperFactory(agenda_item=public_item, without_file=True)
    paper.full_clean(exclude=["created_by"])  # OFFICIAL on a public item is fine
    paper.classification = SENSITIVE
    with pytest.raises(ValidationError) as refused:
        paper.full_clean(exclude=["created_by"])
    assert REFUSED_UPLOAD in refused.value.message_dict["classification"][0]

    confidential = AgendaItemFactory(meeting=meeting, confidential=True, confidentiality_reason="x")
    PaperFactory(agenda_item=confidential, classification=SENSITIVE, without_file=True)
    confidential.full_clean()
    confidential.confidentiality = Confidentiality.PUBLIC
    with pytest.raises(ValidationError) as refused:
        confidential.full_clean()
    assert REFUSED_PUBLIC in refused.value.message_dict["confidentiality"][0]


def test_the_admin_refuses_marking_a_paper_on_a_public_item_sensitive(
    site_admin_client, meeting, secretariat
):
    paper = PaperFactory(agenda_item=AgendaItemFactory(meeting=meeting), without_file=True)
    url = reverse("admin:forums_paper_change", args=[paper.pk])
    data = {
        "agenda_item": paper.agenda_item_id,
        "title": paper.title,
        "confidentiality": "public",
        "created_by": secretariat.pk,
        "versions-TOTAL_FORMS": "0",
        "versions-INITIAL_FORMS": "0",
        "versions-MIN_NUM_FORMS": "0",
        "versions-MAX_NUM_FORMS": "1000",
    }
    response = site_admin_client.post(url, {**data, "classification": SENSITIVE})
    assert response.status_code == 200
    assert REFUSED_UPLOAD in response.content.decode()
    paper.refresh_from_db()
    assert paper.classification == SecurityClassification.OFFICIAL
    # Control: the same form saves a change of title.
    saved = site_admin_client.post(url, {**data, "classification": "official", "title": "New"})
    assert saved.status_code == 302
    paper.refresh_from_db()
    assert paper.title == "New"


def test_the_admin_refuses_making_an_item_with_a_sensitive_paper_public(site_admin_client, meeting):
    item = AgendaItemFactory(meeting=meeting, confidential=True, confidentiality_reason="Case")
    paper = PaperFactory(agenda_item=item, classification=SENSITIVE, without_file=True)
    url = reverse("admin:forums_agendaitem_change", args=[item.pk])
    data = {
        "meeting": meeting.pk,
        "order": item.order,
        "title": item.title,
        "purpose": item.purpose,
        "kind": item.kind,
        "status": item.status,
        "confidentiality_reason": "Case",
        "papers-TOTAL_FORMS": "1",
        "papers-INITIAL_FORMS": "1",
        "papers-MIN_NUM_FORMS": "0",
        "papers-MAX_NUM_FORMS": "1000",
        "papers-0-id": paper.pk,
        "papers-0-agenda_item": item.pk,
        "papers-0-title": paper.title,
        "papers-0-classification": SENSITIVE,
        "papers-0-confidentiality": "confidential",
    }
    response = site_admin_client.post(url, {**data, "confidentiality": "public"})
    assert response.status_code == 200
    assert REFUSED_PUBLIC in response.content.decode()
    assert AgendaItem.objects.get(pk=item.pk).confidentiality == Confidentiality.CONFIDENTIAL
    # Control: the same form saves the item kept confidential.
    saved = site_admin_client.post(url, {**data, "confidentiality": "confidential", "title": "R"})
    assert saved.status_code == 302
    assert AgendaItem.objects.get(pk=item.pk).title == "R"
