"""Every page a person can reach by following links, for the public and each demo role.

The demo data is seeded once for the module (inside a transaction rolled back at the end).
For each role the crawler follows every same-site link breadth first from the public home page
and the workspace, visiting each URL pattern a few times at most, and checks what a user would
notice: no server error, one <h1>, a titled page, no template syntax or "None" showing, and no
link to a page the viewer cannot open. Then nothing confidential reaches the public or a member
of another forum.
"""

import html
import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from membership.demo import demo_email

pytestmark = pytest.mark.django_db

ROLES = ["secretariat", "chair", "member", "advisory", "submitter", "other", "national", "admin"]
VISITS_PER_PATTERN = 3  # pages parsed per URL pattern (name + which kwargs + query keys)
CHECKS_PER_PATTERN = 5  # further links of a pattern whose status alone is checked
MAX_PAGES = 150  # pages parsed per role
MAX_CHECKS = 150  # further links per role whose status alone is checked
SKIP_PREFIXES = ("/admin/", "/static/", "/accounts/sign-out", "/accounts/logout", "/_bench/")
# A report file in HTML is a download too (sent as an attachment once it is made).
DOWNLOAD_SUFFIXES = (
    ".ics",
    ".csv",
    ".json",
    ".atom",
    ".pdf",
    ".html",
    ".xlsx",
    ".xml",
    ".docx",
    ".odt",
)
# Pages that take long to build and show nothing the crawl would not find elsewhere.
# Template syntax showing, comments too (a {# #} comment must fit on one line).
TEMPLATE_LEAK = re.compile(r"\{\{|\{%|%\}|\}\}|\{#|#\}")
NONE_LEAK = re.compile(r">\s*None\s*<")
API_LINK = re.compile(r'"(http://testserver/api/[^"]*)"')


