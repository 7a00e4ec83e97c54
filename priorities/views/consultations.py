"""Consultations: the secretariat's pages, and the public answer form (no sign-in)."""

import csv
import hashlib

from axes.helpers import get_client_ip_address
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from forums.access import public_forum_for
from forums.models import Action, Decision
from forums.views.common import apply_errors, form_page, forum_or_404, posted
from priorities import selectors, services
from priorities.forms import ConsultationForm, PublicResponseForm, QuestionForm, YouSaidWeDidForm
from priorities.models import Priority, Question, Response

VIEW = "priorities.view_plans"
EDIT = "priorities.edit_plans"
RESPONSES_PER_HOUR = 10  # per consultation and network address


# --- secretariat ----------------------------------------------------------------------------


def consultation_list(request, slug):
    forum = forum_or_404(request, slug, VIEW)
    return render(
        request,
        "priorities/consultation_list.html",
        {
            "forum": forum,
            "consultations": selectors.consultation_list_for(forum=forum),
            "can_edit": request.user.has_perm(EDIT, forum),
        },
    )


def _consultation_form(request, forum, instance=None):
    return ConsultationForm(
        posted(request),
        instance=instance,
        priorities=Priority.objects.filter(forum=forum).exclude(status=Priority.Status.RETIRED),
        forum=forum,
    )


