"""The good-practice library: the public library and its entries, a board's own entries (write,
submit, adopt) and the national curator's review.

Public pages read only what ``selectors.readable_entries`` gives the person: published public
entries, and partners-only ones for partners. A board sees its own entries in every state
through ``forum_or_404``; the curator (a national viewer) sees what boards submitted.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from forums.views.common import apply_errors, confirm_page, form_page, forum_or_404, posted
from membership.models import PoliceForceArea
from performance.models import Indicator
from priorities import selectors, services
from priorities.forms import AdoptionForm, GoodPracticeEntryForm, LibrarySearchForm, ReviewForm
from priorities.models import GoodPracticeEntry

VIEW = "priorities.view_plans"
SHARE = "priorities.share_good_practice"
CURATE = "priorities.curate_good_practice"


# Public library


@login_not_required
@require_GET
def library(request):
    """Search the library by words, theme, agency type, area and evidence."""
    choices = selectors.library_choices()
    form = LibrarySearchForm(request.GET or None, **choices)
    filters = selectors.LibraryFilters()
    if form.is_valid():
        filters = selectors.LibraryFilters(
            query=form.cleaned_data["q"].strip(),
            theme=form.cleaned_data["theme"],
            agency_type=form.cleaned_data["agency_type"],
            area=form.cleaned_data["area"],
            evidence_level=form.cleaned_data["evidence_level"],
        )
    entries = list(selectors.library_search(person=request.user, filters=filters)[:100])
    return render(
        request,
        "priorities/good_practice_library.html",
        {"form": form, "filters": filters, "entries": entries, "themes": choices["themes"]},
    )


@login_not_required
def entry(request, pk):
    """One published entry, with the boards that adopted it."""
    item = selectors.library_entry(person=request.user, pk=pk)
    named, others = selectors.adopted_by(entry=item)
    adopted_here = {a.forum_id for a in item.adoptions.all()}
    boards = [
        board
        for board in selectors.boards_run_by(person=request.user)
        if board.pk != item.forum_id and board.pk not in adopted_here
    ]
    return render(
        request,
        "priorities/good_practice_entry.html",
        {"entry": item, "adopted_by": named, "other_adopters": others, "boards": boards},
    )


# A board's own entries


def _entry_form(request, forum, instance=None):
    from django.db.models import Q

    return GoodPracticeEntryForm(
        posted(request),
        instance=instance,
        initial=None if instance else {"area": forum.areas.order_by("name").first()},
        themes=selectors.theme_choices(forum=forum),
        areas=PoliceForceArea.objects.order_by("name"),
        agencies=selectors.forum_agencies(forum=forum),
        indicators=Indicator.objects.filter(Q(forum__isnull=True) | Q(forum=forum), is_active=True),
    )


def board_list(request, slug):
    forum = forum_or_404(request, slug, VIEW)
    return render(
        request,
        "priorities/good_practice_board.html",
        {
            "forum": forum,
            **selectors.forum_good_practice(forum=forum),
            "can_share": request.user.has_perm(SHARE, forum),
        },
    )


def board_entry(request, slug, pk):
    forum = forum_or_404(request, slug, VIEW)
    item = selectors.forum_entry(forum=forum, pk=pk)
    return render(
        request,
        "priorities/good_practice_board_entry.html",
        {"forum": forum, "entry": item, "can_share": request.user.has_perm(SHARE, forum)},
    )


def entry_create(request, slug):
    forum = forum_or_404(request, slug, SHARE)
    form = _entry_form(request, forum)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.good_practice_create(
                forum=forum, by=request.user, fields=form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Entry saved as a draft. Submit it when it is ready."))
            return redirect("priorities:good-practice-board-entry", forum.slug, item.pk)
    return form_page(
        request,
        form,
        title=_("Share good practice"),
        caption=forum.name,
        back_url=reverse("priorities:good-practice-board", args=[forum.slug]),
        intro=_(
            "Write up something your board did that others could learn from. A national "
            "curator reviews it before it is published in the good-practice library."
        ),
    )


def entry_edit(request, slug, pk):
    forum = forum_or_404(request, slug, SHARE)
    item = selectors.forum_entry(forum=forum, pk=pk)
    back = reverse("priorities:good-practice-board-entry", args=[forum.slug, item.pk])
    if not item.can_change:
        messages.error(request, _("An entry waiting for review or published cannot be changed."))
        return redirect(back)
    form = _entry_form(request, forum, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.good_practice_update(entry=item, by=request.user, fields=form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Entry saved."))
            return redirect(back)
    return form_page(request, form, title=_("Change the entry"), caption=forum.name, back_url=back)


def entry_submit(request, slug, pk):
    forum = forum_or_404(request, slug, SHARE)
    item = selectors.forum_entry(forum=forum, pk=pk)
    back = reverse("priorities:good-practice-board-entry", args=[forum.slug, item.pk])
    if request.method == "POST":
        try:
            services.good_practice_submit(entry=item, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Entry submitted for review."))
        return redirect(back)
    return confirm_page(
        request,
        title=_("Submit “%(title)s” for review") % {"title": item.title},
        caption=forum.name,
        button=_("Submit for review"),
        back_url=back,
        what_happens=[
            _(
                "A national curator reviews the entry and publishes it, for everyone or for "
                "partners only, or tells you why not."
            ),
            _("You cannot change it while it waits for review."),
        ],
        becomes_public=[_("The entry, if the curator publishes it for everyone.")],
    )


def adopt(request, slug, pk):
    forum = forum_or_404(request, slug, SHARE)
    item = selectors.library_entry(person=request.user, pk=pk)
    back = reverse("priorities:good-practice-entry", args=[item.pk])
    form = AdoptionForm(
        posted(request), priorities=selectors.adoption_priority_choices(forum=forum)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.good_practice_adopt(
                entry=item,
                forum=forum,
                by=request.user,
                priority=form.cleaned_data["priority"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("Recorded that %(forum)s adopted this practice.") % {"forum": forum.name},
            )
            return redirect(back)
    return form_page(
        request,
        form,
        title=_("Record that your board adopted “%(title)s”") % {"title": item.title},
        caption=forum.name,
        back_url=back,
    )


# The national curator


def _require_curator(request):
    if not request.user.has_perm(CURATE):
        raise PermissionDenied


def review_list(request):
    _require_curator(request)
    return render(request, "priorities/good_practice_review_list.html", selectors.review_queue())


def review(request, pk):
    _require_curator(request)
    item = selectors.entry_for_review(pk=pk)
    form = ReviewForm(posted(request)) if item.is_waiting else None
    if form is not None and request.method == "POST" and form.is_valid():
        decision = form.cleaned_data["decision"]
        try:
            if decision == ReviewForm.REJECT:
                services.good_practice_reject(
                    entry=item, by=request.user, reason=form.cleaned_data["reason"]
                )
            else:
                services.good_practice_publish(
                    entry=item,
                    by=request.user,
                    audience=decision,
                    note=form.cleaned_data["reason"],
                )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request, _("Entry published.") if item.is_published else _("Entry not published.")
            )
            return redirect("priorities:good-practice-review-list")
    return render(
        request,
        "priorities/good_practice_review.html",
        {"entry": item, "form": form, "Audience": GoodPracticeEntry.Audience},
    )
