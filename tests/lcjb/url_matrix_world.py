"""The forum the role × URL matrix visits: one of everything a URL names, and a person per role.

Built once per test module (see ``test_url_matrix.py``) from the factories in ``tests/``.
"""

import datetime
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.contrib.auth.tokens import default_token_generator
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from forums.models import (
    AgendaItem,
    Attendance,
    Confidentiality,
    Escalation,
    Forum,
    ForwardPlanItem,
    GeneratedReport,
    Guest,
    Invitation,
    Meeting,
    Membership,
    MinuteEntry,
    Minutes,
)
from forums.selectors.guests import guest_token
from membership.models import Notification, User
from performance.models import Indicator, Measurement, MeetingFigures
from priorities.models import DeliveryAction, Priority, YouSaidWeDid, current_plan_year
from tests.forums.factories import (
    ActionFactory,
    AgendaItemFactory,
    DecisionFactory,
    ForumFactory,
    MeetingFactory,
    MembershipFactory,
    MinuteEntryFactory,
    MinutesFactory,
    PaperFactory,
    ProcedurePaperFactory,
    WrittenProcedureFactory,
)
from tests.membership.factories import AgencyFactory, UserFactory, agency_type
from tests.performance.factories import PerformanceReturnFactory, period, publish
from tests.priorities.factories import (
    AnnualEvaluationFactory,
    AnswerFactory,
    ConsultationFactory,
    EvaluationOutcomeFactory,
    GoodPracticeEntryFactory,
    ObjectiveFactory,
    PriorityFactory,
    QuestionFactory,
    RiskFactory,
    TensionFactory,
)

Role = Membership.Role
# The roles of the matrix, in the order its failures are reported.
ROLES = (
    "anonymous",
    "member",
    "advisory",
    "submitter",
    "secretariat",
    "chair",
    "national",
    "site_admin",
    "other_forum",
)

# Periods of the returns (quarterly, so the submitter's HMCTS indicators are owed).
PUBLISHED_PERIOD = "2025-Q1"
REVIEW_PERIOD = "2025-Q2"
DRAFT_PERIOD = "2025-Q3"
NEW_PERIOD = "2025-Q4"


@dataclass(repr=False)
class World:
    """Everything the table's URL arguments are taken from (``world.meeting`` and the like are
    the objects built for the URLs; ``sessions`` are the signed-in session keys by role)."""

    forum: Forum
    other_forum: Forum
    sub_group: Forum
    people: dict[str, User | None]
    agencies: SimpleNamespace = field(default_factory=SimpleNamespace)
    objects: dict[str, object] = field(default_factory=dict)
    sessions: dict[str, str] = field(default_factory=dict)

    def __repr__(self):
        return f"<World of {self.forum.slug}>"

    @property
    def slug(self) -> str:
        return self.forum.slug

    def __getattr__(self, name):
        try:
            return self.__dict__["objects"][name]
        except KeyError:
            raise AttributeError(name) from None


def _seat(forum, role, agency, **kwargs) -> Membership:
    return MembershipFactory(forum=forum, role=role, agency=agency, **kwargs)


def build_world() -> World:
    """One public board with a person in each role and one of each thing its URLs name."""
    forum = ForumFactory(name="Matrix Criminal Justice Board", slug="matrix-cjb")
    other_forum = ForumFactory(name="Elsewhere Criminal Justice Board", slug="elsewhere-cjb")
    sub_group = ForumFactory(
        name="Matrix victims sub-group",
        slug="matrix-victims",
        kind=Forum.Kind.SUB_GROUP,
        parent=forum,
    )
    agencies = SimpleNamespace(
        **{
            slug: AgencyFactory(agency_type=agency_type(slug), name=f"Matrix {slug}")
            for slug in ("pcc", "cps", "judiciary", "hmcts", "police")
        }
    )
    seats = {
        "member": _seat(forum, Role.MEMBER, agencies.cps),
        "advisory": _seat(forum, Role.ADVISORY, agencies.judiciary, can_commit_resources=False),
        "submitter": _seat(forum, Role.DATA_SUBMITTER, agencies.hmcts, can_commit_resources=False),
        "secretariat": _seat(forum, Role.SECRETARIAT, agencies.pcc),
        "chair": _seat(forum, Role.CHAIR, agencies.pcc),
        "other_forum": _seat(other_forum, Role.MEMBER, agencies.police),
    }
    people = {role: seat.person for role, seat in seats.items()}
    people["anonymous"] = None
    people["national"] = UserFactory(is_national_viewer=True)
    people["site_admin"] = UserFactory(is_staff=True, is_superuser=True)
    # Someone runs the sub-group, so it can escalate to the board.
    sub_group_secretary = _seat(sub_group, Role.SECRETARIAT, agencies.pcc).person
    world = World(
        forum=forum, other_forum=other_forum, sub_group=sub_group, people=people, agencies=agencies
    )
    _meetings(world, seats)
    _escalations(world, sub_group_secretary)
    _procedures(world)
    _membership(world, seats)
    _performance(world)
    _priorities(world)
    _national(world)
    _cascade(world)
    _engagements(world)
    return world


