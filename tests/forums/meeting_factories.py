"""factory_boy factories for meetings, agenda items, papers, minutes and actions."""

import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from forums.models import (
    Action,
    AgendaItem,
    Attendance,
    Confidentiality,
    Decision,
    Meeting,
    MinuteEntry,
    Minutes,
    Paper,
    PaperVersion,
)
from tests.factories import ForumFactory, UserFactory


def pdf_bytes(text: str = "Board paper") -> bytes:
    """A small valid PDF."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Title": text})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    forum = factory.SubFactory(ForumFactory)
    title = "Board meeting"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    location = "Police headquarters, Middlesbrough"
    status = Meeting.Status.SCHEDULED


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem
        skip_postgeneration_save = True

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Agenda item {n}")
    purpose = AgendaItem.Purpose.DISCUSSION
    confidentiality = Confidentiality.PUBLIC

    @factory.lazy_attribute
    def confidentiality_reason(self):
        return "" if self.confidentiality == Confidentiality.PUBLIC else "Sensitive case material"

    @factory.post_generation
    def restricted_to(self, create, extracted, **kwargs):
        if create and extracted:
            self.restricted_to.set(extracted)


class PaperFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paper
        skip_postgeneration_save = True

    agenda_item = factory.SubFactory(AgendaItemFactory)
    title = factory.Sequence(lambda n: f"Paper {n}")
    confidentiality = factory.SelfAttribute("agenda_item.confidentiality")

    @factory.post_generation
    def with_file(self, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        content = pdf_bytes(self.title)
        version = PaperVersion(
            paper=self,
            number=1,
            file_name="paper.pdf",
            content_type="application/pdf",
            size=len(content),
            sha256="0" * 64,
        )
        version.file.save("paper.pdf", ContentFile(content), save=False)
        version.save()
        self.current_version = version
        self.save(update_fields=["current_version"])


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(UserFactory)


class MinutesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Minutes

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
    reference = factory.Sequence(lambda n: f"D{n:03d}")


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Action {n}")
    reference = factory.Sequence(lambda n: f"A{n:03d}")
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
