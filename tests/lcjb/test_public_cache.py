"""Public pages are rendered once and kept until something changes (forums/public_cache.py),
and sent compressed to visitors who are not signed in (lcjb/middleware.py)."""

import gzip

import pytest
from django.conf import settings
from django.urls import reverse

from forums.models import Forum
from tests.forums.factories import ForumFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def board():
    return ForumFactory(slug="teesside-cjb", public_summary="The board meets quarterly.")


def _page(client, forum):
    return client.get(reverse("forums:public-forum", args=[forum.slug]))


def test_a_kept_page_is_served_without_touching_the_database(
    client, board, django_assert_num_queries
):
    assert "The board meets quarterly." in _page(client, board).text
    with django_assert_num_queries(0):
        again = _page(client, board)
    assert again.status_code == 200
    assert "The board meets quarterly." in again.text


def test_a_saved_change_is_public_at_once(client, board):
    _page(client, board)
    board.public_summary = "The board now meets every two months."
    board.save()
    assert "The board now meets every two months." in _page(client, board).text


def test_a_write_through_the_site_that_sends_no_signal_still_refreshes_pages(
    client, board, secretariat_client, forum
):
    _page(client, board)
    Forum.objects.filter(pk=board.pk).update(public_summary="Changed by a bulk update.")
    # A bulk update sends no signal: the kept page is still served...
    assert "The board meets quarterly." in _page(client, board).text
    # ...until anyone signed in writes through the site (services may update in bulk).
    secretariat_client.post(reverse("membership:preferences"), {})
    assert "Changed by a bulk update." in _page(client, board).text


def test_a_signed_in_person_never_gets_the_page_kept_for_visitors(client, member_client, board):
    visitor = _page(client, board).text
    assert "Sign out" not in visitor
    member = _page(member_client, board).text
    assert "Sign out" in member
    assert "Sign out" not in _page(client, board).text


def test_a_visitor_with_a_session_gets_a_fresh_page(client, board):
    _page(client, board)
    Forum.objects.filter(pk=board.pk).update(public_summary="Changed by a bulk update.")
    assert "Changed by a bulk update." not in _page(client, board).text  # kept for visitors
    client.cookies[settings.SESSION_COOKIE_NAME] = "an-old-session"
    assert "Changed by a bulk update." in _page(client, board).text


def test_public_pages_are_sent_compressed_to_visitors(client, board):
    response = client.get(
        reverse("forums:public-forum", args=[board.slug]), HTTP_ACCEPT_ENCODING="gzip"
    )
    assert response["Content-Encoding"] == "gzip"
    assert "The board meets quarterly." in gzip.decompress(response.content).decode()


def test_pages_for_signed_in_people_are_not_compressed(member_client, forum):
    response = member_client.get(reverse("forums:workspace"), HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")


def test_every_kept_page_names_a_real_public_view():
    from django.urls import get_resolver

    names = set()

    def walk(resolver, namespace=""):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern, pattern.namespace or namespace)
            elif pattern.name:
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver())
    assert set(settings.PUBLIC_PAGE_CACHE_VIEWS) <= names
    assert not [name for name in settings.PUBLIC_PAGE_CACHE_VIEWS if "workspace" in name]


def test_a_kept_page_is_sent_compressed_as_kept_and_plain_to_those_who_ask(
    client, board, django_assert_num_queries
):
    url = reverse("forums:public-forum", args=[board.slug])
    client.get(url)  # rendered and kept
    with django_assert_num_queries(0):
        compressed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
        plain = client.get(url)
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert "The board meets quarterly." in gzip.decompress(compressed.content).decode()
    assert not plain.has_header("Content-Encoding")
    assert "The board meets quarterly." in plain.text
