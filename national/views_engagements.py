"""National engagements: the policy lead's and the audience's pages under
/workspace/national/engagements/, and the public page of what a lead released publicly.

Every view reads the engagement through ``national.selectors_engagements`` (the audience rule)
and checks the ``national.*`` permissions in ``national/rules.py``: a person outside the audience
gets a 404 (its existence is not revealed)."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forums.models import AgendaItem, Forum
from forums.selectors.forum import policing_bodies_staffed_by
from forums.views.common import apply_errors, confirm_page, form_page, posted
from membership import dates
from national import selectors_engagements as selectors
from national import services_engagements as services
from national.forms_engagements import (
    DECLARATION,
    AgendaChoiceForm,
    EngagementForm,
    EngagementPaperForm,
    OutcomeForm,
    QuestionForm,
    ReleaseForm,
    ResponseForm,
)
from national.models_engagement import EngagementQuestion, EngagementResponse, Release


def _url(engagement) -> str:
    return reverse("national:engagement", args=[engagement.pk])


def _lead_view(request, pk):
    """The engagement for one of its policy leads; anyone else who may see it is refused
    (403), anyone who may not gets a 404."""
    view = selectors.engagement_view(person=request.user, pk=pk)
    if not view.is_lead:
        raise PermissionDenied
    return view


def engagement_list(request):
    """The engagements a person leads or is asked about, and those released to their board."""
    engagements = list(
        selectors.engagements_for(request.user).order_by("status", "deadline", "-pk")
    )
    seen = {engagement.pk for engagement in engagements}
    released = [
        e
        for e in selectors.released_to_boards_for(request.user).order_by("-pk")
        if e.pk not in seen
    ]
    for engagement in released:  # the title only where the whole engagement is released
        engagement.whole_released = engagement.release_in_force() != Release.NONE
    return render(
        request,
        "national/engagement_list.html",
        {
            "engagements": engagements,
            "released": released,
            "can_start": request.user.has_perm("national.start_engagement"),
        },
    )


def engagement_edit(request, pk=None):
    if pk is None:
        if not request.user.has_perm("national.start_engagement"):
            raise Http404("Not found")
        found = None
    else:
        found = _lead_view(request, pk).engagement
    form = EngagementForm(posted(request), instance=found)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in EngagementForm.Meta.fields}
        try:
            saved = services.engagement_save(
                by=request.user,
                fields=fields,
                groups=form.cleaned_data["audience_groups"],
                leads=form.cleaned_data["leads"],
                engagement=found,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Engagement saved"))
            return redirect(_url(saved))
    return form_page(
        request,
        form,
        title=_("Change the engagement") if found else _("Start an engagement"),
        back_url=_url(found) if found else reverse("national:engagements"),
        intro=_(
            "Everything in an engagement is confidential to its audience and policy leads until "
            "you release it."
        ),
    )


def engagement_detail(request, pk):
    view = selectors.engagement_view(person=request.user, pk=pk)
    engagement = view.engagement
    questions = list(engagement.questions.all()) if view.full else []
    responses = {}
    if view.respondents:
        responses = {
            r.respondent_id: r
            for r in EngagementResponse.objects.filter(
                engagement=engagement, respondent__in=view.respondents
            )
        }
    return render(
        request,
        "national/engagement_detail.html",
        {
            "view": view,
            "engagement": engagement,
            "questions": questions,
            "respondents": [(forum, responses.get(forum.pk)) for forum in view.respondents],
            "groups": list(engagement.audience_groups.all()) if view.full else [],
            "can_add_to_agenda": policing_bodies_staffed_by(request.user).exists(),
            "today": timezone.localdate(),
        },
    )


def question_edit(request, pk, question_pk=None):
    engagement = _lead_view(request, pk).engagement
    question = (
        get_object_or_404(EngagementQuestion, pk=question_pk, engagement=engagement)
        if question_pk
        else None
    )
    form = QuestionForm(posted(request), initial={"text": question.text} if question else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_save(
                engagement=engagement,
                by=request.user,
                text=form.cleaned_data["text"],
                question=question,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Question saved"))
            return redirect(_url(engagement) + "#questions")
    return form_page(
        request,
        form,
        title=_("Change the question") if question else _("Add a question"),
        caption=engagement.title,
        back_url=_url(engagement),
    )


def _act(request, engagement, action, *, title, button, what_happens, done, who_is_told=None):
    if request.method == "POST":
        try:
            action(engagement=engagement, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, done)
        return redirect(_url(engagement))
    return confirm_page(
        request,
        title=title,
        button=button,
        caption=engagement.title,
        back_url=_url(engagement),
        what_happens=what_happens,
        who_is_told=who_is_told,
    )


def engagement_open(request, pk):
    engagement = _lead_view(request, pk).engagement
    told = [str(person) for person in selectors.audience_people(engagement).order_by("full_name")]
    return _act(
        request,
        engagement,
        services.engagement_open,
        title=_("Open the engagement for responses"),
        button=_("Open it"),
        what_happens=[
            _("Its audience can read it and respond until %(date)s.")
            % {"date": dates.date_text(engagement.deadline)},
            _("Nobody outside the audience is told or can see it."),
        ],
        done=_("The engagement is open and its audience has been e-mailed"),
        who_is_told=told,
    )


def engagement_close(request, pk):
    engagement = _lead_view(request, pk).engagement
    return _act(
        request,
        engagement,
        services.engagement_close,
        title=_("Close the engagement"),
        button=_("Close it"),
        what_happens=[_("No more responses can be submitted.")],
        done=_("The engagement is closed"),
    )


def paper_upload(request, pk):
    engagement = _lead_view(request, pk).engagement
    form = EngagementPaperForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.engagement_paper_upload(
                engagement=engagement,
                by=request.user,
                upload=data["file"],
                title=data["title"],
                in_scope=data["declaration"] == DECLARATION.IN_SCOPE,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Paper uploaded"))
            return redirect(_url(engagement) + "#papers")
    return form_page(
        request,
        form,
        title=_("Upload a background paper"),
        caption=engagement.title,
        back_url=_url(engagement),
        intro=_(
            "Material that touches judicial or prosecutorial independence or national security "
            "is out of scope for engagement and cannot be uploaded."
        ),
    )


def _serve(paper, person):
    services.paper_download_record(paper=paper, by=person)
    return FileResponse(
        paper.file.open("rb"),
        as_attachment=True,
        filename=paper.file_name,
        content_type=paper.content_type,
    )


def paper_download(request, pk, paper_pk):
    view = selectors.engagement_view(person=request.user, pk=pk)
    return _serve(selectors.paper_visible(view, paper_pk), request.user)


def downloads(request, pk):
    engagement = _lead_view(request, pk).engagement
    from national.models_engagement import EngagementPaperDownload

    rows = list(
        EngagementPaperDownload.objects.filter(paper__engagement=engagement)
        .select_related("paper", "person")
        .order_by("-downloaded_at")
    )
    return render(
        request,
        "national/engagement_downloads.html",
        {"engagement": engagement, "rows": rows},
    )


def release(request, pk, paper_pk=None):
    view = _lead_view(request, pk)
    engagement = view.engagement
    paper = selectors.paper_visible(view, paper_pk) if paper_pk else None
    target = paper or engagement
    form = ReleaseForm(
        posted(request),
        initial={"release": target.release, "released_from": target.released_from},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.release_set(
                engagement=engagement,
                by=request.user,
                release=form.cleaned_data["release"],
                released_from=form.cleaned_data["released_from"],
                paper=paper,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Release saved"))
            return redirect(_url(engagement))
    return form_page(
        request,
        form,
        title=_("Release this paper") if paper else _("Release the whole engagement"),
        caption=str(target),
        back_url=_url(engagement),
        intro=_(
            "Until the date, only the audience and policy leads see it. Released to the boards, "
            "the members of the audience bodies' local boards can read it; released to the "
            "public, it appears on its public page, and nowhere else."
        ),
    )


def paper_to_agenda(request, pk, paper_pk):
    """A local policing body puts a released paper on its own board's agenda."""
    view = selectors.engagement_view(person=request.user, pk=pk)
    paper = selectors.paper_visible(view, paper_pk)
    boards = policing_bodies_staffed_by(request.user)
    if not boards.exists():
        raise PermissionDenied
    items = list(
        AgendaItem.objects.filter(meeting__forum__in=boards, meeting__starts_at__gte=timezone.now())
        .select_related("meeting__forum")
        .order_by("meeting__starts_at", "order")
    )
    form = AgendaChoiceForm(posted(request), items=items)
    if request.method == "POST" and form.is_valid():
        try:
            services.paper_to_agenda(
                paper=paper, by=request.user, agenda_item=form.cleaned_data["agenda_item"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The paper is on the agenda"))
            return redirect(_url(view.engagement))
    return form_page(
        request,
        form,
        title=_("Add the paper to a board agenda"),
        caption=paper.title,
        back_url=_url(view.engagement),
        intro=_("Only a paper the policy lead has released can go on a board agenda."),
    )


# --- responses --------------------------------------------------------------------------------


def _response_and_perm(request, pk, slug, perm):
    view = selectors.engagement_view(person=request.user, pk=pk)
    respondent = next((forum for forum in view.respondents if forum.slug == slug), None)
    if respondent is None:
        raise Http404("Not found")
    response = selectors.response_for(
        engagement=view.engagement, respondent=respondent
    ) or EngagementResponse(engagement=view.engagement, respondent=respondent)
    if not request.user.has_perm(perm, response):
        raise PermissionDenied
    return view, respondent, response


def respond(request, pk, slug):
    view, respondent, response = _response_and_perm(
        request, pk, slug, "national.draft_engagement_response"
    )
    engagement = view.engagement
    questions = list(engagement.questions.all())
    initial = {}
    if response.pk:
        initial = {f"q{a.question_id}": a.steer for a in response.answers.all()}
        initial["local_perspective"] = response.local_perspective
    form = ResponseForm(
        posted(request),
        initial=initial,
        questions=questions,
        with_perspective=respondent.kind == Forum.Kind.LOCAL_BOARD,
    )
    if request.method == "POST" and not response.is_submitted and form.is_valid():
        try:
            services.response_save(
                engagement=engagement,
                respondent=respondent,
                by=request.user,
                steers=form.steers(),
                local_perspective=form.cleaned_data.get("local_perspective", ""),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Draft saved"))
            return redirect(reverse("national:engagement-respond", args=[pk, slug]))
    return render(
        request,
        "national/engagement_respond.html",
        {
            "engagement": engagement,
            "respondent": respondent,
            "response": response,
            "form": form,
            "is_group": respondent.kind == Forum.Kind.NATIONAL_GROUP,
            "agreements": list(response.agreements.all()) if response.pk else [],
            "can_agree": request.user.has_perm("national.agree_engagement_response", response),
            "can_submit": request.user.has_perm("national.submit_engagement_response", response),
        },
    )


@require_POST
def response_agree(request, pk, slug):
    view, respondent, response = _response_and_perm(
        request, pk, slug, "national.agree_engagement_response"
    )
    if response.pk is None:
        messages.error(request, _("Save a draft before members agree it"))
    else:
        try:
            services.response_agree(response=response, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your agreement is recorded"))
    return redirect(reverse("national:engagement-respond", args=[pk, slug]))


def response_submit(request, pk, slug):
    view, respondent, response = _response_and_perm(
        request, pk, slug, "national.submit_engagement_response"
    )
    back = reverse("national:engagement-respond", args=[pk, slug])
    if request.method == "POST":
        if response.pk is None:
            messages.error(request, _("Answer at least one question before you submit"))
            return redirect(back)
        try:
            services.response_submit(response=response, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(back)
        messages.success(request, _("Your response has been sent to the policy leads"))
        return redirect(_url(view.engagement))
    return confirm_page(
        request,
        title=_("Submit the response of %(respondent)s") % {"respondent": respondent},
        button=_("Submit the response"),
        caption=view.engagement.title,
        back_url=back,
        what_happens=[
            _("The policy leads read it beside the other responses."),
            _("It cannot be changed afterwards."),
        ],
    )


def responses(request, pk):
    engagement = _lead_view(request, pk).engagement
    return render(
        request,
        "national/engagement_responses.html",
        {"engagement": engagement, "table": selectors.side_by_side(engagement)},
    )


def _export_rows(engagement):
    table = selectors.side_by_side(engagement)
    header = [_("Question")] + [str(r.respondent) for r in table.responses]
    rows = [[question.text, *steers] for question, steers in table.rows]
    rows.append([_("Local perspective")] + [r.local_perspective for r in table.responses])
    rows.append(
        [_("Agreed by")]
        + [", ".join(str(a.person) for a in r.agreements.all()) for r in table.responses]
    )
    rows.append(
        [_("Submitted by")]
        + [f"{r.submitted_by or ''} {r.submitted_at:%Y-%m-%d}" for r in table.responses]
    )
    rows.append([_("Not responded")] + [", ".join(str(f) for f in table.not_responded)])
    return header, rows


def responses_export(request, pk, fmt):
    engagement = _lead_view(request, pk).engagement
    header, rows = _export_rows(engagement)
    name = f"engagement-{engagement.pk}-responses"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    if fmt != "xlsx":
        raise Http404("Not found")
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = _("Responses")[:31]
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


def outcome(request, pk):
    engagement = _lead_view(request, pk).engagement
    form = OutcomeForm(posted(request), initial={"outcome": engagement.outcome})
    if request.method == "POST" and form.is_valid():
        services.outcome_record(
            engagement=engagement, by=request.user, outcome=form.cleaned_data["outcome"]
        )
        messages.success(request, _("Outcome saved: the audience can read it"))
        return redirect(_url(engagement) + "#outcome")
    return form_page(
        request,
        form,
        title=_("Record the outcome"),
        caption=engagement.title,
        back_url=_url(engagement),
        intro=_(
            "What the department did with the responses. The audience reads it; the public "
            "too if the engagement is released publicly."
        ),
    )


# --- the public page --------------------------------------------------------------------------


@login_not_required
def public_detail(request, pk):
    view = selectors.public_engagement(pk=pk)
    engagement = view.engagement
    return render(
        request,
        "national/engagement_public.html",
        {
            "view": view,
            "engagement": engagement,
            "questions": list(engagement.questions.all()) if view.whole_released else [],
        },
    )


@login_not_required
def public_paper(request, pk, paper_pk):
    view = selectors.public_engagement(pk=pk)
    return _serve(selectors.paper_visible(view, paper_pk), request.user)
