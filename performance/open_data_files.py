"""The all-areas figures file, written once and then sent from disk until the public record
changes (issue 13; ADR 13).

The all-areas CSV is the one large open dataset (about 100,000 rows at national scale). Building
it row by row in Python runs at some 30,000 rows a second; sending a file that is already
written runs at disk speed, with flat memory. So the file is written once per *public version*
(``forums.public_cache``: the number every write to public records raises) into
``VAR_DIR/open-data/``, atomically (a temporary file renamed into place, so a reader never sees
half a file), and sent from there. Publishing a period writes it straight away in the
background (``performance.tasks.refresh_open_data``); any other change is picked up by the
first download after it. Older versions are removed when a new one is written.
"""

import os
import tempfile
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache

from forums import public_cache

GENERATION_KEY = "open-data:generation"


def _directory() -> Path:
    directory = Path(settings.VAR_DIR) / "open-data"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def _generation() -> str:
    """A name for this life of the cache: if the cache is emptied the public version starts
    again from 1, and a file written for an old "version 1" must not be sent for the new one."""
    return cache.get_or_set(GENERATION_KEY, lambda: uuid.uuid4().hex[:12], None)


def kept_file(name: str, suffix: str, write: Callable[[], Iterable[str]]) -> Path:
    """The file ``<name>-<generation>-v<public version>.<suffix>``, written from ``write()``'s
    chunks if it is not there yet."""
    directory = _directory()
    path = directory / f"{name}-{_generation()}-v{public_cache.version()}.{suffix}"
    if path.exists():
        return path
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}-", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            for chunk in write():
                out.write(chunk)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    for old in directory.glob(f"{name}-*-v*.{suffix}"):
        if old != path:
            old.unlink(missing_ok=True)
    return path
