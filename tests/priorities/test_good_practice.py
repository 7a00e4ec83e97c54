"""The good-practice library's rules: a board writes up and submits, a national curator
publishes (for everyone or partners only) or turns down, and boards adopt what is published.
History is kept of every change."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from priorities import selectors, services
from priorities.models import GoodPracticeAdoption, GoodPracticeEntry
from tests.membership.factories import AgencyFactory, UserFactory, agency_type, area
from tests.priorities.factories import (
    GoodPracticeEntryFactory,
    PriorityFactory,
    theme,
)

pytestmark = pytest.mark.django_db

Entry = GoodPracticeEntry


@pytest.fixture
def curator(db):
    return UserFactory(is_national_viewer=True)


def _fields(**overrides):
    return {
        "title": "Witness care calls the day before trial",
        "theme": theme(),
        "area": area(),
        "agencies": [AgencyFactory()],
        "what_was_done": "Officers rang every witness.",
        "evidence": "Cracked trials fell by a fifth.",
        "indicators": [],
        "cost": "Two officers.",
        "contact": "Board manager, board@example.org",
        "evidence_level": Entry.EvidenceLevel.EVALUATED,
        **overrides,
    }


def test_secretariat_writes_a_draft_that_no_library_page_shows(forum, secretariat):
    entry = services.good_practice_create(forum=forum, by=secretariat, fields=_fields())
    assert entry.state == Entry.State.DRAFT
    assert list(entry.agencies.all())
    assert not selectors.readable_entries(person=None).filter(pk=entry.pk).exists()


def test_a_plain_member_may_not_share_good_practice(forum, member):
    with pytest.raises(PermissionDenied):
        services.good_practice_create(forum=forum, by=member, fields=_fields())


def test_theme_local_to_another_board_is_refused(forum, other_forum, secretariat):
    from priorities.models import Theme

    local = Theme.objects.create(slug="elsewhere-local", name="Elsewhere", forum=other_forum)
    with pytest.raises(ValidationError) as error:
        services.good_practice_create(forum=forum, by=secretariat, fields=_fields(theme=local))
    assert "theme" in error.value.message_dict
    assert not Entry.objects.exists()


def test_submit_then_publish_for_everyone(forum, secretariat, curator):
    entry = GoodPracticeEntryFactory(forum=forum)
    services.good_practice_submit(entry=entry, by=secretariat)
    assert entry.is_waiting
    with pytest.raises(ValidationError):
        services.good_practice_update(entry=entry, by=secretariat, fields={"title": "New"})
    services.good_practice_publish(entry=entry, by=curator, audience=Entry.Audience.PUBLIC)
    assert entry.is_public
    assert selectors.readable_entries(person=None).filter(pk=entry.pk).exists()
    assert entry.history.count() >= 3


def test_only_a_national_viewer_curates(forum, secretariat):
    entry = GoodPracticeEntryFactory(forum=forum, submitted=True)
    with pytest.raises(PermissionDenied):
        services.good_practice_publish(entry=entry, by=secretariat, audience=Entry.Audience.PUBLIC)


def test_turned_down_entry_needs_a_reason_and_may_be_changed_and_resubmitted(
    forum, secretariat, curator
):
    entry = GoodPracticeEntryFactory(forum=forum, submitted=True)
    with pytest.raises(ValidationError):
        services.good_practice_reject(entry=entry, by=curator, reason=" ")
    services.good_practice_reject(entry=entry, by=curator, reason="Add the figures.")
    assert entry.is_rejected and entry.review_note == "Add the figures."
    services.good_practice_update(entry=entry, by=secretariat, fields={"evidence": "Down 20%."})
    services.good_practice_submit(entry=entry, by=secretariat)
    assert entry.is_waiting and entry.review_note == ""


def test_a_draft_cannot_be_published(forum, curator):
    entry = GoodPracticeEntryFactory(forum=forum)
    with pytest.raises(ValidationError):
        services.good_practice_publish(entry=entry, by=curator, audience=Entry.Audience.PUBLIC)


def test_partners_only_entry_is_read_by_a_member_of_any_forum_but_not_the_public(
    other_forum_member,
):
    entry = GoodPracticeEntryFactory(partners_only=True)
    assert not selectors.readable_entries(person=None).filter(pk=entry.pk).exists()
    assert selectors.readable_entries(person=other_forum_member).filter(pk=entry.pk).exists()
    stranger = UserFactory()  # signed in without a seat anywhere: not a partner
    assert not selectors.readable_entries(person=stranger).filter(pk=entry.pk).exists()


def test_board_adopts_a_published_entry_for_its_priority_once(other_forum, forum, secretariat):
    entry = GoodPracticeEntryFactory(forum=other_forum, published=True)
    priority = PriorityFactory(forum=forum, agreed=True)
    services.good_practice_adopt(entry=entry, forum=forum, by=secretariat, priority=priority)
    adoption = GoodPracticeAdoption.objects.get()
    assert adoption.priority == priority and adoption.adopted_by == secretariat
    with pytest.raises(ValidationError):
        services.good_practice_adopt(entry=entry, forum=forum, by=secretariat)
    assert adoption.history.count() == 1


def test_adopting_needs_a_published_entry_and_the_boards_own_priority(
    other_forum, forum, secretariat
):
    draft = GoodPracticeEntryFactory(forum=other_forum)
    with pytest.raises(ValidationError):
        services.good_practice_adopt(entry=draft, forum=forum, by=secretariat)
    entry = GoodPracticeEntryFactory(forum=other_forum, published=True)
    with pytest.raises(ValidationError):
        services.good_practice_adopt(
            entry=entry, forum=forum, by=secretariat, priority=PriorityFactory(forum=other_forum)
        )
    assert not GoodPracticeAdoption.objects.exists()


def test_search_by_words_theme_agency_type_area_and_evidence():
    cps = AgencyFactory(agency_type=agency_type("cps"))
    witness = GoodPracticeEntryFactory(
        published=True, title="Witness calls", theme=theme(), agencies=[cps]
    )
    GoodPracticeEntryFactory(
        published=True,
        title="Digital case files",
        what_was_done="Moved every file online.",
        evidence="Files reach court on time.",
        theme=theme("digitisation"),
        area=area("E23000001"),
        evidence_level=Entry.EvidenceLevel.IDEA,
    )

    def found(**filters):
        query = selectors.library_search(person=None, filters=selectors.LibraryFilters(**filters))
        return [entry.title for entry in query]

    assert found(query="witnesses") == ["Witness calls"]  # full text: "witnesses" ~ "witness"
    assert found(theme="digitisation") == ["Digital case files"]
    assert found(agency_type="cps") == ["Witness calls"]
    assert found(area="E23000001") == ["Digital case files"]
    assert found(evidence_level="evaluated") == [witness.title]


def test_theme_feed_holds_only_public_entries():
    public = GoodPracticeEntryFactory(published=True)
    GoodPracticeEntryFactory(partners_only=True)
    GoodPracticeEntryFactory(submitted=True)
    GoodPracticeEntryFactory(rejected=True)
    GoodPracticeEntryFactory()
    assert selectors.theme_feed_entries(theme=theme()) == [public]


def test_demo_has_ten_published_entries_across_themes_and_two_adoptions_and_runs_twice():
    import io

    from django.core.management import call_command

    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    published = Entry.objects.published()
    assert published.count() == 10
    assert published.values("theme").distinct().count() >= 8
    assert Entry.objects.public().count() == 9  # one for partners only
    assert Entry.objects.filter(state=Entry.State.SUBMITTED).count() == 1
    assert GoodPracticeAdoption.objects.count() == 2
    assert GoodPracticeAdoption.objects.filter(priority__isnull=False).count() == 1


def test_search_falls_back_to_a_plain_match_off_postgresql(monkeypatch):
    """The embedded default runs on SQLite: words are matched as they are typed."""
    from types import SimpleNamespace

    from forums import fulltext

    monkeypatch.setattr(fulltext, "connection", SimpleNamespace(vendor="sqlite"))
    GoodPracticeEntryFactory(published=True, title="Witness calls")
    GoodPracticeEntryFactory(
        published=True,
        title="Digital files",
        theme=theme("digitisation"),
        what_was_done="Online.",
        evidence="Faster.",
    )
    query = selectors.library_search(person=None, filters=selectors.LibraryFilters(query="itness"))
    assert [entry.title for entry in query] == ["Witness calls"]
