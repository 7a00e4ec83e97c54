"""iCalendar files of meetings (the icalendar library). Public feeds show public meetings only."""

import datetime

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from forums.models import Meeting


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.SERVICE_NAME}//meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def _event(meeting: Meeting, url: str, *, show_link: bool) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@lcjb-forum-manager")
    event.add("dtstamp", timezone.now())
    # UTC times ("Z"): every calendar reads them without a VTIMEZONE block.
    starts = meeting.starts_at.astimezone(datetime.UTC)
    ends = (meeting.ends_at or meeting.starts_at + datetime.timedelta(hours=2)).astimezone(
        datetime.UTC
    )
    event.add("dtstart", starts)
    event.add("dtend", ends)
    title = f"{meeting.forum.name}: {meeting.title}"
    if meeting.status == Meeting.Status.CANCELLED:
        title = f"CANCELLED – {title}"
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
    event.add("summary", title)
    if meeting.location:
        event.add("location", meeting.location)
    description = url
    if show_link and meeting.online_link:
        description = f"Join online: {meeting.online_link}\n{url}"
    event.add("description", description)
    event.add("url", url)
    return event


def meetings_ics(name: str, meetings, url_for, *, show_links: bool) -> bytes:
    """An iCalendar file of ``meetings``; ``url_for(meeting)`` gives each event's link.

    Only the meeting's forum, title, time and place are included: never agenda items.
    """
    calendar = _calendar(name)
    for meeting in meetings:
        calendar.add_component(_event(meeting, url_for(meeting), show_link=show_links))
    return calendar.to_ical()
