"""Welsh and English names of agency types and police force areas, and the chair's title where
an area sets its own (see forums/translation.py for why history is registered here)."""

import simple_history
from django.conf import settings
from modeltranslation.translator import TranslationOptions, translator

from lcjb.english_first import english_first
from membership.models import AgencyType, PoliceForceArea


class AgencyTypeTranslation(TranslationOptions):
    fields = ("name",)


class PoliceForceAreaTranslation(TranslationOptions):
    # The four areas in Wales have Welsh names (Gogledd Cymru, Gwent, De Cymru, Dyfed-Powys);
    # the others keep theirs in Welsh, so the Welsh column is filled for every area and no
    # place name is ever marked "only in English" on a Welsh page.
    fields = ("local_policing_body_title", "name")


translator.register(AgencyType, AgencyTypeTranslation)
translator.register(PoliceForceArea, PoliceForceAreaTranslation)

simple_history.register(PoliceForceArea)
# An area's name is unique, and a translation column describes itself (in migrations) from the
# original column: the history's copies must not be unique, or a second change to an area could
# not be recorded. simple-history drops "unique" at run time only; say it where migrations look.
for _language in settings.MODELTRANSLATION_LANGUAGES:
    _copy = PoliceForceArea.history.model._meta.get_field(f"name_{_language}")
    _copy._field_options_kwargs = {**_copy._field_options_kwargs, "unique": False}

# Once for the whole project (membership is the first of our apps modeltranslation loads).
english_first()
