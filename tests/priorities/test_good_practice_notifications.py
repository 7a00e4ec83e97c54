"""Who is e-mailed about a good-practice entry: the national curators when a board submits
it; whoever runs the submitting board when the curator publishes or returns it, with the
curator's note. Nobody else."""

import pytest
from django.core import mail
from django.urls import reverse

from priorities import services
from priorities.models import GoodPracticeEntry
from tests.membership.factories import UserFactory
from tests.priorities.factories import GoodPracticeEntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def curators(db):
    return [UserFactory(is_national_viewer=True) for _ in range(2)]


def _told():
    return {message.to[0] for message in mail.outbox}


def test_submitting_emails_the_national_curators_only(
    forum,
    secretariat,
    chair,
    member,
    other_forum_member,
    curators,
    django_capture_on_commit_callbacks,
):
    entry = GoodPracticeEntryFactory(forum=forum, title="Witness calls")
    with django_capture_on_commit_callbacks(execute=True):
        services.good_practice_submit(entry=entry, by=secretariat)
    assert _told() == {curator.email for curator in curators}
    assert "Witness calls" in mail.outbox[0].body
    assert reverse("priorities:good-practice-review", args=[entry.pk]) in mail.outbox[0].body


def test_publishing_emails_the_boards_secretariat_and_chair_with_the_note(
    client,
    forum,
    secretariat,
    chair,
    member,
    advisory_member,
    other_forum_member,
    curators,
    django_capture_on_commit_callbacks,
):
    entry = GoodPracticeEntryFactory(forum=forum, submitted=True, title="Witness calls")
    client.force_login(curators[0])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("priorities:good-practice-review", args=[entry.pk]),
            {"decision": "partners", "reason": "A clear write-up: thank you."},
        )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.is_published and entry.review_note == "A clear write-up: thank you."
    assert _told() == {secretariat.email, chair.email}
    body = mail.outbox[0].body
    assert "published" in body and "A clear write-up: thank you." in body
    # The board reads the note on its entry's page.
    client.force_login(secretariat)
    page = client.get(reverse("priorities:good-practice-board-entry", args=[forum.slug, entry.pk]))
    assert "A clear write-up: thank you." in page.content.decode()


def test_returning_emails_the_boards_secretariat_with_the_reason_and_again_on_resubmission(
    forum, secretariat, member, curators, django_capture_on_commit_callbacks
):
    entry = GoodPracticeEntryFactory(forum=forum, submitted=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.good_practice_reject(entry=entry, by=curators[0], reason="Add the figures.")
    assert _told() == {secretariat.email}
    assert "Add the figures." in mail.outbox[0].body
    assert "not published" in mail.outbox[0].subject
    mail.outbox.clear()
    # Changed and submitted again: the curators are told again (a new review).
    with django_capture_on_commit_callbacks(execute=True):
        services.good_practice_submit(entry=entry, by=secretariat)
    assert _told() == {curator.email for curator in curators}
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.good_practice_publish(
            entry=entry, by=curators[1], audience=GoodPracticeEntry.Audience.PUBLIC
        )
    assert _told() == {secretariat.email}
