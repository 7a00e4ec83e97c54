"""Fixtures shared by every test: one per role, real services, a real Celery worker, a browser.

Role fixtures all sit on one forum (``forum``); ``other_forum_member`` sits on another one.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from forums.models import Membership
from membership import two_factor
from membership.demo import DEMO_DEVICE_NAME
from tests.forums.factories import ForumFactory, MembershipFactory
from tests.membership.factories import AgencyFactory, UserFactory, agency_type

ROOT = Path(__file__).resolve().parent.parent
# Playwright's sync API runs an event loop in the test thread; the ORM calls there are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def load_reference_data() -> None:
    """The rows the data migrations ship (areas, agency types, indicators, rights, themes)."""
    from membership import reference_data as membership_data
    from membership.models import AgencyType, PoliceForceArea
    from performance import reference_data as performance_data
    from performance.models import Indicator, VictimsCodeRight
    from priorities import reference_data as priorities_data
    from priorities.models import Theme

    membership_data.load_police_force_areas(PoliceForceArea)
    membership_data.load_agency_types(AgencyType)
    performance_data.load_victims_code_rights(VictimsCodeRight)
    performance_data.load_indicators(Indicator, AgencyType, VictimsCodeRight)
    priorities_data.load_themes(Theme)


@pytest.fixture(autouse=True)
def _reference_data_survives_flush(request):
    """Transactional tests flush every table after they run, taking the reference data loaded
    by migrations with it; put it back for the next one."""
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction")) or any(
        name in request.fixturenames for name in ("transactional_db", "live_server")
    )
    if transactional:
        request.getfixturevalue("transactional_db")
        load_reference_data()


@pytest.fixture(autouse=True)
def _no_public_page_from_an_earlier_test():
    """Kept public pages live in the real cache (Redis); a test's rolled-back or flushed rows
    send no signal, so each test starts with every kept page out of date."""
    from forums.public_cache import public_content_changed

    public_content_changed()


@pytest.fixture(autouse=True)
def _english_until_a_test_asks_for_welsh():
    """A request to a /cy/ page leaves Welsh active in the thread (LocaleMiddleware activates
    and nothing resets it): each test starts in English, so reverse() gives English addresses
    and the page's language is what the test asked for, whatever ran before it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def forum(db):
    return ForumFactory(name="Cleveland Criminal Justice Board", slug="cleveland-cjb")


@pytest.fixture
def other_forum(db):
    return ForumFactory(name="Durham Criminal Justice Board", slug="durham-cjb")


def _seat(forum, role, agency_slug="police", **kwargs):
    agency = AgencyFactory(agency_type=agency_type(agency_slug))
    return MembershipFactory(forum=forum, role=role, agency=agency, **kwargs).person


@pytest.fixture
def secretariat(forum):
    return _seat(forum, Membership.Role.SECRETARIAT, "pcc")


@pytest.fixture
def chair(forum):
    return _seat(forum, Membership.Role.CHAIR, "pcc")


@pytest.fixture
def member(forum):
    return _seat(forum, Membership.Role.MEMBER, "cps")


@pytest.fixture
def advisory_member(forum):
    return _seat(forum, Membership.Role.ADVISORY, "judiciary", can_commit_resources=False)


@pytest.fixture
def data_submitter(forum):
    return _seat(forum, Membership.Role.DATA_SUBMITTER, "hmcts", can_commit_resources=False)


@pytest.fixture
def other_forum_member(other_forum):
    return _seat(other_forum, Membership.Role.MEMBER, "police")


@pytest.fixture
def site_admin(db):
    return UserFactory(site_admin=True)


TEST_DEVICE_NAME = "Test authenticator"


def verify_session(client, person) -> None:
    """Tests' stand-in for the code step, for ``force_login`` only (production is unchanged).

    A person in a role that requires two-factor, with no device of their own, gets a verified
    session (with the demo's device for a demo account, else a test device). People with their
    own device stay held for the code, and signing in through the pages always goes through the
    code or set-up step.
    """
    stand_ins = (TEST_DEVICE_NAME, DEMO_DEVICE_NAME)
    devices = TOTPDevice.objects.filter(user=person, confirmed=True)
    if devices.exclude(name__in=stand_ins).exists() or not two_factor.required_for(person):
        return
    device = devices.filter(name=DEMO_DEVICE_NAME).first()
    if device is None:
        device, _ = TOTPDevice.objects.get_or_create(
            user=person, name=TEST_DEVICE_NAME, defaults={"confirmed": True}
        )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.pop(two_factor.PENDING_SESSION_KEY, None)
    session.save()


@pytest.fixture(autouse=True)
def _force_login_passes_the_code_step(monkeypatch):
    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        verify_session(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


def _client_for(person):
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def secretariat_client(secretariat):
    return _client_for(secretariat)


@pytest.fixture
def chair_client(chair):
    return _client_for(chair)


@pytest.fixture
def member_client(member):
    return _client_for(member)


@pytest.fixture
def advisory_client(advisory_member):
    return _client_for(advisory_member)


@pytest.fixture
def data_submitter_client(data_submitter):
    return _client_for(data_submitter)


@pytest.fixture
def other_forum_member_client(other_forum_member):
    return _client_for(other_forum_member)


@pytest.fixture
def site_admin_client(site_admin):
    return _client_for(site_admin)


# --- real processes -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 60.0, process=None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited early with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listening on port {port} after {timeout}s")


def _process_env(**overrides) -> dict:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", **overrides}
    return {key: value for key, value in env.items() if value is not None}


def _test_database_url() -> str:
    """DATABASE_URL pointing at the database pytest-django created for this run."""
    from django.db import connection

    settings_dict = connection.settings_dict
    return (
        f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}:{settings_dict['PORT']}"
        f"/{settings_dict['NAME']}"
    )


@pytest.fixture
def celery_worker_process(transactional_db, settings):
    """A real `celery worker` process on the real Redis broker, using the test database.

    Tests that use it must commit their data (``transactional_db``) so the worker sees it, and
    queue tasks with eager mode off (this fixture turns it off for the test).
    """
    from lcjb.celery import app as celery_app

    celery_app.conf.task_always_eager = False
    settings.CELERY_TASK_ALWAYS_EAGER = False
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lcjb",
            "worker",
            "--pool",
            "solo",
            "--loglevel",
            "INFO",
            "--without-mingle",
            "--without-gossip",
            "--hostname",
            f"test-{os.getpid()}@%h",
        ],
        cwd=ROOT,
        env=_process_env(
            DJANGO_SETTINGS_MODULE="lcjb.settings.test",
            DATABASE_URL=_test_database_url(),
            CELERY_TASK_ALWAYS_EAGER="0",
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    # Wait until the worker is ready to take tasks.
    deadline = time.monotonic() + 60
    lines = []
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            if process.poll() is not None:
                break
            continue
        lines.append(line)
        if "ready." in line:
            break
    else:
        process.kill()
        raise RuntimeError("Celery worker did not start:\n" + "".join(lines))
    if process.poll() is not None:
        raise RuntimeError("Celery worker exited:\n" + "".join(lines))
    yield process
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    celery_app.conf.task_always_eager = True


@pytest.fixture
def browser():
    """Debian's Chromium driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    yield page
    context.close()
