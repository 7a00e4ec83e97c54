"""Top-level URLs: the public site at /, the workspace at /workspace/, admin and accounts."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from lcjb import health, views
from membership import two_factor

admin.site.login = two_factor.admin_login  # one sign-in page, one second factor

# Addresses outside the language prefix: machines and the admin read them in one language.
urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", include("lcjb.api.urls")),
]

# Every page a person reads: English at the address it has always had, Welsh under /cy/.
urlpatterns += i18n_patterns(
    path("accounts/", include("membership.urls_accounts")),
    path("accessibility/", views.AccessibilityStatement.as_view(), name="accessibility"),
    path("privacy/", views.PublicPage.as_view(template_name="pages/privacy.html"), name="privacy"),
    path("cookies/", views.PublicPage.as_view(template_name="pages/cookies.html"), name="cookies"),
    path("feeds/", include("forums.urls_feeds")),
    path("", include("membership.urls")),
    path("", include("forums.urls")),
    path("", include("forums.urls_meetings")),
    path("", include("forums.urls_reports")),
    path("", include("performance.urls")),
    path("", include("priorities.urls")),
    path("", include("priorities.urls_assessment")),
    path("", include("national.urls")),
    prefix_default_language=False,
)

if settings.DEBUG or getattr(settings, "BENCH_BARE_VIEW", False):
    urlpatterns.append(path("_bench/bare", views.bare, name="bench-bare"))

admin.site.site_header = settings.SERVICE_NAME
admin.site.site_title = settings.SERVICE_NAME


# A database, cache or broker outage answers 503 with Retry-After; anything else the 500 page.
handler500 = "lcjb.errors.server_error"
