"""URLs of the performance app."""

app_name = "performance"
urlpatterns = []
