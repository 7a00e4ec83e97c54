"""The bulletin pages issue the same number of queries whatever the number of bulletins,
sections and files."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from national.models import Bulletin, BulletinAttachment, BulletinSection, BulletinSeries
from priorities.models import Theme
from tests.forums.factories import days_from_today
from tests.membership.factories import UserFactory
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


def _fill(series, team, *, bulletins: int, sections: int):
    themes = list(Theme.objects.national()[:2])
    for number in range(1, bulletins + 1):
        bulletin = Bulletin.objects.create(
            series=series,
            number=number,
            title=f"Issue {number}",
            issued_on=days_from_today(-number),
            audience="public" if number % 2 else "partners",
            created_by=team,
            published_at="2026-01-01T00:00Z",
        )
        for position in range(sections):
            section = BulletinSection.objects.create(
                bulletin=bulletin,
                position=position,
                heading=f"Section {position}",
                body="Text.",
                theme=themes[position % len(themes)] if themes else None,
                links="Guidance | https://example.org/g",
            )
            BulletinAttachment.objects.create(
                section=section,
                title=f"File {position}",
                file=ContentFile(b"%PDF-1.4 q", name="q.pdf"),
                file_name="q.pdf",
                content_type="application/pdf",
                size=10,
                sha256="0" * 64,
            )


def _counts(client, team, member, *, bulletins, sections):
    series = BulletinSeries.objects.create(
        name=f"Series {bulletins}", slug=f"series-{bulletins}", publisher="APCC"
    )
    _fill(series, team, bulletins=bulletins, sections=sections)
    client.logout()
    counts = [
        queries_for(client, reverse("national:bulletins")),
        queries_for(client, reverse("national:series", args=[series.slug])),
        queries_for(client, reverse("national:bulletin", args=[series.slug, 1])),
        queries_for(client, reverse("national:series-feed", args=[series.slug])),
    ]
    client.force_login(member)
    counts += [
        queries_for(client, reverse("national:bulletins-workspace")),
        queries_for(client, reverse("national:bulletin-read", args=[series.slug, 1])),
    ]
    client.force_login(team)
    counts.append(queries_for(client, reverse("national:bulletin-read", args=[series.slug, 1])))
    BulletinSeries.objects.filter(pk=series.pk).update(slug=f"old-{bulletins}")
    return counts


def test_bulletin_pages_issue_constant_queries(client, member):
    team = UserFactory(is_national_viewer=True)
    small = _counts(client, team, member, bulletins=2, sections=2)
    Bulletin.objects.all().delete()
    BulletinSeries.objects.all().delete()
    large = _counts(client, team, member, bulletins=8, sections=6)
    assert small == large
