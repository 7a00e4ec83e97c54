"""Text filled in when it is read, in the language active then: e-mail subjects and the like.

``lazy_text(_("You have been added to %(forum)s"), forum=forum.name)`` is a string that is
translated and filled in only when something turns it into ``str``. A notification's subject
made this way reads in the language active where the notification is rendered, not in the
language of whoever caused it (``_`` is ``gettext_lazy``, so ``makemessages`` finds the text).
"""

from django.utils import dateformat
from django.utils.functional import Promise, lazy

from membership import dates


def _fill(message, values: dict) -> str:
    # A lazy message fills itself in (``ngettext_lazy(..., "count")`` picks its plural from
    # ``values``); lazy values are read now, in the same language.
    filled = {name: str(v) if isinstance(v, Promise) else v for name, v in values.items()}
    return str(message % filled)


_lazy_fill = lazy(_fill, str)


def lazy_text(message, **values):
    """``message`` (a lazy translation with ``%(name)s`` placeholders, or a lazy plural named
    by its count, ``ngettext_lazy(one, many, "count")``) filled in with ``values``."""
    return _lazy_fill(message, values)


# A date as it reads in the language active when the text is read: "2 December 2026".
lazy_date = lazy(dates.date_text, str)


def _formatted(value, format_string: str) -> str:
    return dateformat.format(value, format_string)


# A date in a Django date format, read in the language active then: "4 March" for "j F".
lazy_date_format = lazy(_formatted, str)
