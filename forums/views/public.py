"""The public site: no sign-in, published material only.

Reads go only through ``Forum.objects.public()`` (via the public selectors): a private forum is
a 404, and members' names appear only with their consent.
"""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from forums.selectors import forum as selectors

# The countries police force areas are in (stored in English), as a page names them.
COUNTRY_NAMES = {"England": _("England"), "Wales": _("Wales")}


@login_not_required
def home(request):
    """Every public forum, grouped by police force area."""
    areas = [area for area in selectors.public_areas_with_forums() if area.public_forums]
    countries = {}
    for area in areas:
        countries.setdefault(area.country, []).append(area)
    return render(
        request,
        "forums/home.html",
        {
            "areas": areas,
            "countries": [
                (COUNTRY_NAMES.get(country, country), country_areas)
                for country, country_areas in sorted(countries.items())
            ],
        },
    )


@login_not_required
def public_forum(request, slug):
    """A forum's public page: areas, chair, agencies represented, sub-groups, terms."""
    forum = selectors.public_forum_page(slug=slug)
    return render(
        request,
        "forums/forum_public.html",
        {"forum": forum, "seats": selectors.public_seats(forum=forum)},
    )
