"""Text filled in when it is read, in the language active then: e-mail subjects and the like.

``lazy_text(_("You have been added to %(forum)s"), forum=forum.name)`` is a string that is
translated and filled in only when something turns it into ``str``. A notification's subject
made this way reads in the language active where the notification is rendered, not in the
language of whoever caused it (``_`` is ``gettext_lazy``, so ``makemessages`` finds the text).
"""

from django.utils.functional import lazy

from membership import dates


def _fill(message, values: dict) -> str:
    return str(message) % {name: str(value) for name, value in values.items()}


_lazy_fill = lazy(_fill, str)


def lazy_text(message, **values):
    """``message`` (a lazy translation with ``%(name)s`` placeholders) filled in with ``values``."""
    return _lazy_fill(message, values)


# A date as it reads in the language active when the text is read: "2 December 2026".
lazy_date = lazy(dates.date_text, str)
