"""Guests: invited to one meeting or one item, emailed a link, and shown only that."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from forums import confidentiality
from forums.models import Guest, SecurityClassification
from forums.selectors.guests import guest_token
from forums.services import guests as guest_services
from forums.services import meetings as meeting_services
from tests.forums.factories import (
    AgendaItemFactory,
    MeetingFactory,
    MinutesFactory,
    PaperFactory,
    at,
    days_from_today,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(forum, secretariat):
    return MeetingFactory(forum=forum, agenda_published=True, created_by=secretariat)


@pytest.fixture
def agenda(meeting, chair):
    """Their item (confidential, with a paper), a public item, and a restricted item."""
    theirs = AgendaItemFactory(meeting=meeting, title="Victims' services review", confidential=True)
    public = AgendaItemFactory(meeting=meeting, title="Community payback update")
    restricted = AgendaItemFactory(
        meeting=meeting, title="Covert operation", restricted=True, restricted_to=[chair]
    )
    return {
        "theirs": theirs,
        "their_paper": PaperFactory(agenda_item=theirs, title="Victims' review paper"),
        "named_paper": PaperFactory(
            agenda_item=theirs,
            title="Named-only annex",
            confidentiality="restricted",
            restricted_to=[chair],
        ),
        "public": public,
        "public_paper": PaperFactory(agenda_item=public, title="Payback figures"),
        "restricted": restricted,
        "restricted_paper": PaperFactory(agenda_item=restricted, title="Operation paper"),
    }


def _invite(meeting, secretariat, item=None, email="ana.guest@example.org"):
    return guest_services.guest_invite(
        meeting=meeting,
        by=secretariat,
        name="Ana Guest",
        email=email,
        organisation="Citizens Advice Teesside",
        agenda_item=item,
    )


def test_the_secretariat_invites_a_guest_to_an_item_and_they_are_emailed_a_link(
    client, secretariat_client, forum, meeting, agenda, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(
            reverse("meetings:workspace-guest-invite", args=[forum.slug, meeting.pk]),
            {
                "name": "Ana Guest",
                "email": "ana.guest@example.org",
                "organisation": "Citizens Advice Teesside",
                "invited_to": str(agenda["theirs"].pk),
            },
        )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["ana.guest@example.org"]
    assert "Victims' services review" in message.body
    assert message.attachments[0][0].endswith(".ics")
    link = re.search(r"https?://\S+/guest/\S+/", message.body).group(0)
    page = client.get(link.split("testserver", 1)[-1])
    assert page.status_code == 200
    listing = secretariat_client.get(
        reverse("meetings:workspace-guests", args=[forum.slug, meeting.pk])
    ).content.decode()
    assert "Ana Guest" in listing and "Victims&#x27; services review" in listing


def test_a_guest_of_an_item_sees_it_and_its_papers_and_nothing_else(
    client, forum, secretariat, meeting, agenda
):
    guest = _invite(meeting, secretariat, agenda["theirs"])
    token = guest_token(guest)
    page = client.get(reverse("meetings:guest", args=[token])).content.decode()
    assert "Victims&#x27; services review" in page
    assert "Victims&#x27; review paper" in page
    for hidden in ("Community payback update", "Covert operation", "Named-only annex"):
        assert hidden not in page
    download = client.get(reverse("meetings:guest-paper", args=[token, agenda["their_paper"].pk]))
    assert download.status_code == 200
    for other in ("public_paper", "restricted_paper", "named_paper"):
        refused = client.get(reverse("meetings:guest-paper", args=[token, agenda[other].pk]))
        assert refused.status_code == 404, other
    # The forum's workspace is not theirs: their account has no standing in it.
    client.force_login(guest.person)
    for url in (
        reverse("forums:workspace-forum", args=[forum.slug]),
        reverse("meetings:workspace-meeting", args=[forum.slug, meeting.pk]),
        reverse("meetings:workspace-paper-download", args=[forum.slug, agenda["their_paper"].pk]),
    ):
        assert client.get(url).status_code == 404, url


def test_a_guest_of_the_meeting_sees_its_public_items_and_public_official_papers(
    client, secretariat, meeting, agenda
):
    sensitive = PaperFactory(
        agenda_item=AgendaItemFactory(meeting=meeting, title="Another public item"),
        title="Sensitive",
        classification=SecurityClassification.OFFICIAL_SENSITIVE,
        confidentiality="confidential",
    )
    guest = _invite(meeting, secretariat)
    assert set(confidentiality.guest_items(guest)) == {
        agenda["public"],
        sensitive.agenda_item,
    }
    assert list(confidentiality.guest_papers(guest)) == [agenda["public_paper"]]
    page = client.get(reverse("meetings:guest", args=[guest_token(guest)])).content.decode()
    assert "Community payback update" in page and "Payback figures" in page
    assert "Victims" not in page and "Covert" not in page and "Sensitive" not in page


def test_a_guest_sees_nothing_of_other_meetings_minutes_or_decisions(secretariat, meeting, agenda):
    guest = _invite(meeting, secretariat, agenda["theirs"])
    other_item = AgendaItemFactory(meeting=MeetingFactory(forum=meeting.forum))
    assert not confidentiality.guest_may_see(guest, other_item)
    assert not confidentiality.guest_may_see(guest, MinutesFactory(meeting=meeting))
    assert confidentiality.guest_may_see(guest, agenda["theirs"])
    assert confidentiality.guest_may_see(guest, agenda["their_paper"])


def test_a_withdrawn_or_expired_or_forged_link_is_a_404(client, secretariat, meeting, agenda):
    guest = _invite(meeting, secretariat, agenda["theirs"])
    token = guest_token(guest)
    assert client.get(reverse("meetings:guest", args=[token + "x"])).status_code == 404
    Guest.objects.filter(pk=guest.pk).update(expires_at=timezone.now() - datetime.timedelta(1))
    assert client.get(reverse("meetings:guest", args=[token])).status_code == 404
    Guest.objects.filter(pk=guest.pk).update(expires_at=timezone.now() + datetime.timedelta(9))
    assert client.get(reverse("meetings:guest", args=[token])).status_code == 200
    guest_services.guest_withdraw(guest=guest, by=secretariat)
    assert client.get(reverse("meetings:guest", args=[token])).status_code == 404


def test_a_guest_is_told_when_the_meeting_moves_with_their_own_link(
    secretariat, meeting, agenda, django_capture_on_commit_callbacks
):
    guest = _invite(meeting, secretariat, agenda["theirs"])
    mail.outbox.clear()
    starts = at(days_from_today(30), 11)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.meeting_update(
            meeting=meeting,
            by=secretariat,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=1),
        )
    (message,) = [m for m in mail.outbox if m.to == [guest.email]]
    assert reverse("meetings:guest", args=[guest_token(guest)]) in message.body
    guest.refresh_from_db()
    assert guest.expires_at == starts + Guest.VALID_AFTER_MEETING


def test_the_invitation_form_keeps_what_was_typed_and_refuses_a_member(
    secretariat_client, forum, meeting, member
):
    url = reverse("meetings:workspace-guest-invite", args=[forum.slug, meeting.pk])
    response = secretariat_client.post(
        url, {"name": "Ana Guest", "email": "", "organisation": "", "invited_to": ""}
    )
    page = response.content.decode()
    assert "Enter the guest&#x27;s email address" in page
    assert "Enter the organisation the guest is from" in page
    assert 'value="Ana Guest"' in page
    response = secretariat_client.post(
        url,
        {"name": "M", "email": member.email, "organisation": "Police", "invited_to": "meeting"},
    )
    assert "is a member of the forum" in response.content.decode()
    assert not Guest.objects.exists()


@pytest.mark.parametrize("name", ["workspace-guests", "workspace-guest-invite"])
def test_only_whoever_runs_the_forum_manages_guests(
    client, member_client, advisory_client, other_forum_member_client, forum, meeting, name
):
    url = reverse(f"meetings:{name}", args=[forum.slug, meeting.pk])
    assert client.get(url).status_code == 302  # sent to sign in
    assert member_client.get(url).status_code == 403
    assert advisory_client.get(url).status_code == 403
    assert other_forum_member_client.get(url).status_code == 404


def test_withdrawing_a_guest_checks_first(secretariat_client, forum, secretariat, meeting, agenda):
    guest = _invite(meeting, secretariat, agenda["theirs"])
    url = reverse("meetings:workspace-guest-withdraw", args=[forum.slug, meeting.pk, guest.pk])
    check = secretariat_client.get(url).content.decode()
    assert "govuk-button--warning" in check and "stops working" in check
    guest.refresh_from_db()
    assert guest.withdrawn_at is None
    assert secretariat_client.post(url).status_code == 302
    guest.refresh_from_db()
    assert guest.withdrawn_at is not None


def test_the_guest_pages_issue_as_many_queries_however_many_guests_and_papers(
    client, secretariat_client, forum, secretariat, meeting
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    item = AgendaItemFactory(meeting=meeting, title="Their item")
    PaperFactory(agenda_item=item)
    guest = _invite(meeting, secretariat, item)
    guests = reverse("meetings:workspace-guests", args=[forum.slug, meeting.pk])
    page = reverse("meetings:guest", args=[guest_token(guest)])

    def count(url, c):
        with CaptureQueriesContext(connection) as queries:
            assert c.get(url).status_code == 200
        return len(queries)

    small = (count(guests, secretariat_client), count(page, client))
    for number in range(4):
        PaperFactory(agenda_item=item)
        _invite(meeting, secretariat, item, email=f"guest{number}@example.org")
    assert (count(guests, secretariat_client), count(page, client)) == small
