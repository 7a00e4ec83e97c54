"""Welsh at /cy/: every message translated, no English left on a Welsh page, the switcher,
people's language preference, and e-mails in the recipient's language."""

import re
from collections import deque
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from forums import reminders
from membership import notifications
from membership.models import User
from tests.conftest import verify_session
from tests.forums.factories import AgendaItemFactory, MeetingFactory
from tests.lcjb.welsh import (
    CATALOGUE,
    FRAGMENTS,
    english_labels,
    english_on_page,
    english_pieces,
    read_po,
)

HREF = re.compile(r'href="(/[^"#]*)"')
SWITCHER = re.compile(r'<a class="govuk-header__link app-header__language" href="([^"]+)"[^>]*>')


def _catalogues():
    return [CATALOGUE, *FRAGMENTS]


# (a) --------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", _catalogues(), ids=lambda path: path.name)
def test_every_message_has_a_welsh_translation(path):
    assert path.exists(), f"{path} is missing: run scripts/translations.sh"
    entries = read_po(path)
    assert entries
    missing = [e.msgid for e in entries if e.fuzzy or not all(t.strip() for t in e.translations)]
    assert missing == [], f"{len(missing)} messages without Welsh in {path.name}: {missing[:10]}"


def test_plural_messages_have_all_six_welsh_forms():
    for path in _catalogues():
        for entry in read_po(path):
            if entry.plural:
                assert len(entry.translations) == 6, (path.name, entry.msgid)


# (b) --------------------------------------------------------------------------------------

SKIP = ("/cy/accounts/sign-out", "/cy/feeds/", "/cy/data/")
DOWNLOADS = (".ics", ".csv", ".json", ".atom", ".pdf", ".xlsx", ".xml")
MAX_PAGES = 40


def _crawl(client: Client, starts: list[str]) -> dict[str, str]:
    """Pages under /cy/ reachable from ``starts`` (at most MAX_PAGES), by address."""
    seen, pages, queue = set(starts), {}, deque(starts)
    while queue and len(pages) < MAX_PAGES:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[path] = html
        for link in HREF.findall(html):
            link = link.replace("&amp;", "&")
            target = urlsplit(link).path
            if (
                not target.startswith("/cy/")
                or target.endswith(DOWNLOADS)
                or target.startswith(SKIP)
                or target in seen
            ):
                continue
            seen.add(target)
            queue.append(target)
    return pages


@pytest.fixture
def english():
    entries = read_po(CATALOGUE) if CATALOGUE.exists() else []
    for fragment in FRAGMENTS:
        entries += read_po(fragment)
    return english_pieces(entries), english_labels(entries)


@pytest.fixture
def board(forum, member):
    meeting = MeetingFactory(forum=forum, agenda_published=True, days_ahead=7)
    AgendaItemFactory(meeting=meeting, title="Victims' Code compliance")
    return forum


def test_the_catalogue_knows_english_strings_the_test_looks_for(english):
    pieces, labels = english
    assert "Skip to main content" in pieces
    assert "Boards" in labels
    assert "Sign out" in labels


def test_welsh_public_site_shows_no_english_from_the_catalogue(db, board, english):
    pages = _crawl(Client(), ["/cy/", "/cy/accounts/sign-in/", "/cy/cookies/", "/cy/no-such-page/"])
    assert len(pages) > 3
    leaks = {path: english_on_page(html, *english) for path, html in pages.items()}
    assert {path: found for path, found in leaks.items() if found} == {}


def test_welsh_workspace_shows_no_english_from_the_catalogue(db, board, member, english):
    client = Client()
    client.force_login(member)
    verify_session(client, member)
    pages = _crawl(client, ["/cy/workspace/", "/cy/accounts/account/"])
    assert len(pages) > 3
    leaks = {path: english_on_page(html, *english) for path, html in pages.items()}
    assert {path: found for path, found in leaks.items() if found} == {}


