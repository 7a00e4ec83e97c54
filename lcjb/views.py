"""Site-wide pages that belong to no one app: accessibility, privacy, cookies, errors."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views.generic import TemplateView


@method_decorator(login_not_required, name="dispatch")
class PublicPage(TemplateView):
    """A page of fixed text anyone may read."""


class AccessibilityStatement(PublicPage):
    """The accessibility statement, with the address to report a problem to from the settings."""

    template_name = "pages/accessibility.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            contact_email=settings.ACCESSIBILITY_CONTACT_EMAIL, **kwargs
        )


@login_not_required
def bare(request):
    """The benchmark baseline: a trivial template and nothing else."""
    return render(request, "bench/bare.html", {"value": "ok"})
