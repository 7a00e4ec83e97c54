"""Bilingual content: forums in Wales hold their public text in Welsh and English, the
secretariat writes both side by side, and the Welsh pages never mix the two silently.

The Welsh note comes from the compiled catalogue (scripts/translations.sh)."""

import pytest
from django.urls import reverse
from django.utils import translation

from forums.models import AgendaItem, Forum, Meeting, Membership
from forums.templatetags.bilingual import bilingual
from tests.conftest import _client_for, _seat
from tests.forums.factories import AgendaItemFactory, ForumFactory, MeetingFactory
from tests.membership.factories import area

pytestmark = pytest.mark.django_db

SOUTH_WALES = "W15000003"
NOTE = "Ar gael yn Saesneg yn unig"


def public_meeting_url(meeting, language="en") -> str:
    with translation.override(language):
        return reverse("meetings:public-meeting", args=[meeting.forum.slug, meeting.pk])


@pytest.fixture
def welsh_board(db):
    return ForumFactory(
        name="South Wales Criminal Justice Board",
        name_cy="Bwrdd Cyfiawnder Troseddol De Cymru",
        slug="south-wales-cjb",
        areas=[area(SOUTH_WALES)],
    )


def test_forums_in_wales_are_bilingual_and_others_may_choose(welsh_board, forum):
    welsh_board.refresh_from_db()
    forum.refresh_from_db()
    assert welsh_board.bilingual and not forum.bilingual
    forum.areas.add(area(SOUTH_WALES))  # a board that takes in a Welsh area
    assert Forum.objects.get(pk=forum.pk).bilingual


def test_a_welsh_boards_meeting_shows_its_welsh_title_at_cy_and_english_at_the_root(
    client, welsh_board
):
    meeting = MeetingFactory(
        forum=welsh_board,
        title="Board meeting",
        title_cy="Cyfarfod y bwrdd",
        location="Police headquarters, Bridgend",
        location_cy="Pencadlys yr heddlu, Pen-y-bont ar Ogwr",
    )
    english = client.get(public_meeting_url(meeting)).text
    welsh = client.get(public_meeting_url(meeting, "cy")).text
    assert "Board meeting" in english and "Cyfarfod y bwrdd" not in english
    assert "Cyfarfod y bwrdd" in welsh and "Board meeting" not in welsh
    assert "Pencadlys yr heddlu" in welsh and NOTE not in welsh


def test_a_text_with_no_welsh_shows_in_english_with_a_note_on_the_welsh_page(client, welsh_board):
    meeting = MeetingFactory(forum=welsh_board, title="Extraordinary meeting", location="Cardiff")
    welsh = client.get(public_meeting_url(meeting, "cy")).text
    assert '<span lang="en">Extraordinary meeting</span>' in welsh
    assert NOTE in welsh
    english = client.get(public_meeting_url(meeting)).text
    assert NOTE not in english and 'lang="en">Extraordinary' not in english


def test_the_tag_marks_whichever_language_stands_in_and_escapes_it():
    meeting = Meeting(title_en="Budget <review>", title_cy=None)
    with translation.override("cy"):
        shown = str(bilingual(meeting, "title"))
    assert shown.startswith('<span lang="en">Budget &lt;review&gt;</span>')
    meeting = Meeting(title_en="", title_cy="Cyllideb")
    with translation.override("en"):
        assert 'lang="cy"' in str(bilingual(meeting, "title"))
    with translation.override("cy"):
        assert str(bilingual(meeting, "title")) == "Cyllideb"


def test_a_forum_in_one_language_has_no_welsh_fields(secretariat_client, forum):
    page = secretariat_client.get(reverse("meetings:workspace-schedule", args=[forum.slug])).text
    assert 'name="title"' in page
    assert "title_cy" not in page and "Teitl (Cymraeg)" not in page


@pytest.fixture
def welsh_secretariat_client(welsh_board):

    return _client_for(_seat(welsh_board, Membership.Role.SECRETARIAT, "pcc"))


