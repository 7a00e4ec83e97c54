"""Calendar feeds: public per forum, private per person (secret token), and per meeting."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from forums.access import public_forum_for
from forums.calendar import meetings_ics
from forums.links import meeting_url, public_meeting_url
from forums.models import Meeting
from forums.selectors import meetings as meeting_selectors
from forums.services.meetings import calendar_token_reset
from forums.views.common import forum_or_404
from membership.models import User
from membership.notifications import absolute_url


def _ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


_public_url = partial(public_meeting_url, absolute=True)
_workspace_url = partial(meeting_url, absolute=True)


@login_not_required
def public_feed(request, slug):
    """A forum's public meetings (published meetings of a public forum)."""
    forum = public_forum_for(slug=slug)
    meetings = Meeting.objects.published().filter(forum=forum).select_related("forum")
    body = meetings_ics(f"{forum.name} meetings", meetings, _public_url, show_links=False)
    return _ics_response(body, f"{forum.slug}-meetings.ics")


@login_not_required
def public_meeting_ics(request, slug, pk):
    forum = public_forum_for(slug=slug)
    meeting = get_object_or_404(
        Meeting.objects.published().filter(forum=forum).select_related("forum"), pk=pk
    )
    return _ics_response(
        meetings_ics(forum.name, [meeting], _public_url, show_links=False), f"meeting-{pk}.ics"
    )


@login_not_required
def personal_feed(request, token):
    """All the person's meetings; the secret token in the address is the only credential."""
    person = User.objects.filter(calendar_token=token, is_active=True).first()
    if person is None or len(token) < 20:
        raise Http404
    meetings = meeting_selectors.calendar_meetings_for(person=person)
    return _ics_response(
        meetings_ics(gettext("Your board meetings"), meetings, _workspace_url, show_links=True),
        "meetings.ics",
    )


def meeting_ics(request, slug, pk):
    """'Add to calendar' for one meeting, for a member."""
    forum = forum_or_404(request, slug, "forums.view_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    return _ics_response(
        meetings_ics(forum.name, [meeting], _workspace_url, show_links=True), f"meeting-{pk}.ics"
    )


def calendar_settings(request):
    feed = absolute_url(reverse("meetings:personal-feed", args=[request.user.calendar_token]))
    return render(request, "forums/calendar_settings.html", {"feed_url": feed})


@require_POST
def calendar_reset(request):
    calendar_token_reset(person=request.user)
    messages.success(request, gettext("Calendar address changed: the old address no longer works"))
    return redirect("meetings:workspace-calendar")
