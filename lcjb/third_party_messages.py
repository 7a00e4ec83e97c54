"""Texts other packages show our users, listed so that ``makemessages`` puts them in our Welsh
catalogue (it does not read .venv). Nothing imports this module: gettext finds the translations
by their English text, whichever package asks. Django's own texts have Django's Welsh already."""

from django.utils.translation import gettext_noop

MESSAGES = [
    # crispy-forms-gds: the error summary's title, the date input's labels, its back link.
    gettext_noop("There is a problem"),
    gettext_noop("Day"),
    gettext_noop("Month"),
    gettext_noop("Year"),
    gettext_noop("Back"),
]
