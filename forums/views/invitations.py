"""Following an emailed invitation: set a name and password, or use an existing account.

The link's token is moved into the session and the browser is sent to a URL without it (as
Django's password reset does), so the token does not linger in the address bar or history.
"""

from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from forums.forms.forum import InvitationAcceptForm
from forums.selectors import forum as selectors
from forums.services import forum as services
from forums.views.common import apply_errors
from membership.models import User

SESSION_KEY = "forum_invitation_token"
BACKEND = "django.contrib.auth.backends.ModelBackend"


@login_not_required
def invitation_open(request, token):
    """The link in the email: remember the token and go to the accept page."""
    request.session[SESSION_KEY] = token
    return redirect("forums:invitation-accept")


def _problem_page(request, problem: str):
    status = 404 if problem == "unknown" else 410
    return render(
        request,
        "forums/invitation_problem.html",
        {"message": services.INVITATION_PROBLEMS[problem]},
        status=status,
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def invitation_accept(request):
    """Accept the invitation in the session, as a new person or with an existing account."""
    invitation = selectors.invitation_by_token(token=request.session.get(SESSION_KEY, ""))
    problem = services.invitation_problem(invitation)
    if problem:
        return _problem_page(request, problem)
    invited = User.objects.filter(email__iexact=invitation.email).first()
    has_account = bool(invited and invited.has_usable_password())
    context = {"invitation": invitation, "forum": invitation.forum}

    if request.user.is_authenticated:
        if has_account and invited.pk != request.user.pk:
            context["wrong_account"] = True
            return render(request, "forums/invitation_accept.html", context, status=403)
        person, form = request.user, None
    elif has_account:
        context["sign_in_url"] = f"{reverse('login')}?next={reverse('forums:invitation-accept')}"
        return render(request, "forums/invitation_accept.html", context)
    else:
        # A new person: their account was made without a password when they were invited.
        person = invited or User(email=invitation.email, full_name=invitation.full_name)
        form = InvitationAcceptForm(
            request.POST if request.method == "POST" else None,
            person=person,
            initial={"full_name": invitation.full_name},
        )

    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            if form is None:
                membership = services.invitation_accept(invitation=invitation, person=person)
            else:
                membership = services.invitation_accept(
                    invitation=invitation,
                    person=None,
                    full_name=form.cleaned_data["full_name"],
                    password=form.cleaned_data["password1"],
                )
        except ValidationError as error:
            if form is None:
                context["errors"] = error.messages
            else:
                apply_errors(form, error)
        else:
            request.session.pop(SESSION_KEY, None)
            if not request.user.is_authenticated:
                login(request, membership.person, backend=BACKEND)
            return redirect("forums:workspace-forum", membership.forum.slug)
    context["form"] = form
    return render(request, "forums/invitation_accept.html", context)