def test_a_bilingual_forums_meeting_form_puts_welsh_beside_english(
    welsh_secretariat_client, welsh_board
):
    page = welsh_secretariat_client.get(
        reverse("meetings:workspace-schedule", args=[welsh_board.slug])
    ).text
    assert "Title (English)" in page and "Teitl (Cymraeg)" in page
    assert 'name="title_cy"' in page and 'name="location_cy"' in page
    assert 'class="govuk-grid-column-one-half" lang="cy"' in " ".join(page.split())


def test_the_secretariat_enters_both_languages_of_an_agenda_item(
    welsh_secretariat_client, welsh_board
):
    meeting = MeetingFactory(forum=welsh_board)
    url = reverse("meetings:workspace-item-add", args=[welsh_board.slug, meeting.pk])
    response = welsh_secretariat_client.post(
        url,
        {"title": "Victim care", "title_cy": "Gofal dioddefwyr", "purpose": "discussion",
         "confidentiality": "public"},
    )  # fmt: skip
    assert response.status_code == 302
    item = AgendaItem.objects.get(title_en="Victim care")
    assert item.title_cy == "Gofal dioddefwyr"

    edit = reverse("meetings:workspace-item-edit", args=[welsh_board.slug, meeting.pk, item.pk])
    assert "Gofal dioddefwyr" in welsh_secretariat_client.get(edit).text
    welsh_secretariat_client.post(
        edit,
        {"title": "Victim care", "title_cy": "Gofal am ddioddefwyr", "purpose": "discussion",
         "confidentiality": "public"},
    )  # fmt: skip
    item.refresh_from_db()
    assert (item.title_en, item.title_cy) == ("Victim care", "Gofal am ddioddefwyr")
    kept = list(item.history.order_by("history_date").values_list("title_en", "title_cy"))
    assert kept == [
        ("Victim care", "Gofal dioddefwyr"),
        ("Victim care", "Gofal am ddioddefwyr"),
    ]


def test_a_welsh_page_of_the_agenda_shows_welsh_titles_and_marks_english_ones(client, welsh_board):
    meeting = MeetingFactory(forum=welsh_board, agenda_published=True)
    AgendaItemFactory(meeting=meeting, title="Victim care", title_cy="Gofal dioddefwyr")
    AgendaItemFactory(meeting=meeting, title="Any other business")
    welsh = client.get(public_meeting_url(meeting, "cy")).text
    assert "Gofal dioddefwyr" in welsh and "Victim care" not in welsh
    assert '<span lang="en">Any other business</span>' in welsh


def test_a_bilingual_forums_minutes_are_written_in_both_languages(
    welsh_secretariat_client, welsh_board
):
    from forums.models import MinuteEntry
    from tests.forums.factories import MinuteEntryFactory, MinutesFactory

    meeting = MeetingFactory(forum=welsh_board, held=True)
    minutes = MinutesFactory(meeting=meeting)
    entry = MinuteEntryFactory(
        minutes=minutes, agenda_item=AgendaItemFactory(meeting=meeting), text="Noted."
    )
    url = reverse("meetings:workspace-minutes-write", args=[welsh_board.slug, meeting.pk])
    page = welsh_secretariat_client.get(url).text
    assert f'name="entry_{entry.pk}_cy"' in page and "Cyflwyniad (Cymraeg)" in page
    welsh_secretariat_client.post(
        url,
        {"introduction": "Welcome.", "introduction_cy": "Croeso.",
         f"entry_{entry.pk}": "Noted.", f"entry_{entry.pk}_cy": "Nodwyd."},
    )  # fmt: skip
    entry = MinuteEntry.objects.get(pk=entry.pk)
    minutes.refresh_from_db()
    assert (entry.text_en, entry.text_cy) == ("Noted.", "Nodwyd.")
    assert (minutes.introduction_en, minutes.introduction_cy) == ("Welcome.", "Croeso.")
    assert entry.history.latest("history_date").text_cy == "Nodwyd."


