"""Search across minutes, decisions and actions of the searcher's forums."""

import pytest
from django.urls import reverse

from tests.forums.factories import ActionFactory, DecisionFactory, MinuteEntryFactory

pytestmark = pytest.mark.django_db


def test_member_finds_minutes_decisions_and_actions_of_their_forum(
    member_client, forum, other_forum
):
    MinuteEntryFactory(
        minutes__meeting__forum=forum,
        minutes__circulated=True,
        text="Charging delays were discussed at length",
    )
    DecisionFactory(forum=forum, text="Agreed to fund a charging delays review")
    ActionFactory(forum=forum, title="Report on charging delays")
    ActionFactory(forum=other_forum, title="Durham charging delays plan")
    body = member_client.get(
        reverse("meetings:workspace-search"), {"q": "charging delays"}
    ).content.decode()
    assert "3 results" in body
    assert "discussed at length" in body
    assert "Agreed to fund" in body
    assert "Report on charging delays" in body
    assert "Durham" not in body


def test_empty_search_shows_the_form(member_client):
    response = member_client.get(reverse("meetings:workspace-search"))
    assert response.status_code == 200
    assert "result" not in response.content.decode().lower().split("<main")[1].split("</form>")[1]


def test_search_needs_sign_in(client, member):
    url = reverse("meetings:workspace-search")
    response = client.get(url, {"q": "x"})
    assert response.status_code == 302 and "/accounts/" in response.url
    client.force_login(member)
    assert client.get(url, {"q": "x"}).status_code == 200