def test_the_crawl_would_notice_english_left_on_a_welsh_page(english):
    page = "<html><body><a href='/cy/'>Boards</a><p>Skip to main content</p></body></html>"
    assert english_on_page(page, *english) == {"Boards", "Skip to main content"}
    welsh = "<p>Byrddau</p><a href='/skip-to-main-content/'>Neidio i'r prif gynnwys</a>"
    assert english_on_page(welsh, *english) == set()


# (c) --------------------------------------------------------------------------------------


def _switcher(html: str) -> str:
    found = SWITCHER.findall(html)
    assert len(found) == 1, "one language switcher in the header"
    return found[0].replace("&amp;", "&")


@pytest.mark.parametrize(
    "path,lang,other",
    [
        ("/cy/", 'lang="cy"', "/"),
        ("/cy/cookies/", 'lang="cy"', "/cookies/"),
        ("/cy/forums/cleveland-cjb/?page=2&q=a", 'lang="cy"', "/forums/cleveland-cjb/?page=2&q=a"),
        ("/", 'lang="en-GB"', "/cy/"),
        ("/cookies/", 'lang="en-GB"', "/cy/cookies/"),
        ("/no-such-page/", 'lang="en-GB"', "/cy/no-such-page/"),
        ("/cy/no-such-page/", 'lang="cy"', "/no-such-page/"),
    ],
)
def test_pages_carry_their_language_and_switch_to_the_same_page(client, forum, path, lang, other):
    response = client.get(path)
    html = response.content.decode()
    assert f'<html {lang} class="govuk-template">' in html
    assert _switcher(html) == other
    welsh_page = path.startswith("/cy/")
    name, code = ("English", "en-GB") if welsh_page else ("Cymraeg", "cy")
    assert f'hreflang="{code}" lang="{code}" rel="alternate">{name}</a>' in html


def test_switching_language_is_remembered_for_a_signed_in_person(client, member):
    client.force_login(member)
    verify_session(client, member)
    html = client.get("/workspace/?tab=1").content.decode()
    link = _switcher(html)
    assert link.startswith("/cy/workspace/?tab=1&")
    response = client.get(link)
    assert response.status_code == 302
    assert response["Location"] == "/cy/workspace/?tab=1"
    member.refresh_from_db()
    assert member.language == "cy"
    # and back
    client.get(_switcher(client.get("/cy/workspace/").content.decode()))
    member.refresh_from_db()
    assert member.language == "en"


def test_visiting_a_welsh_page_without_the_switcher_changes_no_preference(client, member):
    client.force_login(member)
    verify_session(client, member)
    client.get("/cy/workspace/")
    member.refresh_from_db()
    assert member.language == "en"


