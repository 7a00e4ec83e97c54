"""The national view and the bulletins read in Welsh at /cy/, in English at their usual addresses.

The Welsh comes from the committed catalogue, compiled by the test command."""

from pathlib import Path

import pytest

from national.models import Bulletin, BulletinSection, BulletinSeries
from national.services import bulletin_publish
from tests.forums.factories import days_from_today
from tests.membership.factories import UserFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def in_welsh():
    """The committed catalogue, compiled (``make install`` and ``make test`` compile it): a
    missing compiled catalogue fails the test rather than skipping it."""
    compiled = ROOT / "locale/cy/LC_MESSAGES/django.mo"
    assert compiled.exists(), "run scripts/translations.sh compile"


def test_the_national_view_has_welsh_headings(client, in_welsh):
    response = client.get("/cy/national/")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "cy"
    page = response.content.decode()
    assert '<h1 class="govuk-heading-xl">Sut mae pob ardal yn perfformio</h1>' in page
    assert "Cyfres ddata graidd genedlaethol" in page
    assert "How every area is doing" not in page

    english = client.get("/national/").content.decode()
    assert '<h1 class="govuk-heading-xl">How every area is doing</h1>' in english


def test_the_bulletins_have_welsh_headings_and_numbers(client, in_welsh):
    team = UserFactory(is_national_viewer=True)
    series = BulletinSeries.objects.create(
        name="PCC Bulletin", slug="pcc-bulletin", publisher="APCC"
    )
    bulletin = Bulletin.objects.create(
        series=series,
        number=17,
        title="Issue 17",
        issued_on=days_from_today(-1),
        audience=Bulletin.Audience.PUBLIC,
        created_by=team,
    )
    BulletinSection.objects.create(bulletin=bulletin, heading="News", body="Text")
    bulletin_publish(bulletin=bulletin, by=team)

    response = client.get("/cy/bulletins/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<h1 class="govuk-heading-xl">Bwletinau</h1>' in page
    assert "PCC Bulletin Rhif 17: Issue 17" in page
    assert "PCC Bulletin No 17" not in page

    english = client.get("/bulletins/").content.decode()
    assert '<h1 class="govuk-heading-xl">Bulletins</h1>' in english
    assert "PCC Bulletin No 17: Issue 17" in english
