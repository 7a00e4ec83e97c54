"""The priorities app in Welsh: the same pages under /cy/, in Welsh, English where it always was.

Needs the compiled Welsh catalogue (``scripts/translations.sh``, or ``compile`` for the .mo).
"""

import time

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from priorities.forms import started_token
from priorities.models import Response, plan_year_label
from tests.priorities.factories import (
    ConsultationFactory,
    GoodPracticeEntryFactory,
    ObjectiveFactory,
    PriorityFactory,
    QuestionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def consultation(forum):
    consultation = ConsultationFactory(forum=forum, title="Draft priorities 2027")
    QuestionFactory(consultation=consultation, text="What matters most to you?", order=1)
    return consultation


def welsh(name, *args):
    with translation.override("cy"):
        return reverse(name, args=args)


def test_welsh_addresses_sit_under_cy_and_english_ones_stay_put(forum):
    assert (
        welsh("priorities:public-list", forum.slug)
        == f"/cy{reverse('priorities:public-list', args=[forum.slug])}"
    )
    assert not reverse("priorities:public-list", args=[forum.slug]).startswith("/cy/")


def test_public_priorities_page_in_welsh(client, forum):
    priority = PriorityFactory(forum=forum, agreed=True, title="Agreed aim")
    ObjectiveFactory(priority=priority, title="Witness attendance up to 90%")
    page = client.get(welsh("priorities:public-list", forum.slug)).content.decode()
    with translation.override("cy"):
        year = plan_year_label(priority.plan_year)
    assert f"Blaenoriaethau {year}" in page  # Priorities for 2026 to 2027
    assert " i " in year
    assert "Dweud eich dweud" in page  # Have your say
    assert "Llinell sylfaen" in page  # Baseline (the objectives table)
    assert "Dim camau gweithredu eto" in page  # the roll-up of a priority with no actions
    assert "Have your say" not in page
    # The content itself is the board's: it stays as written.
    assert "Agreed aim" in page and "Witness attendance up to 90%" in page
    with translation.override("en"):  # the client leaves the last page's language active
        english_url = reverse("priorities:public-list", args=[forum.slug])
    english = client.get(english_url).content.decode()
    assert "Have your say" in english and "Dweud eich dweud" not in english


def test_public_consultation_form_in_welsh(client, consultation):
    page = client.get(
        welsh("priorities:public-consultation", consultation.forum.slug, consultation.pk)
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "Anfon eich atebion" in text  # Send your answers
    assert "Amdanoch chi (dewisol)" in text  # About you (optional)
    assert "Dioddefwr neu dyst" in text  # a choice of "Are you answering as" shown in Welsh ...
    assert 'value="A victim or witness"' in text  # ... its value kept in English
    assert "Send your answers" not in text
    assert "What matters most to you?" in text  # the board's own question, as written


def test_public_consultation_error_in_welsh(client, consultation):
    question = consultation.questions.get()
    data = {"started": started_token(time.time() - 60), f"question_{question.pk}": ""}
    url = welsh("priorities:public-consultation", consultation.forum.slug, consultation.pk)
    text = client.post(url, data).content.decode()
    assert "Atebwch o leiaf un cwestiwn cyn anfon eich atebion" in text
    assert "Answer at least one question" not in text
    assert not Response.objects.exists()


def test_a_welsh_answer_is_kept_and_thanked_in_welsh(client, consultation):
    question = consultation.questions.get()
    url = welsh("priorities:public-consultation", consultation.forum.slug, consultation.pk)
    data = {
        "started": started_token(time.time() - 60),
        f"question_{question.pk}": "Cefnogaeth i ddioddefwyr",
        "respondent_type": "A member of the public",
    }
    response = client.post(url, data, follow=True)
    assert response.redirect_chain[-1][0].startswith("/cy/")
    page = response.content.decode()
    assert "Diolch am ateb:" in page  # Thank you for answering
    assert "Draft priorities 2027" in page  # the title, marked as English (no Welsh title)
    assert Response.objects.get().respondent_type == "A member of the public"


def test_good_practice_library_in_welsh(client, forum):
    GoodPracticeEntryFactory(forum=forum, published=True, title="Witness care calls")
    with translation.override("cy"):
        url = reverse("priorities:good-practice")
    text = client.get(url).content.decode()
    assert "Llyfrgell arfer da" in text  # Good-practice library
    assert "Unrhyw dystiolaeth" in text  # Any evidence (the search form)
    assert "1 cofnod" in text  # 1 entry
    assert "Witness care calls" in text
    assert "Search the library" not in text


def test_a_priority_history_names_what_changed_in_welsh(client, forum, secretariat):
    priority = PriorityFactory(forum=forum, title="Old title")
    priority.title = "New title"
    priority.save()
    client.force_login(secretariat)
    text = client.get(welsh("priorities:detail", forum.slug, priority.pk)).content.decode()
    assert "Wedi&#x27;i olygu: teitl" in text  # Edited: title
    assert "Newidiadau" in text  # Changes
    with translation.override("en"):
        english_url = reverse("priorities:detail", args=[forum.slug, priority.pk])
    assert "Edited: title" in client.get(english_url).content.decode()
