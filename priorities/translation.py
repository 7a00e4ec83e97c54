"""Welsh and English versions of priorities, consultations and evaluations (see
forums/translation.py for why history is registered here)."""

import simple_history
from modeltranslation.translator import TranslationOptions, translator

from priorities.models import (
    AnnualEvaluation,
    Consultation,
    EvaluationOutcome,
    Objective,
    Priority,
    Question,
    Theme,
)


class PriorityTranslation(TranslationOptions):
    fields = ("title", "description")


class ObjectiveTranslation(TranslationOptions):
    fields = ("title",)


class ConsultationTranslation(TranslationOptions):
    fields = ("title", "introduction", "published_summary")


class QuestionTranslation(TranslationOptions):
    fields = ("text", "hint", "choices")


class AnnualEvaluationTranslation(TranslationOptions):
    fields = ("summary",)


class EvaluationOutcomeTranslation(TranslationOptions):
    fields = ("narrative",)


class ThemeTranslation(TranslationOptions):
    fields = ("name", "description")


translator.register(Priority, PriorityTranslation)
translator.register(Objective, ObjectiveTranslation)
translator.register(Consultation, ConsultationTranslation)
translator.register(Question, QuestionTranslation)
translator.register(AnnualEvaluation, AnnualEvaluationTranslation)
translator.register(EvaluationOutcome, EvaluationOutcomeTranslation)
translator.register(Theme, ThemeTranslation)

simple_history.register(Priority, m2m_fields=["indicators"])
simple_history.register(Objective)
simple_history.register(Consultation, m2m_fields=["priorities"])
simple_history.register(AnnualEvaluation)
simple_history.register(EvaluationOutcome)