def _meetings(world: World, seats: dict) -> None:
    forum, people, objects = world.forum, world.people, world.objects
    now = timezone.now()
    meeting = MeetingFactory(
        forum=forum,
        title="Matrix board meeting",
        starts_at=now - datetime.timedelta(days=7),
        status=Meeting.Status.HELD,
        agenda_published_at=now - datetime.timedelta(days=14),
        held_at=now - datetime.timedelta(days=7),
    )
    next_meeting = MeetingFactory(
        forum=forum, title="Next matrix board meeting", starts_at=now + datetime.timedelta(days=21)
    )
    item = AgendaItemFactory(meeting=meeting, order=1, title="Youth justice update")
    proposed = AgendaItemFactory(
        meeting=next_meeting,
        order=1,
        title="Proposed: witness care",
        status=AgendaItem.Status.PROPOSED,
    )
    restricted = AgendaItemFactory(
        meeting=meeting,
        order=2,
        title="Restricted: covert operation",
        confidentiality=Confidentiality.RESTRICTED,
        public_title="Operational matter",
        restricted_to=[people["chair"]],
    )
    paper = PaperFactory(agenda_item=item, title="Youth justice paper")
    restricted_paper = PaperFactory(agenda_item=restricted, title="Covert operation paper")
    restricted_paper.restricted_to.set([people["chair"]])
    minutes = MinutesFactory(meeting=meeting, status=Minutes.Status.CIRCULATED, circulated_at=now)
    entry = MinuteEntryFactory(minutes=minutes, agenda_item=item, text="The board noted it.")
    restricted_entry = MinuteEntry.objects.create(
        minutes=minutes, agenda_item=restricted, text="The board agreed the covert approach."
    )
    # An earlier meeting whose minutes are still a draft: the secretariat's and the chair's.
    draft_meeting = MeetingFactory(
        forum=forum,
        title="Earlier matrix board meeting",
        starts_at=now - datetime.timedelta(days=35),
        status=Meeting.Status.HELD,
        agenda_published_at=now - datetime.timedelta(days=42),
        held_at=now - datetime.timedelta(days=35),
    )
    draft_entry = MinuteEntryFactory(
        minutes=MinutesFactory(meeting=draft_meeting),
        agenda_item=AgendaItemFactory(meeting=draft_meeting, order=1, title="Draft item"),
        text="Draft wording not yet circulated.",
    )
    for role in ("member", "advisory", "secretariat", "chair"):
        Attendance.objects.create(meeting=meeting, person=people[role], agency=seats[role].agency)
    decision = DecisionFactory(forum=forum, meeting=meeting, agenda_item=item)
    action = ActionFactory(
        forum=forum,
        meeting=meeting,
        title="Publish the youth justice plan",
        owner=people["member"],
        accountable_agency=world.agencies.cps,
    )
    forward_plan_item = ForwardPlanItem.objects.create(
        forum=forum,
        title="Annual review of witness care",
        planned_for=(now + datetime.timedelta(days=90)).date().replace(day=1),
    )
    # A guest invited to the item: their link opens it and its paper, nothing else.
    guest = Guest.objects.create(
        meeting=meeting,
        agenda_item=item,
        person=User.objects.create_user(email="guest@example.org", full_name="Gail Guest"),
        name="Gail Guest",
        email="guest@example.org",
        organisation="Citizens Advice",
        invited_by=people["secretariat"],
        expires_at=now + datetime.timedelta(days=30),
    )
    objects.update(
        guest=guest,
        guest_token=guest_token(guest),
        meeting=meeting,
        next_meeting=next_meeting,
        item=item,
        proposed_item=proposed,
        restricted_item=restricted,
        paper=paper,
        restricted_paper=restricted_paper,
        minutes=minutes,
        entry=entry,
        restricted_entry=restricted_entry,
        draft_meeting=draft_meeting,
        draft_entry=draft_entry,
        decision=decision,
        action=action,
        forward_plan_item=forward_plan_item,
        # The members' version of the board pack, and one built for the member alone.
        members_report=GeneratedReport.objects.create(
            forum=forum, kind="board_pack", subject=str(meeting.pk), audience="member"
        ),
        personal_report=GeneratedReport.objects.create(
            forum=forum,
            kind="board_pack",
            subject=str(meeting.pk),
            audience="member",
            viewer=people["member"],
        ),
    )


