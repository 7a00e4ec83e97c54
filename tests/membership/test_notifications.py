from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail

from membership import notifications
from membership.models import Notification, NotificationPreference
from membership.tasks import send_notification_email
from tests.membership.factories import UserFactory

pytestmark = pytest.mark.django_db


def _notify(people, key="meeting:1:reminder-7d", **kwargs):
    options = {
        "key": key,
        "recipients": people,
        "category": "reminder",
        "subject": "Board meeting in 7 days",
        "template": "email/generic",
        "context": {"message": "The board meets on 1 December at 10am."},
        "url": "/workspace/",
    }
    options.update(kwargs)
    return notifications.notify(**options)


def test_each_recipient_gets_one_email_with_text_html_and_preferences_link(
    django_capture_on_commit_callbacks,
):
    alice, bob = UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _notify([alice, bob])
    assert sorted(m.to[0] for m in mail.outbox) == sorted([alice.email, bob.email])
    message = mail.outbox[0]
    assert "The board meets on 1 December" in message.body
    assert "/workspace/preferences/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "The board meets" in html


def test_a_second_run_with_the_same_key_sends_nothing_more(django_capture_on_commit_callbacks):
    alice = UserFactory()
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            _notify([alice])
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(recipient=alice).count() == 1


def test_retrying_a_delivered_notification_does_not_send_it_twice(
    django_capture_on_commit_callbacks,
):
    alice = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        (notice,) = _notify([alice])
    send_notification_email.apply(args=[Notification.objects.get(key=notice.key).pk])
    assert len(mail.outbox) == 1


def test_a_new_recipient_added_later_gets_the_notice_others_do_not_again(
    django_capture_on_commit_callbacks,
):
    alice, bob = UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _notify([alice])
    with django_capture_on_commit_callbacks(execute=True):
        _notify([alice, bob])
    assert [m.to[0] for m in mail.outbox] == [alice.email, bob.email]


def test_person_who_turned_reminders_off_is_not_emailed_but_sees_the_notice():
    alice = UserFactory()
    NotificationPreference.objects.create(person=alice, reminders=False)
    _notify([alice])
    assert mail.outbox == []
    assert Notification.objects.get(recipient=alice).status == Notification.Status.SKIPPED


def test_essential_notices_ignore_preferences(django_capture_on_commit_callbacks):
    alice = UserFactory()
    NotificationPreference.objects.create(person=alice, reminders=False)
    with django_capture_on_commit_callbacks(execute=True):
        _notify([alice], key="meeting:1:cancelled", essential=True, category="meeting_cancelled")
    assert len(mail.outbox) == 1


def test_mail_server_failure_leaves_notice_pending_for_retry(monkeypatch):
    alice = UserFactory()
    (notice,) = _notify([alice])
    notice = Notification.objects.get(key=notice.key)

    def refuse(*args, **kwargs):
        raise SMTPServerDisconnected("mail server went away")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    with pytest.raises(SMTPServerDisconnected):
        notifications.deliver(notification_id=notice.pk)
    notice.refresh_from_db()
    assert notice.status == Notification.Status.PENDING
    assert notice.attempts == 1
    assert "went away" in notice.last_error


def test_attachment_is_sent_with_the_email(django_capture_on_commit_callbacks):
    alice = UserFactory()
    invite = notifications.Attachment("meeting.ics", "text/calendar", "BEGIN:VCALENDAR\r\n")
    with django_capture_on_commit_callbacks(execute=True):
        _notify([alice], attachment=invite)
    assert mail.outbox[0].attachments[0][0] == "meeting.ics"


def test_inactive_people_are_not_notified():
    alice = UserFactory(is_active=False)
    bob = UserFactory()
    assert [n.recipient for n in _notify([alice, bob])] == [bob]
