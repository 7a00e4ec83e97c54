"""Bulletins by e-mail: the public subscribes on a series' page (double opt-in), every bulletin
e-mail has a signed unsubscribe link and List-Unsubscribe headers, and the audience rule
decides every recipient."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from national.models import (
    Bulletin,
    BulletinDelivery,
    BulletinEmailSubscriber,
    BulletinSection,
    BulletinSeries,
)
from national.services import bulletin_publish
from tests.forums.factories import days_from_today
from tests.membership.factories import UserFactory

pytestmark = pytest.mark.django_db
READER = "reader@example.org"


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


@pytest.fixture
def team():
    return UserFactory(is_national_viewer=True)


@pytest.fixture
def series():
    return BulletinSeries.objects.create(name="PCC Bulletin", slug="pcc-bulletin", publisher="APCC")


@pytest.fixture
def publish(team, django_capture_on_commit_callbacks):
    def publish(series, number, audience, *, group=None):
        bulletin = Bulletin.objects.create(
            series=series,
            number=number,
            title=f"Issue {number}",
            issued_on=days_from_today(0),
            audience=audience,
            group=group,
            created_by=team,
        )
        BulletinSection.objects.create(bulletin=bulletin, heading=f"News {number}", body="Text.")
        with django_capture_on_commit_callbacks(execute=True):
            bulletin_publish(bulletin=bulletin, by=team)
        return bulletin

    return publish


def _to(address):
    return [message for message in mail.outbox if message.to == [address]]


def _link(message, name):
    """The path of the signed link ``name`` (confirm or stop) in the e-mail's text."""
    return re.search(rf"http://testserver(/bulletins/subscription/{name}/[^\s/]+/)", message.body)[
        1
    ]


def _subscribe(client, address, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            reverse("national:series-email-subscribe", args=["pcc-bulletin"]), {"email": address}
        )


def test_a_member_of_the_public_subscribes_confirms_and_gets_public_issues_only(
    client, series, publish, django_capture_on_commit_callbacks
):
    publish(series, 1, "public")
    page = client.get(reverse("national:series", args=["pcc-bulletin"])).content.decode()
    assert "Get each new issue by e-mail" in page
    response = _subscribe(client, READER, django_capture_on_commit_callbacks)
    assert "Check your e-mail" in response.content.decode()
    [confirmation] = _to(READER)
    publish(series, 2, "public")  # not confirmed yet: nothing
    assert len(_to(READER)) == 1
    confirm = _link(confirmation, "confirm")
    assert client.get(confirm).status_code == 200  # a button: opening the link does nothing
    assert not BulletinEmailSubscriber.objects.get().is_receiving
    assert "You are subscribed" in client.post(confirm).content.decode()
    mail.outbox.clear()
    publish(series, 3, "public")
    publish(series, 4, "partners")
    [issue] = _to(READER)
    assert "PCC Bulletin No 3" in issue.subject and "News 3" in issue.body
    assert "/bulletins/pcc-bulletin/3/" in issue.body
    assert not any("No 4" in message.subject for message in mail.outbox)
    assert BulletinDelivery.objects.filter(sent_at__isnull=False).count() == 1


def test_the_unsubscribe_link_works_without_signing_in_and_stops_the_mail(
    client, series, publish, django_capture_on_commit_callbacks
):
    publish(series, 1, "public")
    BulletinEmailSubscriber.objects.create(
        series=series, email=READER, confirmed_at="2026-01-01T00:00Z"
    )
    publish(series, 2, "public")
    [issue] = _to(READER)
    stop = _link(issue, "stop")
    assert issue.extra_headers["List-Unsubscribe"] == f"<http://testserver{stop}>"
    assert issue.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Unsubscribe" in client.get(stop).content.decode()
    # A mail program's one-click POST (RFC 8058): no session, no CSRF token.
    response = client.post(stop, {"List-Unsubscribe": "One-Click"})
    assert "You are unsubscribed" in response.content.decode()
    mail.outbox.clear()
    publish(series, 3, "public")
    assert _to(READER) == []
    subscriber = BulletinEmailSubscriber.objects.get()
    assert [h.unsubscribed_at is not None for h in subscriber.history.order_by("history_date")][-1]
    assert client.get(stop.replace("/stop/", "/stop/x")).status_code == 404  # tampered with


