"""Reporting to the national level: year-end submissions with frozen figures, and questions."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forums.models import Forum, Membership
from forums.uploads import check_upload
from membership import notifications
from membership.models import User
from national.models import (
    Bulletin,
    BulletinAttachment,
    BulletinEmailSubscriber,
    BulletinSection,
    BulletinSeries,
    ContentOffer,
    EscalationTheme,
    NationalQuestion,
    NationalSubmission,
)
from performance.selectors import forum_dashboard, victims_code_compliance
from priorities.models import AnnualEvaluation, plan_year_label

Kind = NationalSubmission.Kind


def _figure(summary) -> dict:
    latest = summary.latest
    return {
        "indicator": summary.indicator.slug,
        "name": summary.indicator.name,
        "agency_type": summary.indicator.responsible_agency_type.name,
        "period": latest.period.label if latest else "",
        "value": summary.latest_text if latest else "",
        "target": summary.target_text if latest and summary.target else "",
        "rag": summary.rag.code,
    }


def snapshot_for(*, forum: Forum, kind: str, plan_year: int, evaluation=None) -> dict:
    """The figures (and outcomes) as they stand now, frozen into plain values: later revisions
    of a figure never change what was submitted."""
    board = forum_dashboard(
        forum=forum, published_only=False, ended_before=datetime.date(plan_year + 1, 4, 1)
    )
    snapshot: dict = {"taken_at": timezone.now().isoformat()}
    if kind == Kind.VICTIMS_CODE:
        snapshot["rights"] = [
            {
                "number": row.right.number,
                "title": row.right.short_title,
                "figures": [_figure(summary) for summary in row.summaries if summary.latest],
            }
            for row in victims_code_compliance(dashboard=board)
        ]
    else:
        snapshot["summary"] = evaluation.summary
        snapshot["outcomes"] = [
            {
                "priority": outcome.priority.title,
                "theme": outcome.priority.theme.name,
                "outcome": outcome.outcome,
                "narrative": outcome.narrative,
                "next_action": outcome.next_action,
            }
            for outcome in evaluation.outcomes.select_related("priority__theme")
        ]
        snapshot["figures"] = [_figure(summary) for summary in board.with_figures]
    return snapshot


@transaction.atomic
def submission_make(
    *, forum: Forum, kind: str, plan_year: int, note: str, submitted_by: User
) -> NationalSubmission:
    """Submit (or submit again) a plan year's annual evaluation or Victims' Code report."""
    evaluation = None
    if kind == Kind.ANNUAL_EVALUATION:
        evaluation = AnnualEvaluation.objects.filter(
            forum=forum, plan_year=plan_year, status=AnnualEvaluation.Status.APPROVED
        ).first()
        if evaluation is None:
            raise ValidationError(
                _(
                    "The annual evaluation of %(year)s must be approved by the chair before "
                    "it is submitted"
                )
                % {"year": plan_year_label(plan_year)}
            )
    submission, _created = NationalSubmission.objects.update_or_create(
        forum=forum,
        kind=kind,
        plan_year=plan_year,
        defaults={
            "evaluation": evaluation,
            "note": note,
            "snapshot": snapshot_for(
                forum=forum, kind=kind, plan_year=plan_year, evaluation=evaluation
            ),
            "submitted_by": submitted_by,
            "submitted_at": timezone.now(),
        },
    )
    return submission


def _running(forum: Forum) -> list[User]:
    return [
        seat.person
        for seat in Membership.objects.current()
        .filter(forum=forum, role__in=Membership.RUNNING_ROLES)
        .select_related("person")
    ]


@transaction.atomic
def question_ask(
    *, forum: Forum, question: str, asked_by: User, submission: NationalSubmission | None = None
) -> NationalQuestion:
    """Ask a board a question; its secretariat and chair are told, and it waits on their home."""
    asked = NationalQuestion.objects.create(
        forum=forum, question=question, asked_by=asked_by, submission=submission
    )
    url = reverse("national:forum-reporting", args=[forum.slug])
    transaction.on_commit(
        lambda: notifications.notify(
            key=f"national-question:{asked.pk}",
            recipients=_running(forum),
            category="priorities",
            subject=gettext_lazy("A question from the national team"),
            template="national/email/question_asked",
            context={"question": asked, "forum": forum},
            url=url,
        )
    )
    return asked


@transaction.atomic
def question_answer(*, question: NationalQuestion, answer: str, answered_by: User):
    """Answer a national question; whoever asked it is told."""
    if question.is_answered:
        raise ValidationError(_("This question has already been answered"))
    question.answer = answer
    question.answered_by = answered_by
    question.answered_at = timezone.now()
    question.save(update_fields=["answer", "answered_by", "answered_at"])
    transaction.on_commit(
        lambda: notifications.notify(
            key=f"national-answer:{question.pk}",
            recipients=[question.asked_by],
            category="priorities",
            subject=gettext_lazy("A board has answered your question"),
            template="national/email/question_answered",
            context={"question": question, "forum": question.forum},
            url=reverse("national:workspace"),
        )
    )
    return question


# --- bulletins --------------------------------------------------------------------------------


def _require_editor(person: User, series: BulletinSeries | None) -> None:
    if series is None or not person.has_perm("national.edit_series", series):
        raise PermissionDenied


@transaction.atomic
def series_save(*, by: User, fields: dict) -> BulletinSeries:
    """Start a series: a national one (the national team) or a regional board's (whoever runs
    the board)."""
    series = BulletinSeries(**fields)
    if series.publisher_forum is not None and not series.publisher:
        series.publisher = series.publisher_forum.name
    _require_editor(by, series)
    series.save()
    return series


@transaction.atomic
def bulletin_save(*, by: User, fields: dict, bulletin: Bulletin | None = None) -> Bulletin:
    """Write a draft bulletin, or change one (a published bulletin stays as it was sent)."""
    if bulletin is not None:
        _require_editor(by, bulletin.series)
        if bulletin.is_published:
            raise ValidationError(_("A published bulletin cannot be changed"))
    bulletin = bulletin or Bulletin(created_by=by)
    for name, value in fields.items():
        setattr(bulletin, name, value)
    if not by.has_perm("national.edit_series", bulletin.series):
        raise ValidationError({"series": _("Choose a series you publish")})
    if bulletin.audience == Bulletin.Audience.GROUP and bulletin.group is None:
        raise ValidationError({"group": _("Choose the board or group the bulletin is for")})
    if bulletin.audience != Bulletin.Audience.GROUP:
        bulletin.group = None
    if (
        Bulletin.objects.filter(series=bulletin.series, number=bulletin.number)
        .exclude(pk=bulletin.pk)
        .exists()
    ):
        raise ValidationError({"number": _("That series already has a bulletin with this number")})
    bulletin.save()
    return bulletin


@transaction.atomic
def section_save(
    *, bulletin: Bulletin, by: User, fields: dict, section: BulletinSection | None = None
) -> BulletinSection:
    _require_editor(by, bulletin.series)
    if bulletin.is_published:
        raise ValidationError(_("A published bulletin cannot be changed"))
    section = section or BulletinSection(bulletin=bulletin, position=bulletin.sections.count())
    for name, value in fields.items():
        setattr(section, name, value)
    section.save()
    return section


@transaction.atomic
def attachment_add(*, section: BulletinSection, by: User, title: str, upload) -> BulletinAttachment:
    """Attach a file to a draft's section; its type is checked from its content, its size too."""
    _require_editor(by, section.bulletin.series)
    if section.bulletin.is_published:
        raise ValidationError(_("A published bulletin cannot be changed"))
    try:
        checked = check_upload(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    attachment = BulletinAttachment(
        section=section,
        title=title,
        file_name=checked.file_name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=by,
    )
    attachment.file.save(checked.file_name, File(upload, name=checked.file_name), save=False)
    attachment.save()
    return attachment


@transaction.atomic
def attachment_remove(*, attachment: BulletinAttachment, by: User) -> None:
    """Take a file off a draft (the history keeps the record of it)."""
    _require_editor(by, attachment.section.bulletin.series)
    if attachment.section.bulletin.is_published:
        raise ValidationError(_("A published bulletin cannot be changed"))
    attachment.delete()


@transaction.atomic
def bulletin_publish(*, bulletin: Bulletin, by: User) -> Bulletin:
    """Publish: it shows to its audience, and each subscriber of the series who is in the
    audience is e-mailed once."""
    _require_editor(by, bulletin.series)
    if bulletin.is_published:
        raise ValidationError(_("This bulletin is already published"))
    if not bulletin.sections.exists():
        raise ValidationError(_("Add at least one section before publishing"))
    bulletin.published_at = timezone.now()
    bulletin.save(update_fields=["published_at"])
    from national.selectors import readable_bulletins

    readers = [
        person
        for person in bulletin.series.subscribers.filter(is_active=True)
        if readable_bulletins(person).filter(pk=bulletin.pk).exists()
    ]
    url = reverse("national:bulletin-read", args=[bulletin.series.slug, bulletin.number])
    from national import bulletin_mail

    # Addresses subscribed on the public site get it only if the public may read it (the
    # audience rule decides, in the task).
    transaction.on_commit(lambda: bulletin_mail.send_public_bulletin.delay(bulletin.pk))
    transaction.on_commit(
        lambda: notifications.notify(
            key=f"bulletin:{bulletin.pk}",
            recipients=readers,
            category="bulletins",
            subject=gettext_lazy("%(bulletin)s: %(title)s")
            % {"bulletin": str(bulletin), "title": bulletin.title},
            template="national/email/bulletin_published",
            context={"bulletin": bulletin, "sections": list(bulletin.sections.all())},
            url=url,
            essential=True,  # they subscribed; unsubscribing is one button on the page
        )
    )
    return bulletin


# How soon a second confirmation e-mail may go to the same address (whoever asks for it).
CONFIRMATION_INTERVAL = datetime.timedelta(minutes=15)


@transaction.atomic
def email_subscription_request(*, series: BulletinSeries, email: str, language: str) -> None:
    """Someone asks, on the public site, for a series' public bulletins at an address.

    A confirmation with a signed link is e-mailed (double opt-in) unless the address already
    receives the series or was sent one a moment ago; the caller says the same whatever
    happened, so whether an address is subscribed is never revealed."""
    if not series.bulletins.public().exists():
        raise ValidationError(_("This series has no public bulletins to send"))
    email = email.strip()
    subscriber = (
        BulletinEmailSubscriber.objects.select_for_update()
        .filter(series=series, email__iexact=email)
        .first()
    )
    now = timezone.now()
    if subscriber is None:
        subscriber = BulletinEmailSubscriber.objects.create(
            series=series, email=email, language=language, asked_at=now
        )
    elif (
        subscriber.is_receiving
        or subscriber.unsubscribed_at is None
        and now - subscriber.asked_at < CONFIRMATION_INTERVAL
    ):
        return
    else:
        subscriber.asked_at, subscriber.language = now, language
        subscriber.confirmed_at = subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["asked_at", "language", "confirmed_at", "unsubscribed_at"])
    from national import bulletin_mail

    transaction.on_commit(lambda: bulletin_mail.send_confirmation.delay(subscriber.pk))


