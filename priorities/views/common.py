"""What every workspace view of the priorities app starts with."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect

from forums.models import Forum
from priorities import selectors


def forum_or_404(request, slug: str, perm: str = "priorities.view_plans") -> Forum:
    """The forum if the person sits on it (otherwise 404), and may do ``perm`` (otherwise 403)."""
    forum = selectors.forum_for(person=request.user, slug=slug)
    if not request.user.has_perm(perm, forum):
        raise PermissionDenied
    return forum


def apply_errors(form, error: ValidationError) -> None:
    """Put a service's validation errors on the form, next to their fields where possible."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def form_page(request, form, *, title: str, caption: str = "", back_url: str = "", intro=""):
    from django.shortcuts import render

    return render(
        request,
        "components/form_page.html",
        {
            "form": form,
            "page_title": title,
            "caption": caption,
            "back_url": back_url,
            "intro": intro,
        },
    )


def back(url: str):
    return redirect(url)


def _posted(request):
    """The submitted data on a POST (even an empty one), otherwise None for an unbound form."""
    return request.POST if request.method == "POST" else None
