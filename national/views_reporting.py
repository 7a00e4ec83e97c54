"""Reporting to the national level: a board's submissions and questions, and the national
team's overview of every board."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from forums.access import forum_for
from forums.models import Forum
from forums.selectors.actions import national_escalations
from forums.views.common import form_page
from national import selectors, services
from national.forms import KIND_SLUGS, AnswerForm, QuestionForm, SubmissionForm
from national.models import NationalQuestion, NationalSubmission
from priorities.models import AnnualEvaluation, Theme, plan_year_label

Kind = NationalSubmission.Kind


def forum_reporting(request, slug):
    """A board's page of what it reported nationally and what the national team asked it."""
    forum = forum_for(person=request.user, slug=slug, perm="national.view_national_reporting")
    year = selectors.reporting_year()
    context = selectors.forum_reporting(forum=forum)
    submitted = {s.kind for s in context["submissions"] if s.plan_year == year}
    return render(
        request,
        "national/forum_reporting.html",
        {
            **context,
            "forum": forum,
            "year": year,
            "due": selectors.due_date(year),
            "to_submit": [
                (slug_, label, kind in submitted)
                for slug_, kind in KIND_SLUGS.items()
                for label in [Kind(kind).label]
            ],
            "can_submit": request.user.has_perm("national.submit_to_national", forum),
            "can_answer": request.user.has_perm("national.answer_national_question", forum),
        },
    )


def _years(forum: Forum, kind: str) -> list[int]:
    if kind == Kind.ANNUAL_EVALUATION:
        return list(
            AnnualEvaluation.objects.filter(
                forum=forum, status=AnnualEvaluation.Status.APPROVED
            ).values_list("plan_year", flat=True)
        )
    year = selectors.reporting_year()
    return [year, year - 1]


def submission_create(request, slug, kind):
    """Submit the annual evaluation or the Victims' Code report, figures frozen as they are."""
    forum = forum_for(person=request.user, slug=slug, perm="national.submit_to_national")
    if kind not in KIND_SLUGS:
        raise Http404("No such kind of submission")
    kind = KIND_SLUGS[kind]
    back = reverse("national:forum-reporting", args=[forum.slug])
    years = _years(forum, kind)
    form = SubmissionForm(
        request.POST or None,
        years=years,
        submit=_("Submit to the national team"),
        initial={"plan_year": years[0] if years else None},
    )
    if request.method == "POST" and form.is_valid():
        try:
            submission = services.submission_make(
                forum=forum,
                kind=kind,
                plan_year=form.cleaned_data["plan_year"],
                note=form.cleaned_data["note"],
                submitted_by=request.user,
            )
        except ValidationError as error:
            form.add_error("plan_year", error)
        else:
            messages.success(
                request,
                _("%(what)s submitted to the national team") % {"what": submission},
            )
            return redirect("national:forum-submission", forum.slug, submission.pk)
    if not years:
        messages.info(request, _("The chair has not approved an annual evaluation yet."))
        return redirect(back)
    return form_page(
        request,
        form,
        title=_("Submit the %(what)s") % {"what": Kind(kind).label.lower()},
        caption=forum.name,
        back_url=back,
        intro=_(
            "The national team will see the figures as they stand now. If a figure is revised "
            "later, what you submitted does not change; you can submit again."
        ),
    )


def forum_submission(request, slug, pk):
    forum = forum_for(person=request.user, slug=slug, perm="national.view_national_reporting")
    submission = selectors.submission_for(pk=pk, forum=forum)
    return render(
        request,
        "national/submission_detail.html",
        {
            "submission": submission,
            "forum": forum,
            "back_url": reverse("national:forum-reporting", args=[forum.slug]),
        },
    )


def question_answer(request, slug, pk):
    forum = forum_for(person=request.user, slug=slug, perm="national.answer_national_question")
    question = get_object_or_404(NationalQuestion, pk=pk, forum=forum)
    back = reverse("national:forum-reporting", args=[forum.slug])
    if question.is_answered:
        messages.info(request, _("This question has already been answered."))
        return redirect(back)
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.question_answer(
            question=question, answer=form.cleaned_data["answer"], answered_by=request.user
        )
        messages.success(request, _("Your answer has been sent to the national team"))
        return redirect(back)
    return form_page(
        request,
        form,
        title=_("Answer the national team's question"),
        caption=forum.name,
        back_url=back,
        intro=question.question,
    )


def _national_team(request) -> None:
    """The national team's pages exist only for national viewers (404 for anyone else)."""
    if not request.user.has_perm("national.view_submissions"):
        raise Http404("Not found")


def workspace(request):
    """The national team's overview: who has submitted for the plan year, who is late, and
    the questions waiting for an answer."""
    _national_team(request)
    years = [selectors.reporting_year() - step for step in range(3)]
    asked = request.GET.get("year", "")
    year = int(asked) if asked in {str(y) for y in years} else years[0]
    rows = selectors.reporting_overview(plan_year=year)
    return render(
        request,
        "national/workspace.html",
        {
            "year": year,
            "year_label": plan_year_label(year),
            "years": [(y, plan_year_label(y)) for y in years],
            "due": selectors.due_date(year),
            "rows": rows,
            "late": sum(1 for row in rows if row.is_late),
            "kinds": Kind.choices,
        },
    )


def submission(request, pk):
    _national_team(request)
    found = selectors.submission_for(pk=pk)
    return render(
        request,
        "national/submission_detail.html",
        {
            "submission": found,
            "forum": found.forum,
            "national": True,
            "back_url": reverse("national:workspace") + f"?year={found.plan_year}",
        },
    )


def question_ask(request, slug):
    """Ask one board a question: it lands on its secretariat's home and in their e-mail."""
    if not request.user.has_perm("national.ask_national_question"):
        raise Http404("Not found")
    forum = get_object_or_404(Forum, slug=slug, kind=Forum.Kind.LOCAL_BOARD)
    about = None
    if request.GET.get("submission") or request.POST.get("submission"):
        about = NationalSubmission.objects.filter(
            forum=forum, pk=request.GET.get("submission") or request.POST.get("submission")
        ).first()
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.question_ask(
            forum=forum,
            question=form.cleaned_data["question"],
            asked_by=request.user,
            submission=about,
        )
        messages.success(
            request, _("Your question has been sent to %(forum)s") % {"forum": forum.name}
        )
        return redirect("national:workspace")
    return form_page(
        request,
        form,
        title=_("Ask %(forum)s a question") % {"forum": forum.name},
        caption=_("National team"),
        back_url=reverse("national:workspace"),
        intro=_("About: %(what)s") % {"what": about} if about else "",
    )


def escalations(request):
    """National escalations read by priority theme, with their answers; the team files each
    one under a theme here (answering stays on the escalations page)."""
    if not request.user.has_perm("forums.answer_national_escalations"):
        raise Http404("Not found")
    if request.method == "POST":
        escalation = get_object_or_404(
            national_escalations(), pk=_number(request.POST.get("escalation"))
        )
        theme = get_object_or_404(Theme.objects.national(), pk=_number(request.POST.get("theme")))
        services.escalation_file(escalation=escalation, theme=theme, by=request.user)
        messages.success(
            request,
            _("%(escalation)s is filed under %(theme)s")
            % {"escalation": escalation.title, "theme": theme.name},
        )
        return redirect("national:escalations")
    return render(
        request,
        "national/escalations.html",
        {
            "groups": selectors.escalations_by_theme(),
            "themes": list(Theme.objects.national().order_by("name")),
        },
    )


def _number(value) -> int:
    if not (value or "").isascii() or not (value or "").isdigit():
        raise Http404("Not found")
    return int(value)
