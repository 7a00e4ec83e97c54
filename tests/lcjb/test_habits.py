"""Habits the repository keeps: settings make no files, pre-commit = make lint, docs stay inside."""

import os
import re
import stat
import subprocess
import sys

from tests.conftest import ROOT


def _python(code: str, var_dir, **extra) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DJANGO_SETTINGS_MODULE")
    }
    env.update({"LCJB_VAR_DIR": str(var_dir), **extra})
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def test_importing_settings_makes_no_files_and_the_run_path_makes_them(tmp_path):
    var_dir = tmp_path / "var"
    _python(
        "import django, os;"
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'lcjb.settings.base';"
        "django.setup();"
        "from django.conf import settings; print(settings.CACHES, settings.DATABASES)",
        var_dir,
    )
    assert not var_dir.exists()
    _python(
        "import lcjb.settings.production",
        var_dir,
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="lcjb.example.org",
        DATABASE_URL="postgres://lcjb@db.example.org/lcjb",
        REDIS_URL="redis://redis.example.org:6379/0",
        EMAIL_URL="smtp+tls://user:password@smtp.example.org:587",
        DEFAULT_FROM_EMAIL="no-reply@lcjb.example.org",
    )
    assert not var_dir.exists()

    _python("from lcjb import embedded; embedded.prepare()", var_dir)  # positive control
    key = var_dir / "secret_key"
    assert len(key.read_text()) > 40
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert all((var_dir / "celery" / name).is_dir() for name in ("queue", "processed", "control"))
    printed = _python(
        "import django, os;"
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'lcjb.settings.base';"
        "django.setup(); from django.conf import settings; print(settings.SECRET_KEY)",
        var_dir,
    )
    assert printed.stdout.strip() == key.read_text()  # the settings read the key they were given
    _python("from lcjb import embedded; embedded.prepare()", var_dir)
    assert printed.stdout.strip() == key.read_text()  # and it is kept


def test_pre_commit_runs_what_make_lint_runs():
    makefile = (ROOT / "Makefile").read_text()
    lint = re.search(r"^lint:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE).group(1)
    commands = [
        line.strip().replace("$(VENV)", ".venv").removesuffix(" .") for line in lint.splitlines()
    ]
    assert commands == [".venv/bin/ruff check", ".venv/bin/ruff format --check"]
    config = (ROOT / ".pre-commit-config.yaml").read_text()
    entries = re.findall(r"^\s+entry: (.*)$", config, re.MULTILINE)
    assert [entry.removesuffix(" --force-exclude") for entry in entries] == commands


def test_the_readme_and_docs_link_only_inside_the_repository():
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        text = path.read_text()
        assert "../shared" not in text, path
        for target in re.findall(r"\]\((?!https?://|#|mailto:)([^)#\s]+)", text):
            assert (path.parent / target).resolve().is_relative_to(ROOT), (path, target)
            assert (path.parent / target).exists(), (path, target)
