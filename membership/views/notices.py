"""In-app notices: the same items a person is emailed, with read and unread."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from membership import selectors, services


@require_GET
def notice_list(request):
    """Every notice sent to the signed-in person, newest first, 25 a page."""
    notices = selectors.notices_for(person=request.user)
    page = Paginator(notices, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "membership/notice_list.html",
        {
            "notices": page.object_list,
            "page_obj": page,
            "unread_count": selectors.unread_notice_count(person=request.user),
        },
    )


@require_GET
def notice_detail(request, pk: int):
    """One notice; opening it marks it read. Another person's notice is a 404."""
    notice = get_object_or_404(selectors.notices_for(person=request.user), pk=pk)
    services.notice_mark_read(notice=notice, person=request.user)
    return render(request, "membership/notice_detail.html", {"notice": notice})


@require_POST
def notices_read_all(request):
    services.notices_mark_all_read(person=request.user)
    return redirect("membership:notices")
