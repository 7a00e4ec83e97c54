"""What workspace views of every app share: the forum guard, form pages and service errors.

performance and priorities import these (they may import forums; forums never imports them).
"""

from django.core.exceptions import ValidationError
from django.shortcuts import render

from forums.access import forum_for
from forums.models import Forum


def forum_or_404(request, slug: str, perm: str | None = None) -> Forum:
    """The forum if the person has standing in it (else 404) and may ``perm`` (else 403)."""
    return forum_for(person=request.user, slug=slug, perm=perm)


def posted(request):
    """The submitted data on a POST (even an empty one, so missing answers show errors)."""
    return request.POST if request.method == "POST" else None


def apply_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form, next to its field where it names one."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def form_page(request, form, *, title: str, caption: str = "", back_url: str = "", intro=""):
    """A page with one form on it: caption, heading, introduction, the form and a back link."""
    context = {
        "form": form,
        "page_title": title,
        "caption": caption,
        "back_url": back_url,
        "intro": intro,
    }
    return render(request, "components/form_page.html", context)
