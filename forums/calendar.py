"""iCalendar for meetings (the icalendar library): the one builder for every calendar feed and
every invitation sent by email.

A meeting is the same event wherever it comes from, so a calendar that has it from a feed and
from an invitation shows it once: one UID (``meeting-<pk>@<site host>``), times in UTC ("Z",
read by every calendar without a VTIMEZONE block), a SEQUENCE that rises whenever what the event
shows changes (``Meeting.sequence``, raised by the services) and STATUS:CANCELLED once cancelled.
Only the forum, title, time and place travel, with a link: never agenda items. The online link
only where ``show_links`` (members' feeds and invitations).
"""

import datetime
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext
from icalendar import Calendar, Event, vCalAddress, vText

from forums.models import Meeting

# What an event shows of a meeting: a change to any of these raises the meeting's sequence.
EVENT_FIELDS = frozenset({"title", "starts_at", "ends_at", "location", "online_link", "status"})
DEFAULT_LENGTH = datetime.timedelta(hours=2)


def meeting_uid(meeting: Meeting) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"meeting-{meeting.pk}@{host}"


def _calendar(**properties) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.SERVICE_NAME}//meetings//EN")
    calendar.add("version", "2.0")
    for name, value in properties.items():
        calendar.add(name.replace("_", "-"), value)
    return calendar


def meeting_event(meeting: Meeting, *, url: str, show_links: bool) -> Event:
    """The event for one meeting; ``url`` is where its page is for whoever gets the event."""
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("sequence", meeting.sequence)
    event.add("dtstart", meeting.starts_at.astimezone(datetime.UTC))
    ends = meeting.ends_at or meeting.starts_at + DEFAULT_LENGTH
    event.add("dtend", ends.astimezone(datetime.UTC))
    title = f"{meeting.forum.name}: {meeting.title}"
    if meeting.is_cancelled:
        title = gettext("CANCELLED – %(title)s") % {"title": title}
    event.add("summary", title)
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    where = meeting.location or (gettext("Online") if meeting.online_link else "")
    if where:
        event.add("location", where)
    description = gettext("Agenda and papers: %(url)s") % {"url": url}
    if show_links and meeting.online_link:
        description += "\n" + gettext("Join online: %(online_link)s") % {
            "online_link": meeting.online_link
        }
    event.add("description", description)
    event.add("url", url)
    return event


def meetings_ics(name: str, meetings, url_for, *, show_links: bool) -> bytes:
    """A calendar feed of ``meetings``; ``url_for(meeting)`` gives each event's link."""
    calendar = _calendar(x_wr_calname=name)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, url=url_for(meeting), show_links=show_links))
    return calendar.to_ical()


# How an emailed invitation asks a calendar to treat the event (RFC 5546): PUBLISH adds it,
# REQUEST updates the one the calendar already has (same UID, higher SEQUENCE), CANCEL removes it.
INVITATION_METHODS = ("PUBLISH", "REQUEST", "CANCEL")


def meeting_invitation(meeting: Meeting, *, url: str, method: str = "PUBLISH") -> str:
    """The invitation attached to an email (the same event as in every feed).

    ``REQUEST`` is sent when a meeting moves and ``CANCEL`` when it is cancelled: both carry
    an organiser, as calendars need one to update or remove the event they have.
    """
    if method not in INVITATION_METHODS:
        raise ValueError(method)
    calendar = _calendar(method=method)
    event = meeting_event(meeting, url=url, show_links=True)
    if method != "PUBLISH":
        organiser = vCalAddress(f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
        organiser.params["cn"] = vText(settings.SERVICE_NAME)
        event.add("organizer", organiser)
    calendar.add_component(event)
    return calendar.to_ical().decode()
