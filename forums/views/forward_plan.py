"""The forward plan in the workspace: list, add, change and remove items."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext

from forums.forms.forward_plan import ForwardPlanItemChangeForm, ForwardPlanItemForm
from forums.selectors import forward_plan as forward_plan_selectors
from forums.services import forward_plan as forward_plan_services
from forums.views.common import apply_errors, form_page, forum_or_404, posted


def forward_plan(request, slug):
    forum = forum_or_404(request, slug, "forums.view_meetings")
    can_manage = request.user.has_perm("forums.manage_meetings", forum)
    form = ForwardPlanItemForm(posted(request)) if can_manage else None
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                forward_plan_services.forward_plan_item_add(
                    forum=forum, by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, gettext("Added to the forward plan"))
                return redirect("meetings:workspace-forward-plan", forum.slug)
    return render(
        request,
        "forums/forward_plan_list.html",
        {
            "forum": forum,
            "items": forward_plan_selectors.forward_plan_for(forum=forum),
            "form": form,
            "can_manage": can_manage,
        },
    )


def _forward_plan_url(forum) -> str:
    return reverse("meetings:workspace-forward-plan", args=[forum.slug])


def forward_plan_item_change(request, slug, pk):
    """The secretariat or chair changes an item that is not yet on an agenda."""
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    item = forward_plan_selectors.forward_plan_item_for(forum=forum, pk=pk)
    form = ForwardPlanItemChangeForm(
        posted(request),
        initial=ForwardPlanItemChangeForm.initial_for(item),
    )
    if request.method == "POST" and form.is_valid():
        try:
            forward_plan_services.forward_plan_item_change(
                item=item, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, gettext("Forward plan item changed"))
            return redirect(_forward_plan_url(forum))
    return form_page(
        request,
        form,
        title=gettext("Change a forward plan item"),
        caption=forum.name,
        back_url=_forward_plan_url(forum),
        intro=gettext(
            "Moved to a month with a meeting already set up, the item joins that meeting's agenda."
        ),
    )


def forward_plan_item_remove(request, slug, pk):
    """Ask, then take an item off the forward plan (only while it is not on an agenda)."""
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    item = forward_plan_selectors.forward_plan_item_for(forum=forum, pk=pk)
    problem = ""
    if request.method == "POST":
        try:
            forward_plan_services.forward_plan_item_remove(item=item, by=request.user)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(
                request,
                gettext("‘%(item_title)s’ removed from the forward plan")
                % {"item_title": item.title},
            )
            return redirect(_forward_plan_url(forum))
    return render(
        request,
        "forums/forward_plan_item_remove.html",
        {"forum": forum, "item": item, "problem": problem},
        status=400 if problem else 200,
    )