class PageParser(HTMLParser):
    """The bits of a page the crawl checks: links, <h1>s, the <title>, empty tables."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.h1_count = 0
        self.title = ""
        self._in_title = False
        self.empty_tables = 0  # tables with headings but no rows of data
        self._tables: list[int] = []
        self._in_head = False

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "table":
            self._tables.append(0)
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr" and self._tables and not self._in_head:
            self._tables[-1] += 1
        elif tag == "title" and not self.title:
            self._in_title = True  # the page's <title>, not an SVG's

    def handle_endtag(self, tag):
        if tag == "thead":
            self._in_head = False
        elif tag == "table" and self._tables and self._tables.pop() == 0:
            self.empty_tables += 1
        if tag == "title" and self._in_title:
            self._in_title = False
            self.title = self.title or " "

    def handle_data(self, data):
        if self._in_title:
            self.title += data


@dataclass
class Crawl:
    """What a crawl found: pages fetched (url -> status), problems, bodies of text fetched."""

    pages: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    bodies: dict = field(default_factory=dict)
    referrers: dict = field(default_factory=dict)


def pattern_of(url: str):
    """The URL pattern a link is an instance of: view name, which kwargs, which query keys."""
    parts = urlsplit(url)
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    query_keys = tuple(sorted({key for key, _ in parse_qsl(parts.query)} - {"page"}))
    return (match.view_name, tuple(sorted(match.kwargs)), query_keys)


def same_site(base: str, href: str) -> str | None:
    """The path and query of a same-site link, or None for other sites, mailto: and fragments."""
    href = href.strip()
    if href.startswith(("mailto:", "tel:", "javascript:", "#", "data:")):
        return None
    absolute = urljoin("http://testserver" + base, href)
    parts = urlsplit(absolute)
    if parts.netloc != "testserver" or parts.scheme not in ("http", "https"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def is_download(url: str, response=None) -> bool:
    path = urlsplit(url).path
    if path.endswith(DOWNLOAD_SUFFIXES) or path.startswith("/data/") and path != "/data/":
        return True
    if response is not None:
        if "attachment" in response.get("Content-Disposition", ""):
            return True
        if not response.get("Content-Type", "").startswith("text/html"):
            return True
    return False


class Frontier:
    """Links still to visit, taken from the least-visited URL pattern first, so a capped crawl
    reaches every kind of page before it sees a fourth meeting."""

    def __init__(self):
        self.waiting: dict = {}  # pattern -> deque of (url, referrer), in first-seen order
        self.visits: dict = {}
        self.seen: set = set()

    def add(self, url: str, referrer: str) -> None:
        if url in self.seen or url.startswith(SKIP_PREFIXES):
            return
        self.seen.add(url)
        self.waiting.setdefault(pattern_of(url), deque()).append((url, referrer))

    def pop(self):
        """The next (url, referrer, times its pattern was visited before), or None."""
        ready = [key for key, urls in self.waiting.items() if urls]
        if not ready:
            return None
        key = min(ready, key=lambda k: self.visits.get(k, 0))
        count = self.visits.get(key, 0)
        if count >= VISITS_PER_PATTERN + CHECKS_PER_PATTERN:
            self.waiting[key].clear()
            return self.pop()
        self.visits[key] = count + 1
        url, referrer = self.waiting[key].popleft()
        return url, referrer, count


def crawl(client: Client, starts: list[str], *, anonymous: bool) -> Crawl:
    found = Crawl()
    frontier = Frontier()
    for url in starts:
        frontier.add(url, "(start)")
    parsed = checked = 0
    while (next_link := frontier.pop()) is not None:
        url, referrer, count = next_link
        parse = not is_download(url) and count < VISITS_PER_PATTERN and parsed < MAX_PAGES
        if not parse:
            if checked >= MAX_CHECKS:
                continue
            checked += 1
        response = client.get(url)
        status = response.status_code
        found.pages[url] = status
        found.referrers[url] = referrer
        where = f"{url} (linked from {referrer})"
        if pattern_of(url) is None:
            found.problems.append(f"{where}: link to no URL pattern")
        if status >= 500:
            found.problems.append(f"{where}: {status}")
            continue
        if anonymous and urlsplit(url).path.startswith("/workspace/") and status == 200:
            found.problems.append(f"{where}: workspace page open to the public")
        if status in (403, 404):
            found.problems.append(f"{where}: {status} for a link the app rendered")
            continue
        if status in (301, 302, 303, 307, 308):
            target = same_site(url, response["Location"])
            if anonymous and target and target.startswith(settings.LOGIN_URL):
                if referrer != "(start)":
                    found.problems.append(f"{where}: public page links to a sign-in page")
                continue
            if target:
                frontier.add(target, url)
            continue
        if is_download(url, response):
            content_type = response.get("Content-Type", "").split(";")[0]
            if content_type.startswith("text/") or content_type.endswith(("json", "xml")):
                content = b"".join(response) if response.streaming else response.content
                found.bodies[url] = content.decode("utf-8", "replace")
            if content_type == "application/json":  # the public API: its pages and rows
                for link in API_LINK.findall(found.bodies[url]):
                    frontier.add(link.removeprefix("http://testserver"), url)
            continue
        if not parse:
            continue
        parsed += 1
        body = response.content.decode()
        found.bodies[url] = body
        found.problems.extend(page_problems(url, body))
        page = PageParser()
        page.feed(body)
        for href in page.links:
            target = same_site(url, href)
            if target:
                frontier.add(target, url)
    return found


def page_problems(url: str, body: str) -> list[str]:
    """What a reader would notice is wrong with an HTML page."""
    problems = []
    page = PageParser()
    page.feed(body)
    if page.h1_count != 1:
        problems.append(f"{url}: {page.h1_count} <h1> elements")
    if page.empty_tables:
        problems.append(f"{url}: a table with no rows (say there is nothing instead)")
    if not page.title.strip().endswith(settings.SERVICE_NAME):
        problems.append(f"{url}: title {page.title.strip()!r}")
    if leak := TEMPLATE_LEAK.search(body):
        problems.append(
            f"{url}: template syntax shows: {body[leak.start() - 60 : leak.end() + 60]!r}"
        )
    for leak in NONE_LEAK.finditer(body):
        problems.append(f"{url}: 'None' shows: {body[leak.start() - 80 : leak.end() + 20]!r}")
    return problems


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo data, seeded once for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        yield
        transaction.set_rollback(True)


def client_for(role: str | None) -> Client:
    from membership.models import User

    client = Client(raise_request_exception=False)
    if role:
        client.force_login(User.objects.get(email=demo_email(role)))
    return client


_crawls: dict = {}


def crawl_as(role: str | None) -> Crawl:
    if role not in _crawls:
        starts = ["/", "/feeds/", "/data/"] if role is None else ["/workspace/", "/"]
        _crawls[role] = crawl(client_for(role), starts, anonymous=role is None)
    return _crawls[role]


@pytest.mark.parametrize("role", [None, *ROLES], ids=["public", *ROLES])
def test_every_page_reached_by_links_is_sound(demo, role):
    found = crawl_as(role)
    assert len(found.pages) > 50, f"the crawl found only {len(found.pages)} pages"
    assert not found.problems, "\n".join(found.problems)


def one_per_pattern(urls) -> list[str]:
    chosen = {}
    for url in urls:
        chosen.setdefault(pattern_of(url), url)
    return [url for key, url in chosen.items() if key is not None]


def test_workspace_pages_are_closed_to_the_public(demo):
    workspace = [url for url in crawl_as("secretariat").pages if url.startswith("/workspace/")]
    assert len(workspace) > 20
    anonymous = client_for(None)
    opened = [url for url in one_per_pattern(workspace) if anonymous.get(url).status_code != 302]
    assert not opened, "open to the public (no redirect to sign in):\n" + "\n".join(opened)


def test_another_forums_workspace_pages_are_not_found_by_a_member_elsewhere(demo):
    """The Cleveland secretariat's pages are a 404 to a member of South Wales (never a 403)."""
    cleveland = [
        url
        for url in crawl_as("secretariat").pages
        if url.startswith("/workspace/forums/cleveland-cjb/")
    ]
    assert cleveland, "the secretariat reached no Cleveland workspace page to try"
    other = client_for("other")
    answers = {url: other.get(url).status_code for url in one_per_pattern(cleveland)}
    wrong = [f"{status} {url}" for url, status in answers.items() if status != 404]
    assert not wrong, "not a 404 to a member of another forum:\n" + "\n".join(wrong)


