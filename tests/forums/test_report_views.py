"""Report pages: who may ask, see and download what."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from forums.models import Confidentiality, GeneratedReport, Meeting
from tests.forums.factories import AgendaItemFactory, MeetingFactory, PaperFactory
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(forum):
    meeting = MeetingFactory(forum=forum, agenda_published=True, title="Spring board")
    AgendaItemFactory(meeting=meeting, title="Public business")
    secret = AgendaItemFactory(
        meeting=meeting, title="Gold group", confidentiality=Confidentiality.CONFIDENTIAL
    )
    PaperFactory(agenda_item=secret, title="Gold group minutes")
    return meeting


def _ask(client, forum, meeting, audience, callbacks):
    with callbacks(execute=True):
        response = client.post(
            reverse("reports:request", args=[forum.slug]),
            {"kind": "board_pack", "subject": meeting.pk, "audience": audience, "format": "pdf"},
        )
    assert response.status_code == 302, response.content
    return GeneratedReport.objects.get(pk=response.url.rstrip("/").split("/")[-1])


def test_anonymous_is_sent_to_sign_in(client, forum):
    response = client.get(reverse("reports:list", args=[forum.slug]))
    assert response.status_code == 302 and "/accounts/" in response.url


@pytest.mark.parametrize("role_client", ["member_client", "secretariat_client", "advisory_client"])
def test_members_see_the_reports_page(request, role_client, forum, meeting):
    response = request.getfixturevalue(role_client).get(reverse("reports:list", args=[forum.slug]))
    assert response.status_code == 200
    assert "Spring board" in response.content.decode()


def test_other_forum_member_gets_404_and_data_submitter_403(
    other_forum_member_client, data_submitter_client, member_client, forum, meeting
):
    url = reverse("reports:list", args=[forum.slug])
    assert member_client.get(url).status_code == 200
    assert other_forum_member_client.get(url).status_code == 404
    assert data_submitter_client.get(url).status_code == 403
    post = reverse("reports:request", args=[forum.slug])
    data = {"kind": "board_pack", "subject": meeting.pk, "audience": "member"}
    assert other_forum_member_client.post(post, data).status_code == 404
    assert data_submitter_client.post(post, data).status_code == 403
    assert not GeneratedReport.objects.exists()
    assert member_client.post(post, data).status_code == 302
    assert GeneratedReport.objects.count() == 1


def test_member_asks_sees_status_and_downloads_their_version(
    member_client, forum, meeting, django_capture_on_commit_callbacks
):
    report = _ask(member_client, forum, meeting, "member", django_capture_on_commit_callbacks)
    status = member_client.get(reverse("reports:status", args=[forum.slug, report.pk]))
    assert status.status_code == 200 and "Ready" in status.content.decode()
    download = member_client.get(reverse("reports:download", args=[forum.slug, report.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_member_version_is_404_to_other_members_and_other_forums(
    member_client,
    advisory_client,
    other_forum_member_client,
    forum,
    meeting,
    django_capture_on_commit_callbacks,
):
    report = _ask(member_client, forum, meeting, "member", django_capture_on_commit_callbacks)
    for name in ("reports:status", "reports:download"):
        url = reverse(name, args=[forum.slug, report.pk])
        assert member_client.get(url).status_code == 200, name  # the one who asked
        for client in (advisory_client, other_forum_member_client):
            assert client.get(url).status_code == 404, name


def test_public_version_is_shared_with_members_but_not_other_forums(
    member_client,
    advisory_client,
    other_forum_member_client,
    forum,
    meeting,
    django_capture_on_commit_callbacks,
):
    report = _ask(member_client, forum, meeting, "public", django_capture_on_commit_callbacks)
    url = reverse("reports:download", args=[forum.slug, report.pk])
    assert advisory_client.get(url).status_code == 200
    assert other_forum_member_client.get(url).status_code == 404


def test_public_download_without_signing_in_only_for_published_material(
    client, forum, meeting, django_capture_on_commit_callbacks
):
    url = reverse("reports:public", args=[forum.slug, "board_pack", meeting.pk, "pdf"])
    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(url)
    assert first.status_code in (200, 202)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"Gold group" not in b"".join(response.streaming_content)

    meeting.status = Meeting.Status.SCHEDULED  # agenda not out: nothing public yet
    meeting.save()
    assert client.get(url).status_code == 404
    meeting.status = Meeting.Status.AGENDA_PUBLISHED
    meeting.is_public = False
    meeting.save()
    assert client.get(url).status_code == 404
    minutes_url = reverse("reports:public", args=[forum.slug, "minutes", meeting.pk, "pdf"])
    assert client.get(minutes_url).status_code == 404  # no published minutes


def test_reports_page_queries_do_not_grow_with_reports(
    member_client, forum, member, django_capture_on_commit_callbacks
):
    url = reverse("reports:list", args=[forum.slug])
    MeetingFactory(forum=forum, agenda_published=True)
    few = queries_for(member_client, url)
    for _ in range(4):
        meeting = MeetingFactory(forum=forum, agenda_published=True)
        GeneratedReport.objects.create(
            forum=forum,
            kind="board_pack",
            subject=str(meeting.pk),
            audience="member",
            viewer=member,
        )
    assert queries_for(member_client, url) == few


def test_status_page_queries_do_not_grow_with_the_agenda(
    member_client, forum, meeting, django_capture_on_commit_callbacks
):
    report = _ask(member_client, forum, meeting, "member", django_capture_on_commit_callbacks)
    url = reverse("reports:status", args=[forum.slug, report.pk])
    few = queries_for(member_client, url)
    for n in range(4):
        item = AgendaItemFactory(meeting=meeting, title=f"Extra item {n}")
        PaperFactory(agenda_item=item, title=f"Extra paper {n}", file=b"%PDF-1.4")
    assert queries_for(member_client, url) == few


def test_members_version_is_shared_and_leaves_out_restricted_items(
    member_client,
    advisory_client,
    other_forum_member_client,
    forum,
    meeting,
    member,
    django_capture_on_commit_callbacks,
):
    AgendaItemFactory(
        meeting=meeting,
        title="Named-only briefing",
        confidentiality=Confidentiality.RESTRICTED,
        restricted_to=[member],
    )
    report = _ask(member_client, forum, meeting, "members", django_capture_on_commit_callbacks)
    assert report.viewer_id is None
    url = reverse("reports:download", args=[forum.slug, report.pk])
    response = advisory_client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('board-pack-members.pdf"')
    text = "".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO(b"".join(response.streaming_content))).pages
    )
    assert "Gold group" in text  # confidential: members see it
    assert "Named-only" not in text  # restricted: not in the version for everyone
    assert other_forum_member_client.get(url).status_code == 404
    personal = _ask(member_client, forum, meeting, "personal", django_capture_on_commit_callbacks)
    assert personal.viewer_id == member.pk and personal.pk != report.pk
