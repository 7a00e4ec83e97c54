"""A person's own account: every write goes through membership/services.py."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from membership import notifications
from membership.models import Notification, NotificationPreference
from membership.security import two_factor_turn_off
from membership.services import notice_mark_read, person_update
from tests.membership.factories import UserFactory

pytestmark = pytest.mark.django_db


def _notice_for(person, key: str = "meeting:1:reminder-7d") -> Notification:
    notifications.notify(
        key=key,
        recipients=[person],
        category="reminder",
        subject="Board meeting in 7 days",
        template="email/generic",
        context={"message": "The board meets on 1 December at 10am."},
        url="/workspace/",
    )
    return Notification.objects.get(recipient=person, key__startswith=key)


def test_person_update_changes_name_and_job_title_with_history():
    person = UserFactory(full_name="Alex Old")
    person_update(person=person, updated_by=person, full_name=" Alex New ", job_title="Clerk")
    person.refresh_from_db()
    assert (person.full_name, person.job_title) == ("Alex New", "Clerk")
    assert person.history.latest().history_user == person


def test_opening_the_preferences_page_saves_nothing_until_the_person_saves(client):
    person = UserFactory()
    client.force_login(person)
    url = reverse("membership:preferences")
    page = client.get(url)
    assert page.status_code == 200
    assert "Send me reminders" in page.text
    assert not NotificationPreference.objects.filter(person=person).exists()

    response = client.post(url, {"digest": "on", "digest_weekday": "2"})  # positive control
    assert response.status_code == 302
    preference = NotificationPreference.objects.get(person=person)
    assert (preference.reminders, preference.digest, preference.digest_weekday) == (
        False,
        True,
        2,
    )


def test_a_notice_is_marked_read_only_for_its_recipient():
    alice, bob = UserFactory(), UserFactory()
    notice = _notice_for(alice)
    with pytest.raises(PermissionDenied):
        notice_mark_read(notice=notice, person=bob)
    notice.refresh_from_db()
    assert notice.read_at is None
    notice_mark_read(notice=notice, person=alice)  # positive control
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_opening_a_notice_and_read_all_mark_only_ones_own_notices(client):
    alice, bob = UserFactory(), UserFactory()
    first, second, bobs = _notice_for(alice), _notice_for(alice, "papers:1"), _notice_for(bob)
    client.force_login(alice)
    assert client.get(reverse("membership:notice", args=[first.pk])).status_code == 200
    assert client.get(reverse("membership:notice", args=[bobs.pk])).status_code == 404
    first.refresh_from_db()
    bobs.refresh_from_db()
    assert first.read_at is not None and bobs.read_at is None

    client.post(reverse("membership:notices-read-all"))
    second.refresh_from_db()
    bobs.refresh_from_db()
    assert second.read_at is not None and bobs.read_at is None


def test_only_the_owner_turns_off_their_two_factor_device():
    owner, other = UserFactory(), UserFactory()
    device = TOTPDevice.objects.create(user=owner, name="Authenticator app", confirmed=True)
    with pytest.raises(PermissionDenied):
        two_factor_turn_off(person=other, device=device)
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    two_factor_turn_off(person=owner, device=device)  # positive control
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
