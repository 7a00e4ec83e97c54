"""Guests: the secretariat invites and withdraws them; a guest opens only what they are
invited to, through their emailed link (no account, no session: the signed link is the key)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext

from forums.forms.guests import GuestForm
from forums.selectors import guests as guest_selectors
from forums.selectors import meetings as meeting_selectors
from forums.services import guests as guest_services
from forums.views.common import apply_errors, confirm_page, form_page, forum_or_404, posted
from forums.views.papers import _file_response


def guest_list(request, slug, pk):
    """The meeting's guests, with what each is invited to and whether their link works."""
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    context = {
        "forum": forum,
        "meeting": meeting,
        "guests": guest_selectors.guests_of(meeting=meeting),
    }
    return render(request, "forums/guest_list.html", context)


def guest_invite(request, slug, pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    form = GuestForm(posted(request), meeting=meeting)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            guest = guest_services.guest_invite(
                meeting=meeting,
                by=request.user,
                name=data["name"],
                email=data["email"],
                organisation=data["organisation"],
                agenda_item=data["agenda_item"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                gettext("%(guest_name)s invited and emailed a link") % {"guest_name": guest.name},
            )
            return redirect("meetings:workspace-guests", forum.slug, meeting.pk)
    return form_page(
        request,
        form,
        title=gettext("Invite a guest"),
        caption=str(meeting),
        back_url=reverse("meetings:workspace-guests", args=[forum.slug, meeting.pk]),
        intro=gettext(
            "The guest is emailed a link to what they are invited to, and nothing else of "
            "the forum. They are told if the meeting moves or is cancelled."
        ),
    )


def guest_withdraw(request, slug, pk, guest_pk):
    """Withdraw a guest's invitation (check first): their link stops working."""
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    guest = get_object_or_404(meeting.guests, pk=guest_pk)
    back = reverse("meetings:workspace-guests", args=[forum.slug, meeting.pk])
    if request.method == "POST":
        guest_services.guest_withdraw(guest=guest, by=request.user)
        messages.success(
            request, gettext("%(guest_name)s's invitation withdrawn") % {"guest_name": guest.name}
        )
        return redirect(back)
    return confirm_page(
        request,
        title=f"Withdraw {guest.name}'s invitation",
        caption=str(meeting),
        back_url=back,
        what_happens=[
            gettext("The link %(guest_name)s was sent stops working at once.")
            % {"guest_name": guest.name},
            gettext("They were invited to: %(invited_to)s.") % {"invited_to": guest.invited_to},
        ],
        who_is_told=[],
        destructive=True,
        button=gettext("Withdraw the invitation"),
        button_gerund=gettext("withdrawing it"),
    )


@login_not_required
def guest_page(request, token):
    """What a guest sees: the meeting's time and place and only the items they are invited to."""
    guest = guest_selectors.guest_for_token(token)
    context = guest_selectors.guest_page(guest=guest)
    context["token"] = token
    response = render(request, "forums/guest_page.html", context)
    # The link is the key: keep the page out of shared caches and search engines.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@login_not_required
def guest_paper(request, token, paper_pk):
    """A paper of the guest's items (404 for any other)."""
    guest = guest_selectors.guest_for_token(token)
    paper = guest_selectors.guest_paper(guest=guest, pk=paper_pk)
    return _file_response(paper.current_version)
