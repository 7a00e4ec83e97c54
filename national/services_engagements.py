"""Writes for national engagements: each takes the acting person and checks their permission."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forums.models import AgendaItem, Confidentiality, Forum
from forums.selectors.forum import policing_bodies_staffed_by
from forums.services.papers import paper_upload
from forums.uploads import CheckedFile, check_upload
from membership import notifications
from membership.models import User
from national import selectors_engagements as selectors
from national.models_engagement import (
    RELEASE_RANK,
    Engagement,
    EngagementPaper,
    EngagementPaperDownload,
    EngagementQuestion,
    EngagementResponse,
    Release,
    ResponseAgreement,
    ResponseAnswer,
)

OUT_OF_SCOPE = gettext_lazy(
    "You cannot upload a paper that touches judicial or prosecutorial independence or national "
    "security, or is otherwise out of scope: share it another way"
)


def _require(person: User, perm: str, obj=None) -> None:
    if not person.has_perm(perm, obj):
        raise PermissionDenied


@transaction.atomic
def engagement_save(
    *, by: User, fields: dict, groups, leads, engagement: Engagement | None = None
) -> Engagement:
    """Start an engagement (its creator leads it) or change one that is not closed."""
    if engagement is None:
        _require(by, "national.start_engagement")
        engagement = Engagement(created_by=by)
    else:
        _require(by, "national.lead_engagement", engagement)
        if engagement.status == Engagement.Status.CLOSED:
            raise ValidationError(_("A closed engagement cannot be changed"))
    for name, value in fields.items():
        setattr(engagement, name, value)
    if not fields.get("all_policing_bodies", engagement.all_policing_bodies) and not groups:
        raise ValidationError(
            {"audience_groups": _("Choose at least one national group, or every local body")}
        )
    engagement.save()
    engagement.audience_groups.set(groups)
    engagement.leads.set({by, *leads})
    return engagement


@transaction.atomic
def question_save(
    *, engagement: Engagement, by: User, text: str, question: EngagementQuestion | None = None
) -> EngagementQuestion:
    _require(by, "national.lead_engagement", engagement)
    if engagement.status == Engagement.Status.CLOSED:
        raise ValidationError(_("A closed engagement cannot be changed"))
    if question is None:
        top = engagement.questions.aggregate(top=Max("position"))["top"]
        question = EngagementQuestion(engagement=engagement, position=(top or 0) + 1)
    question.text = text
    question.save()
    return question


@transaction.atomic
def engagement_open(*, engagement: Engagement, by: User) -> Engagement:
    """Open a draft for responses; its audience (and nobody else) is e-mailed."""
    _require(by, "national.lead_engagement", engagement)
    if engagement.status != Engagement.Status.DRAFT:
        raise ValidationError(_("This engagement is already open"))
    engagement.status = Engagement.Status.OPEN
    engagement.opened_at = timezone.now()
    engagement.save(update_fields=["status", "opened_at"])
    recipients = list(selectors.audience_people(engagement))
    url = reverse("national:engagement", args=[engagement.pk])
    transaction.on_commit(
        lambda: notifications.notify(
            key=f"engagement-open:{engagement.pk}",
            recipients=recipients,
            category="priorities",
            subject=gettext_lazy("In confidence: a national engagement asks for your views"),
            template="national/email/engagement_opened",
            context={"engagement": engagement},
            url=url,
            essential=True,
        )
    )
    return engagement


@transaction.atomic
def engagement_close(*, engagement: Engagement, by: User) -> Engagement:
    _require(by, "national.lead_engagement", engagement)
    if engagement.status != Engagement.Status.OPEN:
        raise ValidationError(_("Only an open engagement can be closed"))
    engagement.status = Engagement.Status.CLOSED
    engagement.closed_at = timezone.now()
    engagement.save(update_fields=["status", "closed_at"])
    return engagement


@transaction.atomic
def engagement_paper_upload(
    *, engagement: Engagement, by: User, upload, title: str, in_scope: bool
) -> EngagementPaper:
    """Upload a background paper; refused unless the uploader declares it in scope."""
    _require(by, "national.lead_engagement", engagement)
    if not in_scope:
        raise ValidationError({"declaration": str(OUT_OF_SCOPE)})
    checked = check_upload(upload)
    paper = EngagementPaper(
        engagement=engagement,
        title=title or checked.file_name,
        file_name=checked.file_name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        declared_in_scope=True,
        uploaded_by=by,
    )
    paper.file.save(checked.file_name, File(upload, name=checked.file_name), save=False)
    paper.save()
    return paper


def paper_download_record(*, paper: EngagementPaper, by: User | None) -> EngagementPaperDownload:
    """Every download is recorded (who, when); the public's without a name."""
    person = by if by is not None and by.is_authenticated else None
    return EngagementPaperDownload.objects.create(paper=paper, person=person)


