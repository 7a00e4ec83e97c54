"""Who writes a series: the national team its national series, a regional board's secretariat
that board's series (``national.edit_series``, the one rule), and nobody else."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from forums.models import Membership
from national.models import Bulletin, BulletinSection, BulletinSeries
from national.selectors import editable_series
from national.services import bulletin_publish
from tests.conftest import _seat
from tests.forums.factories import ForumFactory, days_from_today
from tests.membership.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    return UserFactory(is_national_viewer=True)


@pytest.fixture
def region():
    return ForumFactory(regional=True, name="North East Criminal Justice Board", slug="ne-cjb")


@pytest.fixture
def regional_secretariat(region):
    return _seat(region, Membership.Role.SECRETARIAT, "pcc")


@pytest.fixture
def regional_member(region):
    return _seat(region, Membership.Role.MEMBER, "cps")


@pytest.fixture
def national_series():
    return BulletinSeries.objects.create(name="PCC Bulletin", slug="pcc-bulletin", publisher="APCC")


@pytest.fixture
def regional_series(region):
    return BulletinSeries.objects.create(
        name="North East Update", slug="ne-update", publisher=region.name, publisher_forum=region
    )


def _draft(series, by, number=1, audience="partners"):
    bulletin = Bulletin.objects.create(
        series=series,
        number=number,
        title=f"Issue {number}",
        issued_on=days_from_today(0),
        audience=audience,
        created_by=by,
    )
    BulletinSection.objects.create(bulletin=bulletin, heading="News", body="Text.")
    return bulletin


def test_the_regional_secretariat_writes_and_publishes_its_series(
    client,
    regional_secretariat,
    regional_series,
    regional_member,
    django_capture_on_commit_callbacks,
):
    regional_series.subscribers.add(regional_member)
    client.force_login(regional_secretariat)
    response = client.post(
        reverse("national:bulletin-create"),
        {
            "series": regional_series.pk,
            "number": 1,
            "title": "Regional witness care",
            "issued_on": days_from_today(0).isoformat(),
            "audience": "partners",
        },
    )
    bulletin = Bulletin.objects.get(series=regional_series, number=1)
    assert response.url == reverse("national:bulletin-read", args=["ne-update", 1])
    client.post(
        reverse("national:section-add", args=[bulletin.pk]),
        {"heading": "Witness care", "body": "What the three areas learnt."},
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("national:bulletin-publish", args=[bulletin.pk]))
    bulletin.refresh_from_db()
    assert bulletin.is_published
    assert [message.to[0] for message in mail.outbox] == [regional_member.email]


def test_the_regional_secretariat_cannot_touch_the_national_series(
    client, team, regional_secretariat, national_series, regional_series
):
    national = _draft(national_series, team)
    client.force_login(regional_secretariat)
    for url in (
        reverse("national:bulletin-edit", args=[national.pk]),
        reverse("national:section-add", args=[national.pk]),
        reverse("national:section-edit", args=[national.pk, national.sections.get().pk]),
        reverse("national:bulletin-publish", args=[national.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("national:bulletin-publish", args=[national.pk])).status_code == 404
    national.refresh_from_db()
    assert not national.is_published
    with pytest.raises(PermissionDenied):
        bulletin_publish(bulletin=national, by=regional_secretariat)
    # Nor can it write a bulletin into the national series: the choice is not offered.
    page = client.get(reverse("national:bulletin-create")).content.decode()
    assert "North East Update" in page and "PCC Bulletin" not in page
    response = client.post(
        reverse("national:bulletin-create"),
        {
            "series": national_series.pk,
            "number": 9,
            "title": "Not ours",
            "issued_on": days_from_today(0).isoformat(),
            "audience": "partners",
        },
    )
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert not Bulletin.objects.filter(number=9).exists()


def test_the_national_team_publishes_national_series_but_not_a_regional_one(
    client, team, regional_secretariat, national_series, regional_series
):
    regional = _draft(regional_series, regional_secretariat)
    national = _draft(national_series, team)
    client.force_login(team)
    assert client.get(reverse("national:bulletin-publish", args=[national.pk])).status_code == 200
    assert client.get(reverse("national:bulletin-publish", args=[regional.pk])).status_code == 404
    assert list(editable_series(team)) == [national_series]
    assert list(editable_series(regional_secretariat)) == [regional_series]


def test_others_on_the_regional_board_do_not_write_its_series(
    client, regional_secretariat, regional_member, regional_series, secretariat
):
    draft = _draft(regional_series, regional_secretariat)
    for person in (regional_member, secretariat):  # a member there; a local board's secretariat
        client.force_login(person)
        assert client.get(reverse("national:bulletin-create")).status_code == 404
        assert client.get(reverse("national:section-add", args=[draft.pk])).status_code == 404
        read = reverse("national:bulletin-read", args=["ne-update", 1])
        assert client.get(read).status_code == 404  # a draft: its editors' alone
        assert not person.has_perm("national.edit_series", regional_series)
    client.force_login(regional_secretariat)
    assert client.get(read).status_code == 200


def test_the_regional_secretariat_starts_a_series_for_its_board_only(
    client, region, regional_secretariat, other_forum
):
    client.force_login(regional_secretariat)
    url = reverse("national:series-create")
    page = client.get(url).content.decode()
    assert region.name in page
    response = client.post(
        url, {"name": "NE Update", "slug": "ne", "publisher": "North East CJB", "description": ""}
    )
    assert "Choose the regional board that publishes it" in response.content.decode()
    response = client.post(
        url,
        {
            "name": "NE Update",
            "slug": "ne",
            "publisher": "North East CJB",
            "publisher_forum": region.pk,
        },
    )
    assert response.status_code == 302
    assert BulletinSeries.objects.get(slug="ne").publisher_forum == region
    response = client.post(
        url, {"name": "X", "slug": "x", "publisher": "X", "publisher_forum": other_forum.pk}
    )
    assert "Select a valid choice" in response.content.decode()
