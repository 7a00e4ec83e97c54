"""Welsh text is searchable (docs/adr/0013-welsh-search.md): minutes, agenda items and decisions
in the workspace search, and the good-practice library through its themes' Welsh names; English
keeps its stemmed search; confidentiality still decides what is found; SQLite still works."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from forums import fulltext
from forums.models import MinuteEntry
from forums.selectors.search import search_for
from priorities import selectors as priority_selectors
from tests.forums.factories import DecisionFactory, MinuteEntryFactory
from tests.priorities.factories import GoodPracticeEntryFactory, theme

pytestmark = pytest.mark.django_db


def _welsh_entry(forum, **extra):
    entry = MinuteEntryFactory(
        minutes__meeting__forum=forum,
        minutes__circulated=True,
        agenda_item__title="Victims' Code compliance",
        text="Agencies agreed to a joint audit of victim contact.",
        **extra,
    )
    entry.agenda_item.title_cy = "Cydymffurfio â'r Cod Dioddefwyr"
    entry.agenda_item.save()
    entry.text_cy = "Cytunodd yr asiantaethau i gynnal archwiliad ar y cyd."
    entry.save()
    return entry


def test_a_welsh_word_finds_the_welsh_agenda_item(member_client, forum):
    _welsh_entry(forum)
    response = member_client.get(reverse("meetings:workspace-search"), {"q": "Dioddefwyr"})
    body = response.content.decode()
    assert "1 result" in body
    assert "Cydymffurfio â&#x27;r Cod Dioddefwyr" in body  # the title found, in Welsh
    assert 'lang="cy"' in body


def test_welsh_words_in_minutes_and_decisions_are_found(member, forum):
    _welsh_entry(forum)
    decision = DecisionFactory(forum=forum, text="Agreed a joint audit.")
    decision.text_cy = "Cytunwyd ar archwiliad ar y cyd o'r cyswllt â dioddefwyr."
    decision.save()
    results = search_for(person=member, query="archwiliad")
    assert sorted(result.kind for result in results) == ["Decision", "Minute"]
    assert all(result.snippet_lang == "cy" for result in results)


def test_english_search_still_stems_and_shows_english(member, forum):
    _welsh_entry(forum)
    results = search_for(person=member, query="audits")  # "audits" ~ "audit"
    assert [(result.title, result.title_lang) for result in results] == [
        ("Victims' Code compliance", "en")
    ]


def test_welsh_words_are_not_stemmed_as_english(member, forum):
    """The English stemmer cuts the Welsh "oed" (age) to "o", the commonest Welsh word ("of"):
    searched as English, "oed" would find nearly every Welsh text. Searched as written, it
    finds only the text about ages."""
    about_of = DecisionFactory(forum=forum, text="Agreed an audit of victim contact.")
    about_of.text_cy = "Cytunwyd ar archwiliad o'r cyswllt â dioddefwyr."
    about_of.save()
    about_age = DecisionFactory(forum=forum, text="Agreed a panel for 10 to 17 year olds.")
    about_age.text_cy = "Cytunwyd ar banel i bobl ifanc 10 i 17 oed."
    about_age.save()
    assert [result.title for result in search_for(person=member, query="oed")] == [
        about_age.reference
    ]


def test_another_forums_welsh_minutes_are_not_found(member, other_forum):
    _welsh_entry(other_forum)
    assert search_for(person=member, query="Dioddefwyr") == []


def test_a_confidential_welsh_item_is_not_found_by_the_public_side(forum, other_forum_member):
    _welsh_entry(forum, agenda_item__confidential=True)
    assert MinuteEntry.objects.exists()
    assert search_for(person=other_forum_member, query="Dioddefwyr") == []


def test_off_postgresql_welsh_is_matched_as_typed(monkeypatch, member, forum):
    monkeypatch.setattr(fulltext, "connection", SimpleNamespace(vendor="sqlite"))
    _welsh_entry(forum)
    assert [result.title for result in search_for(person=member, query="dioddef")] == [
        "Cydymffurfio â'r Cod Dioddefwyr"
    ]


def test_the_good_practice_library_finds_an_entry_by_its_themes_welsh_name():
    GoodPracticeEntryFactory(
        published=True, title="Women's centre", theme=theme("reducing_reoffending")
    )
    GoodPracticeEntryFactory(published=True, title="Digital files", theme=theme("digitisation"))

    def found(query):
        filters = priority_selectors.LibraryFilters(query=query)
        return [
            entry.title for entry in priority_selectors.library_search(person=None, filters=filters)
        ]

    assert found("aildroseddu") == ["Women's centre"]  # Lleihau aildroseddu
    assert found("Digideiddio") == ["Digital files"]
    assert found("reoffending") == ["Women's centre"]  # English still works


def test_the_good_practice_page_finds_a_welsh_word(client):
    GoodPracticeEntryFactory(
        published=True, title="Women's centre", theme=theme("reducing_reoffending")
    )
    response = client.get(reverse("priorities:good-practice"), {"q": "aildroseddu"})
    assert response.status_code == 200
    assert "Women&#x27;s centre" in response.content.decode()
