"""A small public record for the API's tests, with one of every kind of thing the public must
never see beside it (each named with a SECRET text the tests look for)."""

from dataclasses import dataclass, field

from forums.models import Meeting, Membership, Minutes
from forums.models.visibility import Confidentiality, SecurityClassification
from performance.models import Target
from tests.forums.factories import (
    AgendaItemFactory,
    DecisionFactory,
    ForumFactory,
    MeetingFactory,
    MembershipFactory,
    MinuteEntryFactory,
    MinutesFactory,
    PaperFactory,
)
from tests.membership.factories import UserFactory
from tests.performance.factories import (
    PerformanceReturnFactory,
    hmcts_quarterly_slugs,
    indicator,
    period,
    publish,
)
from tests.priorities.factories import (
    AnnualEvaluationFactory,
    EvaluationOutcomeFactory,
    ObjectiveFactory,
    PriorityFactory,
)

PUBLISHED_FIGURE = "12345.6789"
UNPUBLISHED_FIGURE = "98765.4321"


@dataclass
class ApiWorld:
    forum: object
    meeting: object
    paper: object
    public: list[str] = field(default_factory=list)  # texts the API must show
    secrets: list[str] = field(default_factory=list)  # texts it must never show


def build_api_world(*, copies: int = 1, prefix: str = "") -> ApiWorld:
    """The public forum's record (``copies`` of each public row, for counting queries) and, once,
    everything that must stay out of the API."""
    forum = ForumFactory(name=f"{prefix}Public Test Criminal Justice Board")
    chair = UserFactory(full_name=f"{prefix}Consenting Chair")
    MembershipFactory(
        forum=forum, person=chair, role=Membership.Role.CHAIR, show_name_publicly=True
    )
    world = ApiWorld(forum=forum, meeting=None, paper=None, public=[chair.full_name])
    for n in range(copies):
        meeting = MeetingFactory(forum=forum, minutes_approved=True, title=f"{prefix}Open {n}")
        item = AgendaItemFactory(meeting=meeting, title=f"{prefix}Public item {n}")
        paper = PaperFactory(agenda_item=item, title=f"{prefix}Public paper {n}")
        minutes = MinutesFactory(meeting=meeting, published=True)
        MinuteEntryFactory(minutes=minutes, agenda_item=item, text=f"{prefix}Public minute {n}")
        DecisionFactory(
            forum=forum, meeting=meeting, agenda_item=item, text=f"{prefix}Public decision {n}"
        )
        priority = PriorityFactory(forum=forum, agreed=True, title=f"{prefix}Agreed priority {n}")
        ObjectiveFactory(priority=priority, title=f"{prefix}Public objective {n}")
        evaluation = AnnualEvaluationFactory(
            forum=forum, approved=True, plan_year=2000 + n, summary=f"{prefix}Approved {n}"
        )
        EvaluationOutcomeFactory(evaluation=evaluation, priority=priority)
        MembershipFactory(forum=forum, person=UserFactory(full_name=f"{prefix}Member {n}"))
        world.public += [item.title, paper.title, f"{prefix}Public minute {n}", priority.title]
        world.meeting, world.paper = meeting, paper
    slug = hmcts_quarterly_slugs(forum)[0]
    for n in range(copies):
        PerformanceReturnFactory(forum=forum, code=f"202{n}-Q1", figures={slug: PUBLISHED_FIGURE})
        publish(forum, f"202{n}-Q1", chair)
        Target.objects.create(
            indicator=indicator(slug), forum=forum, period=period(f"202{n}-Q1"), value=90
        )
    world.public.append(PUBLISHED_FIGURE)
    if not prefix:
        _secrets(world, forum, chair, slug)
    return world


def _secrets(world: ApiWorld, forum, chair, slug: str) -> None:
    meeting = world.meeting
    AgendaItemFactory(meeting=meeting, confidential=True, title="SECRET confidential item")
    AgendaItemFactory(meeting=meeting, restricted=True, title="SECRET restricted item")
    PaperFactory(
        agenda_item=world.paper.agenda_item,
        title="SECRET sensitive paper",
        classification=SecurityClassification.OFFICIAL_SENSITIVE,
    )
    DecisionFactory(
        forum=forum,
        meeting=meeting,
        confidentiality=Confidentiality.CONFIDENTIAL,
        text="SECRET decision",
    )
    scheduled = MeetingFactory(forum=forum, title="Scheduled meeting")
    AgendaItemFactory(meeting=scheduled, title="SECRET unpublished agenda")
    for status, text in ((Minutes.Status.DRAFT, "draft"), (Minutes.Status.CIRCULATED, "circ")):
        held = MeetingFactory(forum=forum, held=True, title=f"Held {text}")
        MinuteEntryFactory(
            minutes=MinutesFactory(meeting=held, status=status),
            agenda_item=AgendaItemFactory(meeting=held, title=f"Held {text} item"),
            text=f"SECRET {text} minutes",
        )
    hidden = MeetingFactory(forum=forum, minutes_approved=True, is_public=False, title="SECRET hid")
    AgendaItemFactory(meeting=hidden, title="SECRET item of a hidden meeting")
    private = ForumFactory(private=True, name="SECRET private forum", slug="secret-private-forum")
    private_meeting = MeetingFactory(forum=private, minutes_approved=True, title="SECRET private")
    PaperFactory(
        agenda_item=AgendaItemFactory(meeting=private_meeting, title="SECRET private item"),
        title="SECRET private paper",
    )
    PriorityFactory(forum=private, agreed=True, title="SECRET private priority")
    MembershipFactory(forum=forum, person=UserFactory(full_name="SECRET Unnamed Member"))
    draft = PriorityFactory(forum=forum, title="SECRET draft priority")
    ObjectiveFactory(priority=draft, title="SECRET draft objective")
    EvaluationOutcomeFactory(
        evaluation=AnnualEvaluationFactory(forum=forum, approved=True, plan_year=1999),
        priority=draft,
        narrative="SECRET outcome of a draft priority",
    )
    AnnualEvaluationFactory(forum=forum, summary="SECRET draft evaluation")
    PerformanceReturnFactory(forum=forum, code="2019-Q3", figures={slug: UNPUBLISHED_FIGURE})
    PerformanceReturnFactory(forum=private, code="2019-Q1", figures={slug: UNPUBLISHED_FIGURE})
    publish(private, "2019-Q1", chair)
    Target.objects.create(
        indicator=indicator(slug), forum=private, period=period("2019-Q3"), value=UNPUBLISHED_FIGURE
    )
    world.secrets += [
        "SECRET",
        "secret-private-forum",
        UNPUBLISHED_FIGURE,
        "2019-Q3",
    ]
    assert Meeting.objects.filter(forum=forum).count() >= 4
