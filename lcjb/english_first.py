"""Translated fields are English-first: the bare name (``meeting.title``) always means English.

django-modeltranslation stores a Welsh and an English column side by side (``title_en``,
``title_cy``). Left to itself it reads, writes, filters and orders the bare name in whatever
language the request is in: on a /cy/ page ``meeting.title = "..."`` would write the Welsh
column, ``Meeting.objects.create(title=...)`` would leave the English one empty,
``filter(title=...)`` would search only the Welsh, and ``meeting.title`` would fall back to
English without saying so. Every form, service, e-mail and export of this project was written
for one language, so we switch that off: modeltranslation always works in the default language
(English). Welsh is written only through ``<field>_cy`` (the bilingual forms) and shown only
through ``{% bilingual %}`` (forums/templatetags/bilingual.py), which marks English shown on a
Welsh page instead of mixing it in silently.
"""

from modeltranslation import settings as mt_settings
from modeltranslation import utils as mt_utils


def _default_language() -> str:
    return mt_settings.DEFAULT_LANGUAGE


def english_first() -> None:
    """Make modeltranslation ignore the request's language (idempotent).

    ``modeltranslation.utils.get_language`` is the one place the library asks Django for the
    active language (its descriptors, managers and constructors all call it);
    tests/lcjb/test_english_first.py proves the effect, so an upgrade that moves it fails there.
    """
    mt_utils._get_language = _default_language