def consultation_create(request, slug):
    forum = forum_or_404(request, slug, EDIT)
    form = _consultation_form(request, forum)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = services.consultation_create(
                forum=forum, by=request.user, fields=form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Consultation created. Now add its questions.")
            return redirect("priorities:consultation", forum.slug, consultation.pk)
    return form_page(
        request,
        form,
        title="Open a public consultation",
        caption=forum.name,
        back_url=reverse("priorities:consultations", args=[forum.slug]),
    )


def consultation_edit(request, slug, pk):
    forum = forum_or_404(request, slug, EDIT)
    consultation = selectors.consultation_for(forum=forum, pk=pk)
    form = _consultation_form(request, forum, instance=consultation)
    if request.method == "POST" and form.is_valid():
        try:
            services.consultation_update(
                consultation=consultation, by=request.user, fields=form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Consultation saved.")
            return redirect("priorities:consultation", forum.slug, consultation.pk)
    return form_page(
        request,
        form,
        title=f"Change: {consultation.title}",
        caption=forum.name,
        back_url=reverse("priorities:consultation", args=[forum.slug, consultation.pk]),
    )


def consultation_detail(request, slug, pk):
    """Questions, and for the secretariat the summary per question and equality monitoring."""
    forum = forum_or_404(request, slug, VIEW)
    consultation = selectors.consultation_for(forum=forum, pk=pk)
    can_edit = request.user.has_perm(EDIT, forum)
    context = {
        "forum": forum,
        "consultation": consultation,
        "questions": consultation.questions.all(),
        "priorities": consultation.priorities.all(),
        "you_said_we_did": consultation.you_said_we_did.select_related("priority"),
        "response_count": consultation.responses.count(),
        "can_edit": can_edit,
    }
    if request.user.has_perm("priorities.view_responses", forum):
        context["summary"] = selectors.consultation_summary(consultation=consultation)
        context["responses"] = selectors.responses_for_export(consultation=consultation)
        context["citable"] = Priority.objects.filter(forum=forum).exclude(
            status=Priority.Status.RETIRED
        )
        if consultation.equality_monitoring:
            context["equality"] = selectors.equality_summary(consultation=consultation)
    return render(request, "priorities/consultation_detail.html", context)


def question_create(request, slug, pk):
    forum = forum_or_404(request, slug, EDIT)
    consultation = selectors.consultation_for(forum=forum, pk=pk)
    form = QuestionForm(posted(request), forum=forum)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_create(
                consultation=consultation, by=request.user, fields=form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Question added.")
            return redirect("priorities:consultation", forum.slug, consultation.pk)
    return form_page(
        request,
        form,
        title="Add a question",
        caption=consultation.title,
        back_url=reverse("priorities:consultation", args=[forum.slug, consultation.pk]),
    )


def question_edit(request, slug, pk, question_pk):
    forum = forum_or_404(request, slug, EDIT)
    consultation = selectors.consultation_for(forum=forum, pk=pk)
    question = get_object_or_404(Question, consultation=consultation, pk=question_pk)
    form = QuestionForm(posted(request), instance=question, forum=forum)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_update(question=question, by=request.user, fields=form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Question saved.")
            return redirect("priorities:consultation", forum.slug, consultation.pk)
    return render(
        request,
        "priorities/objective_form.html",
        {
            "form": form,
            "page_title": "Change the question",
            "caption": consultation.title,
            "back_url": reverse("priorities:consultation", args=[forum.slug, consultation.pk]),
            "remove_url": (
                ""
                if question.answers.exists()
                else reverse(
                    "priorities:question-delete", args=[forum.slug, consultation.pk, question.pk]
                )
            ),
            "remove_heading": "Remove this question",
            "remove_text": "Questions can be removed until someone has answered them.",
            "remove_button": "Remove the question",
        },
    )


@require_POST
def question_delete(request, slug, pk, question_pk):
    forum = forum_or_404(request, slug, EDIT)
    consultation = selectors.consultation_for(forum=forum, pk=pk)
    question = get_object_or_404(Question, consultation=consultation, pk=question_pk)
    try:
        services.question_delete(question=question, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Question removed.")
    return redirect("priorities:consultation", forum.slug, consultation.pk)


def consultation_export(request, slug, pk):
    """Every response as CSV, one row per response and a column per question (secretariat)."""
    forum = forum_or_404(request, slug, "priorities.view_responses")
    consultation = selectors.consultation_for(forum=forum, pk=pk)
    questions = list(consultation.questions.all())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="consultation-{consultation.pk}-responses.csv"'
    )
    response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
    writer = csv.writer(response)
    about = ["respondent_type", "age_band", "sex", "ethnic_group", "disability", "victim_of_crime"]
    writer.writerow(
        ["Response", "Submitted at"]
        + [q.text for q in questions]
        + [str(Response._meta.get_field(name).verbose_name) for name in about]
    )
    for row in selectors.responses_for_export(consultation=consultation):
        answers = {a.question_id: a.text for a in row.answers.all()}
        writer.writerow(
            [row.pk, timezone.localtime(row.submitted_at).strftime("%Y-%m-%d %H:%M")]
            + [_safe_cell(answers.get(q.pk, "")) for q in questions]
            + [
                getattr(row, f"get_{name}_display")()
                if name != "respondent_type"
                else row.respondent_type
                for name in about
            ]
        )
    return response


def _safe_cell(text: str) -> str:
    """Stop a spreadsheet from running an answer as a formula (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def you_said_we_did_add(request, slug, pk):
    forum = forum_or_404(request, slug, EDIT)
    consultation = selectors.consultation_for(forum=forum, pk=pk)
    form = YouSaidWeDidForm(
        posted(request),
        priorities=Priority.objects.filter(forum=forum),
        decisions=Decision.objects.visible_to_member(request.user).filter(forum=forum),
        actions=Action.objects.visible_to_member(request.user).filter(forum=forum),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.you_said_we_did_create(
                consultation=consultation, by=request.user, fields=form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Entry added.")
            return redirect("priorities:consultation", forum.slug, consultation.pk)
    return form_page(
        request,
        form,
        title="You said, we did: add an entry",
        caption=consultation.title,
        back_url=reverse("priorities:consultation", args=[forum.slug, consultation.pk]),
        intro="This is published on the consultation's public 'You said, we did' page. Linked "
        "decisions and actions only appear there if they are public.",
    )


@require_POST
def response_cite(request, slug, pk):
    """Cite a response as evidence on one of the forum's priorities (secretariat; never public)."""
    forum = forum_or_404(request, slug, EDIT)
    consultation = selectors.consultation_for(forum=forum, pk=pk)
    response = consultation.responses.filter(pk=request.POST.get("response") or 0).first()
    priority = Priority.objects.filter(forum=forum, pk=request.POST.get("priority") or 0).first()
    if response is None or priority is None:
        messages.error(request, "Choose the priority the response is evidence for")
        return redirect("priorities:consultation", forum.slug, consultation.pk)
    try:
        services.response_cite(priority=priority, response=response, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Response {response.pk} cited as evidence on {priority}.")
    return redirect("priorities:consultation", forum.slug, consultation.pk)


# --- the public -----------------------------------------------------------------------------


def _client_key(request, consultation) -> str:
    # The same address resolution as the sign-in lockout (django-axes), so one setting covers
    # both behind a proxy. Only a hash of the address is kept, and only in the cache.
    address = get_client_ip_address(request) or ""
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"priorities:consultation-rate:{consultation.pk}:{digest}"


def _rate_limited(request, consultation) -> bool:
    """True once this address has sent RESPONSES_PER_HOUR answers to this consultation."""
    return (cache.get(_client_key(request, consultation)) or 0) >= RESPONSES_PER_HOUR


def _count_submission(request, consultation) -> None:
    """Count a sent set of answers (stored, or caught by the honeypot) against the address.

    Forms sent back with errors do not count, so a person correcting mistakes is not blocked.
    """
    key = _client_key(request, consultation)
    cache.add(key, 0, timeout=60 * 60)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=60 * 60)


@login_not_required
def public_consultation(request, slug, pk):
    """The public answer form: no sign-in, spam checks, refused once closed."""
    forum = public_forum_for(slug=slug)
    consultation = selectors.public_consultation(forum=forum, pk=pk)
    context = {"forum": forum, "consultation": consultation}
    if not consultation.is_open():
        # Answers sent after closing are refused, but shown back so nothing typed is lost.
        status = 200
        if request.method == "POST":
            status = 410
            form = PublicResponseForm(request.POST, consultation=consultation)
            context["unsent"] = [
                (bound.label, request.POST.get(bound.html_name, ""))
                for bound in form.question_fields
                if request.POST.get(bound.html_name, "").strip()
            ]
        return render(request, "priorities/consultation_closed.html", context, status=status)
    form = PublicResponseForm(posted(request), consultation=consultation)
    if request.method == "POST":
        if _rate_limited(request, consultation):
            context["form"] = form
            return render(request, "priorities/consultation_rate_limited.html", context, status=429)
        if form.is_valid():
            if not form.is_spam:
                try:
                    services.response_submit(
                        consultation=consultation,
                        answers=form.answers(),
                        about_you=form.about_you(),
                    )
                except ValidationError as error:
                    apply_errors(form, error)
            if not form.errors:
                _count_submission(request, consultation)
                return redirect("priorities:public-consultation-done", forum.slug, consultation.pk)
        if form.too_fast:
            # Keep the answers, give a fresh start time so the next send goes through.
            data = request.POST.copy()
            from priorities.forms import started_token

            data["started"] = started_token()
            errors = form.errors
            form = PublicResponseForm(data, consultation=consultation)
            form._errors = errors
    context["form"] = form
    return render(request, "priorities/consultation_answer.html", context)


@login_not_required
def public_consultation_done(request, slug, pk):
    forum = public_forum_for(slug=slug)
    consultation = selectors.public_consultation(forum=forum, pk=pk)
    return render(
        request,
        "priorities/consultation_done.html",
        {"forum": forum, "consultation": consultation},
    )


@login_not_required
def public_you_said_we_did(request, slug, pk):
    forum = public_forum_for(slug=slug)
    consultation = selectors.public_consultation(forum=forum, pk=pk)
    return render(
        request,
        "priorities/consultation_you_said_we_did.html",
        {
            "forum": forum,
            "consultation": consultation,
            "entries": selectors.public_you_said_we_did(consultation=consultation),
        },
    )
