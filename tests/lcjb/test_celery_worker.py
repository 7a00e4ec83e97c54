"""Round trips through the real Redis broker to a real worker process."""

import time

import pytest

from lcjb.tasks import ping
from membership import notifications
from membership.models import Notification
from tests.membership.factories import UserFactory

pytestmark = pytest.mark.worker


def test_task_queued_by_the_test_is_run_by_a_real_worker(celery_worker_process):
    result = ping.delay("hello from the test")
    assert result.get(timeout=90) == "hello from the test"


def test_notification_is_emailed_by_the_worker_exactly_once(celery_worker_process):
    person = UserFactory(email="worker-test@example.org")
    for _ in range(2):  # the second run finds the key and sends nothing new
        notifications.notify(
            key="test:worker-round-trip",
            recipients=[person],
            category="reminder",
            subject="A test notice",
            template="email/generic",
            context={"message": "Hello"},
        )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        notice = Notification.objects.get(recipient=person)
        if notice.status == Notification.Status.SENT:
            break
        time.sleep(0.2)
    assert Notification.objects.filter(recipient=person).count() == 1
    assert notice.status == Notification.Status.SENT
    assert notice.attempts == 1
