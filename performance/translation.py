"""Welsh and English names of indicators and of the Victims' Code rights."""

from modeltranslation.translator import TranslationOptions, translator

from performance.models import Indicator, VictimsCodeRight


class IndicatorTranslation(TranslationOptions):
    fields = ("name", "definition")


class VictimsCodeRightTranslation(TranslationOptions):
    fields = ("short_title", "summary")


translator.register(Indicator, IndicatorTranslation)
translator.register(VictimsCodeRight, VictimsCodeRightTranslation)
