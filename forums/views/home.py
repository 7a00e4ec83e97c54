"""The workspace home: what the signed-in person should do next, and one-click replies."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from forums.links import rsvp_url
from forums.models import Attendance
from forums.selectors import home as home_selectors
from forums.selectors import meetings as meeting_selectors
from forums.services import attendance as attendance_services
from forums.services import home as home_services
from forums.views.common import forum_or_404
from membership import dates

# The start of "since you last looked" for this visit: kept for the whole session, so the list
# does not empty itself when the person replies to a meeting and comes back.
PAPERS_SINCE_KEY = "home_papers_since"

# The one-click replies: a deputy needs a name, so it goes to the full reply page.
QUICK_REPLIES = {
    Attendance.Reply.ATTENDING: _("attending"),
    Attendance.Reply.APOLOGIES: _("sending apologies"),
}


def workspace_home(request):
    """Next meetings with a reply, new papers, actions, sign-offs, returns, the forums' to-do."""
    kept = request.session.get(PAPERS_SINCE_KEY)
    context = home_selectors.home_page(
        person=request.user, since=datetime.datetime.fromisoformat(kept) if kept else None
    )
    if not context["only_submits"]:
        # Written on every visit (not only the first), so every visit costs the same queries.
        request.session[PAPERS_SINCE_KEY] = context["papers_since"].isoformat()
        home_services.last_looked_record(person=request.user)
    context.update(
        reply_attending=Attendance.Reply.ATTENDING, reply_apologies=Attendance.Reply.APOLOGIES
    )
    return render(request, "forums/workspace_home.html", context)


@require_POST
def home_rsvp(request, slug, pk):
    """Reply to a meeting from the home page in one click (attending or apologies)."""
    forum = forum_or_404(request, slug, "forums.rsvp")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    reply = request.POST.get("reply", "")
    if reply == Attendance.Reply.DEPUTY:
        return redirect(rsvp_url(meeting))
    if reply not in QUICK_REPLIES:
        messages.error(request, gettext("Choose whether you will attend"))
        return redirect(reverse("forums:workspace"))
    try:
        attendance_services.attendance_reply(meeting=meeting, person=request.user, reply=reply)
    except PermissionDenied:
        raise
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            gettext("Reply sent: you are %(reply)s for %(meeting)s on %(when)s")
            % {
                "reply": QUICK_REPLIES[reply],
                "meeting": meeting.title,
                "when": dates.date_and_time(meeting.starts_at),
            },
        )
    return redirect(reverse("forums:workspace"))
