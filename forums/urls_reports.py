"""URLs for generated reports: status and download (namespace ``reports``)."""

app_name = "reports"
urlpatterns: list = []