@transaction.atomic
def release_set(
    *,
    engagement: Engagement,
    by: User,
    release: str,
    released_from: datetime.date | None,
    paper: EngagementPaper | None = None,
):
    """Release the engagement, or one paper of it, to the boards or the public from a date."""
    _require(by, "national.lead_engagement", engagement)
    if release and released_from is None:
        raise ValidationError({"released_from": _("Enter the date it is released from")})
    target = paper or engagement
    target.release = release
    target.released_from = released_from if release else None
    target.save(update_fields=["release", "released_from"])
    return target


@transaction.atomic
def paper_to_agenda(
    *, paper: EngagementPaper, by: User, agenda_item: AgendaItem, day: datetime.date | None = None
):
    """Copy a released paper into an agenda item of the body's board, as a forums paper as
    confidential as its release (boards' members: confidential; the public: public)."""
    board = agenda_item.meeting.forum
    if not policing_bodies_staffed_by(by).filter(pk=board.pk).exists():
        raise PermissionDenied
    released = paper.release_in_force(day)
    if RELEASE_RANK[released] < RELEASE_RANK[Release.BOARDS]:
        raise ValidationError(
            {
                "agenda_item": _(
                    "This paper has not been released yet: it cannot go on a board agenda until "
                    "the policy lead releases it"
                )
            }
        )
    if released == Release.PUBLIC:
        confidentiality = agenda_item.confidentiality
    else:
        confidentiality = (
            Confidentiality.RESTRICTED
            if agenda_item.confidentiality == Confidentiality.RESTRICTED
            else Confidentiality.CONFIDENTIAL
        )
    with paper.file.open("rb") as handle:
        return paper_upload(
            agenda_item=agenda_item,
            by=by,
            upload=File(handle, name=paper.file_name),
            title=paper.title,
            confidentiality=confidentiality,
        ).paper


def refuse_unreleased_engagement_paper(checked: CheckedFile) -> None:
    """An agenda upload check (registered in NationalConfig.ready): a file byte-identical to an
    engagement paper not yet released cannot go on a board's agenda."""
    if selectors.unreleased_paper_with_hash(checked.sha256) is not None:
        raise ValidationError(
            _(
                "This file is a confidential national engagement paper that has not been "
                "released: it cannot go on a board agenda"
            )
        )


# --- responses --------------------------------------------------------------------------------


@transaction.atomic
def response_save(
    *,
    engagement: Engagement,
    respondent: Forum,
    by: User,
    steers: dict[int, str],
    local_perspective: str = "",
) -> EngagementResponse:
    """Save the draft response of a body or group; a change clears the group's agreements."""
    response, _created = EngagementResponse.objects.get_or_create(
        engagement=engagement, respondent=respondent, defaults={"drafted_by": by}
    )
    _require(by, "national.draft_engagement_response", response)
    if response.is_submitted:
        raise ValidationError(_("This response has already been submitted"))
    existing = {answer.question_id: answer for answer in response.answers.all()}
    changed = local_perspective != response.local_perspective
    for question in engagement.questions.all():
        steer = steers.get(question.pk, "")
        answer = existing.get(question.pk)
        if answer is None:
            ResponseAnswer.objects.create(response=response, question=question, steer=steer)
            changed = changed or bool(steer)
        elif answer.steer != steer:
            answer.steer = steer
            answer.save(update_fields=["steer"])
            changed = True
    response.local_perspective = local_perspective
    response.drafted_by = by
    response.save(update_fields=["local_perspective", "drafted_by"])
    if changed:
        response.agreements.all().delete()
    return response


@transaction.atomic
def response_agree(*, response: EngagementResponse, by: User) -> ResponseAgreement:
    """A group member records that they agree the collective response as it stands."""
    _require(by, "national.agree_engagement_response", response)
    if response.is_submitted:
        raise ValidationError(_("This response has already been submitted"))
    agreement, _created = ResponseAgreement.objects.get_or_create(response=response, person=by)
    return agreement


@transaction.atomic
def response_submit(*, response: EngagementResponse, by: User) -> EngagementResponse:
    """Send the response to the policy leads (a group's needs at least one member's agreement)."""
    _require(by, "national.submit_engagement_response", response)
    if response.is_submitted:
        raise ValidationError(_("This response has already been submitted"))
    if not any(answer.steer.strip() for answer in response.answers.all()):
        raise ValidationError(_("Answer at least one question before you submit"))
    if response.respondent.kind == Forum.Kind.NATIONAL_GROUP and not response.agreements.exists():
        raise ValidationError(
            _("At least one member of the group must agree the response before it is submitted")
        )
    response.status = EngagementResponse.Status.SUBMITTED
    response.submitted_by = by
    response.submitted_at = timezone.now()
    response.save(update_fields=["status", "submitted_by", "submitted_at"])
    return response


@transaction.atomic
def outcome_record(*, engagement: Engagement, by: User, outcome: str) -> Engagement:
    """ "You said, we did": what the department did with the responses."""
    _require(by, "national.lead_engagement", engagement)
    engagement.outcome = outcome
    engagement.outcome_recorded_at = timezone.now()
    engagement.save(update_fields=["outcome", "outcome_recorded_at"])
    return engagement