def test_the_secretariat_writes_the_summary_in_welsh_and_other_forums_may_opt_in(
    welsh_secretariat_client, welsh_board, secretariat_client, forum
):
    url = reverse("forums:forum-edit", args=[welsh_board.slug])
    page = welsh_secretariat_client.get(url).text
    assert "Crynodeb i&#x27;r cyhoedd (Cymraeg)" in page or "Crynodeb i'r cyhoedd" in page
    assert 'name="bilingual"' not in page  # a forum in Wales is always bilingual
    welsh_secretariat_client.post(
        url,
        {"public_summary": "We make justice work.", "public_summary_cy": "Rydym yn gwella.",
         "terms_of_reference": "Terms", "meeting_frequency": "monthly", "is_public": "yes"},
    )  # fmt: skip
    welsh_board.refresh_from_db()
    assert (welsh_board.public_summary_en, welsh_board.public_summary_cy) == (
        "We make justice work.",
        "Rydym yn gwella.",
    )

    url = reverse("forums:forum-edit", args=[forum.slug])
    assert "public_summary_cy" not in secretariat_client.get(url).text
    secretariat_client.post(
        url,
        {"public_summary": "Summary", "terms_of_reference": "Terms",
         "meeting_frequency": "monthly", "is_public": "yes", "bilingual": "yes"},
    )  # fmt: skip
    forum.refresh_from_db()
    assert forum.bilingual
    assert "public_summary_cy" in secretariat_client.get(url).text


def test_the_site_admin_sees_both_languages_of_a_forums_name(site_admin_client, welsh_board):
    page = site_admin_client.get(reverse("admin:forums_forum_change", args=[welsh_board.pk])).text
    assert 'name="name_en"' in page and 'name="name_cy"' in page
    assert "Bwrdd Cyfiawnder Troseddol De Cymru" in page
    assert 'name="bilingual"' in page


def test_a_welsh_page_asks_a_consultations_questions_in_welsh_and_stores_english_answers(
    client, welsh_board
):
    import time

    from priorities.forms.public import started_token
    from priorities.models import Answer
    from tests.priorities.factories import ConsultationFactory, QuestionFactory

    consultation = ConsultationFactory(forum=welsh_board, title="Draft priorities")
    question = QuestionFactory(
        consultation=consultation,
        text="Do you agree?",
        text_cy="Ydych chi'n cytuno?",
        kind="choice",
        choices="Yes\nNo",
        choices_cy="Ydw\nNac ydw",
    )
    with translation.override("cy"):
        url = reverse("priorities:public-consultation", args=[welsh_board.slug, consultation.pk])
    page = client.get(url).text
    assert "Ydych chi" in page and "Ydw" in page and 'value="Yes"' in page
    assert '<span lang="en">Draft priorities</span>' in page and NOTE in page
    client.post(url, {"started": started_token(time.time() - 60), f"question_{question.pk}": "Yes"})
    assert Answer.objects.get(question=question).text == "Yes"


def test_a_public_board_pack_asked_for_in_welsh_is_a_welsh_file(
    client, welsh_board, django_capture_on_commit_callbacks
):
    import io

    from pypdf import PdfReader

    from forums.models import GeneratedReport

    meeting = MeetingFactory(forum=welsh_board, agenda_published=True, title="Spring board")
    AgendaItemFactory(meeting=meeting, title="Victim care", title_cy="Gofal dioddefwyr")

    def pdf_text(language):
        with translation.override(language):
            url = reverse(
                "reports:public", args=[welsh_board.slug, "board_pack", meeting.pk, "pdf"]
            )
        with django_capture_on_commit_callbacks(execute=True):
            client.get(url)
        response = client.get(url)
        assert response.status_code == 200
        pdf = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
        return " ".join(page.extract_text() for page in pdf.pages)

    welsh, english = pdf_text("cy"), pdf_text("en")
    assert "Gofal dioddefwyr" in welsh and "Victim care" not in welsh
    assert "Ar gael yn Saesneg yn unig" in welsh  # the meeting's title has no Welsh
    assert "Victim care" in english and "Gofal dioddefwyr" not in english
    assert sorted(GeneratedReport.objects.values_list("language", flat=True)) == ["cy", "en"]
