"""/api/: the front page, one list and one detail per kind of public row, the OpenAPI schema
and its documentation page."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import SimpleRouter

from lcjb.api import docs
from lcjb.api.http import PublicApiThrottle
from lcjb.api.views import ENDPOINTS, Root

app_name = "api"

router = SimpleRouter()
for prefix, name, viewset in ENDPOINTS:
    router.register(prefix, viewset, basename=name)

schema_view = SpectacularJSONAPIView.as_view(
    authentication_classes=[], permission_classes=[], throttle_classes=[PublicApiThrottle]
)

urlpatterns = [
    path("", Root.as_view(), name="root"),
    path("schema/", login_not_required(schema_view), name="schema"),
    path("docs/", docs.docs, name="docs"),
    *router.urls,
]
