"""Public performance pages: published periods of public forums only."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import render

from forums.access import public_forum_for
from forums.models import Forum
from performance import selectors


@login_not_required
def dashboard(request, slug):
    """A public forum's published figures: latest value, RAG, target, direction and trend."""
    forum = public_forum_for(slug=slug, queryset=Forum.objects.prefetch_related("areas"))
    board = selectors.forum_dashboard(forum=forum, published_only=True)
    return render(
        request,
        "performance/dashboard.html",
        {"forum": forum, "dashboard": board, "public": True},
    )


@login_not_required
def victims_code(request, slug):
    forum = public_forum_for(slug=slug, queryset=Forum.objects.prefetch_related("areas"))
    board = selectors.forum_dashboard(forum=forum, published_only=True)
    rights = selectors.victims_code_compliance(dashboard=board)
    return render(
        request,
        "performance/victims_code.html",
        {"forum": forum, "rights": rights, "public": True},
    )


@login_not_required
def indicator(request, slug, indicator):
    forum = public_forum_for(slug=slug, queryset=Forum.objects.prefetch_related("areas"))
    found = selectors.indicators_for_forum(forum=forum).filter(slug=indicator).first()
    if found is None:
        raise Http404("No such indicator")
    board = selectors.forum_dashboard(forum=forum, published_only=True, indicator=found)
    summary = board.summaries[0]
    areas, average = selectors.indicator_comparison(forum=forum, summary=summary)
    return render(
        request,
        "performance/indicator_detail.html",
        {
            "forum": forum,
            "summary": summary,
            "areas": areas,
            "average": average,
            "public": True,
        },
    )
