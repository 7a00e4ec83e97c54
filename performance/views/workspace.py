"""The signed-in side: dashboards, targets, local indicators and publication of periods."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from forums import reports
from forums.views.common import forum_or_404
from membership.models import Agency
from performance import selectors, services
from performance.forms import LocalIndicatorForm, ReasonForm, TargetForm
from performance.rules import lead_agency_ids


def _errors(error: ValidationError) -> list[str]:
    return error.messages


def dashboard(request, slug):
    """Accepted figures of the forum, published or not, with RAG, targets and trends.

    A data submitter (who sees nothing but their agency's returns) is taken to their returns.
    """
    forum = forum_or_404(request, slug)
    if not request.user.has_perm("performance.view_dashboard", forum):
        if request.user.has_perm("performance.view_returns", forum):
            return redirect("performance:returns", forum.slug)
        raise PermissionDenied
    board = selectors.forum_dashboard(forum=forum, published_only=False)
    return render(
        request,
        "performance/dashboard.html",
        {
            "forum": forum,
            "dashboard": board,
            "public": False,
            "can_manage": request.user.has_perm("performance.manage_performance", forum),
            "exceptions": selectors.performance_exceptions(dashboard=board),
        },
    )


def victims_code(request, slug):
    forum = forum_or_404(request, slug, "performance.view_dashboard")
    board = selectors.forum_dashboard(forum=forum, published_only=False)
    rights = selectors.victims_code_compliance(dashboard=board)
    return render(
        request,
        "performance/victims_code.html",
        {"forum": forum, "rights": rights, "public": False},
    )


def indicator(request, slug, indicator):
    forum = forum_or_404(request, slug, "performance.view_dashboard")
    found = selectors.indicators_for_forum(forum=forum).filter(slug=indicator).first()
    if found is None:
        raise Http404("No such indicator")
    board = selectors.forum_dashboard(forum=forum, published_only=False, indicator=found)
    summary = board.summaries[0]
    areas, average = selectors.indicator_comparison(forum=forum, summary=summary)
    return render(
        request,
        "performance/indicator_detail.html",
        {"forum": forum, "summary": summary, "areas": areas, "average": average, "public": False},
    )


def targets(request, slug):
    """The forum's targets (and its areas'); the secretariat can add or change one."""
    forum = forum_or_404(request, slug, "performance.view_dashboard")
    can_manage = request.user.has_perm("performance.manage_performance", forum)
    form = None
    if can_manage:
        form = TargetForm(
            request.POST if request.method == "POST" else None,
            indicators=selectors.indicators_for_forum(forum=forum),
            areas=forum.areas.order_by("name"),
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            area = data.get("applies_to")
            try:
                services.target_set(
                    forum=forum,
                    indicator=data["indicator"],
                    period=data["period"],
                    value=data["value"],
                    amber_tolerance=data["amber_tolerance"],
                    set_by=request.user,
                    area=area,
                )
            except ValidationError as error:
                for field, problems in error.message_dict.items():
                    for problem in problems:
                        form.add_error(field if field in form.fields else None, problem)
            else:
                if area:
                    saved = gettext("Target saved for %(indicator)s across %(area)s") % {
                        "indicator": data["indicator"],
                        "area": area.name,
                    }
                else:
                    saved = gettext("Target saved for %(indicator)s") % {
                        "indicator": data["indicator"]
                    }
                messages.success(request, saved)
                return redirect("performance:targets", forum.slug)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "performance/target_list.html",
        {"forum": forum, "targets": selectors.targets_for(forum=forum), "form": form},
    )


def indicator_list(request, slug):
    """The indicator catalogue: the national core suite and the forum's local indicators."""
    forum = forum_or_404(request, slug, "performance.view_dashboard")
    return render(
        request,
        "performance/indicator_list.html",
        {
            "forum": forum,
            "indicators": selectors.indicators_for_forum(forum=forum),
            "can_manage": request.user.has_perm("performance.manage_performance", forum),
        },
    )


def indicator_create(request, slug):
    forum = forum_or_404(request, slug, "performance.manage_performance")
    form = LocalIndicatorForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        created = services.indicator_create_local(
            forum=forum, created_by=request.user, **form.cleaned_data
        )
        messages.success(
            request, gettext("Local indicator added: %(name)s") % {"name": created.name}
        )
        return redirect("performance:workspace-dashboard", forum.slug)
    return render(
        request,
        "components/form_page.html",
        {
            "form": form,
            "page_title": gettext("Add a local indicator"),
            "caption": forum.name,
            "back_url": reverse("performance:workspace-dashboard", args=[forum.slug]),
            "intro": gettext(
                "Only this forum uses a local indicator. The national core suite "
                "comes with the product."
            ),
        },
    )


def period_list(request, slug):
    forum = forum_or_404(request, slug, "performance.view_dashboard")
    return render(
        request,
        "performance/period_list.html",
        {"forum": forum, "periods": selectors.periods_with_returns(forum=forum)},
    )


def period_detail(request, slug, code):
    """Confirmation by each agency, then publication, of one period's figures."""
    forum = forum_or_404(request, slug, "performance.view_dashboard")
    period = selectors.period_for_forum(forum=forum, code=code)
    state = selectors.period_state(forum=forum, period=period)
    return render(
        request,
        "performance/period_detail.html",
        {
            "forum": forum,
            "state": state,
            "can_manage": request.user.has_perm("performance.manage_performance", forum),
            "lead_agency_ids": lead_agency_ids(request.user, forum),
            "report_kind": reports.kind_offered_to(request.user, forum, "performance_report"),
        },
    )


