"""The demo's boards in Wales hold their public text in Welsh and English; other boards English
only; and seeding again changes nothing."""

import io

import pytest

from forums import demo as forums_demo
from forums.models import AgendaItem, Decision, Forum, Meeting, MinuteEntry, Minutes
from membership import demo as membership_demo
from priorities import demo as priorities_demo
from priorities.models import Consultation, Objective, Priority, Question

pytestmark = pytest.mark.django_db


def _seed():
    """The parts of the demo that hold public text (the figures are not needed here)."""
    out = io.StringIO()
    for module in (membership_demo, forums_demo, priorities_demo):
        module.seed(stdout=out)


@pytest.fixture
def seeded():
    _seed()


def _counts():
    return [
        model.objects.count()
        for model in (
            Meeting,
            AgendaItem,
            MinuteEntry,
            Decision,
            Priority,
            Objective,
            Consultation,
            Question,
        )
    ]


def _welsh(model, **filters):
    return model.objects.filter(**filters)


def test_the_south_wales_board_holds_its_meetings_in_both_languages(seeded):
    board = Forum.objects.get(slug="south-wales-cjb")
    assert (board.name_en, board.name_cy) == (
        "South Wales Criminal Justice Board",
        "Bwrdd Cyfiawnder Troseddol De Cymru",
    )
    assert board.public_summary_cy.startswith("Mae Bwrdd Cyfiawnder Troseddol De Cymru")
    meetings = Meeting.objects.filter(forum=board)
    assert meetings.exists()
    assert not meetings.filter(title_cy__isnull=True).exists()
    assert meetings.filter(title_cy="Cyfarfod y bwrdd").exists()
    assert meetings.filter(location_cy__startswith="Swyddfa'r Comisiynydd Heddlu").exists()
    items = AgendaItem.objects.filter(meeting__forum=board)
    assert not items.filter(title_cy__isnull=True).exists()
    assert items.filter(title_cy="Cydymffurfio â'r Cod Dioddefwyr").exists()
    assert items.filter(title_cy__startswith="Cofnodion y cyfarfod ar ").exists()
    published = MinuteEntry.objects.filter(
        minutes__meeting__forum=board, minutes__status=Minutes.Status.PUBLISHED
    )
    assert published.exists()
    assert not published.exclude(text_en="").filter(text_cy__isnull=True).exists()
    assert Minutes.objects.filter(meeting__forum=board).exclude(introduction_cy=None).exists()
    decisions = Decision.objects.filter(forum=board)
    assert decisions.exists()
    assert not decisions.filter(text_cy__isnull=True).exists()


def test_the_boards_in_wales_have_welsh_priorities_and_objectives(seeded):
    for slug in ("south-wales-cjb", "all-wales-cjb"):
        priorities = Priority.objects.filter(forum__slug=slug)
        assert priorities.exists(), slug
        assert not priorities.filter(title_cy__isnull=True).exists()
        assert not priorities.filter(description_cy__isnull=True).exists()
        assert not Objective.objects.filter(priority__in=priorities, title_cy=None).exists()
    assert Priority.objects.filter(
        forum__slug="south-wales-cjb", title_cy="Lleihau aildroseddu gan fenywod"
    ).exists()
    assert Meeting.objects.filter(forum__slug="all-wales-cjb", title_cy="Cyfarfod y bwrdd").exists()


def test_the_south_wales_consultation_asks_in_both_languages(seeded):
    consultation = Consultation.objects.get(forum__slug="south-wales-cjb")
    assert consultation.is_open()
    assert consultation.title_cy.startswith("Dweud eich dweud")
    assert consultation.introduction_cy
    questions = list(consultation.questions.order_by("order"))
    assert len(questions) == 2
    assert all(question.text_cy for question in questions)
    assert questions[1].choices_cy.splitlines() == ["Dylai", "Na ddylai", "Ddim yn siŵr"]
    assert consultation.responses.exists()


def test_a_board_in_england_stays_in_english(seeded):
    assert not Meeting.objects.filter(forum__slug="cleveland-cjb", title_cy__isnull=False).exists()
    assert not Priority.objects.filter(forum__slug="durham-cjb", title_cy__isnull=False).exists()


def test_seeding_again_changes_nothing(seeded):
    before = _counts()
    welsh_titles = sorted(
        Meeting.objects.filter(forum__slug="south-wales-cjb").values_list("title_cy", flat=True)
    )
    _seed()
    assert _counts() == before
    assert welsh_titles == sorted(
        Meeting.objects.filter(forum__slug="south-wales-cjb").values_list("title_cy", flat=True)
    )


def test_the_welsh_pages_of_the_south_wales_board_read_in_welsh(seeded, client):
    from django.urls import reverse
    from django.utils import translation

    board = Forum.objects.get(slug="south-wales-cjb")
    assert board.bilingual
    meeting = (
        Meeting.objects.published()
        .filter(forum=board, minutes__status=Minutes.Status.PUBLISHED)
        .first()
    )
    with translation.override("cy"):
        forum_page = client.get(reverse("forums:public-forum", args=[board.slug]))
        meeting_page = client.get(reverse("meetings:public-meeting", args=[board.slug, meeting.pk]))
        priorities_page = client.get(reverse("priorities:public-list", args=[board.slug]))
    assert forum_page.wsgi_request.path.startswith("/cy/")
    assert "Bwrdd Cyfiawnder Troseddol De Cymru" in forum_page.content.decode()
    body = meeting_page.content.decode()
    assert "Cyfarfod y bwrdd" in body
    assert "Cydymffurfio â&#x27;r Cod Dioddefwyr" in body
    assert "Lleihau aildroseddu gan fenywod" in priorities_page.content.decode()
