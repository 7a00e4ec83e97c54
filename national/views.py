"""The public national view: every area's published figures, plans and evaluations."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from forums.access import forum_for, public_forum_for
from forums.models import Forum
from national import selectors


@login_not_required
def overview(request):
    """/national/: the core data suite, themes by area, evaluations and who is behind."""
    return render(request, "national/overview.html", selectors.national_view())


@login_not_required
def indicator(request, indicator):
    """One core indicator across every area, sortable by area, figure or status (links)."""
    found = selectors.core_indicators().filter(slug=indicator).first()
    if found is None:
        raise Http404("No such indicator")
    row = selectors.core_data(indicator=found)[0]
    sort = request.GET.get("sort", "area")
    if sort not in selectors.SORTS:
        sort = "area"
    descending = request.GET.get("order") == "descending"
    return render(
        request,
        "national/indicator.html",
        {
            "row": row,
            "figures": selectors.sorted_figures(row, sort, descending),
            "sort": sort,
            "descending": descending,
            "columns": [("area", _("Area")), ("figure", _("Figure")), ("status", _("Status"))],
        },
    )


def _roll_up_page(request, forum, *, for_members: bool):
    if forum.kind != Forum.Kind.REGIONAL_BOARD:
        raise Http404("Not a regional board")
    roll_up = selectors.region_roll_up(region=forum, for_members=for_members)
    return render(
        request,
        "national/region.html",
        {"forum": forum, "roll_up": roll_up, "public": not for_members},
    )


@login_not_required
def region(request, slug):
    """A regional board's public page of its member boards: published material only."""
    forum = public_forum_for(slug=slug, queryset=Forum.objects.prefetch_related("areas"))
    return _roll_up_page(request, forum, for_members=False)


def region_workspace(request, slug):
    """The regional board's members' roll-up: also the risks boards share upward and their
    escalations. Read only: the regional board governs none of its member boards."""
    forum = forum_for(person=request.user, slug=slug, perm="national.view_region_roll_up")
    return _roll_up_page(request, forum, for_members=True)
