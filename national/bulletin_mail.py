"""Bulletins by e-mail to addresses that subscribed on the public site (no account).

Signed-in subscribers are e-mailed through ``membership.notifications`` (their preferences,
their language, an in-app notice); public subscribers here: a confirmation with a signed link
first (double opt-in), then, once confirmed, each public bulletin of the series, each recorded
(``BulletinDelivery``) so it is never sent twice and sent in batches over one mail connection.
Every bulletin e-mail, to either, carries a signed link to unsubscribe without signing in, and
the List-Unsubscribe headers (RFC 2369 and RFC 8058's one-click POST) that point to it.
"""

from __future__ import annotations

import functools
import logging

from celery import shared_task
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from national.models import Bulletin, BulletinDelivery, BulletinEmailSubscriber

logger = logging.getLogger(__name__)

CONFIRM_SALT = "national.bulletin-subscription-confirm"
UNSUBSCRIBE_SALT = "national.bulletin-unsubscribe"
CONFIRM_MAX_AGE = 7 * 24 * 60 * 60  # a week to follow the confirmation link
BATCH_SIZE = 25  # deliveries per task, over one mail connection (as membership.notifications)
RETRYABLE = (ConnectionError, OSError, TimeoutError)


# --- signed links ---------------------------------------------------------------------------


def confirm_token(subscriber: BulletinEmailSubscriber) -> str:
    return signing.dumps({"c": subscriber.pk}, salt=CONFIRM_SALT)


def read_confirm_token(token: str) -> BulletinEmailSubscriber | None:
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:  # expired too (SignatureExpired is a BadSignature)
        return None
    return BulletinEmailSubscriber.objects.select_related("series").filter(pk=data.get("c")).first()