# --- forms ------------------------------------------------------------------------------------


class FormParser(HTMLParser):
    """POST forms with fields a person fills in, and what a browser sends if they fill in
    nothing: empty text, the first option of each list, no radio or checkbox chosen."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        name, kind = attributes.get("name"), attributes.get("type", "text")
        if tag == "form":
            method = (attributes.get("method") or "get").lower()
            self._form = {"method": method, "action": attributes.get("action"), "data": {}}
            self._form["fields"] = []
            self.forms.append(self._form)
        elif self._form is None or not name:
            return
        elif tag in ("input", "textarea") and kind not in ("hidden", "submit", "button"):
            self._form["fields"].append(name)
            if kind not in ("radio", "checkbox", "file"):
                self._form["data"][name] = ""
        elif tag == "select":
            self._form["fields"].append(name)
            self._select = name
        if tag == "option" and self._select:
            self._form["data"][self._select] = attributes.get("value", "")
            self._select = None

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


ERROR_LINKS = re.compile(r'govuk-error-summary__list">(.*?)</ul>', re.S)
NOT_GOVUK_VOICE = ("This field is required", "Enter a valid", "Select a valid choice")
# Known bugs in files this test's author may not change: (form URL pattern, message).


_form_answers: dict = {}


def empty_form_answers(role: str) -> list[tuple]:
    """(form URL, status, error messages) for each kind of form the person reached, sent as a
    browser sends it when nothing is filled in."""
    if role not in _form_answers:
        _form_answers[role] = send_empty_forms(role)
    return _form_answers[role]


def send_empty_forms(role: str) -> list[tuple]:
    found = crawl_as(role)
    client = client_for(role)
    answers, tried = [], set()
    pages = [url for url, body in found.bodies.items() if "<html" in body[:300]]
    for url in one_per_pattern(pages):
        parser = FormParser()
        parser.feed(found.bodies[url])
        for form in parser.forms:
            action = same_site(url, form["action"] or url)
            if form["method"] != "post" or not form["fields"] or pattern_of(action) in tried:
                continue
            tried.add(pattern_of(action))
            response = client.post(action, {"csrfmiddlewaretoken": "-", **form["data"]})
            body = response.content.decode(errors="replace")
            summary = ERROR_LINKS.search(body)
            messages = re.findall(r"<a [^>]*>(.*?)</a>", summary.group(1)) if summary else []
            if response.status_code == 200 and not summary:
                messages = ["(no error summary)"]
            answers.append((action, response.status_code, [html.unescape(m) for m in messages]))
    return answers


@pytest.mark.parametrize("role", ["secretariat", "member", "submitter"])
def test_every_form_sent_empty_says_what_to_fix_in_plain_words(demo, role):
    """No server error; the page comes back with an error summary whose messages say what to
    do (GOV.UK voice), or the form accepts an empty answer and moves on."""
    problems = []
    answers = empty_form_answers(role)
    assert len(answers) >= (20 if role == "secretariat" else 2)
    for action, status, messages in answers:
        if status >= 500:
            problems.append(f"{action}: {status}")
        for message in messages:
            if message.startswith(NOT_GOVUK_VOICE) or message == "(no error summary)":
                problems.append(f"{action}: {message!r}")
    assert not problems, "\n".join(problems)


# --- confidentiality -------------------------------------------------------------------------
# Who may see a row is worked out here from the rules as written (public to everyone; confidential
# to the forum's members; restricted to the people named, and to the secretariat and chair who
# name them; entries of draft minutes to the secretariat and chair alone), independently of the
# querysets the pages use.


DRAFT_MINUTES = "draft minutes"  # a level of the oracle's own: only those who run the forum


def may_see(roles: dict, person_pk, forum_pk, level: str, named: set) -> bool:
    from forums.models import Membership
    from forums.models.visibility import Confidentiality

    if level == Confidentiality.PUBLIC:
        return True
    held = roles.get(forum_pk, set())
    if held & set(Membership.RUNNING_ROLES):
        return True
    if held & set(Membership.MEMBER_ROLES):
        return level == Confidentiality.CONFIDENTIAL or person_pk in named
    return False


def rows_with_rules():
    """(text, forum pk, [(confidentiality, pks named)...]) for every row that has a level:
    the row is visible only if every (level, named) passes."""
    from forums.models import AgendaItem, Decision, MinuteEntry, Paper
    from forums.models.actions import Action
    from forums.models.forward_plan import ForwardPlanItem

    def named(item):
        return {p.pk for p in item.restricted_to.all()} if item else set()

    def item_rule(item):
        return [(item.confidentiality, named(item))] if item else []

    items = AgendaItem.objects.select_related("meeting").prefetch_related("restricted_to")
    for item in items:
        yield item.title, item.meeting.forum_id, item_rule(item)
    entries = MinuteEntry.objects.select_related("minutes__meeting").prefetch_related(
        "agenda_item__restricted_to"
    )
    for entry in entries:
        # Draft minutes are the secretariat's and the chair's: a level only they pass.
        draft = [(DRAFT_MINUTES, set())] if entry.minutes.status == "draft" else []
        yield entry.text, entry.minutes.meeting.forum_id, item_rule(entry.agenda_item) + draft
    papers = Paper.objects.select_related("agenda_item__meeting").prefetch_related(
        "restricted_to", "agenda_item__restricted_to"
    )
    for paper in papers:
        rules = [(paper.confidentiality, named(paper)), *item_rule(paper.agenda_item)]
        yield paper.title, paper.agenda_item.meeting.forum_id, rules
    for model, field_name in ((Decision, "text"), (Action, "title")):
        for row in model.objects.select_related("agenda_item").prefetch_related(
            "agenda_item__restricted_to"
        ):
            rules = [(row.confidentiality, named(row.agenda_item)), *item_rule(row.agenda_item)]
            yield getattr(row, field_name), row.forum_id, rules
    for row in ForwardPlanItem.objects.all():
        yield row.title, row.forum_id, [(row.confidentiality, set())]


def good_practice_rows(person, roles: dict):
    """(title, visible) for each good-practice entry, from the rules as written: published for
    everyone is public; for partners only, anyone with a seat on a forum and national staff; a
    draft is its board's members'; waiting or turned down, its board's members' and the national
    curator's."""
    from forums.models import Membership
    from priorities.models import GoodPracticeEntry

    national = bool(person and person.is_national_viewer)
    for entry in GoodPracticeEntry.objects.all():
        on_board = bool(roles.get(entry.forum_id, set()) & set(Membership.MEMBER_ROLES))
        if entry.is_published:
            visible = not entry.is_partners_only or bool(roles) or national
        else:
            visible = on_board or (national and entry.state != GoodPracticeEntry.State.DRAFT)
        yield entry.title, visible