@require_POST
def period_confirm(request, slug, code, agency):
    """The agency's lead confirms its figures for the period may be published."""
    forum = forum_or_404(request, slug, "performance.view_dashboard")
    period = selectors.period_for_forum(forum=forum, code=code)
    if agency not in lead_agency_ids(request.user, forum):
        raise PermissionDenied
    found = get_object_or_404(Agency, pk=agency)
    try:
        services.figures_confirm(
            forum=forum, period=period, agency=found, confirmed_by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(_errors(error)))
    else:
        messages.success(
            request,
            gettext("You have confirmed %(agency)s's figures for %(period)s")
            % {"agency": found, "period": period},
        )
    return redirect("performance:period-detail", forum.slug, period.code)


def period_reason(request, slug, code, agency):
    """The secretariat records why an agency's figures go ahead without its confirmation."""
    forum = forum_or_404(request, slug, "performance.manage_performance")
    period = selectors.period_for_forum(forum=forum, code=code)
    found = get_object_or_404(Agency, pk=agency)
    form = ReasonForm(
        request.POST if request.method == "POST" else None,
        label=gettext("Why are %(agency)s's figures going ahead without its confirmation?")
        % {"agency": found},
        hint=gettext("This is kept with the period's publication record"),
        button=gettext("Record reason"),
    )
    if request.method == "POST" and form.is_valid():
        services.confirmation_record_reason(
            forum=forum,
            period=period,
            agency=found,
            reason=form.cleaned_data["reason"],
            recorded_by=request.user,
        )
        messages.success(request, gettext("Reason recorded for %(agency)s") % {"agency": found})
        return redirect("performance:period-detail", forum.slug, period.code)
    return render(
        request,
        "components/form_page.html",
        {
            "form": form,
            "page_title": gettext("Record why figures are not confirmed"),
            "caption": f"{forum.name} — {period}",
            "back_url": reverse("performance:period-detail", args=[forum.slug, period.code]),
        },
    )


@require_POST
def period_publish(request, slug, code):
    forum = forum_or_404(request, slug, "performance.manage_performance")
    period = selectors.period_for_forum(forum=forum, code=code)
    if request.POST.get("action") == "unpublish":
        services.period_unpublish(forum=forum, period=period, unpublished_by=request.user)
        messages.success(
            request, gettext("Figures for %(period)s are no longer public") % {"period": period}
        )
    else:
        try:
            services.period_publish(forum=forum, period=period, published_by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(_errors(error)))
        else:
            messages.success(
                request, gettext("Figures for %(period)s are now public") % {"period": period}
            )
    return redirect("performance:period-detail", forum.slug, period.code)


def exceptions(request, slug):
    """Figures off target twice running or beyond their usual range; the secretariat can put
    a drafted item about each on the agenda of the forum's next meeting."""
    forum = forum_or_404(request, slug, "performance.view_dashboard")
    can_manage = request.user.has_perm("performance.manage_performance", forum)
    board = selectors.forum_dashboard(forum=forum, published_only=False)
    found = selectors.performance_exceptions(dashboard=board)
    meeting = selectors.next_meeting(forum=forum)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        chosen = [e for e in found if e.summary.indicator.slug == request.POST.get("indicator")]
        if not chosen or meeting is None:
            raise Http404("No such exception")
        try:
            services.exception_propose_agenda_item(
                meeting=meeting, exception=chosen[0], proposed_by=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                gettext(
                    "Drafted item proposed for %(meeting)s: accept it from the meeting's agenda"
                )
                % {"meeting": meeting},
            )
        return redirect("performance:exceptions", forum.slug)
    return render(
        request,
        "performance/exceptions.html",
        {"forum": forum, "exceptions": found, "meeting": meeting, "can_manage": can_manage},
    )


def meetings(request, slug):
    """The forum's meetings and the figures frozen for each one's performance paper."""
    forum = forum_or_404(request, slug, "performance.view_dashboard")
    return render(
        request,
        "performance/meeting_list.html",
        {"forum": forum, "meetings": selectors.meetings_with_figures(forum=forum)},
    )


def meeting_figures(request, slug, meeting):
    """The figures as they stood when the meeting's papers were published, beside today's."""
    forum = forum_or_404(request, slug, "performance.view_dashboard")
    found = selectors.meeting_of(forum=forum, pk=meeting)
    can_manage = request.user.has_perm("performance.manage_performance", forum)
    board = selectors.forum_dashboard(forum=forum, published_only=False)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        try:
            services.meeting_figures_freeze(
                meeting=found, frozen_by=request.user, summaries=board.summaries
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, gettext("Figures frozen for %(meeting)s") % {"meeting": found}
            )
        return redirect("performance:meeting-figures", forum.slug, found.pk)
    snapshot = getattr(found, "performance_figures", None)
    rows = selectors.frozen_against_now(snapshot=snapshot, dashboard=board) if snapshot else []
    return render(
        request,
        "performance/meeting_figures.html",
        {
            "forum": forum,
            "meeting": found,
            "snapshot": snapshot,
            "rows": rows,
            "can_freeze": can_manage and found.status == found.Status.SCHEDULED,
        },
    )
