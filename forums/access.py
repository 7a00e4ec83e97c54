"""Which forum a person may open: the one guard of every forum workspace URL, in every app.

Standing in a forum is a current seat of any kind on it (``forums.open_workspace``). Without
standing the forum is a 404, so its existence is not confirmed; site admins and national viewers
have no standing by their role (they work in /admin/ and on the national pages). With standing
but without the permission asked for (a data submitter opening meetings, an advisory member
signing off) it is a 403.
"""

from django.core.exceptions import PermissionDenied
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
