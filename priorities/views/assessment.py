"""The board's annual self-assessment, and its register of related partnerships."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from forums.access import public_forum_for
from forums.views.common import apply_errors, confirm_page, form_page, forum_or_404, posted
from membership.models import Agency
from priorities.assessment_questions import STAGES, STAGES_BY_CODE
from priorities.forms.assessment import (
    AgreeForm,
    AssessmentOpenForm,
    ImprovementActionForm,
    PartnershipForm,
    StageRatingForm,
)
from priorities.models import RelatedPartnership, SelfAssessment, current_plan_year
from priorities.selectors import assessment as selectors
from priorities.services import assessment as services

VIEW = "priorities.view_plans"
RUN = "priorities.run_self_assessment"


def _detail_url(assessment: SelfAssessment) -> str:
    return reverse("assessment:detail", args=[assessment.forum.slug, assessment.plan_year])


def assessment_list(request, slug):
    forum = forum_or_404(request, slug, VIEW)
    assessments = list(forum.self_assessments.all())
    form = None
    if request.user.has_perm(RUN, forum):
        done = {a.plan_year for a in assessments}
        year = current_plan_year()
        years = [y for y in (year, year - 1) if y not in done]
        if years:
            form = AssessmentOpenForm(posted(request), years=years)
            if request.method == "POST" and form.is_valid():
                try:
                    assessment = services.assessment_open(
                        forum=forum, by=request.user, **form.cleaned_data
                    )
                except ValidationError as error:
                    apply_errors(form, error)
                else:
                    messages.success(request, _("The self-assessment is open for ratings"))
                    return redirect(_detail_url(assessment))
    return render(
        request,
        "priorities/assessment/list.html",
        {"forum": forum, "assessments": assessments, "form": form},
    )


def assessment_detail(request, slug, year):
    forum = forum_or_404(request, slug, VIEW)
    assessment = selectors.assessment_for(forum=forum, plan_year=year)
    can_run = request.user.has_perm(RUN, forum)
    return render(
        request,
        "priorities/assessment/detail.html",
        {
            "forum": forum,
            "assessment": assessment,
            "stages": selectors.assessment_rows(
                assessment=assessment, person=request.user, with_comments=can_run
            ),
            "raters": selectors.raters(assessment=assessment),
            "actions": list(assessment.improvement_actions.select_related("accountable_agency")),
            "can_rate": assessment.is_open
            and request.user.has_perm("priorities.rate_self_assessment", forum),
            "can_run": can_run and not assessment.is_approved,
            "can_publish": can_run and assessment.is_approved and not assessment.is_published,
            "can_approve": assessment.status == SelfAssessment.Status.AGREED
            and request.user.has_perm("priorities.approve_self_assessment", forum),
        },
    )


def assessment_rate(request, slug, year, stage):
    """One stage's questions on one page, with the evidence the app holds beside each."""
    forum = forum_or_404(request, slug, "priorities.rate_self_assessment")
    assessment = selectors.assessment_for(forum=forum, plan_year=year)
    if stage not in STAGES_BY_CODE:
        raise Http404("No such stage")
    if not assessment.is_open:
        messages.info(request, _("Ratings have closed."))
        return redirect(_detail_url(assessment))
    mine = {a.question: a for a in assessment.answers.filter(person=request.user)}
    initial = {}
    for code, answer in mine.items():
        initial[f"score_{code}"] = answer.score
        initial[f"comment_{code}"] = answer.comment
    evidence = selectors.assessment_evidence(forum=forum, plan_year=year)
    form = StageRatingForm(posted(request), stage=stage, evidence=evidence, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_rate(
                assessment=assessment, person=request.user, stage=stage, ratings=form.ratings()
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            codes = [s.code for s in STAGES]
            following = codes.index(stage) + 1
            if following < len(codes):
                return redirect("assessment:rate", forum.slug, year, codes[following])
            messages.success(
                request, _("Your ratings are saved. You can change them until ratings close.")
            )
            return redirect(_detail_url(assessment))
    the_stage = STAGES_BY_CODE[stage]
    return form_page(
        request,
        form,
        title=the_stage.title,
        caption=_("Self-assessment %(year)s") % {"year": assessment.plan_year_label},
        back_url=_detail_url(assessment),
        intro=the_stage.summary,
    )


def assessment_agree(request, slug, year):
    forum = forum_or_404(request, slug, RUN)
    assessment = selectors.assessment_for(forum=forum, plan_year=year)
    initial = {"rating": assessment.rating, "summary": assessment.summary}
    for conclusion in assessment.conclusions.all():
        initial[f"score_{conclusion.stage}"] = conclusion.score
        initial[f"comment_{conclusion.stage}"] = conclusion.comment
    form = AgreeForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_agree(
                assessment=assessment,
                by=request.user,
                conclusions=form.conclusions(),
                rating=form.cleaned_data["rating"],
                summary=form.cleaned_data["summary"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The rating is agreed. The chair can now approve it."))
            return redirect(_detail_url(assessment))
    return form_page(
        request,
        form,
        title=_("Agree the board's rating"),
        caption=_("Self-assessment %(year)s") % {"year": assessment.plan_year_label},
        back_url=_detail_url(assessment),
        intro=_("Agreeing closes members' ratings. The chair then approves the result."),
    )


def assessment_action_add(request, slug, year):
    forum = forum_or_404(request, slug, RUN)
    assessment = selectors.assessment_for(forum=forum, plan_year=year)
    form = ImprovementActionForm(
        posted(request),
        agencies=Agency.objects.filter(memberships__forum=forum).distinct().order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_add_action(
                assessment=assessment, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The improvement action is in the board's action list"))
            return redirect(_detail_url(assessment))
    return form_page(
        request,
        form,
        title=_("Add an improvement action"),
        caption=_("Self-assessment %(year)s") % {"year": assessment.plan_year_label},
        back_url=_detail_url(assessment),
    )


def assessment_approve(request, slug, year):
    forum = forum_or_404(request, slug, "priorities.approve_self_assessment")
    assessment = selectors.assessment_for(forum=forum, plan_year=year)
    if request.method == "POST":
        try:
            services.assessment_approve(assessment=assessment, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("You have approved the self-assessment"))
        return redirect(_detail_url(assessment))
    return confirm_page(
        request,
        title=_("Approve the self-assessment of %(year)s") % {"year": assessment.plan_year_label},
        button=_("Approve"),
        caption=forum.name,
        back_url=_detail_url(assessment),
        what_happens=[
            _("The agreed ratings, the conclusion and the improvement actions are final."),
            _("The secretariat can then publish the summary."),
        ],
    )


def assessment_publish(request, slug, year):
    forum = forum_or_404(request, slug, RUN)
    assessment = selectors.assessment_for(forum=forum, plan_year=year)
    if request.method == "POST":
        try:
            services.assessment_publish(assessment=assessment, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The self-assessment summary is published"))
        return redirect(_detail_url(assessment))
    return confirm_page(
        request,
        title=_("Publish the self-assessment of %(year)s") % {"year": assessment.plan_year_label},
        button=_("Publish"),
        caption=forum.name,
        back_url=_detail_url(assessment),
        becomes_public=[
            _("The overall rating and the rating of each stage"),
            _("What the board concluded"),
            _("The improvement actions' titles and due dates"),
        ],
        what_happens=[_("Members' own ratings and comments stay private.")],
    )


@login_not_required
def assessment_public(request, slug):
    """The latest published self-assessment and the related partnerships of a public board."""
    forum = public_forum_for(slug=slug)
    assessment = selectors.published_assessment(forum=forum)
    concluded = {c.stage: c for c in assessment.conclusions.all()} if assessment else {}
    return render(
        request,
        "priorities/assessment/public.html",
        {
            "forum": forum,
            "assessment": assessment,
            "stages": [(stage, concluded.get(stage.code)) for stage in STAGES],
            "partnerships": list(selectors.partnerships_of(forum=forum)),
            "today": timezone.localdate(),
        },
    )


def partnership_list(request, slug):
    forum = forum_or_404(request, slug, VIEW)
    return render(
        request,
        "priorities/assessment/partnerships.html",
        {
            "forum": forum,
            "partnerships": list(selectors.partnerships_of(forum=forum)),
            "can_edit": request.user.has_perm("priorities.edit_plans", forum),
        },
    )


def partnership_edit(request, slug, pk=None):
    forum = forum_or_404(request, slug, "priorities.edit_plans")
    partnership = (
        get_object_or_404(RelatedPartnership, pk=pk, forum=forum) if pk is not None else None
    )
    form = PartnershipForm(posted(request), instance=partnership)
    back = reverse("assessment:partnerships", args=[forum.slug])
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in PartnershipForm.Meta.fields}
        try:
            services.partnership_save(
                forum=forum, by=request.user, fields=fields, partnership=partnership
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The register of related partnerships is updated"))
            return redirect(back)
    return form_page(
        request,
        form,
        title=_("Change a related partnership") if partnership else _("Add a related partnership"),
        caption=forum.name,
        back_url=back,
    )


def partnership_remove(request, slug, pk):
    forum = forum_or_404(request, slug, "priorities.edit_plans")
    partnership = get_object_or_404(RelatedPartnership, pk=pk, forum=forum)
    back = reverse("assessment:partnerships", args=[forum.slug])
    if request.method == "POST":
        services.partnership_remove(partnership=partnership, by=request.user)
        messages.success(
            request, _("%(name)s is no longer on the register") % {"name": partnership}
        )
        return redirect(back)
    return confirm_page(
        request,
        title=_("Remove %(name)s from the register") % {"name": partnership},
        button=_("Remove"),
        caption=forum.name,
        back_url=back,
        destructive=True,
        what_happens=[_("It no longer shows on the board's public page.")],
    )
