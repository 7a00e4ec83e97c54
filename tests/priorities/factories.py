"""Factories for priorities, objectives, sign-offs, risks, consultations, evaluations and good
practice."""

import datetime

import factory
from django.utils import timezone

from priorities.models import (
    AnnualEvaluation,
    Answer,
    Consultation,
    EvaluationOutcome,
    GoodPracticeAdoption,
    GoodPracticeEntry,
    Objective,
    Priority,
    Question,
    Response,
    Risk,
    SignOff,
    Tension,
    Theme,
    current_plan_year,
)
from tests.forums.factories import ForumFactory
from tests.membership.factories import AgencyFactory, UserFactory, area


def theme(slug: str = "victims_and_witnesses") -> Theme:
    return Theme.objects.get(slug=slug)


class PriorityFactory(factory.django.DjangoModelFactory):
    """A draft priority for this plan year; ``in_sign_off``, ``agreed`` or ``retired`` later on."""

    class Meta:
        model = Priority
        skip_postgeneration_save = True

    class Params:
        in_sign_off = factory.Trait(status=Priority.Status.SIGN_OFF, sign_off_round=1)
        agreed = factory.Trait(status=Priority.Status.AGREED)
        retired = factory.Trait(status=Priority.Status.RETIRED)

    forum = factory.SubFactory(ForumFactory)
    plan_year = factory.LazyFunction(current_plan_year)
    title = factory.Sequence(lambda n: f"Priority {n}")
    theme = factory.LazyFunction(theme)
    description = "Improve the experience of victims from report to outcome."
    status = Priority.Status.DRAFT


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    priority = factory.SubFactory(PriorityFactory)
    title = factory.Sequence(lambda n: f"Objective {n}")
    local_measure = "Victims satisfied with the service (local survey)"
    unit = "%"
    baseline = 70
    baseline_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=90))
    target = 80
    target_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=270))


class SignOffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SignOff

    priority = factory.SubFactory(PriorityFactory, in_sign_off=True)
    round = factory.LazyAttribute(lambda o: o.priority.sign_off_round)
    agency = factory.SubFactory(AgencyFactory)
    decision = SignOff.Decision.AGREE
    signed_by = factory.SubFactory(UserFactory)


class TensionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tension
        skip_postgeneration_save = True

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Tension {n}")
    agency_plan = "HMCTS: fewer hearings per case"
    conflict = "Fewer hearings can lower the conviction rate the board tracks."


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Risk

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Risk {n}")
    cause = "Staff shortages in the witness care unit"
    consequence = "Witnesses are not told about hearings in time"
    likelihood = 3
    impact = 4
    score = factory.LazyAttribute(lambda o: o.likelihood * o.impact)
    review_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Consultation {n}")
    introduction = "Tell us what the board should focus on."
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=21))
    is_published = True


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    consultation = factory.SubFactory(ConsultationFactory)
    text = factory.Sequence(lambda n: f"Question {n}?")
    kind = Question.Kind.TEXT


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    consultation = factory.SubFactory(ConsultationFactory)


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    response = factory.SubFactory(ResponseFactory)
    question = factory.SubFactory(QuestionFactory)
    text = "Victims should be kept informed."


class AnnualEvaluationFactory(factory.django.DjangoModelFactory):
    """A draft evaluation of last plan year; ``approved`` once the chair has approved it."""

    class Meta:
        model = AnnualEvaluation

    class Params:
        approved = factory.Trait(
            status=AnnualEvaluation.Status.APPROVED,
            approved_by=factory.SubFactory(UserFactory),
            approved_at=factory.LazyFunction(timezone.now),
        )

    forum = factory.SubFactory(ForumFactory)
    plan_year = factory.LazyFunction(lambda: current_plan_year() - 1)
    summary = "A year of steady progress."


class EvaluationOutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EvaluationOutcome

    evaluation = factory.SubFactory(AnnualEvaluationFactory)
    priority = factory.SubFactory(PriorityFactory)
    outcome = EvaluationOutcome.Outcome.MET
    narrative = "The target was met."


class GoodPracticeEntryFactory(factory.django.DjangoModelFactory):
    """A board's draft entry; ``submitted``, ``published`` (for everyone), ``partners_only``
    (published for partners) or ``rejected`` later on. ``agencies`` takes a list."""

    class Meta:
        model = GoodPracticeEntry
        skip_postgeneration_save = True

    class Params:
        submitted = factory.Trait(
            state=GoodPracticeEntry.State.SUBMITTED,
            submitted_at=factory.LazyFunction(timezone.now),
        )
        published = factory.Trait(
            state=GoodPracticeEntry.State.PUBLISHED,
            submitted_at=factory.LazyFunction(timezone.now),
            published_at=factory.LazyFunction(timezone.now),
        )
        partners_only = factory.Trait(
            state=GoodPracticeEntry.State.PUBLISHED,
            audience=GoodPracticeEntry.Audience.PARTNERS,
            submitted_at=factory.LazyFunction(timezone.now),
            published_at=factory.LazyFunction(timezone.now),
        )
        rejected = factory.Trait(
            state=GoodPracticeEntry.State.REJECTED, review_note="Say more about the effect."
        )

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Good practice {n}")
    theme = factory.LazyFunction(theme)
    area = factory.LazyFunction(area)
    what_was_done = "Witness care officers rang every witness the day before trial."
    evidence = "Fewer trials cracked because witnesses did not attend."
    cost = "Two officers' time for a year."
    contact = "Board manager, board@example.org"
    evidence_level = GoodPracticeEntry.EvidenceLevel.EVALUATED

    @factory.post_generation
    def agencies(self, create, extracted, **kwargs):
        if create:
            self.agencies.set(extracted if extracted is not None else [AgencyFactory()])


class GoodPracticeAdoptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoodPracticeAdoption

    entry = factory.SubFactory(GoodPracticeEntryFactory, published=True)
    forum = factory.SubFactory(ForumFactory)
    note = "We started the calls in April."
