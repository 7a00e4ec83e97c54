"""Hostile input to every public form and the main workspace forms: no server error, and
nothing stored from a submission that is refused.

Hypothesis fills each form's fields (read from the page itself, so a field added later is
driven too) with hostile values: very long strings, NUL bytes, Unicode control and direction
characters, SQL, HTML and script fragments, huge and negative numbers, impossible dates, odd
file names; mixed with the page's own valid values, so that one bad field among good ones is
tried as well as all bad at once. Each example runs in a savepoint rolled back after it, on the
URL matrix's forum (built once for the module). Refused means the page came back (not a
redirect); then the rows of every table of our apps are counted before and after.
"""

from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.conftest import verify_session
from tests.forums.factories import MeetingFactory
from tests.lcjb.url_matrix import TABLE
from tests.lcjb.url_matrix_world import build_world

pytestmark = pytest.mark.django_db

EXAMPLES = hypothesis_settings(
    max_examples=25,
    deadline=None,
    derandomize=True,  # the same examples every run: a failure is reproduced by running again
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

FRAGMENTS = [
    "",
    " ",
    "\x00",
    "ab\x00cd",
    "\u202egnp.exe",  # right-to-left override
    "\u200b\u200d\ufeff",  # zero-width characters and a byte-order mark
    "\x07\x08\x1b[31m\x7f",  # bell, backspace, an ANSI escape, delete
    "line\r\nbreak\u2028\u2029",
    "'; DROP TABLE forums_meeting; --",
    "1 OR 1=1",
    "' UNION SELECT password FROM membership_user --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "{{ 7*7 }}{% debug %}",
    "%(name)s%s%n",
    "../../../../etc/passwd",
    "-1",
    "0",
    "-2147483649",
    "9223372036854775808",
    "1" * 400,
    "²",  # a digit to str.isdigit(), not to int()
    "١٢",  # Arabic-Indic digits
    "1e309",
    "NaN",
    "-inf",
    "12.5.3",
    "2026-02-30",
    "0000-00-00",
    "31/31/2026",
    "9999-12-31T25:61",
    "-0001-01-01",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🤖",
    "x" * 100_000,
]
HOSTILE = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(max_size=300),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.lists(st.sampled_from(FRAGMENTS), min_size=2, max_size=4).map("".join),
)
FILE_NAMES = ["paper.pdf", "../../evil.pdf", "a\x00b.pdf", "x" * 300 + ".pdf", "r\u202efdp.exe"]
FILES = st.builds(
    lambda name, content: SimpleUploadedFile(name, content, content_type="application/pdf"),
    st.sampled_from(FILE_NAMES),
    st.sampled_from([b"", b"%PDF-1.4 not really", b"\x00" * 64, b"<script>alert(1)</script>"]),
)

# (URL name, the role that fills the form in, whether the form is sent with GET).
PUBLIC_FORMS = [
    ("login", "anonymous", False),
    ("password_reset", "anonymous", False),
    ("priorities:public-consultation", "anonymous", False),
    ("forums:invitation-accept", "anonymous", False),  # after opening the invitation's link
    ("priorities:public-list", "anonymous", True),  # ?year= (links, not a form)
    ("meetings:public-paper", "anonymous", True),
]
# Parameters read from the query string by pages that link to them rather than show a form.
QUERY_PARAMETERS = {
    "priorities:public-list": {"year": {"type": "text", "values": ["2025"]}},
    "meetings:public-paper": {"version": {"type": "text", "values": ["1"]}},
    "meetings:workspace-paper-download": {"version": {"type": "text", "values": ["1"]}},
}
WORKSPACE_FORMS = [
    ("meetings:workspace-search", "member", True),
    ("meetings:workspace-actions", "member", True),
    ("meetings:workspace-paper-download", "member", True),  # ?version=
    ("forums:audit", "secretariat", True),
    ("meetings:workspace-schedule", "secretariat", False),
    ("meetings:workspace-meeting-edit", "secretariat", False),
    ("meetings:workspace-item-add", "secretariat", False),
    ("meetings:workspace-paper-upload", "secretariat", False),
    ("meetings:workspace-action-add", "secretariat", False),
    ("meetings:workspace-decision-add", "secretariat", False),
    ("meetings:workspace-minutes-write", "secretariat", False),
    ("meetings:workspace-minutes-in-writing", "secretariat", False),
    ("meetings:workspace-procedure-start", "secretariat", False),
    ("forums:membership-add", "secretariat", False),
    ("forums:membership-edit", "secretariat", False),
    ("forums:forum-edit", "secretariat", False),
    ("priorities:create", "secretariat", False),
    ("priorities:risk-create", "secretariat", False),
    ("priorities:tension-create", "secretariat", False),
    ("performance:return-edit", "submitter", False),
    ("meetings:workspace-national-escalations", "national", False),
    ("meetings:workspace-escalation-raise", "secretariat", False),
    ("meetings:workspace-meeting-action-add", "secretariat", False),
    ("forums:invitation-new", "secretariat", False),
    ("priorities:objective-create", "secretariat", False),
    ("priorities:consultation-create", "secretariat", False),
    ("performance:targets", "secretariat", False),
    ("account", "member", False),
]


