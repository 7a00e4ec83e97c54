"""Every URL name × every role: who may open what (the table is in ``url_matrix.py``).

One test per URL name (and variant), looping over the roles: the forum is built once for the
module, inside a transaction rolled back at the end, and each case runs in a savepoint of its
own, rolled back after it, so a POST that is accepted changes nothing for the next case.
Sessions are made once per role; redirects are not followed.
"""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import transaction
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import verify_session
from tests.lcjb.url_matrix import (
    ADMIN_ROWS,
    BAD_REQUEST,
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    TABLE,
)
from tests.lcjb.url_matrix_world import ROLES, build_world

pytestmark = pytest.mark.django_db

EXCLUDED_NAMESPACES = ("admin",)  # Django's own admin: see ADMIN_ROWS for why and what instead
# Only with DEBUG or BENCH_BARE_VIEW (the benchmarks' baseline page), never in a deployment.
EXCLUDED_NAMES = ("bench-bare",)
STATUSES = {403: FORBIDDEN, 404: NOT_FOUND, 400: BAD_REQUEST}


def url_names(resolver=None, namespace="") -> set[str]:
    """Every named URL of the project, as ``namespace:name``."""
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            names |= url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(":".join(filter(None, [namespace, pattern.name])))
    return names


def project_url_names() -> set[str]:
    return {
        name
        for name in url_names()
        if name.split(":")[0] not in EXCLUDED_NAMESPACES and name not in EXCLUDED_NAMES
    }


def outcome(response) -> str:
    status = response.status_code
    if 300 <= status < 400:
        path = urlsplit(response["Location"]).path
        return LOGIN if path in (resolve_url(settings.LOGIN_URL), reverse("admin:login")) else OK
    if 200 <= status < 300:
        return OK
    return STATUSES.get(status, f"HTTP {status}")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The matrix's forum and a signed-in session per role, rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_world()
        for role, person in built.people.items():
            if person is not None:
                client = Client()
                client.force_login(person)
                verify_session(client, person)  # module-scoped: the autouse patch is not on yet
                built.sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
        yield built
        transaction.set_rollback(True)


# One client for the module: a new client loads the middleware again (WhiteNoise then scans
# every static file), which would take most of the matrix's time.
_client = Client()


def client_as(world, role: str) -> Client:
    """The client on the role's session only (a case that signs out or in cannot spoil it: the
    session it changed is rolled back with the case)."""
    _client.cookies.clear()
    if role in world.sessions:
        _client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    return _client


def answer(world, row, role) -> tuple[str, str]:
    """What the role gets at the row's URL, and the request and response in words; in a
    savepoint rolled back after it."""
    client = client_as(world, role)
    url = reverse(row.name, kwargs=row.url_kwargs(world))
    request = f"{'POST' if row.post else 'GET'} {url}"
    with transaction.atomic():
        try:
            if row.prime:
                prime = next(r for r in TABLE if r.name == row.prime and not r.post)
                client.get(reverse(prime.name, kwargs=prime.url_kwargs(world)))
            send = client.post if row.post else client.get
            response = send(url, row.post_data(world))
        except Exception as error:  # a server error: reported with the case, not instead of it
            return f"an exception {error!r}", request
        finally:
            transaction.set_rollback(True)
    where = f" to {response['Location']}" if response.has_header("Location") else ""
    return outcome(response), f"{request}: HTTP {response.status_code}{where}"


@pytest.mark.parametrize("row", TABLE + ADMIN_ROWS, ids=lambda row: row.id)
def test_each_role_gets_what_the_table_says(world, row):
    """One URL, every role; every wrong answer is listed, naming the role."""
    wrong = []
    for role in ROLES:
        expected = row.expect[role]
        actual, happened = answer(world, row, role)
        line = f"{row.id} as {role}: expected {expected}, got {actual} ({happened})"
        if actual != expected:
            wrong.append(line)
    assert not wrong, "\n".join(wrong)


def test_the_table_lists_every_url_name_and_no_other():
    listed = {row.name for row in TABLE}
    missing = sorted(project_url_names() - listed)
    gone = sorted(listed - project_url_names())
    assert not missing, "URL names the matrix does not list:\n" + "\n".join(missing)
    assert not gone, "URL names the matrix lists that no longer exist:\n" + "\n".join(gone)
    assert len(listed) > 150  # positive control: the walk found the project's URLs


def test_every_row_says_what_each_role_gets():
    problems = [row.id for row in TABLE + ADMIN_ROWS if set(row.expect) != set(ROLES)]
    assert not problems, problems
    ids = [row.id for row in TABLE]
    assert len(ids) == len(set(ids)), "two rows with the same id: give one a label"


def test_post_only_urls_refuse_a_get(world):
    """Rows sent as a POST are POST-only views: a GET is refused (405), the page is not shown."""
    get_names = {row.name for row in TABLE if not row.post}
    post_only = [row for row in TABLE if row.post and row.name not in get_names]
    assert len(post_only) > 20
    client = client_as(world, "secretariat")
    with transaction.atomic():
        answers = {
            row.id: client.get(reverse(row.name, kwargs=row.url_kwargs(world))).status_code
            for row in post_only
        }
        transaction.set_rollback(True)
    wrong = [f"{name}: HTTP {status}" for name, status in answers.items() if status != 405]
    assert not wrong, "POST-only views that answer a GET:\n" + "\n".join(wrong)
    assert client.get(reverse("forums:workspace")).status_code == 200  # positive control
