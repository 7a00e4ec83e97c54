"""Agencies' returns: who owes what, entering figures by form or file, submission and review."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from forums.views.common import forum_or_404
from membership.models import Agency
from performance import imports, periods, selectors, services
from performance.forms import ReasonForm, ReturnFiguresForm, ReviewForm, UploadForm
from performance.rules import submitting_agency_ids


def _return_for(request, slug, pk, perm: str):
    forum = forum_or_404(request, slug, "performance.view_returns")
    performance_return = selectors.return_get_for(person=request.user, forum=forum, pk=pk)
    if not request.user.has_perm(perm, performance_return):
        raise PermissionDenied
    return forum, performance_return


def overview(request, slug):
    """Who owes what for which period, what is late and what is waiting for review."""
    forum = forum_or_404(request, slug, "performance.view_returns")
    own = submitting_agency_ids(request.user, forum)
    sees_all = request.user.has_perm("performance.view_all_returns", forum)
    rows = selectors.returns_overview(forum=forum, agency_ids=None if sees_all else own)
    return render(
        request,
        "performance/returns_overview.html",
        {
            "forum": forum,
            "rows": rows,
            "own_agency_ids": own,
            "late": sum(1 for row in rows if row.is_late),
            "awaiting": sum(1 for row in rows if row.awaits_review),
            "can_manage": request.user.has_perm("performance.manage_performance", forum),
        },
    )


@require_POST
def start(request, slug):
    """Open an agency's return for a period (from the overview's "Start" button)."""
    forum = forum_or_404(request, slug, "performance.view_returns")
    try:
        agency_id = int(request.POST.get("agency", ""))
    except ValueError:
        agency_id = None
    spec = periods.parse_code(request.POST.get("period", ""))
    if agency_id not in submitting_agency_ids(request.user, forum) or spec is None:
        raise PermissionDenied
    try:
        performance_return = services.return_start(
            forum=forum,
            agency=Agency.objects.get(pk=agency_id),
            period=spec,
            started_by=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("performance:returns", forum.slug)
    return redirect("performance:return-edit", forum.slug, performance_return.pk)


def detail(request, slug, pk):
    forum, performance_return = _return_for(request, slug, pk, "performance.view_return")
    user = request.user
    return render(
        request,
        "performance/return_detail.html",
        {
            "forum": forum,
            "performance_return": performance_return,
            "measurements": selectors.return_measurements(performance_return=performance_return),
            "history": selectors.return_history(performance_return=performance_return)[:50],
            "can_edit": user.has_perm("performance.edit_return", performance_return),
            "can_review": user.has_perm("performance.review_return", performance_return),
            "can_revise": user.has_perm("performance.revise_return", performance_return),
        },
    )


def edit(request, slug, pk):
    """The web form: one fieldset per indicator owed; the figures typed are kept on error."""
    forum, performance_return = _return_for(request, slug, pk, "performance.edit_return")
    indicators = list(
        services.indicators_owed(
            forum=forum,
            agency=performance_return.agency,
            frequency=performance_return.period.frequency,
        ).order_by("name")
    )
    form = ReturnFiguresForm(
        request.POST if request.method == "POST" else None,
        indicators=indicators,
        measurements=selectors.return_measurements(performance_return=performance_return),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.return_save_figures(
                performance_return=performance_return,
                figures=form.figures,
                saved_by=request.user,
                clear_totals_of=form.cleared,
            )
        except ValidationError as error:
            for problem in error.messages:
                form.add_error(None, problem)
        else:
            messages.success(request, gettext("Figures saved"))
            return redirect("performance:return-detail", forum.slug, performance_return.pk)
    return render(
        request,
        "performance/return_form.html",
        {"forum": forum, "performance_return": performance_return, "form": form},
    )


def upload(request, slug, pk):
    """Upload a filled-in template: every row checked, all or nothing, problems by row."""
    forum, performance_return = _return_for(request, slug, pk, "performance.edit_return")
    form = UploadForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    problems = []
    if request.method == "POST" and form.is_valid():
        figures, report = imports.check_rows(performance_return, form.rows)
        problems = report.by_row()
        if not problems:
            try:
                saved = services.return_save_figures(
                    performance_return=performance_return, figures=figures, saved_by=request.user
                )
            except ValidationError as error:
                problems = [(None, problem) for problem in error.messages]
            else:
                messages.success(
                    request,
                    gettext("File imported: %(rows)s rows checked, %(saved)s figures saved")
                    % {"rows": len(figures), "saved": saved},
                )
                return redirect("performance:return-detail", forum.slug, performance_return.pk)
    return render(
        request,
        "performance/return_upload.html",
        {
            "forum": forum,
            "performance_return": performance_return,
            "form": form,
            "problems": problems,
        },
    )


def template_file(request, slug, pk, fmt):
    """The template for this return, with the figures entered so far."""
    forum, performance_return = _return_for(request, slug, pk, "performance.view_return")
    name = f"{forum.slug}-{performance_return.agency.slug}-{performance_return.period.code}"
    if fmt == "xlsx":
        response = HttpResponse(
            imports.template_xlsx(performance_return),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(
            imports.template_csv(performance_return), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@require_POST
def submit(request, slug, pk):
    forum, performance_return = _return_for(request, slug, pk, "performance.submit_return")
    try:
        services.return_submit(performance_return=performance_return, submitted_by=request.user)
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    else:
        messages.success(request, gettext("Return submitted: the secretariat will review it"))
    return redirect("performance:return-detail", forum.slug, performance_return.pk)


def review(request, slug, pk):
    forum, performance_return = _return_for(request, slug, pk, "performance.review_return")
    form = ReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["decision"] == "accept":
            services.return_accept(performance_return=performance_return, accepted_by=request.user)
            messages.success(request, gettext("Return accepted: its figures now count"))
        else:
            services.return_send_back(
                performance_return=performance_return,
                returned_by=request.user,
                comments=form.cleaned_data["comments"],
            )
            messages.success(request, gettext("Return sent back to the agency with your comments"))
        return redirect("performance:returns", forum.slug)
    return render(
        request,
        "performance/return_review.html",
        {
            "forum": forum,
            "performance_return": performance_return,
            "measurements": selectors.return_measurements(performance_return=performance_return),
            "form": form,
            "page_title": gettext("Review the return"),
            "caption": forum.name,
        },
    )


def revise(request, slug, pk):
    """Reopen an accepted return to correct it: it is marked revised and reviewed again."""
    forum, performance_return = _return_for(request, slug, pk, "performance.revise_return")
    form = ReasonForm(
        request.POST if request.method == "POST" else None,
        label=gettext("Why do the figures need revising?"),
        hint=gettext("The figures stop counting until the revised return is accepted again"),
        button=gettext("Reopen to revise"),
    )
    if request.method == "POST" and form.is_valid():
        services.return_reopen_for_revision(
            performance_return=performance_return,
            reopened_by=request.user,
            reason=form.cleaned_data["reason"],
        )
        messages.success(request, gettext("Return reopened for revision"))
        return redirect("performance:return-detail", forum.slug, performance_return.pk)
    return render(
        request,
        "components/form_page.html",
        {
            "form": form,
            "page_title": gettext("Revise accepted figures"),
            "caption": f"{performance_return.agency} — {performance_return.period}",
            "back_url": reverse(
                "performance:return-detail", args=[forum.slug, performance_return.pk]
            ),
        },
    )
