"""A forum's audit trail for those who run it: who changed what, when, before → after."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from forums import confidentiality
from forums.forms.audit import AuditFilterForm
from forums.selectors import audit as selectors
from forums.views.common import forum_or_404


@require_GET
def audit_list(request, slug):
    """Every recorded change on the forum, newest first, 25 a page; filter by kind and person."""
    forum = forum_or_404(request, slug, "forums.view_audit")
    viewer = confidentiality.viewer(request.user, forum)
    filters = AuditFilterForm(
        request.GET or None, people=selectors.audit_people(forum=forum, viewer=viewer)
    )
    criteria = filters.cleaned_data if filters.is_valid() else {}
    page, rows = selectors.audit_page(
        forum=forum,
        viewer=viewer,
        kind=criteria.get("kind", ""),
        person_id=criteria.get("person"),
        page=request.GET.get("page"),
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "forums/audit_list.html",
        {
            "forum": forum,
            "filters": filters,
            "page_obj": page,
            "rows": rows,
            "query": query.urlencode(),
        },
    )
