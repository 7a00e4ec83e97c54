"""The embedded default: no DATABASE_URL, no REDIS_URL — SQLite and a file-system broker."""

import json
import os
import subprocess
import sys
import urllib.request

from tests.conftest import ROOT, free_port, wait_for_port


def test_app_boots_without_database_or_redis_and_reports_healthy(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update({"LCJB_VAR_DIR": str(tmp_path / "var"), "PYTHONUNBUFFERED": "1"})
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "lcjb.wsgi", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process=server)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as response:
            assert response.status == 200
            assert json.load(response) == {"status": "up", "database": "up", "broker": "up"}
        assert (tmp_path / "var" / "db.sqlite3").exists()
    finally:
        server.terminate()
        server.wait(timeout=20)
