"""Which workspace sections of a forum the person viewing the page may open."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def member_sections_open(context, forum) -> bool:
    """Meetings, actions and priorities are for members; a data submitter or guest sees the
    overview and performance only, so the navigation offers nothing that would be refused.

    Reads the person from the request, which an ``{% include ... only %}`` still carries."""
    request = getattr(context, "request", None)
    person = getattr(request, "user", None)
    if person is None:
        return True
    return person.has_perm("forums.view_meetings", forum)


@register.simple_tag(takes_context=True)
def forum_perm(context, perm: str, forum) -> bool:
    """Whether the person on the request has ``perm`` on the forum (a navigation link that
    would be refused is left out)."""
    request = getattr(context, "request", None)
    person = getattr(request, "user", None)
    return bool(person is not None and person.has_perm(perm, forum))