def _procedures(world: World) -> None:
    """A written procedure open for answers, with a paper."""
    procedure = WrittenProcedureFactory(
        forum=world.forum, title="Fund the victim contact audit", created_by=world.people["chair"]
    )
    world.objects.update(
        procedure=procedure, procedure_paper=ProcedurePaperFactory(procedure=procedure)
    )


def _escalations(world: World, sub_group_secretary: User) -> None:
    world.objects["escalation"] = Escalation.objects.create(
        from_forum=world.sub_group,
        to_forum=world.forum,
        level=Escalation.Level.PARENT_BOARD,
        title="Witness care delays",
        description="Witnesses are not told about hearings in time.",
        raised_by=sub_group_secretary,
    )
    world.objects["national_escalation"] = Escalation.objects.create(
        from_forum=world.forum,
        level=Escalation.Level.NATIONAL,
        title="Court backlog",
        description="Trials listed two years out.",
        raised_by=world.people["secretariat"],
    )


def _membership(world: World, seats: dict) -> None:
    people = world.people
    member = people["member"]
    token, token_hash = Invitation.new_token()
    world.objects.update(
        membership=seats["member"],
        invitation=Invitation.objects.create(
            forum=world.forum,
            email="invited@example.org",
            full_name="Invited Person",
            agency=world.agencies.police,
            token_hash=token_hash,
            invited_by=people["secretariat"],
            expires_at=timezone.now() + Invitation.VALID_FOR,
        ),
        invitation_token=token,
        notice=Notification.objects.create(
            key="matrix-notice",
            recipient=member,
            category="meeting",
            subject="Agenda published",
            body_text="The agenda is out.",
        ),
        calendar_token=member.calendar_token,
        reset_uid=urlsafe_base64_encode(force_bytes(member.pk)),
        reset_token=default_token_generator.make_token(member),
    )


def _performance(world: World) -> None:
    forum, agencies, people = world.forum, world.agencies, world.people
    indicators = list(
        Indicator.objects.filter(
            responsible_agency_type__slug="hmcts", frequency="quarterly", forum__isnull=True
        ).order_by("slug")[:2]
    )
    figures = {found.slug: "75" for found in indicators}
    accepted = PerformanceReturnFactory(
        forum=forum, agency=agencies.hmcts, code=PUBLISHED_PERIOD, figures=figures
    )
    cps_return = PerformanceReturnFactory(forum=forum, agency=agencies.cps, code=PUBLISHED_PERIOD)
    publish(forum, PUBLISHED_PERIOD, people["secretariat"])
    submitted = PerformanceReturnFactory(
        forum=forum, agency=agencies.hmcts, code=REVIEW_PERIOD, submitted=True
    )
    draft = PerformanceReturnFactory(
        forum=forum, agency=agencies.hmcts, code=DRAFT_PERIOD, draft=True
    )
    Measurement.objects.filter(performance_return=submitted).delete()
    period(NEW_PERIOD)
    MeetingFigures.objects.create(meeting=world.meeting, taken_by=people["secretariat"], figures=[])
    world.objects.update(
        indicator=indicators[0],
        period_code=PUBLISHED_PERIOD,
        accepted_return=accepted,
        cps_return=cps_return,
        submitted_return=submitted,
        draft_return=draft,
    )


