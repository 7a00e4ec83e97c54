"""Welsh and English names of agency types, and the chair's title where an area sets its own
(see forums/translation.py for why history is registered here)."""

import simple_history
from modeltranslation.translator import TranslationOptions, translator

from membership.models import AgencyType, PoliceForceArea


class AgencyTypeTranslation(TranslationOptions):
    fields = ("name",)


class PoliceForceAreaTranslation(TranslationOptions):
    fields = ("local_policing_body_title",)


translator.register(AgencyType, AgencyTypeTranslation)
translator.register(PoliceForceArea, PoliceForceAreaTranslation)

simple_history.register(PoliceForceArea)
