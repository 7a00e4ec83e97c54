"""Decisions in writing between meetings: the forum's written procedures, starting one, one
procedure with each agency's answer, answering for an agency, papers, closing and withdrawing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext

from forums.access import public_forum_for
from forums.forms.procedures import ProcedurePaperForm, ProcedureResponseForm, ProcedureStartForm
from forums.links import procedure_url
from forums.selectors import procedures as selectors
from forums.services import procedures as services
from forums.views.common import apply_errors, form_page, forum_or_404, posted
from membership.dates import date_and_time


@login_not_required
def public_procedure_list(request, slug):
    """Decisions the board took in writing between meetings, where they are public."""
    forum = public_forum_for(slug=slug)
    return render(
        request,
        "forums/procedure_public_list.html",
        {"forum": forum, "procedures": selectors.public_procedures(forum=forum)},
    )


def procedure_list(request, slug):
    forum = forum_or_404(request, slug, "forums.view_written_procedures")
    procedures = list(selectors.procedure_list_for(person=request.user, forum=forum))
    return render(
        request,
        "forums/procedure_list.html",
        {
            "forum": forum,
            "open_procedures": [p for p in procedures if p.is_open],
            "closed_procedures": [p for p in procedures if not p.is_open],
            "can_start": request.user.has_perm("forums.run_written_procedure", forum),
        },
    )


def procedure_start(request, slug):
    forum = forum_or_404(request, slug, "forums.run_written_procedure")
    form = ProcedureStartForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            procedure = services.procedure_start(
                forum=forum,
                by=request.user,
                title=data["title"],
                proposal=data["proposal"],
                background=data["background"],
                closes_at=data["closes_at"],
                rule=data["rule"],
                quorum=data["quorum"],
                confidentiality=data["confidentiality"],
                confidentiality_reason=data["confidentiality_reason"],
                papers=[data["paper"]] if data.get("paper") else [],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request, gettext("Written procedure started: each agency has been asked")
            )
            return redirect(procedure_url(procedure))
    return form_page(
        request,
        form,
        title=gettext("Ask the board to decide in writing"),
        caption=forum.name,
        back_url=_list_url(forum),
        intro=gettext(
            "Each agency on the board answers once by the deadline: agree, agree with "
            "comments, or object. Advisory members do not answer."
        ),
    )


def _list_url(forum) -> str:
    return reverse("meetings:workspace-procedures", args=[forum.slug])


def procedure_detail(request, slug, pk):
    forum = forum_or_404(request, slug, "forums.view_written_procedures")
    procedure = selectors.procedure_for(person=request.user, forum=forum, pk=pk)
    rows = selectors.agency_rows(procedure)
    mine = []
    if procedure.is_open and request.user.has_perm("forums.respond_to_written_procedure", forum):
        mine = selectors.agencies_person_answers_for(person=request.user, procedure=procedure)
    own = {row.agency.pk: row.response for row in rows if row.response}
    your_rows = [(agency, own.get(agency.pk)) for agency in mine]
    return render(
        request,
        "forums/procedure_detail.html",
        {
            "forum": forum,
            "procedure": procedure,
            "rows": rows,
            "tally": selectors.tally_of(rows),
            "your_rows": your_rows,
            "can_answer": bool(mine) and not procedure.is_past_deadline,
            "can_run": procedure.is_open
            and request.user.has_perm("forums.run_written_procedure", forum),
        },
    )


def procedure_respond(request, slug, pk):
    forum = forum_or_404(request, slug, "forums.respond_to_written_procedure")
    procedure = selectors.procedure_for(person=request.user, forum=forum, pk=pk)
    agencies = selectors.agencies_person_answers_for(person=request.user, procedure=procedure)
    if not agencies:
        raise PermissionDenied
    if not procedure.is_open:
        messages.error(
            request, gettext("This written procedure is closed: answers can no longer change")
        )
        return redirect(procedure_url(procedure))
    chosen = request.GET.get("agency")
    current = next(
        (
            r
            for r in procedure.responses.all()
            if str(r.agency_id) == chosen or (not chosen and r.agency_id == agencies[0].pk)
        ),
        None,
    )
    initial = ProcedureResponseForm.initial_for(current) or (
        {"agency": int(chosen)} if chosen and chosen.isdigit() else {}
    )
    form = ProcedureResponseForm(posted(request), agencies=agencies, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.procedure_respond(
                procedure=procedure,
                by=request.user,
                agency=data["agency"],
                answer=data["answer"],
                comments=data["comments"],
                refer_to_meeting=data["refer_to_meeting"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                gettext("%(agency_name)s's answer has been recorded")
                % {"agency_name": data["agency"].name},
            )
            return redirect(procedure_url(procedure))
    return form_page(
        request,
        form,
        title=gettext("Answer for %(agency_name)s") % {"agency_name": agencies[0].name}
        if len(agencies) == 1
        else gettext("Answer for your agency"),
        caption=procedure.title,
        back_url=procedure_url(procedure),
        intro=gettext("You can change your agency's answer until %(deadline)s.")
        % {"deadline": _deadline(procedure)},
    )


def _deadline(procedure) -> str:
    return date_and_time(procedure.closes_at)


def procedure_paper_add(request, slug, pk):
    forum = forum_or_404(request, slug, "forums.run_written_procedure")
    procedure = selectors.procedure_for(person=request.user, forum=forum, pk=pk)
    form = ProcedurePaperForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.procedure_paper_add(
                procedure=procedure,
                by=request.user,
                upload=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, gettext("Paper added"))
            return redirect(procedure_url(procedure))
    return form_page(
        request,
        form,
        title=gettext("Add a paper"),
        caption=procedure.title,
        back_url=procedure_url(procedure),
    )


def procedure_paper_download(request, slug, pk, paper_pk):
    forum = forum_or_404(request, slug, "forums.view_written_procedures")
    procedure = selectors.procedure_for(person=request.user, forum=forum, pk=pk)
    paper = get_object_or_404(procedure.papers.all(), pk=paper_pk)
    try:
        handle = paper.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=paper.file_name, content_type=paper.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _confirm(request, slug, pk, *, action: str):
    """A page that says what will happen, then the one button that does it."""
    forum = forum_or_404(request, slug, "forums.run_written_procedure")
    procedure = selectors.procedure_for(person=request.user, forum=forum, pk=pk)
    if not procedure.is_open:
        messages.error(request, gettext("This written procedure is already closed"))
        return redirect(procedure_url(procedure))
    if request.method == "POST":
        service = services.procedure_close if action == "close" else services.procedure_withdraw
        try:
            procedure = service(procedure=procedure, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                gettext("Written procedure closed: %(outcome)s")
                % {"outcome": procedure.get_status_display().lower()}
                if action == "close"
                else gettext("Written procedure withdrawn"),
            )
        return redirect(procedure_url(procedure))
    rows = selectors.agency_rows(procedure)
    return render(
        request,
        "forums/procedure_confirm.html",
        {
            "forum": forum,
            "procedure": procedure,
            "closing": action == "close",
            "tally": selectors.tally_of(rows),
            "outcome": services.outcome_of(procedure) if action == "close" else None,
        },
    )


def procedure_close(request, slug, pk):
    return _confirm(request, slug, pk, action="close")


def procedure_withdraw(request, slug, pk):
    return _confirm(request, slug, pk, action="withdraw")
