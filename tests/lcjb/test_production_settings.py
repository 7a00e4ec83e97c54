import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def _run_check(extra_env):
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in (
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        )
    }
    env.update({"DJANGO_SETTINGS_MODULE": "lcjb.settings.production", **extra_env})
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _run_check({"ALLOWED_HOSTS": "lcjb.example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_passes_the_deployment_checklist():
    result = _run_check(
        {
            "SECRET_KEY": "x" * 20 + "-a-long-random-production-key-1234567890",
            "ALLOWED_HOSTS": "lcjb.example.org",
        }
    )
    assert result.returncode == 0, result.stdout + result.stderr
