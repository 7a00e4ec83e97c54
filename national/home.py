"""The workspace home's section for the boards a person runs: national questions waiting for
an answer and year-end reports to submit. Registered in ``NationalConfig.ready()``."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from forums.home import RUNNING, HomeContext, HomeItem, HomeSection
from membership import dates
from national import selectors
from national.models import NationalQuestion, NationalSubmission
from priorities.models import plan_year_label

REMIND_DAYS_AFTER_DUE = 90


def national_reporting_section(home: HomeContext) -> HomeSection | None:
    """'Reporting to the national team', for a board's secretariat and chair (two queries)."""
    forums = [forum for forum in home.run_forums if forum.kind == forum.Kind.LOCAL_BOARD]
    if not forums:
        return None
    items = []
    for question in NationalQuestion.objects.filter(
        forum__in=forums, answered_at__isnull=True
    ).select_related("forum"):
        items.append(
            HomeItem(
                text=_("Answer the national team's question"),
                url=reverse("national:question-answer", args=[question.forum.slug, question.pk]),
                detail=_("%(forum)s, asked %(when)s")
                % {
                    "forum": question.forum,
                    "when": dates.date_text(timezone.localdate(question.asked_at)),
                },
                tag=_("Waiting for an answer"),
                tag_class="govuk-tag--orange",
                forum=question.forum,
            )
        )
    year = selectors.reporting_year(home.today)
    due = selectors.due_date(year)
    # Year-end reports are asked for from the end of the plan year until a season after they
    # were due (the national team's overview keeps showing who is late after that).
    in_season = home.today <= due + datetime.timedelta(days=REMIND_DAYS_AFTER_DUE)
    done = set(
        NationalSubmission.objects.filter(forum__in=forums, plan_year=year).values_list(
            "forum_id", "kind"
        )
    )
    for forum in forums if in_season else []:
        for kind, label in NationalSubmission.Kind.choices:
            if (forum.pk, kind) in done:
                continue
            late = home.today > due
            items.append(
                HomeItem(
                    text=_("Submit the %(what)s for %(year)s")
                    % {"what": label.lower(), "year": plan_year_label(year)},
                    url=reverse("national:forum-reporting", args=[forum.slug]),
                    detail=_("%(forum)s, due %(when)s")
                    % {"forum": forum, "when": dates.date_text(due)},
                    tag=_("Late") if late else "",
                    tag_class="govuk-tag--red" if late else "",
                    forum=forum,
                )
            )
    return HomeSection(
        key="national-reporting",
        title=_("Reporting to the national team"),
        items=tuple(items),
        empty=_("Nothing to do: every report is in and every question answered."),
        order=40,
        part=RUNNING,
    )


def engagements_section(home: HomeContext) -> HomeSection | None:
    """'Engagements': open national engagements awaiting a response from the person's body or
    group, nearest deadline first (fixed queries)."""
    from national.selectors_engagements import awaiting_response

    waiting = awaiting_response(home.person)
    if not waiting:
        return None
    today = home.today
    items = tuple(
        HomeItem(
            text=_("Respond to %(title)s") % {"title": engagement.title},
            url=reverse("national:engagement-respond", args=[engagement.pk, forum.slug]),
            detail=_("For %(respondent)s, by %(when)s")
            % {"respondent": forum, "when": dates.date_text(engagement.deadline)},
            tag=_("Late") if engagement.deadline < today else "",
            tag_class="govuk-tag--red" if engagement.deadline < today else "",
        )
        for engagement, forum in waiting
    )
    return HomeSection(
        key="engagements",
        title=_("Engagements"),
        items=items,
        order=35,
        links=((_("All engagements"), reverse("national:engagements")),),
    )
