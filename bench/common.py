"""Shared by the bench scripts: a throwaway database, a real gunicorn, and median timings.

Every script measures its pages and the bare view (a trivial template, /_bench/bare) against
the same server in the same run and prints ratios, so results compare across machines.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def bench_env(var_dir: str) -> dict:
    """Environment for the app under test: the given DATABASE_URL, or a SQLite file of its own."""
    env = {**os.environ, "LCJB_VAR_DIR": var_dir, "BENCH_BARE_VIEW": "1", "PYTHONUNBUFFERED": "1"}
    env.setdefault("DJANGO_SETTINGS_MODULE", "lcjb.settings.base")
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


@contextmanager
def prepared_environment():
    """A fresh var dir with a migrated database; yields the environment."""
    with tempfile.TemporaryDirectory(prefix="lcjb-bench-") as var_dir:
        env = bench_env(var_dir)
        manage(env, "migrate", "--no-input", "-v0")
        yield env


@contextmanager
def server(env: dict, port: int = 8799):
    """gunicorn with one sync worker, so requests are timed one at a time."""
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "lcjb.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("server did not start") from None
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def median_ms(url: str, requests: int = 60, warmup: int = 5) -> float:
    """Median wall time of a GET over loopback, in milliseconds (bounded number of requests)."""
    for _ in range(warmup):
        urllib.request.urlopen(url, timeout=30).read()
    samples = []
    for _ in range(requests):
        started = time.perf_counter()
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            assert response.status == 200, url
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def report(rows: list[tuple[str, float]], baseline_ms: float) -> None:
    print(f"{'page':<48} {'median ms':>10} {'× bare view':>12}")
    print(f"{'bare view (trivial template)':<48} {baseline_ms:>10.2f} {1.0:>12.2f}")
    for label, value in rows:
        print(f"{label:<48} {value:>10.2f} {value / baseline_ms:>12.2f}")
