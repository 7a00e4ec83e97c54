"""Who may open each performance page: the role matrix, one fixture per role."""

import pytest
from django.urls import reverse

from forums.models import Membership
from tests.forums.factories import ForumFactory
from tests.performance.factories import PerformanceReturnFactory

pytestmark = pytest.mark.django_db

WORKSPACE_PAGES = [
    "workspace-victims-code",
    "indicators",
    "targets",
    "periods",
    "exceptions",
    "meetings",
]
ROLES = {
    # role fixture: expected status for the member-only pages, the returns overview, a return
    "client": (302, 302, 302),
    "other_forum_member_client": (404, 404, 404),
    "data_submitter_client": (403, 200, 200),
    "member_client": (200, 200, 200),
    "advisory_client": (200, 200, 200),
    "secretariat_client": (200, 200, 200),
    "chair_client": (200, 200, 200),
}


@pytest.fixture
def hmcts_return(forum, data_submitter):
    agency = Membership.objects.get(person=data_submitter, forum=forum).agency
    return PerformanceReturnFactory(forum=forum, agency=agency, code="2026-Q2", draft=True)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", WORKSPACE_PAGES)
def test_member_pages(request, role, page, forum, hmcts_return):
    client = request.getfixturevalue(role)
    response = client.get(reverse(f"performance:{page}", args=[forum.slug]))
    assert response.status_code == ROLES[role][0]


@pytest.mark.parametrize("role", ROLES)
def test_returns_overview_and_a_return(request, role, forum, hmcts_return):
    client = request.getfixturevalue(role)
    overview = client.get(reverse("performance:returns", args=[forum.slug]))
    detail = client.get(reverse("performance:return-detail", args=[forum.slug, hmcts_return.pk]))
    assert (overview.status_code, detail.status_code) == ROLES[role][1:]


@pytest.mark.parametrize("role", ["member_client", "advisory_client", "secretariat_client"])
def test_only_the_agencys_people_enter_figures(
    request, role, data_submitter_client, forum, hmcts_return
):
    client = request.getfixturevalue(role)
    url = reverse("performance:return-edit", args=[forum.slug, hmcts_return.pk])
    assert data_submitter_client.get(url).status_code == 200
    assert client.get(url).status_code == 403


def test_data_submitter_of_this_agency_enters_figures(data_submitter_client, forum, hmcts_return):
    url = reverse("performance:return-edit", args=[forum.slug, hmcts_return.pk])
    assert data_submitter_client.get(url).status_code == 200


@pytest.mark.parametrize("name", ["public-dashboard", "public-victims-code"])
def test_public_pages_need_no_sign_in(client, forum, name):
    assert client.get(reverse(f"performance:{name}", args=[forum.slug])).status_code == 200


@pytest.mark.parametrize("name", ["public-dashboard", "public-victims-code"])
def test_private_forums_have_no_public_pages(client, forum, name):
    private = ForumFactory(is_public=False)
    for board, status in ((forum, 200), (private, 404)):
        assert client.get(reverse(f"performance:{name}", args=[board.slug])).status_code == status
        csv = reverse("performance:open-data-forum-file", args=[board.slug, "csv"])
        assert client.get(csv).status_code == status