# --- reading a form off its page -------------------------------------------------------------


class _Forms(HTMLParser):
    """The forms of a page: method, action and each field with the values the page offers."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {
                    "method": (attrs.get("method") or "get").lower(),
                    "action": attrs.get("action") or "",
                    "fields": {},
                }
            )
            return
        if not self.forms or not attrs.get("name") and tag != "option":
            return
        fields = self.forms[-1]["fields"]
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset"):
                return
            offered = fields.setdefault(attrs["name"], {"type": kind, "values": []})
            value = attrs.get("value", "on" if kind in ("checkbox", "radio") else "")
            offered["values"].append(value)
        elif tag == "select":
            self._select = fields.setdefault(attrs["name"], {"type": "select", "values": []})
        elif tag == "option" and self._select is not None:
            self._select["values"].append(attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea = fields.setdefault(attrs["name"], {"type": "textarea", "values": [""]})

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["values"] = [data.strip()]

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def form_on(page: str, url: str, method: str) -> dict:
    """The page's main form of that method: the one sent to the page itself with most fields."""
    parser = _Forms()
    parser.feed(page)
    own = [
        form
        for form in parser.forms
        if form["method"] == method and form["action"] in ("", url) and form["fields"]
    ]
    assert own, f"no {method} form on {url}"
    form = max(own, key=lambda found: len(found["fields"]))
    form["fields"].pop("csrfmiddlewaretoken", None)
    return form["fields"]


def answers_for(fields: dict) -> st.SearchStrategy:
    """Each field: one of the values the page offers, or something hostile."""
    strategies = {}
    for name, field in fields.items():
        if field["type"] == "file":
            strategies[name] = FILES
            continue
        offered = [value for value in field["values"] if value is not None] or [""]
        strategies[name] = st.one_of(st.sampled_from(offered), HOSTILE)
    return st.fixed_dictionaries(strategies)


# --- counting what is stored -----------------------------------------------------------------


def _tables() -> list[str]:
    return sorted(
        model._meta.db_table
        for app in ("membership", "forums", "performance", "priorities")
        for model in apps.get_app_config(app).get_models()
        if not model._meta.proxy
    )