def test_asking_again_does_not_reveal_whether_an_address_is_subscribed(
    client, series, publish, django_capture_on_commit_callbacks
):
    publish(series, 1, "public")
    BulletinEmailSubscriber.objects.create(
        series=series, email=READER, confirmed_at="2026-01-01T00:00Z"
    )
    known = _subscribe(client, READER.upper(), django_capture_on_commit_callbacks)
    unknown = _subscribe(client, "someone@example.org", django_capture_on_commit_callbacks)

    def text(response):
        return (
            response.content.decode()
            .replace(READER.upper(), "@")
            .replace("someone@example.org", "@")
        )

    assert known.status_code == unknown.status_code == 200
    assert text(known) == text(unknown)
    assert _to(READER.upper()) == [] and BulletinEmailSubscriber.objects.count() == 2
    # and nobody is sent a second confirmation a moment later
    _subscribe(client, "someone@example.org", django_capture_on_commit_callbacks)
    assert len(_to("someone@example.org")) == 1


def test_too_many_requests_from_one_connection_are_refused(
    client, series, publish, django_capture_on_commit_callbacks
):
    publish(series, 1, "public")
    for n in range(10):
        _subscribe(client, f"person{n}@example.org", django_capture_on_commit_callbacks)
    response = _subscribe(client, "one-more@example.org", django_capture_on_commit_callbacks)
    assert response.status_code == 429
    assert not BulletinEmailSubscriber.objects.filter(email="one-more@example.org").exists()


def test_a_wrong_address_is_refused_next_to_the_field_keeping_it(client, series, publish):
    publish(series, 1, "public")
    response = client.post(
        reverse("national:series-email-subscribe", args=["pcc-bulletin"]), {"email": "not-mail"}
    )
    page = response.content.decode()
    assert "Enter an e-mail address in the correct format" in page
    assert 'id="id_email_1_error"' in page and 'value="not-mail"' in page


def test_a_series_without_public_bulletins_takes_no_public_subscriptions(client, series, publish):
    publish(series, 1, "partners")
    assert (
        "Get each new issue"
        not in client.get(reverse("national:series", args=["pcc-bulletin"])).content.decode()
    )
    url = reverse("national:series-email-subscribe", args=["pcc-bulletin"])
    assert client.post(url, {"email": READER}).status_code == 404


def test_subscriber_emails_of_a_non_public_bulletin_go_only_to_its_audience(
    series, publish, forum, member, secretariat, other_forum_member
):
    BulletinEmailSubscriber.objects.create(
        series=series, email=READER, confirmed_at="2026-01-01T00:00Z"
    )
    for person in (member, secretariat, other_forum_member):
        series.subscribers.add(person)
    publish(series, 1, "group", group=forum)
    told = {message.to[0] for message in mail.outbox}
    assert told == {member.email, secretariat.email}
    mail.outbox.clear()
    publish(series, 2, "offices")
    assert {message.to[0] for message in mail.outbox} == {secretariat.email}


def test_a_signed_in_subscriber_unsubscribes_from_the_email_without_signing_in(
    client, series, publish, member
):
    series.subscribers.add(member)
    publish(series, 1, "partners")
    [issue] = _to(member.email)
    stop = _link(issue, "stop")
    assert issue.extra_headers["List-Unsubscribe"] == f"<http://testserver{stop}>"
    client.post(stop)
    assert member not in series.subscribers.all()
    mail.outbox.clear()
    publish(series, 2, "partners")
    assert _to(member.email) == []


def test_public_subscribers_are_sent_in_batches_over_one_connection_each_and_never_twice(
    series, publish, monkeypatch
):
    from django.core import mail as django_mail

    from national import bulletin_mail

    BulletinEmailSubscriber.objects.bulk_create(
        BulletinEmailSubscriber(
            series=series, email=f"reader{n}@example.org", confirmed_at="2026-01-01T00:00Z"
        )
        for n in range(bulletin_mail.BATCH_SIZE + 5)
    )
    opened = []
    real = django_mail.get_connection

    def counting(*args, **kwargs):
        connection = real(*args, **kwargs)
        opened.append(connection)
        return connection

    monkeypatch.setattr(bulletin_mail, "get_connection", counting)
    bulletin = publish(series, 1, "public")
    assert len(mail.outbox) == bulletin_mail.BATCH_SIZE + 5
    assert len(opened) == 2  # one connection per batch
    bulletin_mail.send_public_bulletin(bulletin.pk)  # run again: nothing more is sent
    assert len(mail.outbox) == bulletin_mail.BATCH_SIZE + 5
