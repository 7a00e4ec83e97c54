"""The signed-in side: what a member, secretariat or chair works with.

Every forum is looked up through a selector scoped to the person (another forum is a 404), then
the rule for the action is checked (a member who may see but not do gets a 403).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from forums.forms.forum import (
    ForumDetailsForm,
    InvitationForm,
    MembershipEndForm,
    MembershipForm,
    PublicNameForm,
)
from forums.links import forum_url
from forums.selectors import forum as selectors
from forums.services import forum as services
from forums.views.common import apply_errors, form_page, forum_or_404, posted


def forum_workspace(request, slug):
    """A forum's overview: members by agency, the coverage check, sub-groups and parent."""
    forum = selectors.forum_overview(forum=forum_or_404(request, slug))
    can_manage = request.user.has_perm("forums.manage_membership", forum)
    can_see_members = request.user.has_perm("forums.view_members", forum)
    context = {
        "forum": forum,
        "can_manage": can_manage,
        "can_see_members": can_see_members,
        "coverage": selectors.forum_coverage(forum=forum),
        "own_seat": selectors.own_seat(person=request.user, forum=forum),
    }
    if can_see_members:
        context["groups"] = selectors.group_by_agency(selectors.forum_members(forum=forum))
    if can_manage:
        context["future_members"] = list(selectors.forum_future_members(forum=forum))
        context["past_members"] = list(selectors.forum_past_members(forum=forum))
        context["invitations"] = list(selectors.forum_invitations(forum=forum))
    return render(request, "forums/forum_workspace.html", context)


@require_http_methods(["GET", "POST"])
def forum_edit(request, slug):
    """The secretariat changes the forum's summary, terms of reference and public switch."""
    forum = forum_or_404(request, slug, "forums.manage_forum")
    form = ForumDetailsForm(
        posted(request), forum=forum, initial=ForumDetailsForm.initial_for(forum)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.forum_update(forum=forum, updated_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, gettext("The forum's details have been saved"))
            return redirect(forum_url(forum))
    return form_page(
        request,
        form,
        title=gettext("Change the forum's details"),
        caption=forum.name,
        back_url=forum_url(forum),
    )


@require_http_methods(["GET", "POST"])
def public_name(request, slug):
    """A member gives or withdraws consent to their name on the public page."""
    forum = forum_or_404(request, slug)
    seat = selectors.own_seat(person=request.user, forum=forum)
    if seat is None:
        raise Http404("No seat on this forum")
    form = PublicNameForm(
        posted(request),
        initial={"show_name_publicly": "yes" if seat.show_name_publicly else "no"},
    )
    if request.method == "POST" and form.is_valid():
        services.membership_update(
            membership=seat,
            updated_by=request.user,
            show_name_publicly=form.cleaned_data["show_name_publicly"],
        )
        messages.success(request, gettext("Your choice has been saved"))
        return redirect(forum_url(forum))
    return form_page(
        request,
        form,
        title=gettext("Your name on the public page"),
        caption=forum.name,
        back_url=forum_url(forum),
    )


@require_http_methods(["GET", "POST"])
def membership_add(request, slug):
    """Add someone who already has an account to the forum."""
    forum = forum_or_404(request, slug, "forums.manage_membership")
    form = MembershipForm(
        posted(request),
        forum=forum,
        agencies=selectors.agencies_for_forum(forum=forum),
        adding=True,
    )
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.membership_create(
                forum=forum, created_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                (
                    gettext("%(person)s has been added to %(forum)s. We have emailed them.")
                    if membership.person.is_active
                    else gettext("%(person)s has been added to %(forum)s.")
                )
                % {"person": membership.person, "forum": forum.name},
            )
            return redirect(forum_url(forum))
    return form_page(
        request,
        form,
        title=gettext("Add a member"),
        caption=forum.name,
        back_url=forum_url(forum),
        intro=gettext(
            "Add someone who already has an account. To add someone new, send them "
            "an invitation from the forum's page."
        ),
    )


def membership_detail(request, slug, pk):
    """One membership with its history of changes (secretariat and chair)."""
    forum = forum_or_404(request, slug, "forums.manage_membership")
    membership = selectors.membership_for(forum=forum, pk=pk)
    return render(
        request,
        "forums/membership_detail.html",
        {
            "forum": forum,
            "membership": membership,
            "history": selectors.membership_history(membership=membership),
        },
    )


@require_http_methods(["GET", "POST"])
def membership_edit(request, slug, pk):
    forum = forum_or_404(request, slug, "forums.manage_membership")
    membership = selectors.membership_for(forum=forum, pk=pk)
    form = MembershipForm(
        posted(request),
        forum=forum,
        agencies=selectors.agencies_for_forum(forum=forum, including=membership.agency_id),
        adding=False,
        initial=MembershipForm.initial_for(membership),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_update(
                membership=membership, updated_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                gettext("%(person)s's membership has been saved") % {"person": membership.person},
            )
            return redirect(forum_url(forum))
    return form_page(
        request,
        form,
        title=gettext("Change %(person)s's membership") % {"person": membership.person},
        caption=forum.name,
        back_url=reverse("forums:membership-detail", args=[forum.slug, membership.pk]),
    )


@require_http_methods(["GET", "POST"])
def membership_end(request, slug, pk):
    forum = forum_or_404(request, slug, "forums.manage_membership")
    membership = selectors.membership_for(forum=forum, pk=pk)
    form = MembershipEndForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_end(
                membership=membership,
                ended_by=request.user,
                end_date=form.cleaned_data["end_date"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                (
                    gettext("%(person)s's membership has been ended. We have emailed them.")
                    if membership.person.is_active
                    else gettext("%(person)s's membership has been ended.")
                )
                % {"person": membership.person},
            )
            return redirect(forum_url(forum))
    return form_page(
        request,
        form,
        title=gettext("End %(person)s's membership") % {"person": membership.person},
        caption=forum.name,
        back_url=reverse("forums:membership-detail", args=[forum.slug, membership.pk]),
        intro=gettext("The membership is kept in the forum's history; it is not deleted."),
    )


@require_http_methods(["GET", "POST"])
def invitation_new(request, slug):
    """Invite someone by email to take a seat on the forum."""
    forum = forum_or_404(request, slug, "forums.manage_membership")
    form = InvitationForm(
        posted(request), forum=forum, agencies=selectors.agencies_for_forum(forum=forum)
    )
    if request.method == "POST" and form.is_valid():
        try:
            invitation, _token = services.invitation_send(
                forum=forum, invited_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                gettext("An invitation has been sent to %(email)s") % {"email": invitation.email},
            )
            return redirect(forum_url(forum))
    return form_page(
        request,
        form,
        title=gettext("Invite someone to join"),
        caption=forum.name,
        back_url=forum_url(forum),
    )


@require_http_methods(["GET", "POST"])
def invitation_revoke(request, slug, pk):
    """Withdraw an invitation that has not been accepted yet."""
    forum = forum_or_404(request, slug, "forums.manage_membership")
    invitation = selectors.invitation_for(forum=forum, pk=pk)
    error = ""
    if request.method == "POST":
        try:
            services.invitation_revoke(invitation=invitation, revoked_by=request.user)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            messages.success(
                request,
                gettext("The invitation to %(email)s has been withdrawn")
                % {"email": invitation.email},
            )
            return redirect(forum_url(forum))
    return render(
        request,
        "forums/invitation_revoke.html",
        {"forum": forum, "invitation": invitation, "error": error},
    )