def row_counts() -> dict[str, int]:
    """Rows in every table of our apps (their history included), in one query."""
    quote = connection.ops.quote_name
    sql = " UNION ALL ".join(  # table names from our own models, not from input
        f"SELECT '{table}', COUNT(*) FROM {quote(table)}"  # noqa: S608
        for table in _tables()
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(cursor.fetchall())


# --- the world and the people filling the forms in -------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The URL matrix's forum and a signed-in session per role, rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_world()
        for role, person in built.people.items():
            if person is not None:
                client = Client()
                client.force_login(person)
                verify_session(client, person)
                built.sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
        yield built
        transaction.set_rollback(True)


_client = Client()


def client_as(world, role: str) -> Client:
    _client.cookies.clear()
    if role in world.sessions:
        _client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    return _client


def _row(name: str):
    return next(row for row in TABLE if row.name == name and not row.post)


def url_of(world, name: str) -> str:
    return reverse(name, kwargs=_row(name).url_kwargs(world))


def _send(client, url: str, method: str, answers: dict):
    """The submission, in a savepoint rolled back after it: whether it was refused, and whether
    anything was stored while refusing it."""
    with transaction.atomic():
        try:
            before = row_counts() if method == "post" else {}
            send = client.get if method == "get" else client.post
            response = send(url, answers)
            assert response.status_code < 500, f"HTTP {response.status_code} for {answers!r}"
            refused = not 300 <= response.status_code < 400
            if refused and method == "post":
                after = row_counts()
                changed = {t: (before[t], after[t]) for t in before if before[t] != after[t]}
                assert not changed, f"refused, but stored {changed} for {answers!r}"
        finally:
            transaction.set_rollback(True)
    return response


def _drive(world, name: str, role: str, is_get: bool):
    client = client_as(world, role)
    url = url_of(world, name)
    if _row(name).prime:  # a page reached through another (an invitation's link)
        client.get(url_of(world, _row(name).prime))
    page = client.get(url)
    assert page.status_code < 400, f"{name} as {role}: HTTP {page.status_code}"
    method = "get" if is_get else "post"
    fields = QUERY_PARAMETERS.get(name) or form_on(page.content.decode(), url, method)

    @EXAMPLES
    @given(answers=answers_for(fields))
    def submit(answers):
        _send(client, url, method, answers)

    submit()


@pytest.mark.parametrize(("name", "role", "is_get"), PUBLIC_FORMS, ids=[f[0] for f in PUBLIC_FORMS])
def test_public_forms_survive_hostile_input(world, name, role, is_get):
    _drive(world, name, role, is_get)


@pytest.mark.parametrize(
    ("name", "role", "is_get"), WORKSPACE_FORMS, ids=[f[0] for f in WORKSPACE_FORMS]
)
def test_workspace_forms_survive_hostile_input(world, name, role, is_get):
    _drive(world, name, role, is_get)


def test_a_refused_submission_is_seen_as_refused(world):
    """Positive controls: a meeting with a NUL for its title is refused and stores nothing;
    the counts do notice a row stored."""
    client = client_as(world, "secretariat")
    url = url_of(world, "meetings:workspace-schedule")
    fields = form_on(client.get(url).content.decode(), url, "post")
    assert "title" in fields
    with transaction.atomic():
        before = row_counts()
        response = client.post(url, {"title": "\x00"})
        assert response.status_code == 200
        assert row_counts() == before
        MeetingFactory(forum=world.forum)
        assert row_counts() != before
        transaction.set_rollback(True)


# --- what the generator found, kept as plain cases --------------------------------------------


def test_a_sign_in_address_longer_than_any_email_is_refused_not_a_server_error(world):
    response = client_as(world, "anonymous").post(
        reverse("login"), {"username": "1" * 400, "password": " "}
    )
    assert response.status_code == 200


def test_a_figure_too_large_to_store_is_refused_next_to_the_field(world):
    client = client_as(world, "submitter")
    url = url_of(world, "performance:return-edit")
    fields = form_on(client.get(url).content.decode(), url, "post")
    figure = next(name for name in fields if name.endswith("__value"))
    with transaction.atomic():
        before = row_counts()
        response = client.post(url, {figure: "1e309"})
        assert response.status_code == 200
        assert "must be a number" in response.content.decode()
        assert row_counts() == before
        transaction.set_rollback(True)


@pytest.mark.parametrize("number", ["²", "١"])
def test_a_paper_version_in_other_digits_is_not_found(world, number):
    url = url_of(world, "meetings:workspace-paper-download")
    assert client_as(world, "member").get(url, {"version": number}).status_code == 404


def test_a_national_escalation_named_in_other_digits_is_not_found(world):
    url = url_of(world, "meetings:workspace-national-escalations")
    response = client_as(world, "national").post(url, {"escalation": "²", "response": "Noted"})
    assert response.status_code == 404
