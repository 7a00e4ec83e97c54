"""URLs for meetings, papers, minutes, actions and calendars (namespace ``meetings``)."""

app_name = "meetings"
urlpatterns: list = []
