"""Workspace: the tensions register and the risk register with its heat map."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from forums.views.common import apply_errors, form_page, forum_or_404, posted
from priorities import selectors, services
from priorities.forms import RiskForm, TensionForm
from priorities.models import Priority

VIEW = "priorities.view_plans"
EDIT = "priorities.edit_plans"


def _open_priorities(forum):
    return Priority.objects.filter(forum=forum).exclude(status=Priority.Status.RETIRED)


def tension_list(request, slug):
    forum = forum_or_404(request, slug, VIEW)
    return render(
        request,
        "priorities/tension_list.html",
        {
            "forum": forum,
            "tensions": selectors.tension_list_for(forum=forum),
            "can_edit": request.user.has_perm(EDIT, forum),
        },
    )


def _tension_form(request, forum, instance=None):
    return TensionForm(
        posted(request),
        instance=instance,
        priorities=_open_priorities(forum),
        agencies=selectors.forum_agencies(forum=forum),
    )


def tension_create(request, slug):
    forum = forum_or_404(request, slug, EDIT)
    form = _tension_form(request, forum)
    if request.method == "POST" and form.is_valid():
        try:
            services.tension_create(forum=forum, by=request.user, fields=form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Tension recorded."))
            return redirect("priorities:tensions", forum.slug)
    return form_page(
        request,
        form,
        title=_("Record a tension"),
        caption=forum.name,
        back_url=reverse("priorities:tensions", args=[forum.slug]),
        intro=_(
            "A conflict between an agency's own plan or measure and the shared priorities, "
            "for example fewer hearings per case against the conviction rate."
        ),
    )


def tension_edit(request, slug, pk):
    forum = forum_or_404(request, slug, EDIT)
    tension = selectors.tension_for(forum=forum, pk=pk)
    form = _tension_form(request, forum, instance=tension)
    if request.method == "POST" and form.is_valid():
        try:
            services.tension_update(tension=tension, by=request.user, fields=form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Tension saved."))
            return redirect("priorities:tensions", forum.slug)
    return render(
        request,
        "priorities/history_form.html",
        {
            "form": form,
            "page_title": _("Change: %(title)s") % {"title": tension.title},
            "caption": forum.name,
            "back_url": reverse("priorities:tensions", args=[forum.slug]),
            "changes": selectors.changes_of(instance=tension),
        },
    )


def risk_list(request, slug):
    forum = forum_or_404(request, slug, VIEW)
    risks = list(selectors.risk_list_for(forum=forum))
    return render(
        request,
        "priorities/risk_list.html",
        {
            "forum": forum,
            "risks": risks,
            "heat_map": selectors.heat_map(risks),
            "overdue": [r for r in risks if r.is_review_overdue],
            "can_edit": request.user.has_perm(EDIT, forum),
        },
    )


def _risk_form(request, forum, instance=None):
    return RiskForm(
        posted(request),
        instance=instance,
        priorities=_open_priorities(forum),
        members=selectors.forum_members(forum=forum),
        agencies=selectors.forum_agencies(forum=forum),
    )


def risk_create(request, slug):
    forum = forum_or_404(request, slug, EDIT)
    form = _risk_form(request, forum)
    if request.method == "POST" and form.is_valid():
        try:
            services.risk_create(forum=forum, by=request.user, fields=form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Risk added to the register."))
            return redirect("priorities:risks", forum.slug)
    return form_page(
        request,
        form,
        title=_("Add a risk"),
        caption=forum.name,
        back_url=reverse("priorities:risks", args=[forum.slug]),
    )


def risk_edit(request, slug, pk):
    forum = forum_or_404(request, slug, EDIT)
    risk = selectors.risk_for(forum=forum, pk=pk)
    form = _risk_form(request, forum, instance=risk)
    if request.method == "POST" and form.is_valid():
        try:
            services.risk_update(risk=risk, by=request.user, fields=form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Risk saved."))
            return redirect("priorities:risks", forum.slug)
    return render(
        request,
        "priorities/history_form.html",
        {
            "form": form,
            "page_title": _("Change: %(title)s") % {"title": risk.title},
            "caption": forum.name,
            "back_url": reverse("priorities:risks", args=[forum.slug]),
            "changes": selectors.changes_of(instance=risk),
        },
    )
