"""The cascade's pages: the national team sends items and sees where they went
(/workspace/national/cascade/); a board reads what it was sent and decides
(/workspace/forums/<slug>/national/from-the-national-team/)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from forums.access import forum_for
from forums.models import Forum
from forums.views.common import apply_errors, confirm_page, form_page, posted
from national import selectors_cascade, services_cascade
from national.forms_cascade import DeclineForm, ScheduleForm, SendForm
from national.models import BulletinSection, Engagement

# --- the national team ------------------------------------------------------------------------


def _team(request, perm: str = "national.view_cascade_sent") -> None:
    """The national team's pages exist only for national viewers (404 for anyone else)."""
    if not request.user.has_perm(perm):
        raise Http404("Not found")


def sent(request):
    """Every item sent to boards, with how many took it up, and the national priorities that
    may be sent."""
    _team(request)
    return render(
        request,
        "national/cascade_sent.html",
        {
            "items": selectors_cascade.items_sent(),
            "priorities": list(
                services_cascade.national_priorities()
                .select_related("theme", "forum")
                .order_by("-plan_year", "title")
            ),
            "can_send": request.user.has_perm("national.send_to_boards"),
        },
    )


def where_it_went(request, pk):
    """Where one item went: each board's decision, reason, date and meeting, with counts."""
    _team(request)
    return render(
        request,
        "national/cascade_item.html",
        {"found": selectors_cascade.where_it_went(pk=pk)},
    )


def _send(request, source, *, back_url: str):
    form = SendForm(
        posted(request),
        initial={"purpose": "discussion", "send_to": SendForm.PICKED},
    )
    if request.method == "POST" and form.is_valid():
        try:
            item = services_cascade.cascade_send(
                by=request.user,
                source=source,
                purpose=form.cleaned_data["purpose"],
                summary=form.cleaned_data["summary"],
                consider_by=form.cleaned_data["consider_by"],
                forums=form.chosen_boards(),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("Sent to %(count)s boards' forward plans") % {"count": item.recipients.count()},
            )
            return redirect("national:cascade-item", item.pk)
    return form_page(
        request,
        form,
        title=_("Send to boards' forward plans"),
        caption=source.label,
        back_url=back_url,
        intro=_(
            "Each board's secretariat is e-mailed and decides: accept it onto the forward plan, "
            "schedule it for a meeting, or decline it with a reason."
        ),
    )


def send_section(request, pk):
    """Send a section of a published bulletin to boards."""
    _team(request, "national.send_to_boards")
    section = get_object_or_404(
        BulletinSection.objects.select_related("bulletin__series"),
        pk=pk,
        bulletin__published_at__isnull=False,
    )
    source = services_cascade.cascade_source_for_section(section)
    back = reverse(
        "national:bulletin-read", args=[section.bulletin.series.slug, section.bulletin.number]
    )
    return _send(request, source, back_url=back)


def send_priority(request, pk):
    """Send a published national priority to boards."""
    _team(request, "national.send_to_boards")
    priority = get_object_or_404(
        services_cascade.national_priorities().select_related("forum"), pk=pk
    )
    source = services_cascade.cascade_source_for_priority(priority)
    return _send(request, source, back_url=reverse("national:cascade"))


def send_engagement(request, pk):
    """Send an engagement's outcome to boards: its policy leads only, once it is released."""
    _team(request, "national.send_to_boards")
    engagement = get_object_or_404(Engagement, pk=pk)
    if not request.user.has_perm("national.lead_engagement", engagement):
        raise Http404("Not found")
    back = reverse("national:engagement", args=[engagement.pk])
    try:
        source = services_cascade.cascade_source_for_engagement(engagement)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(back)
    return _send(request, source, back_url=back)


# --- a board ------------------------------------------------------------------------------------


def _board(request, slug: str, perm: str) -> Forum:
    """The local board (404 without standing, or for a forum that is not a local board), if
    the person may ``perm`` it (else 403)."""
    forum = forum_for(person=request.user, slug=slug)
    if forum.kind != Forum.Kind.LOCAL_BOARD:
        raise Http404("Not a local board")
    if not request.user.has_perm(perm, forum):
        raise PermissionDenied
    return forum


