"""Site-wide pages that belong to no one app: accessibility, privacy, cookies, errors."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views.generic import TemplateView


@method_decorator(login_not_required, name="dispatch")
class PublicPage(TemplateView):
    """A page of fixed text anyone may read."""


@login_not_required
def bare(request):
    """The benchmark baseline: a trivial template and nothing else."""
    return render(request, "bench/bare.html", {"value": "ok"})