def bulletin_rows(person, roles: dict):
    """(text, visible) for each bulletin section's heading and text and each file's title, from
    the audience rule as written: a draft is the national team's or, for a regional board's
    series, whoever runs that board; published, public is everyone's, partners anyone with a
    seat, offices whoever runs a local board, a group its members; the national team reads all."""
    from forums.models import Forum, Membership
    from national.models import BulletinAttachment, BulletinSection

    national = bool(person and person.is_national_viewer)
    kinds = dict(Forum.objects.filter(pk__in=list(roles)).values_list("pk", "kind"))
    running = {pk for pk, held in roles.items() if held & set(Membership.RUNNING_ROLES)}
    member_of = {pk for pk, held in roles.items() if held & set(Membership.MEMBER_ROLES)}

    def may_read(bulletin) -> bool:
        if national:
            return True
        if bulletin.series.publisher_forum_id in running:
            return True  # the series' own editors, drafts too
        if bulletin.published_at is None:
            return False
        return {
            "public": True,
            "partners": bool(roles),
            "offices": any(kinds[pk] == Forum.Kind.LOCAL_BOARD for pk in running),
            "group": bulletin.group_id in member_of,
        }[bulletin.audience]

    for section in BulletinSection.objects.select_related("bulletin__series"):
        visible = may_read(section.bulletin)
        yield section.heading, visible
        yield section.body, visible
    for file in BulletinAttachment.objects.select_related("section__bulletin__series"):
        yield file.title, may_read(file.section.bulletin)


