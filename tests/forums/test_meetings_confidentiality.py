"""Confidential and restricted material never reaches the public, other forums or the unnamed."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from forums.models import Confidentiality, Membership, Minutes
from forums.services import meetings as services
from forums.services import minutes as minute_services
from tests.forums.factories import (
    ActionFactory,
    AgendaItemFactory,
    DecisionFactory,
    ForwardPlanItemFactory,
    MeetingFactory,
    MembershipFactory,
    MinuteEntryFactory,
    MinutesFactory,
    PaperFactory,
)

pytestmark = pytest.mark.django_db

PUBLIC_TITLE = "Public performance overview"
CONFIDENTIAL_TITLE = "Confidential youth custody case conference"
RESTRICTED_TITLE = "Restricted Operation Nightjar briefing"
CONFIDENTIAL_MINUTE = "Frank discussion about the failing CPS unit"
RESTRICTED_MINUTE = "Covert source details"
PLANNED_PUBLIC = "Witness care deep dive"
PLANNED_CONFIDENTIAL = "Confidential review of the gang violence unit"
SECRETS = [
    CONFIDENTIAL_TITLE,
    RESTRICTED_TITLE,
    CONFIDENTIAL_MINUTE,
    RESTRICTED_MINUTE,
    PLANNED_CONFIDENTIAL,
]


def client_for(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def named(forum):
    """A member named on the restricted item and paper."""
    return MembershipFactory(forum=forum, role=Membership.Role.MEMBER).person


@pytest.fixture
def world(forum, named):
    """A published meeting: a public, a confidential and a restricted item; minutes published;
    a public and a confidential item on the forward plan."""
    meeting = MeetingFactory(forum=forum, title="March board", minutes_approved=True)
    public = AgendaItemFactory(meeting=meeting, title=PUBLIC_TITLE)
    confidential = AgendaItemFactory(meeting=meeting, title=CONFIDENTIAL_TITLE, confidential=True)
    restricted = AgendaItemFactory(
        meeting=meeting, title=RESTRICTED_TITLE, restricted=True, restricted_to=[named]
    )
    papers = {
        "public": PaperFactory(agenda_item=public, title="Public paper"),
        "confidential": PaperFactory(agenda_item=confidential, title="Confidential paper"),
        "restricted": PaperFactory(agenda_item=restricted, title="Restricted paper"),
    }
    papers["restricted"].restricted_to.set([named])
    minutes = MinutesFactory(meeting=meeting, published=True)
    MinuteEntryFactory(minutes=minutes, agenda_item=public, text="Performance improved")
    MinuteEntryFactory(minutes=minutes, agenda_item=confidential, text=CONFIDENTIAL_MINUTE)
    MinuteEntryFactory(minutes=minutes, agenda_item=restricted, text=RESTRICTED_MINUTE)
    DecisionFactory(
        forum=forum,
        meeting=meeting,
        agenda_item=confidential,
        text=CONFIDENTIAL_MINUTE,
        confidentiality=Confidentiality.CONFIDENTIAL,
    )
    ActionFactory(
        forum=forum,
        meeting=meeting,
        agenda_item=restricted,
        title=RESTRICTED_TITLE,
        confidentiality=Confidentiality.RESTRICTED,
    )
    ForwardPlanItemFactory(forum=forum, title=PLANNED_PUBLIC)
    ForwardPlanItemFactory(forum=forum, title=PLANNED_CONFIDENTIAL, confidential=True)
    return {"meeting": meeting, "papers": papers, "items": [public, confidential, restricted]}


def public_urls(forum, meeting) -> dict[str, str]:
    """Each public page or feed, with something public it shows."""
    return {
        reverse("meetings:public-list", args=[forum.slug]): meeting.title,
        reverse("meetings:public-meeting", args=[forum.slug, meeting.pk]): PUBLIC_TITLE,
        reverse("meetings:public-ics", args=[forum.slug]): meeting.title,
        reverse("meetings:public-meeting-ics", args=[forum.slug, meeting.pk]): meeting.title,
        reverse("meetings:public-forward-plan", args=[forum.slug]): PLANNED_PUBLIC,
    }


def test_public_pages_and_feeds_show_public_items_only(client, forum, world):
    meeting = world["meeting"]
    for url, shown in public_urls(forum, meeting).items():
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert shown in body, (url, shown)
        for secret in SECRETS:
            assert secret not in body, (url, secret)
    page = client.get(
        reverse("meetings:public-meeting", args=[forum.slug, meeting.pk])
    ).content.decode()
    assert "Confidential item" in page
    assert "Performance improved" in page
    assert "Public paper" in page
    assert "Confidential paper" not in page and "Restricted paper" not in page


def test_public_title_replaces_confidential_item_title(client, forum, world):
    confidential = world["items"][1]
    confidential.public_title = "Youth justice update"
    confidential.save()
    page = client.get(reverse("meetings:public-meeting", args=[forum.slug, world["meeting"].pk]))
    body = page.content.decode()
    assert "Youth justice update" in body
    assert CONFIDENTIAL_TITLE not in body


def test_only_public_papers_download_publicly(client, forum, world):
    papers = world["papers"]
    ok = client.get(reverse("meetings:public-paper", args=[forum.slug, papers["public"].pk]))
    assert ok.status_code == 200
    assert ok["Content-Disposition"].startswith("attachment")
    for key in ("confidential", "restricted"):
        response = client.get(reverse("meetings:public-paper", args=[forum.slug, papers[key].pk]))
        assert response.status_code == 404


def test_nothing_public_before_the_agenda_is_published(
    client, forum, secretariat, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(forum=forum)
    paper = PaperFactory(agenda_item=AgendaItemFactory(meeting=meeting, title=PUBLIC_TITLE))
    page_url = reverse("meetings:public-meeting", args=[forum.slug, meeting.pk])
    paper_url = reverse("meetings:public-paper", args=[forum.slug, paper.pk])
    before = client.get(page_url)
    assert before.status_code == 200
    assert "The agenda has not been published yet" in before.content.decode()
    assert PUBLIC_TITLE not in before.content.decode()
    assert client.get(paper_url).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_publish_agenda(meeting=meeting, by=secretariat)
    assert PUBLIC_TITLE in client.get(page_url).content.decode()
    assert client.get(paper_url).status_code == 200


def test_private_meetings_and_forums_are_not_public(client, forum, world):
    meeting = world["meeting"]
    page_url = reverse("meetings:public-meeting", args=[forum.slug, meeting.pk])
    list_url = reverse("meetings:public-list", args=[forum.slug])
    assert client.get(page_url).status_code == 200
    assert meeting.title in client.get(list_url).content.decode()
    meeting.is_public = False
    meeting.save()
    assert client.get(page_url).status_code == 404
    listing = client.get(list_url)
    assert listing.status_code == 200 and meeting.title not in listing.content.decode()

    forum.is_public = False
    forum.save()
    for url in public_urls(forum, meeting):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize(
    "status", [Minutes.Status.DRAFT, Minutes.Status.CIRCULATED, Minutes.Status.APPROVED]
)
def test_draft_minutes_are_not_public(client, forum, world, status):
    meeting = world["meeting"]
    DecisionFactory(
        forum=forum,
        meeting=meeting,
        agenda_item=world["items"][0],
        text="Adopt the witness care charter",
    )
    url = reverse("meetings:public-meeting", args=[forum.slug, meeting.pk])
    published = client.get(url).content.decode()
    assert "Performance improved" in published and "Adopt the witness care charter" in published
    minutes = Minutes.objects.get(meeting=meeting)
    minutes.status = status  # saved, as every service changes it (the public page is kept)
    minutes.save()
    page = client.get(url)
    assert page.status_code == 200 and PUBLIC_TITLE in page.content.decode()
    assert "Performance improved" not in page.content.decode()
    assert "Adopt the witness care charter" not in page.content.decode()


def workspace_urls(forum, world):
    meeting = world["meeting"]
    entry = world["items"][1].minute_entry
    return [
        reverse("meetings:workspace-list", args=[forum.slug]),
        reverse("meetings:workspace-meeting", args=[forum.slug, meeting.pk]),
        reverse("meetings:workspace-minutes", args=[forum.slug, meeting.pk]),
        reverse("meetings:workspace-minute-history", args=[forum.slug, meeting.pk, entry.pk]),
        reverse("meetings:workspace-actions", args=[forum.slug]),
        reverse("meetings:workspace-decisions", args=[forum.slug]),
        reverse("meetings:workspace-forward-plan", args=[forum.slug]),
        reverse("meetings:workspace-attendance-stats", args=[forum.slug]),
        reverse("meetings:workspace-escalations", args=[forum.slug]),
        reverse("meetings:workspace-meeting-ics", args=[forum.slug, meeting.pk]),
        reverse("meetings:workspace-rsvp", args=[forum.slug, meeting.pk]),
        reverse("meetings:workspace-escalation-raise", args=[forum.slug]),
    ] + [
        reverse(name, args=[forum.slug, paper.pk])
        for paper in world["papers"].values()
        for name in ("meetings:workspace-paper", "meetings:workspace-paper-download")
    ]


def test_member_of_another_forum_gets_404_for_everything(
    other_forum_member_client, secretariat_client, forum, world
):
    for url in workspace_urls(forum, world):
        assert secretariat_client.get(url).status_code == 200, url
        assert other_forum_member_client.get(url).status_code == 404, url


def test_anonymous_is_sent_to_sign_in(client, secretariat_client, forum, world):
    for url in workspace_urls(forum, world):
        assert secretariat_client.get(url).status_code == 200, url
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/" in response["Location"], url


def test_data_submitter_is_refused(data_submitter_client, secretariat_client, forum, world):
    for url in workspace_urls(forum, world):
        assert secretariat_client.get(url).status_code == 200, url
        assert data_submitter_client.get(url).status_code == 403, url


def test_restricted_paper_is_refused_to_a_member_not_named(member_client, forum, world, named):
    paper = world["papers"]["restricted"]
    url = reverse("meetings:workspace-paper-download", args=[forum.slug, paper.pk])
    assert member_client.get(url).status_code == 404
    assert client_for(named).get(url).status_code == 200
    confidential = world["papers"]["confidential"]
    assert (
        member_client.get(
            reverse("meetings:workspace-paper-download", args=[forum.slug, confidential.pk])
        ).status_code
        == 200
    )


def test_member_not_named_does_not_see_restricted_material(member_client, forum, world, named):
    meeting = world["meeting"]
    named_client = client_for(named)
    search = reverse("meetings:workspace-search")
    for url, secret in [
        (reverse("meetings:workspace-meeting", args=[forum.slug, meeting.pk]), RESTRICTED_TITLE),
        (reverse("meetings:workspace-minutes", args=[forum.slug, meeting.pk]), RESTRICTED_MINUTE),
        (reverse("meetings:workspace-actions", args=[forum.slug]), RESTRICTED_TITLE),
        (search + "?q=Nightjar", RESTRICTED_TITLE),
        (search + "?q=covert", RESTRICTED_MINUTE),
    ]:
        assert secret in named_client.get(url).content.decode(), url  # the named member sees it
        body = member_client.get(url).content.decode()
        assert RESTRICTED_TITLE not in body and RESTRICTED_MINUTE not in body, url
    page = member_client.get(reverse("meetings:workspace-meeting", args=[forum.slug, meeting.pk]))
    assert CONFIDENTIAL_TITLE in page.content.decode()
    entry = world["items"][2].minute_entry
    history = reverse("meetings:workspace-minute-history", args=[forum.slug, meeting.pk, entry.pk])
    assert named_client.get(history).status_code == 200
    assert member_client.get(history).status_code == 404


def test_named_person_and_secretariat_see_restricted_material(
    secretariat_client, member_client, forum, world, named
):
    url = reverse("meetings:workspace-meeting", args=[forum.slug, world["meeting"].pk])
    for client in (secretariat_client, client_for(named)):
        assert RESTRICTED_TITLE in client.get(url).content.decode()
    assert RESTRICTED_TITLE not in member_client.get(url).content.decode()


def test_search_never_returns_another_forums_or_restricted_material(
    other_forum_member_client, member_client, world
):
    url = reverse("meetings:workspace-search")
    for query in ["frank", "Nightjar", "covert", "youth"]:
        body = other_forum_member_client.get(url, {"q": query}).content.decode()
        for secret in SECRETS:
            assert secret not in body
    body = member_client.get(url, {"q": "frank discussion"}).content.decode()
    assert CONFIDENTIAL_MINUTE in body
    for query in ["Nightjar", "covert"]:
        body = member_client.get(url, {"q": query}).content.decode()
        assert RESTRICTED_TITLE not in body and RESTRICTED_MINUTE not in body


def test_agenda_email_goes_to_members_only_and_hides_restricted_titles(
    forum, secretariat, member, other_forum_member, named, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(forum=forum)
    AgendaItemFactory(meeting=meeting, title=PUBLIC_TITLE)
    AgendaItemFactory(
        meeting=meeting, title=RESTRICTED_TITLE, restricted=True, restricted_to=[named]
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_publish_agenda(meeting=meeting, by=secretariat)
    recipients = {address for message in mail.outbox for address in message.to}
    assert {member.email, named.email} <= recipients
    assert other_forum_member.email not in recipients
    for message in mail.outbox:
        assert PUBLIC_TITLE in message.body
        assert RESTRICTED_TITLE not in message.body
        assert RESTRICTED_TITLE not in message.alternatives[0][0]


def test_minutes_email_carries_no_minute_text(
    forum, secretariat, member, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(forum=forum, held=True)
    item = AgendaItemFactory(meeting=meeting, title=CONFIDENTIAL_TITLE, confidential=True)
    minutes = MinutesFactory(meeting=meeting)
    MinuteEntryFactory(minutes=minutes, agenda_item=item, text=CONFIDENTIAL_MINUTE)
    with django_capture_on_commit_callbacks(execute=True):
        minute_services.minutes_circulate(minutes=minutes, by=secretariat)
    assert member.email in {address for message in mail.outbox for address in message.to}
    for message in mail.outbox:
        assert f"/meetings/{meeting.pk}/minutes/" in message.body  # a link to read them
        assert CONFIDENTIAL_MINUTE not in message.body and CONFIDENTIAL_TITLE not in message.body
