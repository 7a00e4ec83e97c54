"""The public national view: every area's published figures, plans and evaluations."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

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
