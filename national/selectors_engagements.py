"""Who may see what of a national engagement: the one place the audience rule lives.

An engagement (never a draft, except to its leads) is seen in full by its policy leads and its
audience: the members of the national groups it names and, when it is for every local policing
body, the staff (secretariat and chair) of every local board. A lead may release the engagement,
or one paper, from a date: to the members of the audience bodies' local boards, or to the
public. Anyone else gets a 404 (its existence is not revealed).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from forums.models import Forum, Membership
from forums.selectors.forum import policing_bodies_staffed_by
from national.models_engagement import (
    RELEASE_RANK,
    Engagement,
    EngagementPaper,
    EngagementResponse,
    Release,
    ResponseAnswer,
)

GroupLink = Engagement.audience_groups.through


def _group_seats(person) -> QuerySet[Membership]:
    return Membership.objects.current().filter(
        person_id=person.pk,
        role__in=Membership.MEMBER_ROLES,
        forum__kind=Forum.Kind.NATIONAL_GROUP,
    )


def _audience_q(person) -> Q:
    """Engagements (not drafts) whose audience includes the person."""
    for_groups = GroupLink.objects.filter(forum_id__in=_group_seats(person).values("forum_id"))
    audience = Q(pk__in=for_groups.values("engagement_id"))
    if policing_bodies_staffed_by(person).exists():
        audience |= Q(all_policing_bodies=True)
    return audience & ~Q(status=Engagement.Status.DRAFT)


def engagements_for(person) -> QuerySet[Engagement]:
    """The engagements a person sees in full: those they lead (drafts too) and those whose
    audience they are in."""
    if not getattr(person, "is_authenticated", False):
        return Engagement.objects.none()
    led = Q(
        pk__in=Engagement.leads.through.objects.filter(user_id=person.pk).values("engagement_id")
    )
    return Engagement.objects.filter(led | _audience_q(person))


def audience_body_boards_q(person) -> Q:
    """Engagements for which the person sits (as a member) on an audience body's local board:
    every local board when it is for all bodies, else the boards whose staff sit on one of its
    groups."""
    boards = Membership.objects.current().filter(
        person_id=person.pk,
        role__in=Membership.MEMBER_ROLES,
        forum__kind=Forum.Kind.LOCAL_BOARD,
    )
    board_ids = boards.values("forum_id")
    staff = Membership.objects.current().filter(
        forum_id__in=board_ids, role__in=Membership.RUNNING_ROLES
    )
    groups = Membership.objects.current().filter(
        forum__kind=Forum.Kind.NATIONAL_GROUP,
        role__in=Membership.MEMBER_ROLES,
        person_id__in=staff.values("person_id"),
    )
    via_groups = GroupLink.objects.filter(forum_id__in=groups.values("forum_id"))
    found = Q(pk__in=via_groups.values("engagement_id"))
    if boards.exists():
        found |= Q(all_policing_bodies=True)
    return found


def _released_q(prefix: str, levels, day: datetime.date) -> Q:
    return Q(**{f"{prefix}release__in": levels, f"{prefix}released_from__lte": day})


def released_to_boards_for(person, day: datetime.date | None = None) -> QuerySet[Engagement]:
    """Engagements of which something (the whole, or a paper) is released to the person as a
    member of an audience body's local board."""
    if not getattr(person, "is_authenticated", False):
        return Engagement.objects.none()
    day = day or timezone.localdate()
    levels = [Release.BOARDS, Release.PUBLIC]
    released = _released_q("", levels, day) | Q(
        pk__in=EngagementPaper.objects.filter(_released_q("", levels, day)).values("engagement_id")
    )
    return Engagement.objects.exclude(status=Engagement.Status.DRAFT).filter(
        released & audience_body_boards_q(person)
    )


def respondents_for(person, engagement: Engagement) -> list[Forum]:
    """The bodies and groups the person may draft a response for (the engagement being open)."""
    if not getattr(person, "is_authenticated", False):
        return []
    found = []
    if engagement.all_policing_bodies:
        found += list(policing_bodies_staffed_by(person).order_by("name"))
    found += list(
        engagement.audience_groups.filter(pk__in=_group_seats(person).values("forum_id")).order_by(
            "name"
        )
    )
    return found


@dataclass
class EngagementView:
    """What one person may see of an engagement."""

    engagement: Engagement
    is_lead: bool = False
    in_audience: bool = False
    whole_released: bool = False  # released to them as a board member (read only)
    papers: list[EngagementPaper] = field(default_factory=list)
    respondents: list[Forum] = field(default_factory=list)

    @property
    def full(self) -> bool:
        """The title, background, questions and outcome (not only released papers)."""
        return self.is_lead or self.in_audience or self.whole_released


def engagement_view(*, person, pk: int, day: datetime.date | None = None) -> EngagementView:
    """The engagement as the person may see it in the workspace, else 404."""
    day = day or timezone.localdate()
    found = engagements_for(person).filter(pk=pk).first()
    if found is not None:
        view = EngagementView(
            engagement=found,
            is_lead=found.leads.filter(pk=person.pk).exists(),
            in_audience=found.status != Engagement.Status.DRAFT
            and Engagement.objects.filter(_audience_q(person), pk=pk).exists(),
        )
        view.papers = list(found.papers.select_related("engagement"))
        view.respondents = (
            respondents_for(person, found) if found.status == Engagement.Status.OPEN else []
        )
        return view
    found = released_to_boards_for(person, day).filter(pk=pk).first()
    if found is None:
        raise Http404("No such engagement")
    papers = list(found.papers.select_related("engagement"))
    whole = RELEASE_RANK[found.release_in_force(day)] >= RELEASE_RANK[Release.BOARDS]
    return EngagementView(
        engagement=found,
        whole_released=whole,
        papers=[
            paper
            for paper in papers
            if RELEASE_RANK[paper.release_in_force(day)] >= RELEASE_RANK[Release.BOARDS]
        ],
    )