def engagement_rows(person, roles: dict):
    """(text, visible) for each national engagement's title, questions, outcome, papers and
    responses, from the rules as written: its policy leads and its audience (members of the
    groups it asks; the staff of every local board when it asks every body) see it; once a lead
    releases it (or a paper) from a date, the members of the audience bodies' local boards see
    it (released to boards), or everyone (released publicly). Drafts are the leads' alone.
    Responses are the leads' and the respondent's (its staff, or its group's members)."""
    from django.utils import timezone

    from forums.models import Forum, Membership
    from national.models import Engagement

    today = timezone.localdate()
    rank = {"": 0, "boards": 1, "public": 2}
    kinds = dict(Forum.objects.values_list("pk", "kind"))
    member_of = {pk for pk, held in roles.items() if held & set(Membership.MEMBER_ROLES)}
    runs = {pk for pk, held in roles.items() if held & set(Membership.RUNNING_ROLES)}
    boards = {pk for pk in member_of if kinds.get(pk) == Forum.Kind.LOCAL_BOARD}
    staffs_a_body = any(kinds.get(pk) == Forum.Kind.LOCAL_BOARD for pk in runs)
    seats = list(
        Membership.objects.current().values_list("forum_id", "person_id", "role", "forum__kind")
    )
    board_staff = {
        (forum, person)
        for forum, person, role, kind in seats
        if kind == Forum.Kind.LOCAL_BOARD and role in Membership.RUNNING_ROLES
    }
    group_members = {
        (forum, person) for forum, person, role, _kind in seats if role in Membership.MEMBER_ROLES
    }

    # The national groups on which each local board's staff sit (for group audiences).
    groups_of_staff: dict[int, set[int]] = {}
    for board, staff in board_staff:
        groups_of_staff.setdefault(board, set()).update(
            group for group, member in group_members if member == staff
        )

    def in_force(release, released_from):
        return release if release and released_from and released_from <= today else ""

    engagements = Engagement.objects.prefetch_related(
        "leads", "audience_groups", "questions", "papers", "responses__answers"
    )
    for engagement in engagements:
        groups = {group.pk for group in engagement.audience_groups.all()}
        is_lead = bool(person) and person.pk in {lead.pk for lead in engagement.leads.all()}
        live = engagement.status != Engagement.Status.DRAFT
        audience = live and (
            bool(groups & member_of) or engagement.all_policing_bodies and staffs_a_body
        )
        body_boards = {
            board
            for board in boards
            if engagement.all_policing_bodies or groups & groups_of_staff.get(board, set())
        }
        whole = in_force(engagement.release, engagement.released_from) if live else ""
        full = is_lead or audience or (rank[whole] >= 1 and bool(body_boards)) or whole == "public"
        texts = [engagement.title, engagement.background, engagement.outcome]
        texts += [question.text for question in engagement.questions.all()]
        for text in texts:
            yield text, full
        for paper in engagement.papers.all():
            own = in_force(paper.release, paper.released_from) if live else ""
            level = max(rank[own], rank[whole])
            yield (
                paper.title,
                (is_lead or audience or (level >= 1 and bool(body_boards)) or level == 2),
            )
        for response in engagement.responses.all():
            respondent = response.respondent_id
            own = (
                respondent in runs
                if kinds.get(respondent) == Forum.Kind.LOCAL_BOARD
                else (respondent in member_of)
            )
            visible = is_lead or (audience and own)
            yield response.local_perspective, visible
            for answer in response.answers.all():
                yield answer.steer, visible


