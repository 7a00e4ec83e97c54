"""The good-practice pages: the public library and its entries, the board's pages, the curator's
review, the Atom feed per theme; who is refused; and a fixed number of queries."""

import pytest
from django.urls import reverse

from priorities.models import GoodPracticeAdoption, GoodPracticeEntry
from tests.forums.factories import ForumFactory
from tests.membership.factories import AgencyFactory, UserFactory, area
from tests.priorities.factories import (
    GoodPracticeAdoptionFactory,
    GoodPracticeEntryFactory,
    PriorityFactory,
    theme,
)

pytestmark = pytest.mark.django_db

Entry = GoodPracticeEntry
LIBRARY = reverse("priorities:good-practice")


def _entry_url(entry):
    return reverse("priorities:good-practice-entry", args=[entry.pk])


@pytest.fixture
def curator_client(client):
    client.force_login(UserFactory(is_national_viewer=True))
    return client


@pytest.fixture
def hidden_entries(other_forum):
    """One entry of each kind the public must never see."""
    return {
        "draft": GoodPracticeEntryFactory(forum=other_forum, title="Draft practice xyzzy"),
        "waiting": GoodPracticeEntryFactory(
            forum=other_forum, submitted=True, title="Waiting practice xyzzy"
        ),
        "rejected": GoodPracticeEntryFactory(
            forum=other_forum, rejected=True, title="Rejected practice xyzzy"
        ),
        "partners": GoodPracticeEntryFactory(
            forum=other_forum, partners_only=True, title="Partners practice xyzzy"
        ),
    }


def test_public_library_and_feed_never_show_draft_waiting_rejected_or_partners_only(
    client, hidden_entries
):
    shown = GoodPracticeEntryFactory(published=True, title="Published practice xyzzy")
    pages = [
        client.get(LIBRARY).content.decode(),
        client.get(LIBRARY, {"q": "xyzzy"}).content.decode(),
        client.get(LIBRARY, {"theme": theme().slug}).content.decode(),
        client.get(_entry_url(shown)).content.decode(),
        client.get(reverse("priorities:good-practice-feed", args=[theme().slug])).content.decode(),
    ]
    assert shown.title in pages[0] and shown.title in pages[4]
    for entry in hidden_entries.values():
        assert all(entry.title not in page for page in pages)
        assert client.get(_entry_url(entry)).status_code == 404


def test_partners_see_partners_only_entries_in_the_library(
    other_forum_member_client, hidden_entries
):
    page = other_forum_member_client.get(LIBRARY).content.decode()
    assert hidden_entries["partners"].title in page
    assert "Partners only" in page
    assert hidden_entries["draft"].title not in page
    assert hidden_entries["waiting"].title not in page
    assert other_forum_member_client.get(_entry_url(hidden_entries["partners"])).status_code == 200


def test_library_searches_by_theme_area_agency_type_and_evidence(client):
    GoodPracticeEntryFactory(published=True, title="Witness calls")
    GoodPracticeEntryFactory(
        published=True,
        title="Digital case files",
        theme=theme("digitisation"),
        area=area("E23000001"),
        evidence_level=Entry.EvidenceLevel.IDEA,
    )
    page = client.get(LIBRARY, {"theme": "digitisation", "evidence_level": "idea"})
    body = page.content.decode()
    assert "Digital case files" in body and "Witness calls" not in body
    assert "1 entry" in body
    body = client.get(LIBRARY, {"area": "E23000001"}).content.decode()
    assert "Digital case files" in body and "Witness calls" not in body


def test_library_issues_the_same_queries_however_many_entries(
    client, django_assert_max_num_queries
):
    def load():
        return client.get(LIBRARY, {"q": "witness"})

    GoodPracticeAdoptionFactory(entry=GoodPracticeEntryFactory(published=True))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert load().status_code == 200
    for _ in range(8):
        entry = GoodPracticeEntryFactory(
            published=True, agencies=[AgencyFactory(), AgencyFactory()]
        )
        GoodPracticeAdoptionFactory(entry=entry)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = load()
    assert response.content.decode().count("Adopted by 1 other board") == 9


def test_entry_page_lists_the_boards_that_adopted_it_without_naming_private_boards(client):
    entry = GoodPracticeEntryFactory(published=True)
    board = ForumFactory(name="Adopting Criminal Justice Board")
    priority = PriorityFactory(forum=board, agreed=True, title="Witnesses turn up")
    GoodPracticeAdoptionFactory(entry=entry, forum=board, priority=priority)
    GoodPracticeAdoptionFactory(entry=entry, forum=ForumFactory(private=True, name="Hidden CJB"))
    body = client.get(_entry_url(entry)).content.decode()
    assert "Adopting Criminal Justice Board" in body and "Witnesses turn up" in body
    assert "Hidden CJB" not in body and "1 other board" in body


