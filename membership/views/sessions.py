"""A person's sessions: stay signed in, and sign out of every other device."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from membership import sessions, two_factor


@require_POST
def stay_signed_in(request):
    """'Stay signed in': records activity now and goes back to the page the person was on."""
    sessions.touch(request, force=True)
    return redirect(two_factor.safe_next(request, reverse("forums:workspace")))


@require_POST
def sign_out_other_devices(request):
    """Ends every session of the person but this one (a lost or shared device)."""
    ended = sessions.person_other_sessions_end(
        person=request.user, keep_session_key=request.session.session_key
    )
    if ended:
        messages.success(request, gettext("You have been signed out of all your other devices"))
    else:
        messages.success(request, gettext("You were not signed in on any other device"))
    return redirect("account")
