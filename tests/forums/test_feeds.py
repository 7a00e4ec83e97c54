"""Atom feeds: what boards publish, and nothing that is not public."""

import pytest
from django.utils import timezone

from forums.models import Confidentiality, Meeting, Minutes
from tests.forums.factories import AgendaItemFactory, ForumFactory, MeetingFactory
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


def published_meeting(forum, **kwargs):
    kwargs.setdefault("status", Meeting.Status.AGENDA_PUBLISHED)
    return MeetingFactory(forum=forum, agenda_published_at=timezone.now(), **kwargs)


def test_forum_feed_lists_published_agenda_with_public_item_titles(client, forum):
    meeting = published_meeting(forum, title="June board meeting")
    AgendaItemFactory(meeting=meeting, title="Witness care performance")
    response = client.get(f"/feeds/forums/{forum.slug}.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "Agenda published: June board meeting" in body
    assert "Witness care performance" in body
    assert f"/forums/{forum.slug}/meetings/{meeting.pk}/" in body


def test_confidential_and_restricted_titles_never_reach_a_feed(client, forum, member):
    meeting = published_meeting(forum)
    AgendaItemFactory(
        meeting=meeting,
        title="Operation Nightjar disclosure failures",
        confidentiality=Confidentiality.CONFIDENTIAL,
    )
    AgendaItemFactory(
        meeting=meeting,
        title="Covert source handling review",
        confidentiality=Confidentiality.RESTRICTED,
        restricted_to=[member],
    )
    for url in (f"/feeds/forums/{forum.slug}.atom", "/feeds/all.atom"):
        body = client.get(url).content.decode()
        assert "Operation Nightjar" not in body
        assert "Covert source" not in body
        assert "Confidential item" in body


def test_unpublished_agendas_and_private_meetings_stay_out_of_feeds(client, forum):
    published_meeting(forum, title="Agenda out in June")
    MeetingFactory(forum=forum, title="Agenda not yet out", status=Meeting.Status.SCHEDULED)
    published_meeting(forum, title="Private workshop", is_public=False)
    body = client.get("/feeds/all.atom").content.decode()
    assert "Agenda out in June" in body
    assert "Agenda not yet out" not in body
    assert "Private workshop" not in body


def test_published_minutes_appear_but_draft_minutes_do_not(client, forum):
    held = published_meeting(forum, title="March board meeting", status=Meeting.Status.HELD)
    Minutes.objects.create(
        meeting=held, status=Minutes.Status.PUBLISHED, published_at=timezone.now()
    )
    draft_meeting = published_meeting(forum, title="April board meeting")
    Minutes.objects.create(meeting=draft_meeting, status=Minutes.Status.CIRCULATED)
    body = client.get(f"/feeds/forums/{forum.slug}.atom").content.decode()
    assert "Minutes published: March board meeting" in body
    assert "Minutes published: April board meeting" not in body


def test_private_forum_has_no_feed(client, forum):
    private = ForumFactory(is_public=False)
    assert client.get(f"/feeds/forums/{forum.slug}.atom").status_code == 200
    assert client.get(f"/feeds/forums/{private.slug}.atom").status_code == 404
    listing = client.get("/feeds/").content.decode()
    assert forum.name in listing and private.name not in listing


def test_feed_index_links_each_public_forum(client, forum):
    body = client.get("/feeds/").content.decode()
    assert f"/feeds/forums/{forum.slug}.atom" in body


def test_feed_issues_the_same_number_of_queries_however_many_meetings(client, forum):
    def add(n):
        for _ in range(n):
            meeting = published_meeting(forum)
            AgendaItemFactory.create_batch(3, meeting=meeting)
            Minutes.objects.create(
                meeting=meeting, status=Minutes.Status.PUBLISHED, published_at=timezone.now()
            )

    add(1)
    small = queries_for(client, f"/feeds/forums/{forum.slug}.atom")
    add(6)
    assert queries_for(client, f"/feeds/forums/{forum.slug}.atom") == small
