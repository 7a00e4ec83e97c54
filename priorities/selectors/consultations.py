"""A forum's consultations and the summaries of their responses (for the secretariat)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums.models import Forum
from priorities.models import Answer, Consultation, Question, Response


def consultation_list_for(*, forum: Forum) -> QuerySet[Consultation]:
    return Consultation.objects.filter(forum=forum).annotate(response_count=Count("responses"))


def consultation_for(*, forum: Forum, pk: int) -> Consultation:
    consultation = Consultation.objects.filter(forum=forum, pk=pk).first()
    if consultation is None:
        raise Http404("No such consultation")
    return consultation


@dataclass
class QuestionSummary:
    question: Question
    answered: int
    counts: list[tuple[str, int]]
    answers: list[str]


def consultation_summary(*, consultation: Consultation) -> list[QuestionSummary]:
    """Per question: how many answered, counts per choice, and the free-text answers.

    For the secretariat only (the answers themselves are never public)."""
    questions = list(consultation.questions.all())
    answers_by_question: dict[int, list[str]] = defaultdict(list)
    for question_id, text in (
        Answer.objects.filter(response__consultation=consultation)
        .values_list("question_id", "text")
        .order_by("response__submitted_at", "pk")
    ):
        answers_by_question[question_id].append(text)
    summaries = []
    for question in questions:
        answers = answers_by_question.get(question.pk, [])
        counts = []
        if question.kind == Question.Kind.CHOICE:
            tally = Counter(answers)
            counts = [(choice, tally.get(choice, 0)) for choice in question.choice_list]
        summaries.append(
            QuestionSummary(
                question,
                len(answers),
                counts,
                answers if question.kind == Question.Kind.TEXT else [],
            )
        )
    return summaries


EQUALITY_FIELDS = ("age_band", "sex", "ethnic_group", "disability", "victim_of_crime")
EQUALITY_HEADINGS = {
    "age_band": _("Age band"),
    "sex": _("Sex"),
    "ethnic_group": _("Ethnic group"),
    "disability": _("Disability"),
    "victim_of_crime": _("Victim of crime"),
}


def equality_summary(*, consultation: Consultation) -> list[tuple[str, list[tuple[str, int]]]]:
    """Counts for each equality monitoring question (blank answers counted as not answered)."""
    responses = list(consultation.responses.values(*EQUALITY_FIELDS))
    summary = []
    for name in EQUALITY_FIELDS:
        model_field = Response._meta.get_field(name)
        tally = Counter(row[name] for row in responses)
        rows = [(label, tally.get(value, 0)) for value, label in model_field.choices]
        rows.append((gettext("Not answered"), tally.get("", 0)))
        summary.append((str(EQUALITY_HEADINGS[name]), rows))
    return summary


def responses_for_export(*, consultation: Consultation):
    return consultation.responses.prefetch_related("answers__question", "cited_by").order_by(
        "submitted_at", "pk"
    )
