"""The meetings side in Welsh: under /cy/ a meeting's public page and its minutes come out in
Welsh from the compiled catalogue, and the English addresses stay English."""

import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real

from forums.models import Meeting
from tests.forums.factories import (
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    MinuteEntryFactory,
    MinutesFactory,
)

ROOT = Path(settings.BASE_DIR)
CATALOGUE = ROOT / "locale" / "cy" / "LC_MESSAGES"


@pytest.fixture(scope="module", autouse=True)
def welsh_catalogue():
    """Compile the Welsh catalogue (collecting the fragments first when there is no catalogue
    yet), then make Django read it afresh."""
    args = ["scripts/translations.sh"]
    if (CATALOGUE / "django.po").exists():
        args.append("compile")
    subprocess.run(args, cwd=ROOT, check=True, capture_output=True)
    trans_real._translations = {}
    trans_real._default = None
    translation.deactivate_all()
    yield
    trans_real._translations = {}
    translation.deactivate()


@pytest.fixture(autouse=True)
def back_to_english():
    """A request under /cy/ leaves Welsh active in the thread: later tests start in English."""
    yield
    translation.deactivate()


def address(language: str, name: str, *args) -> str:
    """The page's address in ``language`` ("en": as before; "cy": under /cy/)."""
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def published(forum):
    meeting = MeetingFactory(forum=forum, minutes_approved=True)
    item = AgendaItemFactory(meeting=meeting, title="Victims' Code compliance")
    minutes = MinutesFactory(meeting=meeting, published=True)
    MinuteEntryFactory(minutes=minutes, agenda_item=item, text="The board noted the report.")
    DecisionFactory(forum=forum, meeting=meeting, text="The board agreed the plan.")
    return meeting


def test_a_public_meeting_page_and_its_minutes_are_in_welsh_under_cy(client, forum, published):
    url = address("cy", "meetings:public-meeting", forum.slug, published.pk)
    assert url.startswith("/cy/")
    html = client.get(url).content.decode()
    assert '<h2 class="govuk-heading-m">Cofnodion</h2>' in html
    assert '<dt class="govuk-summary-list__key">Pryd</dt>' in html
    assert '<h2 class="govuk-heading-m">Penderfyniadau</h2>' in html
    assert "Cofnodion (PDF)" in html
    assert "The board noted the report." in html  # what people wrote stays as written
    assert "The minutes will appear here" not in html
    assert '<dt class="govuk-summary-list__key">When</dt>' not in html


def test_the_english_address_stays_english(client, forum, published):
    url = address("en", "meetings:public-meeting", forum.slug, published.pk)
    html = client.get(url).content.decode()
    assert '<h2 class="govuk-heading-m">Minutes</h2>' in html
    assert '<dt class="govuk-summary-list__key">When</dt>' in html
    assert "Pryd" not in html


def test_members_read_the_minutes_in_welsh_under_cy(member_client, forum, published):
    url = address("cy", "meetings:workspace-minutes", forum.slug, published.pk)
    html = member_client.get(url).content.decode()
    day = published.starts_at.day
    assert f'<h1 class="govuk-heading-l">Cofnodion y cyfarfod ar {day} ' in html
    assert '<dt class="govuk-summary-list__key">Statws</dt>' in html
    assert "Wedi&#x27;u cyhoeddi" in html or "Wedi'u cyhoeddi" in html  # the status label
    assert "Minutes of the meeting on" not in html


def test_a_meeting_not_yet_started_gives_its_reason_in_welsh(secretariat_client, forum):
    meeting = MeetingFactory(forum=forum, status=Meeting.Status.AGENDA_PUBLISHED)
    url = address("cy", "meetings:workspace-meeting", forum.slug, meeting.pk)
    html = secretariat_client.get(url).content.decode()
    assert "Gallwch gofnodi presenoldeb unwaith y bydd y cyfarfod wedi dechrau am" in html
    assert "Ychwanegu eitem at yr agenda" in html
    assert "You can record attendance once" not in html