def test_secretariat_shares_submits_and_sees_the_state(secretariat_client, forum):
    agency = AgencyFactory()
    from tests.forums.factories import MembershipFactory

    MembershipFactory(forum=forum, agency=agency)
    url = reverse("priorities:good-practice-create", args=[forum.slug])
    data = {
        "title": "Witness calls",
        "theme": theme().pk,
        "area": area().pk,
        "agencies": [agency.pk],
        "what_was_done": "We rang every witness.",
        "contact": "Board manager",
        "evidence_level": "tried",
    }
    response = secretariat_client.post(url, data)
    entry = Entry.objects.get()
    assert response.url == reverse(
        "priorities:good-practice-board-entry", args=[forum.slug, entry.pk]
    )
    submit = reverse("priorities:good-practice-submit", args=[forum.slug, entry.pk])
    assert "Submit for review" in secretariat_client.get(submit).content.decode()
    secretariat_client.post(submit)
    entry.refresh_from_db()
    assert entry.is_waiting
    board = secretariat_client.get(reverse("priorities:good-practice-board", args=[forum.slug]))
    assert "Waiting for review" in board.content.decode()


def test_empty_entry_form_says_what_to_fix_and_saves_nothing(secretariat_client, forum):
    url = reverse("priorities:good-practice-create", args=[forum.slug])
    response = secretariat_client.post(url, {"title": "Kept title"})
    body = response.content.decode()
    assert "Choose the theme" in body and "Say what was done" in body
    assert "Kept title" in body
    assert not Entry.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [("member_client", 403), ("advisory_client", 403), ("other_forum_member_client", 404)],
)
def test_only_whoever_runs_the_board_writes_entries(request, forum, who, status):
    client = request.getfixturevalue(who)
    url = reverse("priorities:good-practice-create", args=[forum.slug])
    assert client.get(url).status_code == status


def test_anonymous_is_sent_to_sign_in_for_the_board_pages(client, forum):
    response = client.get(reverse("priorities:good-practice-board", args=[forum.slug]))
    assert response.status_code == 302 and "/accounts/" in response.url


def test_curator_publishes_for_partners_only(curator_client):
    entry = GoodPracticeEntryFactory(submitted=True)
    url = reverse("priorities:good-practice-review", args=[entry.pk])
    assert (
        entry.title
        in curator_client.get(reverse("priorities:good-practice-review-list")).content.decode()
    )
    curator_client.post(url, {"decision": "partners"})
    entry.refresh_from_db()
    assert entry.is_published and entry.is_partners_only


def test_curator_must_say_why_when_not_publishing(curator_client):
    entry = GoodPracticeEntryFactory(submitted=True)
    url = reverse("priorities:good-practice-review", args=[entry.pk])
    response = curator_client.post(url, {"decision": "reject"})
    assert "Say why the entry is not published" in response.content.decode()
    entry.refresh_from_db()
    assert entry.is_waiting


def test_a_board_member_may_not_curate(secretariat_client):
    entry = GoodPracticeEntryFactory(submitted=True)
    url = reverse("priorities:good-practice-review", args=[entry.pk])
    assert secretariat_client.get(url).status_code == 403
    assert secretariat_client.post(url, {"decision": "public"}).status_code == 403


def test_secretariat_records_an_adoption_from_the_entry_page(secretariat_client, forum):
    entry = GoodPracticeEntryFactory(published=True)
    priority = PriorityFactory(forum=forum, agreed=True)
    page = secretariat_client.get(_entry_url(entry)).content.decode()
    adopt = reverse("priorities:good-practice-adopt", args=[forum.slug, entry.pk])
    assert adopt in page
    response = secretariat_client.post(adopt, {"priority": priority.pk, "note": "From April."})
    assert response.url == _entry_url(entry)
    adoption = GoodPracticeAdoption.objects.get()
    assert adoption.forum == forum and adoption.priority == priority
    assert adopt not in secretariat_client.get(_entry_url(entry)).content.decode()


def test_a_board_cannot_adopt_an_entry_the_library_does_not_show(secretariat_client, forum):
    entry = GoodPracticeEntryFactory(submitted=True)
    adopt = reverse("priorities:good-practice-adopt", args=[forum.slug, entry.pk])
    assert secretariat_client.get(adopt).status_code == 404


def test_footer_links_to_the_library(client):
    assert LIBRARY in client.get(LIBRARY).content.decode()
