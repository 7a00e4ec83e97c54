"""The signed-in side: what a member, secretariat or chair works with."""

from django.shortcuts import render

from forums.selectors import forum as selectors


def workspace_home(request):
    """'Your forums': every forum the person currently sits on, and in what role."""
    memberships = selectors.current_memberships_of(person=request.user)
    return render(request, "forums/workspace_home.html", {"memberships": memberships})
