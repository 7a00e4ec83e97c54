"""Workspace views of a meeting's agenda: add, change, move, remove and accept items."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from forums.bilingual import welsh_changes, welsh_initial
from forums.forms.agenda import AGENDA_ITEM_WELSH, AgendaItemForm
from forums.links import meeting_url
from forums.selectors import agenda as agenda_selectors
from forums.selectors import meetings as meeting_selectors
from forums.services import agenda as agenda_services
from forums.views.common import apply_errors, form_page, forum_or_404, posted


def _item_data(form) -> dict:
    data = form.cleaned_data
    return {
        "title": data["title"],
        "purpose": data["purpose"],
        "description": data["description"],
        "presenter": data["presenter"],
        "presenter_agency": data["presenter_agency"],
        "minutes_allowed": data["minutes_allowed"],
        "confidentiality": data["confidentiality"],
        "confidentiality_reason": data["confidentiality_reason"],
        "public_title": data["public_title"],
        **welsh_changes(data, AGENDA_ITEM_WELSH),
    }


def agenda_item_add(request, slug, pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    form = AgendaItemForm(posted(request), forum=forum)
    if request.method == "POST" and form.is_valid():
        try:
            agenda_services.agenda_item_add(
                meeting=meeting,
                by=request.user,
                restricted_to=form.cleaned_data["restricted_to"],
                **_item_data(form),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Item added to the agenda")
            return redirect(meeting_url(meeting))
    return form_page(
        request,
        form,
        title="Add an agenda item",
        caption=str(meeting),
        back_url=meeting_url(meeting),
    )


def agenda_item_edit(request, slug, pk, item_pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    item = agenda_selectors.agenda_item_for(person=request.user, meeting=meeting, pk=item_pk)
    initial = {
        **welsh_initial(item, AGENDA_ITEM_WELSH),
        "title": item.title,
        "purpose": item.purpose,
        "description": item.description,
        "presenter": item.presenter_id,
        "presenter_agency": item.presenter_agency_id,
        "minutes_allowed": item.minutes_allowed,
        "confidentiality": item.confidentiality,
        "confidentiality_reason": item.confidentiality_reason,
        "public_title": item.public_title,
        "restricted_to": [p.pk for p in item.restricted_to.all()],
    }
    form = AgendaItemForm(posted(request), forum=forum, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            agenda_services.agenda_item_update(
                item=item,
                by=request.user,
                restricted_to=form.cleaned_data["restricted_to"],
                **_item_data(form),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Agenda item saved")
            return redirect(meeting_url(meeting))
    return form_page(
        request,
        form,
        title="Change agenda item",
        caption=str(meeting),
        back_url=meeting_url(meeting),
    )


@require_POST
def agenda_item_move(request, slug, pk, item_pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    item = agenda_selectors.agenda_item_for(person=request.user, meeting=meeting, pk=item_pk)
    agenda_services.agenda_item_move(
        item=item,
        by=request.user,
        direction="up" if request.POST.get("direction") == "up" else "down",
    )
    return redirect(meeting_url(meeting) + "#agenda")


@require_POST
def agenda_item_remove(request, slug, pk, item_pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    item = agenda_selectors.agenda_item_for(person=request.user, meeting=meeting, pk=item_pk)
    try:
        agenda_services.agenda_item_remove(item=item, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "Item removed from the agenda")
    return redirect(meeting_url(meeting) + "#agenda")


@require_POST
def agenda_item_accept(request, slug, pk, item_pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    item = agenda_selectors.agenda_item_for(person=request.user, meeting=meeting, pk=item_pk)
    agenda_services.agenda_item_accept(item=item, by=request.user)
    messages.success(request, "Proposed item put on the agenda")
    return redirect(meeting_url(meeting))