def _priorities(world: World) -> None:
    forum, people = world.forum, world.people
    priority = PriorityFactory(
        forum=forum,
        title="Victims kept informed",
        status=Priority.Status.AGREED,
        agreed_at=timezone.now(),
    )
    out_for_sign_off = PriorityFactory(
        forum=forum, title="Swifter justice", status=Priority.Status.SIGN_OFF, sign_off_round=1
    )
    objective = ObjectiveFactory(priority=priority)
    consultation = ConsultationFactory(forum=forum, title="What should the board focus on?")
    question = QuestionFactory(consultation=consultation)
    answer = AnswerFactory(response__consultation=consultation, question=question)
    YouSaidWeDid.objects.create(
        consultation=consultation,
        you_said="Keep victims informed.",
        we_did="We made it a priority.",
        priority=priority,
    )
    evaluation = AnnualEvaluationFactory(
        forum=forum,
        plan_year=current_plan_year() - 1,
        status="approved",
        approved_by=people["chair"],
        approved_at=timezone.now(),
    )
    EvaluationOutcomeFactory(
        evaluation=evaluation,
        priority=PriorityFactory(
            forum=forum,
            plan_year=evaluation.plan_year,
            title="Last year's priority",
            status=Priority.Status.AGREED,
        ),
    )
    world.objects.update(
        priority=priority,
        sign_off_priority=out_for_sign_off,
        objective=objective,
        delivery_link=DeliveryAction.objects.create(
            priority=priority, objective=objective, action=world.action
        ),
        tension=TensionFactory(forum=forum),
        risk=RiskFactory(forum=forum),
        consultation=consultation,
        question=question,
        response=answer.response,
        evaluation=evaluation,
        evaluation_year=evaluation.plan_year,
        # Good practice: the board's own entry, another board's public and partners-only
        # entries, and one waiting for the national curator.
        good_practice=GoodPracticeEntryFactory(forum=forum, published=True),
        good_practice_elsewhere=GoodPracticeEntryFactory(forum=world.other_forum, published=True),
        good_practice_partners=GoodPracticeEntryFactory(
            forum=world.other_forum, partners_only=True
        ),
        good_practice_waiting=GoodPracticeEntryFactory(forum=world.other_forum, submitted=True),
    )


def _national(world: World) -> None:
    """The self-assessment and partnerships, reporting to the national team, and bulletins."""
    from django.core.files.base import ContentFile

    from national.bulletin_mail import confirm_token, unsubscribe_token
    from national.models import (
        Bulletin,
        BulletinAttachment,
        BulletinEmailSubscriber,
        BulletinSection,
        BulletinSeries,
        NationalQuestion,
        NationalSubmission,
    )
    from priorities.models import RelatedPartnership, SelfAssessment, current_plan_year

    forum = world.forum
    secretary = world.people["secretariat"]
    national = world.people["national"]
    assessment = SelfAssessment.objects.create(
        forum=forum,
        plan_year=current_plan_year(),
        closes_on=datetime.date.today() + datetime.timedelta(days=14),
        opened_by=secretary,
    )
    submission = NationalSubmission.objects.create(
        forum=forum,
        kind=NationalSubmission.Kind.VICTIMS_CODE,
        plan_year=current_plan_year() - 1,
        snapshot={"rights": []},
        submitted_by=secretary,
    )
    series = BulletinSeries.objects.create(
        name="Matrix Bulletin", slug="matrix-bulletin", publisher="APCC"
    )
    public = Bulletin.objects.create(
        series=series,
        number=1,
        title="Public issue",
        issued_on=datetime.date.today(),
        audience=Bulletin.Audience.PUBLIC,
        created_by=national,
        published_at=datetime.datetime.now(tz=datetime.UTC),
    )
    draft = Bulletin.objects.create(
        series=series,
        number=2,
        title="Draft issue",
        issued_on=datetime.date.today(),
        audience=Bulletin.Audience.PARTNERS,
        created_by=national,
    )
    draft_section = BulletinSection.objects.create(bulletin=draft, heading="News", body="Text.")

    def attach(section, title):
        return BulletinAttachment.objects.create(
            section=section,
            title=title,
            file=ContentFile(b"%PDF-1.4 matrix", name="matrix.pdf"),
            file_name="matrix.pdf",
            content_type="application/pdf",
            size=15,
            sha256="0" * 64,
        )

    public_section = BulletinSection.objects.create(bulletin=public, heading="News", body="Text.")
    subscriber = BulletinEmailSubscriber.objects.create(series=series, email="reader@example.org")
    world.objects.update(
        assessment_year=assessment.plan_year,
        partnership=RelatedPartnership.objects.create(
            forum=forum, name="Matrix CSP", kind="community_safety", how_linked="A shared member."
        ),
        national_submission=submission,
        national_question=NationalQuestion.objects.create(
            forum=forum, question="Why?", asked_by=national, submission=submission
        ),
        bulletin_series=series.slug,
        public_bulletin_number=public.number,
        draft_bulletin=draft,
        draft_section=draft_section,
        public_attachment=attach(public_section, "Public file"),
        subscription_confirm_token=confirm_token(subscriber),
        unsubscribe_token=unsubscribe_token(subscriber=subscriber),
        draft_attachment=attach(draft_section, "Draft file"),
    )