def public_engagement(*, pk: int, day: datetime.date | None = None) -> EngagementView:
    """What the public may read: a publicly released engagement in full, or only its publicly
    released papers; else 404."""
    day = day or timezone.localdate()
    found = (
        Engagement.objects.exclude(status=Engagement.Status.DRAFT)
        .filter(pk=pk)
        .prefetch_related("papers")
        .first()
    )
    if found is None:
        raise Http404("No such engagement")
    whole = found.release_in_force(day) == Release.PUBLIC
    papers = [p for p in found.papers.all() if p.release_in_force(day) == Release.PUBLIC]
    if not whole and not papers:
        raise Http404("No such engagement")
    return EngagementView(engagement=found, whole_released=whole, papers=papers)


def paper_visible(view: EngagementView, paper_pk: int) -> EngagementPaper:
    for paper in view.papers:
        if paper.pk == paper_pk:
            return paper
    raise Http404("No such paper")


def unreleased_paper_with_hash(sha256: str, day: datetime.date | None = None):
    """An engagement paper with these bytes that is not released (to boards or the public)."""
    day = day or timezone.localdate()
    for paper in EngagementPaper.objects.filter(sha256=sha256).select_related("engagement"):
        if paper.release_in_force(day) == Release.NONE:
            return paper
    return None


# --- responses --------------------------------------------------------------------------------


def expected_respondents(engagement: Engagement) -> list[Forum]:
    """Every body and group in the audience: the local boards (for all bodies) and the groups."""
    found = list(engagement.audience_groups.order_by("name"))
    if engagement.all_policing_bodies:
        found = list(Forum.objects.filter(kind=Forum.Kind.LOCAL_BOARD).order_by("name")) + found
    return found


def response_for(*, engagement: Engagement, respondent: Forum) -> EngagementResponse | None:
    return (
        EngagementResponse.objects.filter(engagement=engagement, respondent=respondent)
        .select_related("submitted_by")
        .prefetch_related("answers", "agreements__person")
        .first()
    )


@dataclass
class SideBySide:
    questions: list
    responses: list[EngagementResponse]
    rows: list[tuple]  # (question, [steer per response])
    not_responded: list[Forum]


def side_by_side(engagement: Engagement) -> SideBySide:
    """Questions × submitted responses, and who has not responded (fixed queries)."""
    questions = list(engagement.questions.all())
    responses = list(
        engagement.responses.filter(status=EngagementResponse.Status.SUBMITTED)
        .select_related("respondent", "submitted_by")
        .prefetch_related(
            Prefetch("answers", queryset=ResponseAnswer.objects.all()), "agreements__person"
        )
        .order_by("respondent__name")
    )
    steers = {
        (response.pk, answer.question_id): answer.steer
        for response in responses
        for answer in response.answers.all()
    }
    rows = [
        (question, [steers.get((response.pk, question.pk), "") for response in responses])
        for question in questions
    ]
    answered = {response.respondent_id for response in responses}
    not_responded = [
        forum for forum in expected_respondents(engagement) if forum.pk not in answered
    ]
    return SideBySide(
        questions=questions, responses=responses, rows=rows, not_responded=not_responded
    )


def awaiting_response(person) -> list[tuple[Engagement, Forum]]:
    """Open engagements the person may respond to, with each respondent that has not submitted
    yet, nearest deadline first (for the workspace home; fixed queries)."""
    if not getattr(person, "is_authenticated", False):
        return []
    bodies = list(policing_bodies_staffed_by(person).order_by("name"))
    group_ids = set(_group_seats(person).values_list("forum_id", flat=True))
    engagements = list(
        Engagement.objects.filter(_audience_q(person), status=Engagement.Status.OPEN)
        .prefetch_related("audience_groups")
        .order_by("deadline", "pk")
    )
    submitted = set(
        EngagementResponse.objects.filter(
            engagement__in=engagements, status=EngagementResponse.Status.SUBMITTED
        ).values_list("engagement_id", "respondent_id")
    )
    found = []
    for engagement in engagements:
        candidates = list(bodies) if engagement.all_policing_bodies else []
        candidates += [g for g in engagement.audience_groups.all() if g.pk in group_ids]
        for forum in candidates:
            if (engagement.pk, forum.pk) not in submitted:
                found.append((engagement, forum))
    return found


def audience_people(engagement: Engagement):
    """Everyone in the audience: current members of its groups, and (for all bodies) the staff
    of every local board."""
    from membership.models import User

    seats = Membership.objects.current().filter(
        forum__in=engagement.audience_groups.all(), role__in=Membership.MEMBER_ROLES
    )
    audience = Q(pk__in=seats.values("person_id"))
    if engagement.all_policing_bodies:
        audience |= Q(
            pk__in=Membership.objects.current()
            .filter(forum__kind=Forum.Kind.LOCAL_BOARD, role__in=Membership.RUNNING_ROLES)
            .values("person_id")
        )
    return User.objects.filter(audience, is_active=True)
