"""The one confidentiality rule: both of its forms agree, and OFFICIAL-SENSITIVE is never public."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from forums import confidentiality
from forums.models import (
    Action,
    AgendaItem,
    Confidentiality,
    Decision,
    ForwardPlanItem,
    Meeting,
    Membership,
    MinuteEntry,
    Minutes,
    Paper,
    SecurityClassification,
)
from tests.forums.factories import (
    ActionFactory,
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
    MinuteEntryFactory,
    MinutesFactory,
    PaperFactory,
)

pytestmark = pytest.mark.django_db

OFFICIAL_PAPER = "Witness care dashboard"
SENSITIVE_PAPER = "Custody deaths sensitive annex"


@pytest.fixture
def published_meeting(forum):
    """A public meeting with its agenda out: one public item with an OFFICIAL and an
    OFFICIAL-SENSITIVE paper, both marked public."""
    meeting = MeetingFactory(
        forum=forum,
        title="Winter board",
        status=Meeting.Status.AGENDA_PUBLISHED,
        agenda_published_at=timezone.now(),
    )
    item = AgendaItemFactory(meeting=meeting, title="Witness care performance")
    official = PaperFactory(agenda_item=item, title=OFFICIAL_PAPER)
    sensitive = PaperFactory(
        agenda_item=item,
        title=SENSITIVE_PAPER,
        classification=SecurityClassification.OFFICIAL_SENSITIVE,
    )
    return {"meeting": meeting, "item": item, "official": official, "sensitive": sensitive}


def test_official_sensitive_paper_is_not_listed_on_the_public_meeting_page(
    client, member_client, forum, published_meeting
):
    meeting = published_meeting["meeting"]
    public = client.get(reverse("meetings:public-meeting", args=[forum.slug, meeting.pk]))
    body = public.content.decode()
    assert OFFICIAL_PAPER in body
    assert SENSITIVE_PAPER not in body
    members = member_client.get(
        reverse("meetings:workspace-meeting", args=[forum.slug, meeting.pk])
    )
    assert SENSITIVE_PAPER in members.content.decode()  # members still have it


def test_official_sensitive_paper_does_not_download_publicly(
    client, member_client, forum, published_meeting
):
    official, sensitive = published_meeting["official"], published_meeting["sensitive"]
    ok = client.get(reverse("meetings:public-paper", args=[forum.slug, official.pk]))
    assert ok.status_code == 200
    refused = client.get(reverse("meetings:public-paper", args=[forum.slug, sensitive.pk]))
    assert refused.status_code == 404
    member_download = member_client.get(
        reverse("meetings:workspace-paper-download", args=[forum.slug, sensitive.pk])
    )
    assert member_download.status_code == 200


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_official_sensitive_paper_is_left_out_of_the_public_board_pack(
    client, member_client, forum, published_meeting, django_capture_on_commit_callbacks
):
    meeting = published_meeting["meeting"]
    url = reverse("reports:public", args=[forum.slug, "board_pack", meeting.pk, "pdf"])
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url)
    response = client.get(url)
    assert response.status_code == 200
    text = _pdf_text(b"".join(response.streaming_content))
    assert OFFICIAL_PAPER in text
    assert SENSITIVE_PAPER not in text
    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(
            reverse("reports:request", args=[forum.slug]),
            {"kind": "board_pack", "subject": meeting.pk, "audience": "member", "format": "pdf"},
        )
    from forums.models import GeneratedReport

    members = GeneratedReport.objects.get(audience="member")
    with members.file.open("rb") as handle:
        assert SENSITIVE_PAPER in _pdf_text(handle.read())


def test_official_sensitive_paper_is_on_no_other_public_surface(
    client, member_client, forum, published_meeting
):
    """Feeds, open data and search: the public item is listed, the sensitive paper never."""
    from performance.selectors.open_data import DATASETS

    feed = client.get(reverse("feeds:forum", args=[forum.slug])).content.decode()
    assert "Witness care performance" in feed  # control: the item is published
    every_feed = client.get(reverse("feeds:all")).content.decode()
    assert "Winter board" in every_feed
    bodies = [feed, every_feed, client.get(reverse("performance:open-data")).content.decode()]
    for dataset in DATASETS:
        for fmt in ("csv", "json"):
            response = client.get(reverse("performance:open-data-file", args=[dataset, fmt]))
            bodies.append(b"".join(response.streaming_content).decode())
    search = member_client.get(reverse("meetings:workspace-search"), {"q": "custody deaths"})
    bodies.append(search.content.decode())
    for body in bodies:
        assert SENSITIVE_PAPER not in body


# --- both forms of the rule agree -----------------------------------------------------------


@pytest.fixture
def rows(forum, member):
    """One row of every kind at every level, restricted ones naming ``named``."""
    named = MembershipFactory(forum=forum, role=Membership.Role.MEMBER).person
    meeting = MeetingFactory(
        forum=forum,
        status=Meeting.Status.MINUTES_APPROVED,
        starts_at=timezone.now() - datetime.timedelta(days=30),
    )
    minutes = MinutesFactory(meeting=meeting, status=Minutes.Status.PUBLISHED)
    items = {}
    for level in Confidentiality.values:
        item = AgendaItemFactory(
            meeting=meeting,
            title=f"{level} item",
            confidentiality=level,
            restricted_to=[named] if level == Confidentiality.RESTRICTED else None,
        )
        items[level] = item
        MinuteEntryFactory(minutes=minutes, agenda_item=item)
        for paper_level in Confidentiality.values:
            paper = PaperFactory(agenda_item=item, confidentiality=paper_level)
            if paper_level == Confidentiality.RESTRICTED:
                paper.restricted_to.set([named])
        for own in Confidentiality.values:
            DecisionFactory(forum=forum, meeting=meeting, agenda_item=item, confidentiality=own)
            ActionFactory(forum=forum, meeting=meeting, agenda_item=item, confidentiality=own)
    for own in Confidentiality.values:  # not from an agenda item
        DecisionFactory(forum=forum, meeting=meeting, confidentiality=own)
        ActionFactory(forum=forum, meeting=meeting, confidentiality=own)
    for own in (Confidentiality.PUBLIC, Confidentiality.CONFIDENTIAL):
        ForwardPlanItem.objects.create(
            forum=forum, title=f"{own} plan", planned_for=timezone.localdate(), confidentiality=own
        )
    return {"named": named, "items": items}


KINDS = {
    AgendaItem: ("restricted_to", "meeting__forum"),
    Paper: ("restricted_to", "agenda_item__restricted_to", "agenda_item__meeting__forum"),
    MinuteEntry: ("agenda_item__restricted_to", "minutes__meeting__forum"),
    Decision: ("agenda_item__restricted_to", "agenda_item", "forum"),
    Action: ("agenda_item__restricted_to", "agenda_item", "forum"),
    ForwardPlanItem: ("forum",),
}


@pytest.mark.parametrize(
    "who",
    ["secretariat", "chair", "member", "named", "advisory_member", "data_submitter", "other"],
)
def test_the_yes_no_and_the_queryset_filter_give_the_same_answer(
    request, who, forum, rows, other_forum_member, django_assert_num_queries
):
    person = {
        "named": rows["named"],
        "other": other_forum_member,
    }.get(who) or request.getfixturevalue(who)
    viewer = confidentiality.viewer(person, forum)
    seen_somewhere = hidden_somewhere = 0
    for model, related in KINDS.items():
        prefetch = [r for r in related if r.endswith("restricted_to")]
        joins = [r for r in related if not r.endswith("restricted_to")]
        objects = list(model.objects.select_related(*joins).prefetch_related(*prefetch))
        by_forum = set(confidentiality.visible_to(model.objects.all(), person, forum))
        across_forums = set(confidentiality.visible_to(model.objects.all(), person))
        with django_assert_num_queries(0):  # bulk: prefetched, no query per row
            answers = {obj: confidentiality.may_see(viewer, obj) for obj in objects}
        for obj, answer in answers.items():
            assert answer == (obj in by_forum) == (obj in across_forums), (who, model, obj)
            seen_somewhere += answer
            hidden_somewhere += not answer
    if who in ("data_submitter", "other"):
        assert seen_somewhere == 0
    else:
        assert seen_somewhere > 0
    if who in ("secretariat", "chair"):
        assert hidden_somewhere == 0
    else:
        assert hidden_somewhere > 0


def test_a_restricted_paper_is_seen_by_the_named_member_and_not_by_another(forum, member, rows):
    item = rows["items"][Confidentiality.CONFIDENTIAL]
    paper = item.papers.get(confidentiality=Confidentiality.RESTRICTED)
    assert confidentiality.can_see(rows["named"], paper)
    assert not confidentiality.can_see(member, paper)
    assert confidentiality.can_see(member, item)


def test_the_public_queryset_and_the_public_marking_agree(forum, rows):
    """On a published meeting whose minutes are published, the public sees exactly the rows
    marked public (a paper only if OFFICIAL)."""
    public_item = rows["items"][Confidentiality.PUBLIC]
    sensitive = PaperFactory(
        agenda_item=public_item, classification=SecurityClassification.OFFICIAL_SENSITIVE
    )
    for model in (AgendaItem, Paper, MinuteEntry, Decision, ForwardPlanItem):
        public = set(model.objects.public())
        for obj in model.objects.all():
            assert (obj in public) == confidentiality.marked_public(obj), (model, obj)
        assert public, model
    assert sensitive not in set(Paper.objects.public())
