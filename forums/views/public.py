"""The public site: no sign-in, published material only."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from forums.selectors import forum as selectors


@login_not_required
def home(request):
    """Every public forum, grouped by police force area."""
    areas = [area for area in selectors.public_areas_with_forums() if area.public_forums]
    return render(request, "forums/home.html", {"areas": areas})
