"""The embedded default's files, made on the way to running and never by importing settings.

With no ``DATABASE_URL``, ``REDIS_URL`` or ``SECRET_KEY`` the app keeps its SQLite database,
its file-system Celery broker and a per-installation secret key under ``LCJB_VAR_DIR`` (``var/``
by default). ``prepare()`` makes that folder, the key and the broker's folders; it is called by
each way of running the app before Django reads its settings: ``manage.py`` (so ``migrate``,
``seed_demo`` and ``runserver`` on a fresh machine just work), the WSGI entry point (gunicorn)
and the Celery app when it is configured (worker and beat). Settings only read what is there.

Only the embedded default (``lcjb.settings.base``) is prepared: production settings make nothing
and refuse to start without ``SECRET_KEY``; test settings have their own key.
"""

import os
import secrets
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
SETTINGS_MODULE = "lcjb.settings.base"
KEY_FILE = "secret_key"
BROKER_FOLDERS = ("queue", "processed", "control")


def var_dir() -> Path:
    """Where the embedded default keeps its files (the same rule as the settings)."""
    return Path(os.environ.get("LCJB_VAR_DIR") or BASE_DIR / "var")


def prepare() -> None:
    """Make the embedded default's folder, secret key and broker folders, where it is in use."""
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)
    if os.environ.get("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE) != SETTINGS_MODULE:
        return
    needs_key = not os.environ.get("SECRET_KEY")
    needs_broker = not os.environ.get("REDIS_URL")
    if not (needs_key or needs_broker or not os.environ.get("DATABASE_URL")):
        return
    folder = var_dir()
    folder.mkdir(parents=True, exist_ok=True)
    if needs_key:
        _make_key(folder / KEY_FILE)
    if needs_broker:
        for name in BROKER_FOLDERS:
            (folder / "celery" / name).mkdir(parents=True, exist_ok=True)


def _make_key(path: Path) -> None:
    """A new random key, unless there is one: written aside, then linked into place, so processes
    starting together all read the same complete key."""
    if path.exists():
        return
    draft = path.with_name(f".{path.name}.{os.getpid()}")
    draft.write_text(secrets.token_urlsafe(50))
    draft.chmod(0o600)
    try:
        os.link(draft, path)
    except FileExistsError:
        pass
    finally:
        draft.unlink()
