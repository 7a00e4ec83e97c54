"""What every bench shares: a throwaway PostgreSQL database per script, production settings,
gunicorn with several workers, wrk, and a table of figures beside their targets.

Every page is measured against the bare view (a trivial template, ``/_bench/bare``) served by
the same server in the same run, so a figure is a ratio that compares across machines. A bench
prints each figure beside its target and exits non-zero when one is missed (``Results.finish``).
``make bench`` (scripts/bench.sh) starts the PostgreSQL and Redis the benches use.
"""

import gzip
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
CONNECTIONS = 32


def _server_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit(
            "The benches run on PostgreSQL: run them with `make bench`, which starts one, "
            "or set DATABASE_URL to a PostgreSQL server the benches may create databases on."
        )
    return url


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _admin(url: str, sql: str) -> None:
    import psycopg2

    connection = psycopg2.connect(_with_database(url, "postgres"))
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
    finally:
        connection.close()


def bench_env(name: str, var_dir: str) -> dict:
    """Production settings on a database of the bench's own; mail goes nowhere."""
    database = f"bench_{name}"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lcjb.settings.production",
        "DATABASE_URL": _with_database(_server_url(), database),
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "EMAIL_URL": "dummymail://",
        "DEFAULT_FROM_EMAIL": "LCJB bench <bench@localhost>",
        "SECURE_SSL_REDIRECT": "0",
        "LCJB_VAR_DIR": var_dir,
        "STATIC_ROOT": str(Path(var_dir) / "static"),
        "BENCH_BARE_VIEW": "1",
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


@contextmanager
def prepared_environment(name: str):
    """A new, migrated database ``bench_<name>`` with collected static files; dropped after."""
    url = _server_url()
    database = f"bench_{name}"
    _admin(url, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    _admin(url, f'CREATE DATABASE "{database}"')
    var_dir = tempfile.mkdtemp(prefix=f"lcjb-bench-{name}-")
    try:
        env = bench_env(name, var_dir)
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "collectstatic", "--no-input", "-v0")
        yield env
    finally:
        _admin(url, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        shutil.rmtree(var_dir, ignore_errors=True)


@contextmanager
def server(env: dict, port: int = 8799, workers: int = WORKERS):
    """gunicorn with ``workers`` sync workers on loopback, as production runs it."""
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "lcjb.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    _running["pid"] = process.pid
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/_bench/bare", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("server did not start") from None
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


_running: dict[str, int] = {}


def server_pid() -> int:
    """The gunicorn master of the server running now (its workers are its children)."""
    return _running["pid"]


BROWSER_ENCODING = "gzip"  # every browser asks for compressed pages; the benches do too


def _get(url: str, cookie: str = "", encoding: str = BROWSER_ENCODING) -> tuple[int, bytes]:
    headers = {}
    if cookie:
        headers["Cookie"] = cookie
    if encoding:
        headers["Accept-Encoding"] = encoding
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=60) as r:
        return r.status, r.read()


def median_ms(url: str, requests: int = 40, warmup: int = 5, cookie: str = "") -> float:
    """Median wall time of one GET at a time over loopback, in milliseconds, asking for
    compressed pages as a browser does."""
    for _ in range(warmup):
        _get(url, cookie)
    samples = []
    for _ in range(requests):
        started = time.perf_counter()
        status, _ = _get(url, cookie)
        samples.append((time.perf_counter() - started) * 1000)
        assert status == 200, url
    return statistics.median(samples)


def weight_kb(url: str) -> float:
    """Kilobytes transferred for the page when the browser accepts gzip (as browsers do)."""
    with urllib.request.urlopen(
        urllib.request.Request(url, headers={"Accept-Encoding": "gzip"}), timeout=60
    ) as response:
        body = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            gzip.decompress(body)  # a broken stream fails the bench
    return len(body) / 1024


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _wrk_ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * _UNITS[unit]


def load(url: str, connections: int = CONNECTIONS, seconds: int = 10) -> dict:
    """wrk against one URL: requests per second, p50 and p99 in ms, and errors."""
    wrk = shutil.which("wrk")
    if not wrk:
        sys.exit("wrk is not installed: `make bench` installs it (apt-get install wrk).")
    output = subprocess.run(
        [
            wrk,
            "--latency",
            "--timeout",
            "10s",
            "-H",
            f"Accept-Encoding: {BROWSER_ENCODING}",
            f"-t{min(2, connections)}",
            f"-c{connections}",
            f"-d{seconds}s",
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    if not latency:
        sys.exit(f"wrk gave no latency distribution for {url}:\n{output}")
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _wrk_ms(latency["50"]),
        "p99": _wrk_ms(latency["99"]),
        "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0),
    }


class Results:
    """Figures beside their targets; ``finish()`` prints the table and exits 1 on any miss."""

    def __init__(self, title: str):
        self.title = title
        self.rows: list[tuple[str, str, str, bool | None]] = []

    def info(self, label: str, value: str) -> None:
        self.rows.append((label, value, "", None))

    def check(self, label: str, value: float, target: float, *, unit: str = "", at_most=True):
        ok = value <= target if at_most else value >= target
        sign = "≤" if at_most else "≥"
        self.rows.append((label, f"{value:,.2f}{unit}", f"{sign} {target:,g}{unit}", ok))

    def page(
        self,
        label: str,
        url: str,
        bare: dict,
        *,
        cookie: str = "",
        public=True,
        median_target: float = 2.0,
    ) -> None:
        """Median one at a time, then 32 connections, against the bare view's figures.

        The first request is timed on its own and shown, not judged: for a public page it is
        the one that renders the page before it is kept (forums/public_cache.py). A signed-in
        page (``cookie``) is judged on its median only, against ``median_target``."""
        started = time.perf_counter()
        _get(url, cookie)
        first = (time.perf_counter() - started) * 1000
        self.info(
            f"{label}: first view, × bare view (rendered, then kept)",
            f"{first / bare['median']:.1f}",
        )
        median = median_ms(url, cookie=cookie)
        self.check(f"{label}: median × bare view", median / bare["median"], median_target)
        if cookie:
            return
        measured = load(url)
        self.check(
            f"{label}: throughput at {CONNECTIONS} connections, share of bare view",
            measured["rps"] / bare["rps"],
            0.5,
            at_most=False,
        )
        self.check(
            f"{label}: p99 × p50 at {CONNECTIONS} connections",
            measured["p99"] / measured["p50"],
            5.0,
        )
        self.check(f"{label}: errors at {CONNECTIONS} connections", measured["errors"], 0)
        if public:
            self.check(f"{label}: page weight as sent", weight_kb(url), 150, unit=" KB")

    def finish(self) -> None:
        width = max(len(label) for label, *_ in self.rows) + 2
        print(f"\n{self.title}\n")
        print(f"{'figure':<{width}} {'measured':>16} {'target':>14}  result")
        for label, value, target, ok in self.rows:
            result = "" if ok is None else ("ok" if ok else "MISSED")
            print(f"{label:<{width}} {value:>16} {target:>14}  {result}")
        missed = [label for label, _, _, ok in self.rows if ok is False]
        if missed:
            print(
                f"\nMissed: {len(missed)} of {sum(ok is not None for *_, ok in self.rows)} targets."
            )
            sys.exit(1)
        print("\nEvery target met.")


def bare_figures(base: str) -> dict:
    """The bare view's median (one at a time) and its throughput and latency under load."""
    measured = load(base + "/_bench/bare")
    return {"median": median_ms(base + "/_bench/bare"), **measured}
