"""Factories for meetings, agenda items, papers and actions used by the scheduled-work tests."""

import datetime
import hashlib

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from forums.models import (
    Action,
    AgendaItem,
    Confidentiality,
    Meeting,
    Paper,
    PaperVersion,
)
from tests.factories import ForumFactory


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    """An aware local datetime on a day."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Board meeting {n}")
    starts_at = factory.LazyFunction(lambda: at(timezone.localdate() + datetime.timedelta(days=7)))
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + datetime.timedelta(hours=2))
    location = "Middlesbrough Town Hall"
    status = Meeting.Status.AGENDA_PUBLISHED


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem
        skip_postgeneration_save = True

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Item {n}")
    confidentiality = Confidentiality.PUBLIC
    confidentiality_reason = factory.LazyAttribute(
        lambda o: "" if o.confidentiality == Confidentiality.PUBLIC else "Sensitive"
    )

    @factory.post_generation
    def restricted_to(self, create, extracted, **kwargs):
        if create and extracted:
            self.restricted_to.set(extracted)


def make_pdf(text: str, pages: int = 1) -> bytes:
    """A small real PDF whose pages carry ``text`` (built with WeasyPrint)."""
    from weasyprint import HTML

    body = "".join(f'<p style="break-after: page">{text} page {n + 1}</p>' for n in range(pages))
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


def add_paper(
    item: AgendaItem,
    *,
    title: str = "Paper",
    content: bytes | None = None,
    file_name: str = "paper.pdf",
    content_type: str = "application/pdf",
    confidentiality: str | None = None,
    restricted_to=None,
) -> Paper:
    """A paper with one uploaded version."""
    paper = Paper.objects.create(
        agenda_item=item,
        title=title,
        confidentiality=confidentiality or item.confidentiality,
    )
    if restricted_to:
        paper.restricted_to.set(restricted_to)
    content = content if content is not None else make_pdf(title)
    version = PaperVersion(
        paper=paper,
        number=1,
        file_name=file_name,
        content_type=content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    version.file.save(file_name, ContentFile(content), save=False)
    version.save()
    paper.current_version = version
    paper.save(update_fields=["current_version"])
    return paper


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Action {n}")
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=3))
    status = Action.Status.OPEN