def _cascade(world: World) -> None:
    """A national priority and a public bulletin's section the national team may send, and an
    item sent to the board: one copy waiting for its decision, one it accepted."""
    from national.models import Bulletin, BulletinSection
    from national.models_cascade import CascadeItem, CascadeRecipient

    national_board = ForumFactory(
        name="Matrix National Board", slug="matrix-national", kind=Forum.Kind.NATIONAL_BOARD
    )
    priority = PriorityFactory(
        forum=national_board, title="Reduce the Crown Court backlog", agreed=True
    )
    public = Bulletin.objects.get(series__slug=world.bulletin_series, number=1)
    section = BulletinSection.objects.create(bulletin=public, heading="Backlog", body="Text.")
    items = [
        CascadeItem.objects.create(
            source_kind=CascadeItem.Source.NATIONAL_PRIORITY,
            source_label=priority.title,
            priority=priority,
            is_public=True,
            purpose=CascadeItem.Purpose.DISCUSSION,
            summary="Discuss the backlog.",
            consider_by=datetime.date.today().replace(day=1),
            sent_by=world.people["national"],
        )
        for _ in range(2)
    ]
    accepted = ForwardPlanItem.objects.create(
        forum=world.forum,
        title=priority.title,
        planned_for=datetime.date.today().replace(day=1),
    )
    world.objects.update(
        national_priority=priority,
        cascade_section=section,
        cascade_item=items[0],
        cascade_waiting=CascadeRecipient.objects.create(item=items[0], forum=world.forum),
        cascade_taken=CascadeRecipient.objects.create(
            item=items[1],
            forum=world.forum,
            status=CascadeRecipient.Status.ACCEPTED,
            forward_plan_item=accepted,
            decided_by=world.people["secretariat"],
            decided_at=timezone.now(),
        ),
    )


def _engagements(world: World) -> None:
    """A national engagement open to every local policing body (so the board's secretariat and
    chair are its audience), led by the national viewer, with a question and a paper; and one
    whose paper is released publicly."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from national.models import Engagement, EngagementQuestion, Release
    from national.services_engagements import engagement_paper_upload

    national = world.people["national"]

    def engagement(title, **fields):
        found = Engagement.objects.create(
            title=title,
            department="Home Office",
            stage=Engagement.Stage.TESTING,
            deadline=datetime.date.today() + datetime.timedelta(days=20),
            all_policing_bodies=True,
            status=Engagement.Status.OPEN,
            created_by=national,
            **fields,
        )
        found.leads.add(national)
        question = EngagementQuestion.objects.create(engagement=found, position=1, text="Why?")
        paper = engagement_paper_upload(
            engagement=found,
            by=national,
            upload=SimpleUploadedFile(f"{found.pk}.csv", f"title,{title}\n1,2\n".encode()),
            title=f"Paper of {title}",
            in_scope=True,
        )
        return found, question, paper

    found, question, paper = engagement("Matrix engagement")
    released, _question, released_paper = engagement("Matrix released engagement")
    released_paper.release = Release.PUBLIC
    released_paper.released_from = datetime.date.today()
    released_paper.save()
    world.objects.update(
        engagement=found,
        engagement_question=question,
        engagement_paper=paper,
        released_engagement=released,
        released_engagement_paper=released_paper,
    )
