"""What workspace views of every app share: the forum guard, form pages and service errors.

performance and priorities import these (they may import forums; forums never imports them).
"""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import ngettext

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


def confirm_page(
    request,
    *,
    title: str,
    button: str,
    caption: str = "",
    back_url: str = "",
    what_happens=(),
    who_is_told=None,
    becomes_public=None,
    warning: str = "",
    destructive: bool = False,
    button_gerund: str = "",
    hidden=None,
):
    """ "Check before you act": shows what will happen, then one button that POSTs back.

    ``who_is_told`` is a list of names (``None`` leaves the section out, ``[]`` says nobody);
    ``becomes_public`` a list of what the public will see (``None`` leaves it out); ``hidden``
    the fields posted back (a list value posts each item under the name). Views show
    this on GET and perform the action on POST, so nothing happens on one click.
    """
    told = list(who_is_told) if who_is_told is not None else None
    context = {
        "page_title": title,
        "caption": caption,
        "back_url": back_url,
        "what_happens": list(what_happens),
        "who_is_told": told,
        "who_is_told_summary": _people_count(len(told)) if told else "",
        "becomes_public": list(becomes_public) if becomes_public is not None else None,
        "warning": warning,
        "destructive": destructive,
        "button": button,
        "button_gerund": button_gerund,
        # (name, value) pairs: a list value gives one field per item (an admin action's rows).
        "hidden_fields": [
            (name, item)
            for name, value in (hidden or {}).items()
            for item in (value if isinstance(value, list | tuple) else [value])
        ],
    }
    return render(request, "components/confirm_page.html", context)


def _people_count(count: int) -> str:
    return ngettext("%(count)d person", "%(count)d people", count) % {"count": count}


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
