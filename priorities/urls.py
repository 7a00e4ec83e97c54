"""URLs of the priorities app."""

app_name = "priorities"
urlpatterns = []
