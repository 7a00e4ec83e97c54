"""Welsh and English versions of a forum's public text (django-modeltranslation).

Each field named here gets ``<field>_en`` and ``<field>_cy`` columns on the same row. Models
with history are registered with django-simple-history here, after their Welsh columns exist,
so each historical record keeps both languages (simple-history copies the fields the model has
when it is registered; a ``HistoricalRecords()`` in the model class would miss them).
"""

import simple_history
from modeltranslation.translator import TranslationOptions, translator

from forums.models import AgendaItem, Decision, Forum, Meeting, MinuteEntry, Minutes


class ForumTranslation(TranslationOptions):
    fields = ("name", "public_summary")


class MeetingTranslation(TranslationOptions):
    fields = ("title", "location")


class AgendaItemTranslation(TranslationOptions):
    fields = ("title", "public_title")


class MinutesTranslation(TranslationOptions):
    fields = ("introduction",)


class MinuteEntryTranslation(TranslationOptions):
    fields = ("text",)


class DecisionTranslation(TranslationOptions):
    fields = ("text",)


translator.register(Forum, ForumTranslation)
translator.register(Meeting, MeetingTranslation)
translator.register(AgendaItem, AgendaItemTranslation)
translator.register(Minutes, MinutesTranslation)
translator.register(MinuteEntry, MinuteEntryTranslation)
translator.register(Decision, DecisionTranslation)

simple_history.register(Forum, m2m_fields=["areas"])
simple_history.register(Meeting)
# The agenda's wording, in both languages, is kept as it changes.
simple_history.register(AgendaItem)
simple_history.register(Minutes)
simple_history.register(MinuteEntry)
simple_history.register(Decision)