@transaction.atomic
def email_subscription_confirm(*, subscriber: BulletinEmailSubscriber) -> None:
    """The address's owner followed the signed link: the next public bulletin goes to it."""
    if subscriber.confirmed_at is None:
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["confirmed_at", "unsubscribed_at"])


@transaction.atomic
def unsubscribe_by_token(*, token_data: dict) -> BulletinSeries | None:
    """Stop a series' e-mails from a signed unsubscribe link (no sign-in): a public address's,
    or a signed-in subscriber's. Returns the series, or None if the link names nothing."""
    if "e" in token_data:
        subscriber = (
            BulletinEmailSubscriber.objects.select_related("series")
            .filter(pk=token_data["e"])
            .first()
        )
        if subscriber is None:
            return None
        if subscriber.unsubscribed_at is None:
            subscriber.unsubscribed_at = timezone.now()
            subscriber.save(update_fields=["unsubscribed_at"])
        return subscriber.series
    series = BulletinSeries.objects.filter(pk=token_data.get("s")).first()
    person = User.objects.filter(pk=token_data.get("u")).first()
    if series is None or person is None:
        return None
    subscription_set(series=series, person=person, subscribed=False)
    return series


@transaction.atomic
def subscription_set(*, series: BulletinSeries, person: User, subscribed: bool) -> None:
    if subscribed:
        series.subscribers.add(person)
    else:
        series.subscribers.remove(person)


@transaction.atomic
def content_offer(*, bulletin: Bulletin, person: User, text: str) -> ContentOffer:
    """Answer a bulletin's call for content (readers only, while the call is open)."""
    if not person.has_perm("national.read_bulletin", bulletin):
        raise PermissionDenied
    if not bulletin.call_is_open:
        raise ValidationError(_("The call for content has closed"))
    return ContentOffer.objects.create(bulletin=bulletin, person=person, text=text)


@transaction.atomic
def escalation_file(*, escalation, theme, by: User) -> None:
    """File a national escalation under a priority theme (or change the theme)."""
    if not by.has_perm("forums.answer_national_escalations"):
        raise PermissionDenied
    EscalationTheme.objects.update_or_create(
        escalation=escalation, defaults={"theme": theme, "filed_by": by, "filed_at": timezone.now()}
    )