def hidden_texts(role: str | None) -> set[str]:
    """Texts of the rows the person may not see, less any that a row they may see also has."""
    from forums.models import AgendaItem, Membership
    from membership.models import User

    person = User.objects.get(email=demo_email(role)) if role else None
    roles: dict = {}
    if person:
        for forum_pk, held in (
            Membership.objects.current().filter(person=person).values_list("forum", "role")
        ):
            roles.setdefault(forum_pk, set()).add(held)
    person_pk = person.pk if person else None
    hidden, shown = set(), set(AgendaItem.objects.values_list("public_title", flat=True))
    for text, forum_pk, rules in rows_with_rules():
        visible = all(may_see(roles, person_pk, forum_pk, *rule) for rule in rules)
        (shown if visible else hidden).add(text.strip())
    for text, visible in good_practice_rows(person, roles):
        (shown if visible else hidden).add(text.strip())
    for text, visible in bulletin_rows(person, roles):
        (shown if visible else hidden).add(text.strip())
    for text, visible in engagement_rows(person, roles):
        (shown if visible else hidden).add(text.strip())
    return {text for text in hidden - shown if len(text) >= 12}


def leaks(found: Crawl, texts: set[str]) -> list[str]:
    problems = []
    for url, body in found.bodies.items():
        readable = html.unescape(body)
        problems += [f"{url}: {text!r}" for text in texts if text in readable]
    return problems


def test_the_public_crawl_reads_feeds_open_data_calendars_and_the_api(demo):
    bodies = crawl_as(None).bodies
    assert [u for u in bodies if u.startswith("/feeds/") and u.endswith(".atom")]
    assert [u for u in bodies if u.startswith("/data/") and u != "/data/"]
    assert [u for u in bodies if u.endswith(".ics")]
    assert [u for u in bodies if u.startswith("/api/meetings/")]  # the API, from the footer


