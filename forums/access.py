"""Which forum a person may open: the one guard of every forum workspace URL, in every app.

Standing in a forum is a current seat of any kind on it (``forums.open_workspace``). Without
standing the forum is a 404, so its existence is not confirmed; site admins and national viewers
have no standing by their role (they work in /admin/ and on the national pages). With standing
but without the permission asked for (a data submitter opening meetings, an advisory member
signing off) it is a 403.

Which forum the public may open is the other guard here, ``public_forum_for``: a forum switched
to public (``Forum.objects.public()``), else 404. Every public page, feed, calendar, report and
open-data file of a forum, in every app, opens its forum through it.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from forums.models import Forum
from membership.models import User


def forum_for(*, person: User, slug: str, perm: str | None = None) -> Forum:
    """The forum if the person has standing in it (else 404) and may ``perm`` (else 403)."""
    forum = Forum.objects.select_related("parent").filter(slug=slug).first()
    if forum is None or not person.has_perm("forums.open_workspace", forum):
        raise Http404("No forum found")
    if perm is not None and not person.has_perm(perm, forum):
        raise PermissionDenied
    return forum


def public_forum_for(*, slug: str, queryset: QuerySet[Forum] | None = None) -> Forum:
    """The forum if the public may open it (else 404); ``queryset`` adds what the page loads."""
    forums = Forum.objects.all() if queryset is None else queryset
    forum = forums.public().filter(slug=slug).first()
    if forum is None:
        raise Http404("No forum found")
    return forum