def unsubscribe_token(*, subscriber=None, person=None, series=None) -> str:
    """A public subscriber's, or a signed-in subscriber's for one series; it does not expire."""
    if subscriber is not None:
        return signing.dumps({"e": subscriber.pk}, salt=UNSUBSCRIBE_SALT)
    return signing.dumps({"u": person.pk, "s": series.pk}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> dict | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return data if isinstance(data, dict) else None


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def unsubscribe_url(**kwargs) -> str:
    return _absolute(reverse("national:unsubscribe", args=[unsubscribe_token(**kwargs)]))


def unsubscribe_headers(url: str) -> dict:
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


@functools.lru_cache(maxsize=256)
def _series_of(bulletin_pk: int) -> int | None:
    return Bulletin.objects.filter(pk=bulletin_pk).values_list("series_id", flat=True).first()


def notification_headers(notification) -> dict:
    """The unsubscribe headers of a bulletin e-mailed to a signed-in subscriber (the key is
    ``bulletin:<pk>``, see ``national.services.bulletin_publish``)."""
    kind, _colon, rest = notification.key.partition(":")
    bulletin_pk = rest.partition(":")[0]
    if kind != "bulletin" or not bulletin_pk.isdigit():
        return {}
    series_pk = _series_of(int(bulletin_pk))
    if series_pk is None:
        return {}
    token = signing.dumps({"u": notification.recipient_id, "s": series_pk}, salt=UNSUBSCRIBE_SALT)
    return unsubscribe_headers(_absolute(reverse("national:unsubscribe", args=[token])))


# --- the confirmation -----------------------------------------------------------------------


@shared_task(name="national.send_bulletin_subscription_confirmation", acks_late=True)
def send_confirmation(subscriber_id: int) -> bool:
    """E-mail the link that confirms a public subscription (nothing else is ever sent first)."""
    subscriber = BulletinEmailSubscriber.objects.select_related("series").filter(
        pk=subscriber_id, confirmed_at__isnull=True
    )
    subscriber = subscriber.first()
    if subscriber is None:
        return False
    with translation.override(subscriber.language):
        context = {
            "series": subscriber.series,
            "url": _absolute(
                reverse("national:subscription-confirm", args=[confirm_token(subscriber)])
            ),
            "service_name": settings.SERVICE_NAME,
        }
        subject = gettext("Confirm you want %(series)s by e-mail") % {"series": subscriber.series}
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("national/email/subscription_confirm.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[subscriber.email],
        )
        message.attach_alternative(
            render_to_string("national/email/subscription_confirm.html", context), "text/html"
        )
    message.send()
    return True


# --- public bulletins to confirmed addresses --------------------------------------------------


def _public(bulletin: Bulletin) -> bool:
    """The audience rule decides: only a bulletin anyone may read goes to an address."""
    from national.selectors import readable_bulletins

    return readable_bulletins(AnonymousUser()).filter(pk=bulletin.pk).exists()


@shared_task(name="national.send_public_bulletin", acks_late=True)
def send_public_bulletin(bulletin_id: int) -> int:
    """Record a delivery for each confirmed address of the series and queue them in batches;
    safe to run again (an address already recorded is not recorded, nor sent, twice)."""
    bulletin = Bulletin.objects.select_related("series").filter(pk=bulletin_id).first()
    if bulletin is None or not _public(bulletin):
        return 0
    receiving = BulletinEmailSubscriber.objects.receiving().filter(series=bulletin.series)
    BulletinDelivery.objects.bulk_create(
        [BulletinDelivery(bulletin=bulletin, subscriber=s) for s in receiving],
        ignore_conflicts=True,
    )
    waiting = list(
        BulletinDelivery.objects.filter(bulletin=bulletin, sent_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    for start in range(0, len(waiting), BATCH_SIZE):
        send_public_bulletin_batch.delay(waiting[start : start + BATCH_SIZE])
    return len(waiting)


def _message(delivery: BulletinDelivery, connection) -> EmailMultiAlternatives:
    bulletin, subscriber = delivery.bulletin, delivery.subscriber
    url = unsubscribe_url(subscriber=subscriber)
    with translation.override(subscriber.language):
        from national.selectors import bulletin_sections

        context = {
            "bulletin": bulletin,
            "sections": bulletin_sections(bulletin),
            "url": _absolute(
                reverse("national:bulletin", args=[bulletin.series.slug, bulletin.number])
            ),
            "site_url": settings.SITE_URL,
            "unsubscribe_url": url,
            "service_name": settings.SERVICE_NAME,
        }
        message = EmailMultiAlternatives(
            subject=f"{bulletin}: {bulletin.title}",
            body=render_to_string("national/email/bulletin_public.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[subscriber.email],
            headers=unsubscribe_headers(url),
            connection=connection,
        )
        message.attach_alternative(
            render_to_string("national/email/bulletin_public.html", context), "text/html"
        )
    return message


@shared_task(bind=True, name="national.send_public_bulletin_batch", acks_late=True, max_retries=8)
def send_public_bulletin_batch(self, delivery_ids: list[int]) -> int:
    """Send these deliveries over one mail connection; each is marked sent with its send, so a
    retried batch sends only the ones still waiting. Addresses unsubscribed since are skipped."""
    sent, retry = 0, []
    with transaction.atomic():
        deliveries = list(
            BulletinDelivery.objects.filter(pk__in=delivery_ids, sent_at__isnull=True)
            .select_related("bulletin__series", "subscriber")
            .select_for_update(skip_locked=True, of=("self",))
            .order_by("pk")
        )
        if not deliveries:
            return 0
        connection = get_connection()
        connection.open()
        try:
            for delivery in deliveries:
                if not delivery.subscriber.is_receiving:
                    BulletinDelivery.objects.filter(pk=delivery.pk).update(
                        last_error="unsubscribed before it was sent"
                    )
                    continue
                try:
                    _message(delivery, connection).send()
                except RETRYABLE as error:
                    retry.append(delivery.pk)
                    BulletinDelivery.objects.filter(pk=delivery.pk).update(
                        attempts=F("attempts") + 1, last_error=str(error)[:2000]
                    )
                else:
                    sent += 1
                    BulletinDelivery.objects.filter(pk=delivery.pk).update(
                        sent_at=timezone.now(), attempts=F("attempts") + 1, last_error=""
                    )
        finally:
            connection.close()
    if retry and self.request.retries < self.max_retries:
        raise self.retry(args=[retry], countdown=60 * (self.request.retries + 1))
    return sent
