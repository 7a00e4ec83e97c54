"""Approved minutes for members or the public, as a PDF."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify

from forums import confidentiality
from forums.models import Action, Decision, Forum, Meeting, MinuteEntry, Minutes
from forums.reports.meetings import (
    _audience_viewer,
    _meeting_facts,
    _recent_meetings,
    meeting_label,
    version_of,
)
from forums.reports.registry import Audience, Built
from forums.reports.render import render_pdf
from forums.selectors.attendance import attendance_rows, minutes_attendance
from forums.templatetags.bilingual import bilingual
from membership import dates
from membership.models import User

APPROVED_MINUTES = (Minutes.Status.APPROVED, Minutes.Status.PUBLISHED)


def minutes_collect(meeting: Meeting, audience: str, viewer: User | None) -> dict:
    """Approved minutes: member version with what the viewer may see; public version only the
    entries on public items of published minutes."""
    minutes = Minutes.objects.filter(meeting=meeting, status__in=APPROVED_MINUTES).first()
    data: dict = {
        "meeting": _meeting_facts(meeting),
        "audience": audience,
        "viewer": str(viewer) if viewer else "",
        "entries": [],
    }
    if minutes is None:
        data["available"] = False
        return data
    data["available"] = True
    data["approved_on"] = dates.date_text(minutes.approved_at) if minutes.approved_at else ""
    data["introduction"] = bilingual(minutes, "introduction")
    entries = (
        MinuteEntry.objects.filter(minutes=minutes)
        .select_related("agenda_item")
        .order_by("agenda_item__order", "agenda_item__pk")
    )
    decisions = Decision.objects.filter(meeting=meeting).select_related("agenda_item")
    actions = Action.objects.filter(meeting=meeting).select_related(
        "owner", "accountable_agency", "agenda_item"
    )
    if audience == Audience.PUBLIC:
        if not Minutes.objects.published().filter(pk=minutes.pk).exists():
            data["available"] = False
            return data
        visible_entries = list(entries.public())
        decisions = decisions.public()
        actions = actions.none()
    else:
        who = _audience_viewer(meeting, viewer)
        if not who.is_member:
            data["available"] = False
            return data
        visible_entries = list(confidentiality.visible_for(entries, who))
        decisions = confidentiality.visible_for(decisions, who)
        actions = confidentiality.visible_for(actions, who)
    decisions = list(decisions)
    shown_items = {entry.agenda_item_id for entry in visible_entries}
    for entry in visible_entries:
        data["entries"].append(
            {
                "title": bilingual(entry.agenda_item, "title"),
                "confidential": not confidentiality.marked_public(entry.agenda_item),
                "text": bilingual(entry, "text"),
                "decisions": [
                    {"reference": d.reference, "text": bilingual(d, "text")}
                    for d in decisions
                    if d.agenda_item_id == entry.agenda_item_id
                ],
            }
        )
    data["other_decisions"] = [
        {"reference": d.reference, "text": bilingual(d, "text")}
        for d in decisions
        if d.agenda_item_id not in shown_items
        and (audience == Audience.MEMBER or d.agenda_item_id is None)
    ]
    data["actions"] = [
        {
            "reference": a.reference,
            "title": a.title,
            "owner": str(a.owner or a.accountable_agency or ""),
            "due": dates.date_text(a.due_date),
            "status": a.get_status_display(),
        }
        for a in actions.order_by("due_date", "pk")
    ]
    # As the minutes page reads them: deputies by name, apologies, absent (publicly by role
    # and agency, names only with consent).
    attendance = minutes_attendance(
        attendance_rows(meeting=meeting), public=audience == Audience.PUBLIC
    )
    data["present"] = attendance.present
    data["apologies"] = attendance.apologies
    data["absent"] = attendance.absent
    return data


def minutes_render(meeting: Meeting, data: dict, audience: str, fmt: str) -> Built:
    if not data.get("available"):
        raise ValidationError("These minutes are not approved (or not published) yet")
    version, suffix = version_of(audience, data)
    title = f"Minutes: {data['meeting']['forum']}, {meeting_label(meeting)} ({version})"
    content = render_pdf(
        template="forums/reports/minutes.html",
        context={
            "title": title,
            "data": data,
            "public": audience == Audience.PUBLIC,
            "version": version,
        },
        marking="" if audience == Audience.PUBLIC else "OFFICIAL",
        running_title=f"Minutes: {data['meeting']['forum']}, {meeting_label(meeting)}",
    )
    day = timezone.localtime(meeting.starts_at)
    name = f"{slugify(meeting.forum.slug)}-{day:%Y-%m-%d}-minutes-{suffix}.pdf"
    return Built(content=content, file_name=name)


def minutes_public_available(meeting: Meeting) -> bool:
    return Minutes.objects.published().filter(meeting=meeting).exists()


def minutes_subjects(forum: Forum) -> list[tuple[str, str]]:
    meetings = _recent_meetings(forum).filter(minutes__status__in=APPROVED_MINUTES)
    return [(str(m.pk), meeting_label(m)) for m in meetings]
