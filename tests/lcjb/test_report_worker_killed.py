"""A worker killed with SIGKILL mid-build: the next worker finishes the report, exactly once."""

import os
import signal
import subprocess
import sys
import time

import pytest

from forums import reports
from forums.models import GeneratedReport
from lcjb.celery import app as celery_app
from tests.conftest import ROOT, _process_env, _test_database_url
from tests.forums.factories import AgendaItemFactory, ForumFactory, MeetingFactory

pytestmark = [pytest.mark.django_db(transaction=True)]

# A worker whose builds hang once started (the report is "running"), to be killed mid-build.
HANGING_WORKER = """
import dataclasses, sys, time
from celery.signals import worker_ready

@worker_ready.connect
def _hang(**kwargs):
    from forums.reports import requests
    original = requests.report_kind
    def hanging_kind(name):
        def render(*args, **kwargs):
            print("BUILDING", flush=True)
            time.sleep(600)
        return dataclasses.replace(original(name), render=render)
    requests.report_kind = hanging_kind

from celery.__main__ import main
sys.argv = ["celery"] + sys.argv[1:]
main()
"""

WORKER_ARGS = [
    "-A", "lcjb", "worker", "--pool", "solo", "--loglevel", "INFO",
    "--without-mingle", "--without-gossip",
]  # fmt: skip


def _start(code: list[str], name: str, **env) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, *code, *WORKER_ARGS, "--hostname", f"{name}-{os.getpid()}@%h"],
        cwd=ROOT,
        env=_process_env(
            DJANGO_SETTINGS_MODULE="lcjb.settings.test",
            DATABASE_URL=_test_database_url(),
            CELERY_TASK_ALWAYS_EAGER="0",
            **env,
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _read_until(process: subprocess.Popen, marker: str, lines: list[str], timeout=90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            if process.poll() is not None:
                break
            continue
        lines.append(line)
        if marker in line:
            return
    process.kill()
    raise RuntimeError(f"no {marker!r} from the worker:\n" + "".join(lines))


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def test_a_worker_killed_mid_build_leaves_the_report_to_the_next_worker(settings):
    forum = ForumFactory(slug="killed-cjb")
    meeting = MeetingFactory(forum=forum, agenda_published=True, title="Killed board")
    AgendaItemFactory(meeting=meeting, title="Public item")
    celery_app.conf.task_always_eager = False
    settings.CELERY_TASK_ALWAYS_EAGER = False
    first = _start(["-c", HANGING_WORKER], "hanging")
    second = None
    try:
        lines: list[str] = []
        _read_until(first, "ready.", lines)
        report = reports.report_request(
            forum=forum, kind="board_pack", subject=str(meeting.pk), audience="public", by=None
        )
        _read_until(first, "BUILDING", lines)
        report.refresh_from_db()
        assert report.status == GeneratedReport.Status.RUNNING
        os.kill(first.pid, signal.SIGKILL)  # mid-build, its task never acknowledged
        first.wait(timeout=20)

        second = _start(["-m", "celery"], "next")
        log: list[str] = []
        _read_until(second, "ready.", log)
        assert reports.report_sweep_stuck() == 0  # positive control: within the limit, left
        settings.REPORT_STUCK_AFTER_MINUTES = 0  # as if the limit has passed
        assert reports.report_sweep_stuck() == 1
        _read_until(second, "succeeded", log)
        report.refresh_from_db()
        assert report.status == GeneratedReport.Status.READY, report.error
        assert report.is_ready and report.size > 0
        settings.REPORT_STUCK_AFTER_MINUTES = 6
        assert reports.report_sweep_stuck() == 0  # finished: not queued again
        built = [line for line in log if "forums.generate_report" in line and "succeeded" in line]
        assert len(built) == 1  # built once
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                _stop(process)
        celery_app.conf.task_always_eager = True
