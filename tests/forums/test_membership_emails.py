"""A person is told by email when the secretariat gives them a seat on a forum or ends it."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from forums.models import Membership
from forums.services.forum import membership_create, membership_end, memberships_end
from membership.models import NotificationPreference
from tests.membership.factories import AgencyFactory, UserFactory, agency_type

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def membership(forum, member):
    return Membership.objects.get(forum=forum, person=member)


def test_the_secretariat_adds_someone_and_they_are_told(
    secretariat_client, secretariat, forum, django_capture_on_commit_callbacks
):
    UserFactory(email="new.member@example.org", full_name="Nadia Khan")
    agency = AgencyFactory(agency_type=agency_type("probation"), name="Probation North East")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(
            reverse("forums:membership-add", args=[forum.slug]),
            {
                "person": "new.member@example.org",
                "agency": agency.pk,
                "role": "member",
                "can_commit_resources": "yes",
                "start_date": TODAY.isoformat(),
            },
        )
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["new.member@example.org"]]
    assert "We have emailed them" in secretariat_client.get(response.url).content.decode()
    message = mail.outbox[0]
    assert message.subject == f"You have been added to {forum.name}"
    assert f"{secretariat.full_name} has added you to {forum.name} as member" in message.body
    assert "representing Probation North East" in message.body
    assert reverse("forums:workspace-forum", args=[forum.slug]) in message.body
    html = message.alternatives[0][0]
    assert "Probation North East" in html and "<a href=" in html


def test_a_seat_starting_later_says_from_when(
    secretariat, forum, django_capture_on_commit_callbacks
):
    person = UserFactory()
    start = TODAY + datetime.timedelta(days=30)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        membership_create(
            forum=forum,
            person=person,
            role=Membership.Role.MEMBER,
            agency=AgencyFactory(agency_type=agency_type("cps")),
            created_by=secretariat,
            start_date=start,
        )
    assert f"from {start:%-d %B %Y}" in mail.outbox[0].body


def test_the_email_is_essential_and_reaches_someone_who_turned_emails_off(
    secretariat, forum, django_capture_on_commit_callbacks
):
    person = UserFactory()
    NotificationPreference.objects.update_or_create(
        person=person, defaults={"reminders": False, "digest": False}
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        membership_create(
            forum=forum,
            person=person,
            role=Membership.Role.MEMBER,
            agency=AgencyFactory(agency_type=agency_type("cps")),
            created_by=secretariat,
        )
    assert [message.to for message in mail.outbox] == [[person.email]]


def test_someone_accepting_their_own_invitation_is_not_told_they_were_added(
    forum, secretariat, django_capture_on_commit_callbacks
):
    person, added = UserFactory(), UserFactory()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for who, by in ((person, person), (added, secretariat)):
            membership_create(
                forum=forum,
                person=who,
                role=Membership.Role.MEMBER,
                agency=AgencyFactory(agency_type=agency_type("cps")),
                created_by=by,
            )
    assert [message.to for message in mail.outbox] == [[added.email]]  # only the one added


def test_the_secretariat_ends_a_seat_and_the_person_is_told(
    secretariat_client, secretariat, forum, membership, member, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(
            reverse("forums:membership-end", args=[forum.slug, membership.pk]),
            {"end_date": TODAY.isoformat()},
        )
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "We have emailed them" in secretariat_client.get(response.url).content.decode()
    message = mail.outbox[0]
    assert message.subject == f"Your membership of {forum.name} has ended"
    assert f"{secretariat.full_name} has ended your membership of {forum.name}" in message.body
    assert "no longer see its confidential papers" in message.body


def test_a_seat_ending_later_says_when_and_a_new_date_is_told_again(
    secretariat, forum, membership, member, django_capture_on_commit_callbacks
):
    later = TODAY + datetime.timedelta(days=60)
    sooner = TODAY + datetime.timedelta(days=10)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        membership_end(membership=membership, ended_by=secretariat, end_date=later)
    with django_capture_on_commit_callbacks(execute=True):
        membership_end(membership=membership, ended_by=secretariat, end_date=later)  # again
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == f"Your membership of {forum.name} ends on {later:%-d %B %Y}"
    assert "Until then you can see" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        membership_end(membership=membership, ended_by=secretariat, end_date=sooner)
    assert len(mail.outbox) == 2 and f"{sooner:%-d %B %Y}" in mail.outbox[1].subject


def test_seats_ended_together_each_person_is_told_once(
    site_admin, forum, member, advisory_member, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    seats = Membership.objects.filter(person__in=[member, advisory_member], forum=forum)
    with django_capture_on_commit_callbacks(execute=True):
        assert memberships_end(memberships=seats, ended_by=site_admin) == 2
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [member.email, advisory_member.email]
    )


def test_a_refused_or_invalid_end_sends_nothing(
    member_client, secretariat_client, forum, membership, django_capture_on_commit_callbacks
):
    url = reverse("forums:membership-end", args=[forum.slug, membership.pk])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert member_client.post(url, {"end_date": TODAY.isoformat()}).status_code == 403
        too_early = membership.start_date - datetime.timedelta(days=3)
        assert secretariat_client.post(url, {"end_date": too_early.isoformat()}).status_code == 200
    assert mail.outbox == []
