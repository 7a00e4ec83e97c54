"""Reads of forums and memberships, scoped to who is asking."""

from django.db.models import Prefetch, QuerySet

from forums.models import Forum, Membership
from membership.models import PoliceForceArea, User


def forum_list_for(*, person: User) -> QuerySet[Forum]:
    """Forums where the person has a current seat of any kind."""
    forum_ids = Membership.objects.current().filter(person=person).values("forum_id")
    return Forum.objects.filter(pk__in=forum_ids).select_related("parent").order_by("name")


def current_memberships_of(*, person: User) -> QuerySet[Membership]:
    return (
        Membership.objects.current()
        .filter(person=person)
        .select_related("forum", "agency", "forum__parent")
        .order_by("forum__name")
    )


def public_areas_with_forums() -> QuerySet[PoliceForceArea]:
    """Police force areas, each with its public forums, in a fixed number of queries."""
    return PoliceForceArea.objects.prefetch_related(
        Prefetch(
            "forums",
            queryset=Forum.objects.public().select_related("parent").order_by("kind", "name"),
            to_attr="public_forums",
        )
    ).order_by("country", "name")
