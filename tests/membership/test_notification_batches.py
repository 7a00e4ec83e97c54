"""Notifications are sent in batches over one mail connection: still each exactly once, a
refused one retried on its own; and each email reads as if rendered for its recipient alone."""

from smtplib import SMTPRecipientsRefused

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.template.loader import render_to_string

from membership import notifications
from membership.models import Notification
from membership.tasks import send_notification_emails
from tests.membership.factories import UserFactory

pytestmark = pytest.mark.django_db
BACKEND = f"{__name__}.CountingBackend"


class CountingBackend(EmailBackend):
    """The in-memory backend, counting the connections opened; refuses addresses in
    ``refuse`` (each as many times as given)."""

    opened = 0
    refuse: dict[str, int] = {}

    def open(self):
        type(self).opened += 1
        return super().open()

    def send_messages(self, messages):
        for message in messages:
            if self.refuse.get(message.to[0], 0) > 0:
                self.refuse[message.to[0]] -= 1
                raise SMTPRecipientsRefused({message.to[0]: (550, b"No such mailbox")})
        return super().send_messages(messages)


@pytest.fixture
def counting_mail(settings):
    settings.EMAIL_BACKEND = BACKEND
    CountingBackend.opened = 0
    CountingBackend.refuse = {}
    return CountingBackend


def _notify(people, **kwargs):
    return notifications.notify(
        key="meeting:1:reminder-7d",
        recipients=people,
        category="reminder",
        subject="Board meeting in 7 days",
        template="email/generic",
        context={"message": "The board meets on 1 December at 10am."},
        url="/workspace/",
        essential=True,
        **kwargs,
    )


def test_many_recipients_are_sent_in_batches_over_one_connection_each_exactly_once(
    counting_mail, django_capture_on_commit_callbacks
):
    people = UserFactory.create_batch(notifications.BATCH_SIZE * 2 + 5)
    with django_capture_on_commit_callbacks(execute=True):
        _notify(people)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert counting_mail.opened == 3  # three batches, one connection each
    ids = list(Notification.objects.values_list("pk", flat=True))
    assert send_notification_emails.apply(args=[ids]).get() == 0  # run again: nothing more
    assert len(mail.outbox) == len(people)
    assert set(Notification.objects.values_list("status", "attempts")) == {("sent", 1)}


def test_a_refused_message_is_retried_on_its_own_and_the_others_are_not_sent_again(
    counting_mail,
):
    alice, bob, carol = UserFactory.create_batch(3)
    _notify([alice, bob, carol])  # not committed: the test runs the send task itself
    ids = list(Notification.objects.order_by("pk").values_list("pk", flat=True))
    bobs = Notification.objects.get(recipient=bob)
    counting_mail.refuse = {bob.email: 1}
    with pytest.raises(Retry) as retry:
        send_notification_emails.apply(args=[ids])
    assert retry.value.sig.args == ([bobs.pk],)  # only the refused one, with backoff
    assert send_notification_emails.apply(args=[[bobs.pk]], retries=1).get() == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted([alice.email, bob.email, carol.email])
    bobs.refresh_from_db()
    assert (bobs.status, bobs.attempts) == (Notification.Status.SENT, 2)
    assert Notification.objects.get(recipient=alice).attempts == 1


def test_a_batch_leaves_a_refused_message_pending_with_its_error(counting_mail):
    alice, bob = UserFactory.create_batch(2)
    _notify([alice, bob])  # not committed: nothing sent yet
    counting_mail.refuse = {bob.email: 1}
    outcome = notifications.deliver_batch(
        notification_ids=Notification.objects.values_list("pk", flat=True)
    )
    bobs = Notification.objects.get(recipient=bob)
    assert outcome.sent == 1 and list(outcome.retry) == [bobs.pk]
    assert (bobs.status, bobs.attempts) == (Notification.Status.PENDING, 1)
    assert "No such mailbox" in bobs.last_error
    assert [m.to[0] for m in mail.outbox] == [alice.email]


def test_a_message_still_refused_at_the_last_retry_is_marked_failed(counting_mail):
    alice, bob = UserFactory.create_batch(2)
    _notify([alice, bob])
    counting_mail.refuse = {bob.email: 1}
    ids = list(Notification.objects.values_list("pk", flat=True))
    last = send_notification_emails.max_retries
    assert send_notification_emails.apply(args=[ids], retries=last).get() == 1
    bobs = Notification.objects.get(recipient=bob)
    assert bobs.status == Notification.Status.FAILED and "No such mailbox" in bobs.last_error
    assert [m.to[0] for m in mail.outbox] == [alice.email]


def test_each_email_is_what_rendering_it_for_that_person_alone_gives():
    people = [
        UserFactory(full_name="Siobhán O'Brien & <Sons>", email="siobhan@example.org"),
        UserFactory(full_name="", email="no.name+lcjb@example.org"),
        UserFactory(full_name="Ann Lee"),
    ]
    _notify(people)
    for person in people:
        notice = Notification.objects.get(recipient=person)
        context = {
            "message": "The board meets on 1 December at 10am.",
            "recipient": person,
            "url": notifications.absolute_url("/workspace/"),
            "preferences_url": notifications.absolute_url("/workspace/preferences/"),
            "subject": "Board meeting in 7 days",
            "service_name": notice.body_text.rstrip().splitlines()[-2],
        }
        assert notice.body_text == render_to_string("email/generic.txt", context)
        assert notice.body_html == render_to_string("email/generic.html", context)
    assert (
        "Hello no.name+lcjb@example.org," in Notification.objects.get(recipient=people[1]).body_text
    )
    assert (
        "O&#x27;Brien &amp; &lt;Sons&gt;" in Notification.objects.get(recipient=people[0]).body_html
    )
