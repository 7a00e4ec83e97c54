import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

# Everything production needs, as an operator would set it.
PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 20 + "-a-long-random-production-key-1234567890",
    "ALLOWED_HOSTS": "lcjb.example.org",
    "DATABASE_URL": "postgres://lcjb:secret@db.example.org:5432/lcjb",
    "REDIS_URL": "redis://redis.example.org:6379/0",
    "EMAIL_URL": "smtp+tls://user:password@smtp.example.org:587",
    "DEFAULT_FROM_EMAIL": "LCJB Forum Manager <no-reply@lcjb.example.org>",
}


def _clean_env(extra_env):
    """The test's environment without any production variable, plus ``extra_env``."""
    dropped = {*PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    env.update({"DJANGO_SETTINGS_MODULE": "lcjb.settings.production", **extra_env})
    return env


def _run(args, extra_env):
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=_clean_env(extra_env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def _import_settings(extra_env):
    code = (
        "import lcjb.settings.production as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_BROKER_URL, s.EMAIL_BACKEND)"
    )
    return _run(["-c", code], extra_env)


def _run_check(extra_env):
    return _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], extra_env)


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_refuses_to_start_without_each_required_variable(missing):
    without = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = _import_settings(without)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr
    # Positive control: the same environment with the variable imports, on PostgreSQL and Redis.
    complete = _import_settings(PRODUCTION_ENV)
    assert complete.returncode == 0, complete.stderr
    assert "postgresql" in complete.stdout
    assert "redis://" in complete.stdout
    assert "smtp" in complete.stdout
    assert "sqlite" not in complete.stdout and "filesystem" not in complete.stdout


def test_production_names_every_missing_variable_at_once():
    result = _import_settings({"SECRET_KEY": PRODUCTION_ENV["SECRET_KEY"]})
    assert result.returncode != 0
    for name in sorted(set(PRODUCTION_ENV) - {"SECRET_KEY"}):
        assert name in result.stderr
    assert "SECRET_KEY," not in result.stderr  # the one that is set is not named


def test_production_refuses_to_start_without_a_secret_key():
    result = _run_check({k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_passes_the_deployment_checklist():
    result = _run_check(PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