def board(request, slug):
    """What the national team sent the board: waiting and decided for whoever runs it; what
    the board took up for its members."""
    forum = _board(request, slug, "national.view_cascaded_items")
    recipients = list(selectors_cascade.recipients_for(forum=forum, person=request.user))
    return render(
        request,
        "national/cascade_board.html",
        {
            "forum": forum,
            "waiting": [r for r in recipients if r.is_waiting],
            "decided": [r for r in recipients if not r.is_waiting],
            "can_decide": request.user.has_perm("national.decide_cascaded_item", forum),
        },
    )


def board_item(request, slug, pk):
    forum = _board(request, slug, "national.view_cascaded_items")
    recipient = selectors_cascade.recipient_for(forum=forum, person=request.user, pk=pk)
    return render(
        request,
        "national/cascade_board_item.html",
        {
            "forum": forum,
            "recipient": recipient,
            "item": recipient.item,
            "source_link": _source_link(request.user, recipient.item),
            "can_decide": recipient.is_waiting
            and request.user.has_perm("national.decide_cascaded_item", forum),
        },
    )


def _source_link(person, item) -> str:
    """The link to where the item was published, if this person may open it (a bulletin is
    read by its audience only)."""
    section = item.bulletin_section
    if section is not None and not person.has_perm("national.read_bulletin", section.bulletin):
        return ""
    engagement = item.engagement
    if (
        engagement is not None
        and not item.is_public
        and not person.has_perm("national.view_engagement", engagement)
    ):
        return ""
    return item.source_url


def _deciding(request, slug, pk):
    forum = _board(request, slug, "national.decide_cascaded_item")
    recipient = selectors_cascade.recipient_for(forum=forum, person=request.user, pk=pk)
    back = reverse("national:cascade-board-item", args=[forum.slug, recipient.pk])
    return forum, recipient, back


def _already(request, back):
    messages.info(request, _("The board has already decided on this item."))
    return redirect(back)


def accept(request, slug, pk):
    forum, recipient, back = _deciding(request, slug, pk)
    if not recipient.is_waiting:
        return _already(request, back)
    if request.method == "POST":
        try:
            services_cascade.cascade_accept(recipient=recipient, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(back)
        messages.success(request, _("Added to the forward plan"))
        return redirect("national:cascade-board", forum.slug)
    return confirm_page(
        request,
        title=_("Accept ‘%(item)s’ onto the forward plan") % {"item": recipient.item},
        button=_("Accept it"),
        back_url=back,
        what_happens=[
            _("It goes on the forward plan for %(month)s, %(purpose)s.")
            % {
                "month": date_format(recipient.item.consider_by, "F Y"),
                "purpose": recipient.item.get_purpose_display().lower(),
            },
            _("It joins that month's agenda when the meeting is set up."),
            _("The national team sees that the board accepted it."),
        ],
    )


def schedule(request, slug, pk):
    forum, recipient, back = _deciding(request, slug, pk)
    if not recipient.is_waiting:
        return _already(request, back)
    meetings = services_cascade.upcoming_meetings(forum)
    if not meetings.exists():
        messages.info(
            request,
            _("The board has no meetings coming up: accept the item onto the forward plan."),
        )
        return redirect(back)
    form = ScheduleForm(posted(request), meetings=meetings)
    if request.method == "POST" and form.is_valid():
        try:
            services_cascade.cascade_schedule(
                recipient=recipient, by=request.user, meeting=form.cleaned_data["meeting"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Scheduled for the meeting"))
            return redirect("national:cascade-board", forum.slug)
    return form_page(
        request,
        form,
        title=_("Schedule ‘%(item)s’ for a meeting") % {"item": recipient.item},
        caption=forum.name,
        back_url=back,
        intro=_(
            "It goes on the forward plan for the meeting's month and, if the meeting's agenda "
            "is not yet published, on its agenda."
        ),
    )


def decline(request, slug, pk):
    forum, recipient, back = _deciding(request, slug, pk)
    if not recipient.is_waiting:
        return _already(request, back)
    form = DeclineForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services_cascade.cascade_decline(
                recipient=recipient, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Declined: the national team can see why"))
            return redirect("national:cascade-board", forum.slug)
    return form_page(
        request,
        form,
        title=_("Decline ‘%(item)s’") % {"item": recipient.item},
        caption=forum.name,
        back_url=back,
    )