def test_the_public_crawl_reads_the_good_practice_library_but_not_what_is_kept_back(demo):
    from priorities.models import GoodPracticeEntry

    bodies = crawl_as(None).bodies
    assert "/good-practice/" in bodies
    assert [u for u in bodies if u.startswith("/good-practice/") and u != "/good-practice/"]
    assert [u for u in bodies if u.startswith("/feeds/good-practice/")]
    kept_back = GoodPracticeEntry.objects.exclude(
        pk__in=GoodPracticeEntry.objects.public().values("pk")
    )
    assert kept_back.count() >= 2  # one for partners only, one waiting for review
    assert {entry.title for entry in kept_back} <= hidden_texts(None)


def test_the_oracle_keeps_national_engagements_from_those_outside_their_audience(demo):
    from national.demo_engagements import EARLY, UPDATE
    from national.models import Engagement

    paper = Engagement.objects.get(title=EARLY).papers.get().title
    for role in (None, "member", "advisory", "other", "submitter"):
        assert {EARLY, paper} <= hidden_texts(role), role
    assert UPDATE in hidden_texts(None) and UPDATE in hidden_texts("submitter")
    assert UPDATE not in hidden_texts("member")  # released to the boards' members
    assert not hidden_texts("national") & {EARLY, UPDATE, paper}  # the policy lead
    # The crawls reach the engagement pages (so the leak check reads them).
    for role in ("national", "member", "secretariat"):
        reached = [url for url in crawl_as(role).pages if "/national/engagements/" in url]
        assert len(reached) >= 2, role


@pytest.mark.parametrize(
    "role", [None, "other", "national", "submitter", "member", "advisory"], ids=str
)
def test_nothing_reaches_a_person_who_may_not_see_it(demo, role):
    """Pages, feeds, open data, calendars, the public API and (signed in) search results."""
    texts = hidden_texts(role)
    assert len(texts) >= 2, texts
    found = crawl_as(role)
    if role:
        searched = Crawl()
        client = client_for(role)
        for text in sorted(texts):
            # Search for the first words only: the page repeats the query, not the rest.
            words = text.split()
            query = " ".join(words[: max(1, len(words) // 2)])
            url = f"/workspace/search/?{urlencode({'q': query})}"
            searched.bodies[url] = client.get(url).content.decode()
        found = Crawl(bodies={**found.bodies, **searched.bodies})
    problems = leaks(found, texts)
    assert not problems, f"seen by {role or 'the public'}:\n" + "\n".join(problems)


@pytest.mark.parametrize("role", [None, "other", "member", "secretariat", "national"], ids=str)
def test_a_non_public_bulletins_files_reach_only_its_audience(demo, role):
    """Each bulletin file at its public address (public bulletins only) and at the readers'
    address (the bulletin's audience only), whoever asks; and no crawl reached one it may not."""
    from national.models import BulletinAttachment

    person = None
    roles: dict = {}
    if role:
        from forums.models import Membership
        from membership.models import User

        person = User.objects.get(email=demo_email(role))
        for forum_pk, held in (
            Membership.objects.current().filter(person=person).values_list("forum", "role")
        ):
            roles.setdefault(forum_pk, set()).add(held)
    readable = {text for text, visible in bulletin_rows(person, roles) if visible}
    files = list(BulletinAttachment.objects.select_related("section__bulletin__series"))
    kept_back = [f for f in files if f.section.bulletin.audience != "public"]
    assert kept_back, "the demo has a file in a bulletin that is not public"
    client = client_for(role)
    problems = []
    for file in files:
        bulletin = file.section.bulletin
        args = [bulletin.series.slug, bulletin.number, file.pk]
        public_url = reverse("national:attachment", args=args)
        read_url = reverse("national:attachment-read", args=args)
        is_public = bulletin.audience == "public" and bulletin.published_at is not None
        expected = {
            public_url: 200 if is_public else 404,
            read_url: (302 if role is None else 200 if file.title in readable else 404),
        }
        for url, status in expected.items():
            if (got := client.get(url).status_code) != status:
                problems.append(f"{url} ({file.title}): {got}, expected {status}")
        if not is_public and file.title not in readable:
            reached = [u for u, code in crawl_as(role).pages.items() if code == 200]
            problems += [f"crawl reached {u}" for u in reached if u in (public_url, read_url)]
    assert not problems, "\n".join(problems)