def test_account_page_sets_the_language_and_answers_in_it(client, member):
    client.force_login(member)
    verify_session(client, member)
    response = client.post(
        "/accounts/account/",
        {"full_name": member.full_name, "job_title": "", "language": "cy"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/cy/accounts/account/"
    member.refresh_from_db()
    assert member.language == "cy"
    assert member.history.first().language == "cy"  # the change is in the person's history


def test_a_welsh_speaker_lands_in_welsh_after_signing_in(client, member):
    member.set_password("correct horse battery")
    member.language = "cy"
    member.save()
    response = client.post(
        "/accounts/sign-in/?next=/workspace/",
        {"username": member.email, "password": "correct horse battery"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/cy/workspace/"


# (d) --------------------------------------------------------------------------------------


def test_meeting_reminder_comes_in_each_recipients_language(
    board, member, secretariat, django_capture_on_commit_callbacks
):
    User.objects.filter(pk=member.pk).update(language="cy")
    meeting = board.meetings.get()
    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_meeting_reminders(today=timezone.localdate())
    welsh = next(m for m in mail.outbox if m.to == [member.email])
    english = next(m for m in mail.outbox if m.to == [secretariat.email])
    assert welsh.subject.startswith(f"{board.name} yn cyfarfod ymhen 7 diwrnod: {meeting.title}")
    assert english.subject.startswith(f"{board.name} meets in 7 days: {meeting.title}")
    html = welsh.alternatives[0][0]
    assert '<html lang="cy">' in html
    assert f"Helo {member.full_name}," in welsh.body
    assert "/cy/workspace/" in welsh.body and "/cy/workspace/preferences/" in welsh.body
    assert "yb" in welsh.body and "Dydd " in welsh.body  # "Dydd Mercher 9 Rhagfyr 2026, 10yb"
    assert "/cy/" not in english.body and "Hello " in english.body


def test_notification_is_in_the_recipients_language_whatever_the_senders(member, secretariat):
    from django.utils import translation

    User.objects.filter(pk=member.pk).update(language="cy")
    member.refresh_from_db()
    with translation.override("cy"):  # the secretariat works in Welsh
        notifications.notify(
            key="test-language",
            recipients=[member, secretariat],
            category="notice",
            subject=lambda: translation.gettext("Sign in"),
            template="forums/email/reminder_meeting",
            context=lambda: {"agenda": (), "agenda_is_out": False},
            url="/cy/workspace/",
        )
    sent = {n.recipient_id: n for n in notifications.Notification.objects.all()}
    assert sent[member.pk].subject == "Mewngofnodi"
    assert sent[member.pk].url == "/cy/workspace/"
    assert sent[secretariat.pk].subject == "Sign in"
    assert sent[secretariat.pk].url == "/workspace/"
    assert "Hello " in sent[secretariat.pk].body_text


def test_password_reset_email_is_in_the_persons_language(client, member):
    User.objects.filter(pk=member.pk).update(language="cy")
    client.post("/accounts/password-reset/", {"email": member.email})
    (message,) = mail.outbox
    assert message.subject.startswith("Ailosod eich cyfrinair")
    assert "/cy/accounts/reset/" in message.body


# (e) --------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/cookies/", "/accounts/sign-in/", "/forums/cleveland-cjb/"])
def test_english_site_is_unchanged_at_its_addresses(client, forum, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en-GB"' in html
    assert "Skip to main content" in html and "Neidio" not in html
    assert response["Content-Language"] == "en"


def test_welsh_and_english_public_pages_are_kept_apart_in_the_cache(client, forum):
    for _ in range(2):  # the second round is served from the cache
        english = client.get("/forums/cleveland-cjb/").content.decode()
        welsh = client.get("/cy/forums/cleveland-cjb/").content.decode()
        assert '<html lang="en-GB"' in english and "Skip to main content" in english
        assert '<html lang="cy"' in welsh and "Neidio i'r prif gynnwys" in welsh


def test_welsh_dates_and_times_read_naturally():
    import datetime

    from django.utils import translation

    from membership import dates

    start = timezone.make_aware(datetime.datetime(2026, 12, 2, 10, 0))
    with translation.override("cy"):
        assert dates.when(start, start + datetime.timedelta(hours=4, minutes=30)) == (
            "Dydd Mercher 2 Rhagfyr 2026, 10yb i 2:30yh"
        )
    with translation.override("en"):
        assert dates.when(start, start + datetime.timedelta(hours=2)) == (
            "Wednesday 2 December 2026, 10am to 12pm"
        )


def test_error_pages_are_in_the_language_of_the_address():
    from django.utils import translation

    from lcjb import errors

    with translation.override("cy"):
        page = errors.service_unavailable().content.decode()
    assert '<html lang="cy"' in page
    assert "Mae'n ddrwg gennym, nid yw'r gwasanaeth ar gael" in page
    with translation.override("en"):
        page = errors.service_unavailable().content.decode()
    assert '<html lang="en-GB"' in page
    assert "Sorry, the service is unavailable" in page


def test_text_marked_as_english_is_not_counted_as_english_left_behind(english):
    page = (
        '<html lang="cy"><body><a lang="en-GB" href="/x/">Boards</a>'
        '<p lang="en-GB">Skip to <em>main</em> content</p><p>Sign out</p></body></html>'
    )
    assert english_on_page(page, *english) == {"Sign out"}


def test_a_welsh_page_that_needs_signing_in_asks_in_welsh(client, db):
    response = client.get("/cy/workspace/")
    assert response.status_code == 302
    assert response["Location"].startswith("/cy/accounts/sign-in/?next=/cy/workspace/")
