"""Numbered bulletins: written by the national team, read by their audience only, e-mailed to
subscribers who may read them, public ones on /bulletins/ and in an Atom feed."""

import pytest
from django.core import mail
from django.urls import reverse

from forums.models import Membership
from national.models import Bulletin, BulletinSection, BulletinSeries, ContentOffer
from national.services import bulletin_publish
from tests.forums.factories import days_from_today
from tests.membership.factories import UserFactory

pytestmark = pytest.mark.django_db
SECRET = "Draft sentencing guidance for consultation"


@pytest.fixture
def team():
    return UserFactory(is_national_viewer=True)


@pytest.fixture
def pcc_bulletin():
    return BulletinSeries.objects.create(name="PCC Bulletin", slug="pcc-bulletin", publisher="APCC")


def _bulletin(series, team, number, audience, *, published=True, group=None, heading="News"):
    bulletin = Bulletin.objects.create(
        series=series,
        number=number,
        title=f"Issue {number}",
        issued_on=days_from_today(-1),
        audience=audience,
        group=group,
        created_by=team,
        call_for_content="Tell us about your victims' work.",
        call_closes_on=days_from_today(10),
    )
    BulletinSection.objects.create(bulletin=bulletin, heading=heading, body="Text.")
    if published:
        bulletin_publish(bulletin=bulletin, by=team)
    return bulletin


def test_the_team_writes_a_bulletin_and_subscribers_in_its_audience_get_it(
    client,
    team,
    pcc_bulletin,
    secretariat,
    member,
    other_forum_member,
    django_capture_on_commit_callbacks,
):
    for person in (secretariat, member, other_forum_member):
        pcc_bulletin.subscribers.add(person)
    client.force_login(team)
    response = client.post(
        reverse("national:bulletin-create"),
        {
            "series": pcc_bulletin.pk,
            "number": 17,
            "title": "Victims' Code compliance",
            "issued_on": days_from_today(0).isoformat(),
            "audience": "offices",
        },
    )
    bulletin = Bulletin.objects.get(number=17)
    assert response.url == reverse("national:bulletin-read", args=["pcc-bulletin", 17])
    client.post(
        reverse("national:section-add", args=[bulletin.pk]),
        {
            "heading": "Compliance data",
            "body": "Quarterly data.",
            "links": "Data | https://x.example/d",
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("national:bulletin-publish", args=[bulletin.pk]))
    bulletin.refresh_from_db()
    assert bulletin.is_published
    told = {message.to[0] for message in mail.outbox}
    assert secretariat.email in told  # runs a local board: a local policing body office
    assert member.email not in told and other_forum_member.email not in told


def test_each_audience_reads_only_its_own(
    client, team, pcc_bulletin, forum, member, secretariat, other_forum_member
):
    public = _bulletin(pcc_bulletin, team, 1, "public")
    partners = _bulletin(pcc_bulletin, team, 2, "partners")
    offices = _bulletin(pcc_bulletin, team, 3, "offices", heading=SECRET)
    group = _bulletin(pcc_bulletin, team, 4, "group", group=forum)
    draft = _bulletin(pcc_bulletin, team, 5, "public", published=False)

    def can_read(person, bulletin):
        client.logout()
        if person:
            client.force_login(person)
        url = reverse("national:bulletin-read", args=["pcc-bulletin", bulletin.number])
        return client.get(url).status_code == 200

    assert [can_read(member, b) for b in (public, partners, offices, group, draft)] == [
        True,
        True,
        False,
        True,
        False,
    ]
    assert [can_read(secretariat, b) for b in (offices, group)] == [True, True]
    assert [can_read(other_forum_member, b) for b in (partners, offices, group)] == [
        True,
        False,
        False,
    ]
    client.logout()
    index = client.get(reverse("national:bulletins")).content.decode()
    assert "Issue 1" in index and "Issue 2" not in index and "Issue 5" not in index
    assert client.get(reverse("national:bulletin", args=["pcc-bulletin", 3])).status_code == 404
    feed = client.get(reverse("national:series-feed", args=["pcc-bulletin"])).content.decode()
    assert "Issue 1" in feed and SECRET not in feed and "Issue 2" not in feed


def test_a_public_bulletin_has_a_contents_list(client, team, pcc_bulletin):
    bulletin = _bulletin(pcc_bulletin, team, 1, "public")
    BulletinSection.objects.create(bulletin=bulletin, heading="Good practice", body="Text.")
    page = client.get(reverse("national:bulletin", args=["pcc-bulletin", 1])).content.decode()
    assert 'href="#section-1"' in page and 'href="#section-2"' in page


def test_readers_answer_the_call_for_content(client, team, pcc_bulletin, member):
    _bulletin(pcc_bulletin, team, 2, "partners")
    client.force_login(member)
    url = reverse("national:bulletin-read", args=["pcc-bulletin", 2])
    assert "Enter what you would like to share" in client.post(url, {"text": ""}).content.decode()
    client.post(url, {"text": "Our witness care pilot."})
    assert ContentOffer.objects.get().person == member


def test_subscribing_and_unsubscribing(client, pcc_bulletin, member):
    client.force_login(member)
    url = reverse("national:series-subscribe", args=["pcc-bulletin"])
    client.post(url, {"subscribe": "yes"})
    assert member in pcc_bulletin.subscribers.all()
    client.post(url, {"subscribe": "no"})
    assert member not in pcc_bulletin.subscribers.all()


def test_only_the_national_team_writes_bulletins(client, team, pcc_bulletin, secretariat):
    bulletin = _bulletin(pcc_bulletin, team, 1, "public", published=False)
    urls = [
        reverse("national:bulletin-create"),
        reverse("national:bulletin-edit", args=[bulletin.pk]),
        reverse("national:section-add", args=[bulletin.pk]),
        reverse("national:bulletin-publish", args=[bulletin.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 302  # anonymous: to the sign-in page
    client.force_login(secretariat)
    for url in urls:
        assert client.get(url).status_code == 404


def test_a_published_bulletin_cannot_be_changed(client, team, pcc_bulletin):
    bulletin = _bulletin(pcc_bulletin, team, 1, "public")
    client.force_login(team)
    response = client.post(
        reverse("national:section-add", args=[bulletin.pk]), {"heading": "Late", "body": "x"}
    )
    assert "cannot be changed" in response.content.decode()
    assert not BulletinSection.objects.filter(heading="Late").exists()
    assert Membership.objects.count() >= 0
