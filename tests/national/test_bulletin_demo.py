"""The demo's bulletins: the PCC Bulletin with three numbered issues across themes, links, a
file and a call for content, and the North East board's own series; seeding twice changes
nothing."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from membership.models import User
from national.models import Bulletin, BulletinAttachment, BulletinSection, BulletinSeries

pytestmark = pytest.mark.django_db


def _seed():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def _shape():
    return (
        list(
            Bulletin.objects.order_by("series__slug", "number").values_list(
                "series__slug", "number"
            )
        ),
        BulletinSection.objects.count(),
        BulletinAttachment.objects.count(),
    )


def test_the_demo_has_a_national_and_a_regional_series_and_seeds_twice_alike(client):
    _seed()
    pcc = BulletinSeries.objects.get(slug="pcc-bulletin")
    issues = list(pcc.bulletins.published().order_by("number"))
    assert [b.number for b in issues] == [15, 16, 17]
    assert pcc.publisher_forum is None
    themes = set(
        BulletinSection.objects.filter(bulletin__series=pcc).values_list("theme__slug", flat=True)
    )
    assert len(themes) >= 5
    assert any(section.link_list for b in issues for section in b.sections.all())
    assert issues[-1].call_is_open
    assert BulletinAttachment.objects.count() == 1
    regional = BulletinSeries.objects.get(slug="north-east-update")
    assert regional.publisher_forum.slug == "north-east-cjb"
    assert regional.bulletins.published().count() == 1
    manager = User.objects.get(email="north-east-secretariat@demo.lcjb.example")
    assert manager.has_perm("national.edit_series", regional)
    assert not manager.has_perm("national.edit_series", pcc)
    page = client.get(reverse("national:series", args=["pcc-bulletin"])).content.decode()
    assert "Victims first" in page  # No 16 is for offices only:
    assert "Preparing Victims&#x27; Code compliance returns" not in page
    assert "Preparing Victims' Code compliance returns" not in page
    before = _shape()
    _seed()
    assert _shape() == before
