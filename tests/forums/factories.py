"""factory_boy factories for forums, memberships, meetings, agenda items, papers, minutes,
decisions and actions.

Defaults describe the ordinary case (a public local board; a meeting a fortnight ahead with its
agenda not yet out; a public agenda item; a paper with a real PDF); traits name the others, e.g.
``MeetingFactory(agenda_published=True)``, ``MeetingFactory(held=True)``,
``AgendaItemFactory(restricted=True, restricted_to=[person])``, ``MinutesFactory(published=True)``,
``ActionFactory(overdue=True)``.
"""

import datetime
import hashlib

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from forums.models import (
    Action,
    AgendaItem,
    Attendance,
    Confidentiality,
    Decision,
    Forum,
    ForwardPlanItem,
    Meeting,
    Membership,
    MinuteEntry,
    Minutes,
    Paper,
    PaperVersion,
    ProcedurePaper,
    WrittenProcedure,
)
from tests.membership.factories import AgencyFactory, UserFactory, area


def at(day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """An aware local datetime on a day (10am by default)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def pdf_bytes(text: str = "Board paper", pages: int = 1) -> bytes:
    """A small real PDF whose pages read "<text> page 1", "<text> page 2", ..."""
    from weasyprint import HTML

    body = "".join(f'<p style="break-after: page">{text} page {n + 1}</p>' for n in range(pages))
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


# --- forums and memberships ------------------------------------------------------------------


class ForumFactory(factory.django.DjangoModelFactory):
    """A public local board covering Cleveland."""

    class Meta:
        model = Forum
        skip_postgeneration_save = True

    class Params:
        private = factory.Trait(is_public=False)
        regional = factory.Trait(kind=Forum.Kind.REGIONAL_BOARD)

    name = factory.Sequence(lambda n: f"Forum {n} Criminal Justice Board")
    slug = factory.Sequence(lambda n: f"forum-{n}")
    kind = Forum.Kind.LOCAL_BOARD
    public_summary = "The board brings local criminal justice agencies together."
    is_public = True

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if not create:
            return
        self.areas.set(extracted if extracted is not None else [area()])


class MembershipFactory(factory.django.DjangoModelFactory):
    """A current member's seat (started 30 days ago) who may commit their agency's resources."""

    class Meta:
        model = Membership

    class Params:
        chair = factory.Trait(role=Membership.Role.CHAIR)
        secretariat = factory.Trait(role=Membership.Role.SECRETARIAT)
        advisory = factory.Trait(role=Membership.Role.ADVISORY, can_commit_resources=False)
        data_submitter = factory.Trait(
            role=Membership.Role.DATA_SUBMITTER, can_commit_resources=False
        )
        ended = factory.Trait(
            start_date=factory.LazyFunction(lambda: days_from_today(-90)),
            end_date=factory.LazyFunction(lambda: days_from_today(-10)),
        )

    forum = factory.SubFactory(ForumFactory)
    person = factory.SubFactory(UserFactory)
    agency = factory.SubFactory(AgencyFactory)
    role = Membership.Role.MEMBER
    can_commit_resources = True
    start_date = factory.LazyFunction(lambda: days_from_today(-30))


# --- meetings ----------------------------------------------------------------------------------


class MeetingFactory(factory.django.DjangoModelFactory):
    """A public meeting 14 days ahead, 10am to noon, scheduled: its agenda is not out yet."""

    class Meta:
        model = Meeting

    class Params:
        days_ahead = 14
        agenda_published = factory.Trait(
            status=Meeting.Status.AGENDA_PUBLISHED,
            agenda_published_at=factory.LazyFunction(timezone.now),
        )
        past = factory.Trait(days_ahead=-30)
        held = factory.Trait(
            past=True,
            status=Meeting.Status.HELD,
            agenda_published_at=factory.LazyAttribute(
                lambda o: o.starts_at - datetime.timedelta(days=10)
            ),
            held_at=factory.LazyAttribute(lambda o: o.ends_at),
        )
        minutes_approved = factory.Trait(held=True, status=Meeting.Status.MINUTES_APPROVED)
        cancelled = factory.Trait(
            status=Meeting.Status.CANCELLED,
            cancelled_reason="No quorum",
            cancelled_at=factory.LazyFunction(timezone.now),
        )

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Board meeting {n}")
    starts_at = factory.LazyAttribute(lambda o: at(days_from_today(o.days_ahead)))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    location = "Middlesbrough Town Hall"
    status = Meeting.Status.SCHEDULED


class AgendaItemFactory(factory.django.DjangoModelFactory):
    """A public discussion item on the agenda; ``confidential`` or ``restricted`` for others
    (name who may see a restricted one with ``restricted_to=[person, ...]``)."""

    class Meta:
        model = AgendaItem
        skip_postgeneration_save = True

    class Params:
        confidential = factory.Trait(confidentiality=Confidentiality.CONFIDENTIAL)
        restricted = factory.Trait(confidentiality=Confidentiality.RESTRICTED)

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Agenda item {n}")
    purpose = AgendaItem.Purpose.DISCUSSION
    confidentiality = Confidentiality.PUBLIC
    confidentiality_reason = factory.LazyAttribute(
        lambda o: "" if o.confidentiality == Confidentiality.PUBLIC else "Sensitive case material"
    )

    @factory.post_generation
    def restricted_to(self, create, extracted, **kwargs):
        if create and extracted:
            self.restricted_to.set(extracted)


class PaperFactory(factory.django.DjangoModelFactory):
    """A paper on an item, as confidential as its item, with one uploaded version: a PDF whose
    pages read "<title> page 1". ``file=b"..."`` (with ``file__name`` and
    ``file__content_type``) uploads other content; ``without_file=True`` uploads nothing."""

    class Meta:
        model = Paper
        skip_postgeneration_save = True

    class Params:
        without_file = factory.Trait(file=False)

    agenda_item = factory.SubFactory(AgendaItemFactory)
    title = factory.Sequence(lambda n: f"Paper {n}")
    confidentiality = factory.SelfAttribute("agenda_item.confidentiality")

    @factory.post_generation
    def restricted_to(self, create, extracted, **kwargs):
        if create and extracted:
            self.restricted_to.set(extracted)

    @factory.post_generation
    def file(self, create, extracted, name="paper.pdf", content_type="application/pdf"):
        if not create or extracted is False:
            return
        content = extracted if extracted is not None else pdf_bytes(self.title)
        version = PaperVersion(
            paper=self,
            number=1,
            file_name=name,
            content_type=content_type,
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
        )
        version.file.save(name, ContentFile(content), save=False)
        version.save()
        self.current_version = version
        self.save(update_fields=["current_version"])


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(UserFactory)


# --- minutes, decisions and actions -------------------------------------------------------------


class MinutesFactory(factory.django.DjangoModelFactory):
    """Draft minutes; ``circulated``, ``approved`` or ``published`` for the later steps."""

    class Meta:
        model = Minutes

    class Params:
        circulated = factory.Trait(
            status=Minutes.Status.CIRCULATED,
            circulated_at=factory.LazyFunction(timezone.now),
        )
        approved = factory.Trait(
            status=Minutes.Status.APPROVED,
            approved_at=factory.LazyFunction(timezone.now),
            approved_via=Minutes.ApprovedVia.MEETING,
        )
        by_chairs_action = factory.Trait(
            approved=True, approved_via=Minutes.ApprovedVia.CHAIRS_ACTION
        )
        published = factory.Trait(
            approved=True,
            status=Minutes.Status.PUBLISHED,
            published_at=factory.LazyFunction(timezone.now),
        )

    meeting = factory.SubFactory(MeetingFactory)
    status = Minutes.Status.DRAFT


class MinuteEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MinuteEntry

    minutes = factory.SubFactory(MinutesFactory)
    agenda_item = factory.SubFactory(
        AgendaItemFactory, meeting=factory.SelfAttribute("..minutes.meeting")
    )
    text = factory.Sequence(lambda n: f"The board discussed item {n}.")


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    forum = factory.SubFactory(ForumFactory)
    text = factory.Sequence(lambda n: f"Decision {n}")
    reference = factory.Sequence(lambda n: f"D2026-{n + 1:03d}")


class ActionFactory(factory.django.DjangoModelFactory):
    """An open action due in 30 days; ``overdue`` (due 10 days ago) or ``done`` for others."""

    class Meta:
        model = Action

    class Params:
        overdue = factory.Trait(due_date=factory.LazyFunction(lambda: days_from_today(-10)))
        done = factory.Trait(
            status=Action.Status.DONE,
            percent_complete=100,
            completed_at=factory.LazyFunction(timezone.now),
        )

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Action {n}")
    reference = factory.Sequence(lambda n: f"A2026-{n + 1:03d}")
    due_date = factory.LazyFunction(lambda: days_from_today(30))
    status = Action.Status.OPEN


class ForwardPlanItemFactory(factory.django.DjangoModelFactory):
    """A public item planned for the first of next month; ``confidential`` for the other kind."""

    class Meta:
        model = ForwardPlanItem

    class Params:
        confidential = factory.Trait(confidentiality=Confidentiality.CONFIDENTIAL)

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Planned item {n}")
    planned_for = factory.LazyFunction(
        lambda: (timezone.localdate().replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    )


class WrittenProcedureFactory(factory.django.DjangoModelFactory):
    """A confidential proposal open for answers for a week, decided by consensus, quorum 1;
    ``public`` for one the public may see once decided."""

    class Meta:
        model = WrittenProcedure

    class Params:
        public = factory.Trait(confidentiality=Confidentiality.PUBLIC, confidentiality_reason="")

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Proposal {n}")
    proposal = factory.Sequence(lambda n: f"The board agrees proposal {n}.")
    opened_at = factory.LazyFunction(timezone.now)
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    quorum = 1
    confidentiality = Confidentiality.CONFIDENTIAL
    confidentiality_reason = "Commercial terms not yet agreed"


class ProcedurePaperFactory(factory.django.DjangoModelFactory):
    """A PDF sent with a written procedure."""

    class Meta:
        model = ProcedurePaper

    procedure = factory.SubFactory(WrittenProcedureFactory)
    title = factory.Sequence(lambda n: f"Procedure paper {n}")
    file_name = "proposal.pdf"
    content_type = "application/pdf"
    file = factory.LazyAttribute(lambda o: ContentFile(pdf_bytes(o.title), name="proposal.pdf"))
    size = factory.LazyAttribute(lambda o: o.file.size)
    sha256 = factory.LazyAttribute(lambda o: hashlib.sha256(o.file.open().read()).hexdigest())
