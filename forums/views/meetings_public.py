"""Public meeting pages: read only through published-only querysets."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from forums.access import public_forum_for
from forums.models import ForwardPlanItem
from forums.selectors import meetings as meeting_selectors
from forums.selectors import papers as paper_selectors
from forums.views.papers import _file_response


@login_not_required
def meeting_list(request, slug):
    forum = public_forum_for(slug=slug)
    context = {"forum": forum, **meeting_selectors.public_meeting_list(forum=forum)}
    return render(request, "forums/meeting_public_list.html", context)


@login_not_required
def meeting_detail(request, slug, pk):
    forum = public_forum_for(slug=slug)
    context = meeting_selectors.public_meeting_page(forum=forum, pk=pk)
    return render(request, "forums/meeting_public_detail.html", context)


@login_not_required
def paper_download(request, slug, paper_pk):
    forum = public_forum_for(slug=slug)
    paper = paper_selectors.public_paper(pk=paper_pk)
    if paper.agenda_item.meeting.forum_id != forum.pk:
        from django.http import Http404

        raise Http404
    return _file_response(paper.current_version)


@login_not_required
def forward_plan(request, slug):
    forum = public_forum_for(slug=slug)
    items = ForwardPlanItem.objects.public().filter(forum=forum).select_related("presenter_agency")
    return render(request, "forums/forward_plan_public.html", {"forum": forum, "items": items})
