"""Downloads of OFFICIAL-SENSITIVE papers are recorded and shown to the secretariat (issue 11)."""

import pytest
from django.urls import reverse

from forums.models import PaperDownload, SecurityClassification
from tests.forums.factories import AgendaItemFactory, MeetingFactory, PaperFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def papers(forum):
    item = AgendaItemFactory(
        meeting=MeetingFactory(forum=forum), confidential=True, confidentiality_reason="Case"
    )
    return {
        "sensitive": PaperFactory(
            agenda_item=item,
            title="Custody annex",
            classification=SecurityClassification.OFFICIAL_SENSITIVE,
        ),
        "official": PaperFactory(agenda_item=item, title="Dashboard"),
    }


def _download(client, paper):
    return client.get(
        reverse(
            "meetings:workspace-paper-download",
            args=[paper.agenda_item.meeting.forum.slug, paper.pk],
        )
    )


def _page(client, paper):
    return client.get(
        reverse("meetings:workspace-paper", args=[paper.agenda_item.meeting.forum.slug, paper.pk])
    )


def test_a_members_download_of_a_sensitive_paper_is_recorded(
    member_client, advisory_client, member, advisory_member, papers
):
    assert _download(member_client, papers["sensitive"]).status_code == 200
    assert _download(advisory_client, papers["sensitive"]).status_code == 200
    assert _download(member_client, papers["official"]).status_code == 200  # not recorded
    recorded = PaperDownload.objects.all()
    assert {(d.person, d.paper) for d in recorded} == {
        (member, papers["sensitive"]),
        (advisory_member, papers["sensitive"]),
    }
    assert all(d.version == papers["sensitive"].current_version for d in recorded)


@pytest.mark.parametrize("role", ["secretariat_client", "chair_client"])
def test_those_who_run_the_forum_see_who_downloaded_it(
    request, role, member_client, member, papers
):
    _download(member_client, papers["sensitive"])
    body = _page(request.getfixturevalue(role), papers["sensitive"]).content.decode()
    assert "Downloads" in body
    assert member.full_name in body


def test_members_do_not_see_the_downloads(member_client, advisory_client, advisory_member, papers):
    _download(advisory_client, papers["sensitive"])
    page = _page(member_client, papers["sensitive"])
    assert page.status_code == 200
    assert "Custody annex" in page.content.decode()  # control: the page itself
    assert "Downloads" not in page.content.decode()
    assert advisory_member.full_name not in page.content.decode()


def test_an_official_paper_has_no_downloads_section(secretariat_client, papers):
    body = _page(secretariat_client, papers["official"]).content.decode()
    assert "Dashboard" in body
    assert "Downloads" not in body
    sensitive = _page(secretariat_client, papers["sensitive"]).content.decode()
    assert "Nobody has downloaded this paper yet" in sensitive
