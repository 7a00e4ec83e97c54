"""Who may see a regional roll-up, report to the national level, and ask boards questions."""

import rules

from forums.rules import is_forum_member, is_forum_secretariat, is_national_viewer

# The regional board's members read the roll-up (read only; it holds only what member boards
# published or chose to share upward). Guests and data submitters do not.
rules.add_perm("national.view_region_roll_up", is_forum_member)

# A board's members see what it reported nationally and what it was asked; the secretariat and
# the chair submit and answer.
rules.add_perm("national.view_national_reporting", is_forum_member)
rules.add_perm("national.submit_to_national", is_forum_secretariat)
rules.add_perm("national.answer_national_question", is_forum_secretariat)

# The national team (national viewers) sees every board's submissions and asks questions.
rules.add_perm("national.view_submissions", is_national_viewer)
rules.add_perm("national.ask_national_question", is_national_viewer)


# Bulletins: a series is written and published by the national team (a national series) or by
# a regional board's secretariat (that board's series). "May edit this series" is the one rule
# of who writes, changes and publishes its bulletins; ``national.selectors.editable_series`` is
# the same rule as a filter, for lists. Who may read a bulletin is its audience
# (``national.selectors.readable_bulletins``, the one place that rule lives).


@rules.predicate
def runs_a_regional_board(person) -> bool:
    from forums.models import Forum, Membership

    if not getattr(person, "is_authenticated", False):
        return False
    return (
        Membership.objects.current()
        .filter(
            person_id=person.pk,
            role__in=Membership.RUNNING_ROLES,
            forum__kind=Forum.Kind.REGIONAL_BOARD,
        )
        .exists()
    )


@rules.predicate
def may_edit_series(person, series) -> bool:
    """The national team edits national series; a regional board's secretariat (or chair)
    edits that board's series, and nobody else does."""
    if series is None:
        return False
    if series.publisher_forum_id is None:
        return is_national_viewer(person)
    return is_forum_secretariat(person, series.publisher_forum)


# Writes bulletins at all (the workspace's buttons, starting a series): someone who may edit
# a series now or start one.
rules.add_perm("national.manage_bulletins", is_national_viewer | runs_a_regional_board)
rules.add_perm("national.edit_series", may_edit_series)


@rules.predicate
def can_read_bulletin(person, bulletin) -> bool:
    from national.selectors import readable_bulletins

    return readable_bulletins(person).filter(pk=bulletin.pk).exists()


rules.add_perm("national.read_bulletin", can_read_bulletin)


# --- Cascade to local boards (national/models_cascade.py) -------------------------------------
# The national team sends national items to boards' forward plans and sees where each went.
# Which items a board's person sees is scoped in ``national.selectors_cascade.recipients_for``:
# whoever runs the board sees every item sent to it, members only those it took up.


@rules.predicate
def is_local_board(person, forum) -> bool:
    """Items are sent to local boards only (a sub-group or regional board has none)."""
    from forums.models import Forum

    return forum is not None and forum.kind == Forum.Kind.LOCAL_BOARD


rules.add_perm("national.send_to_boards", is_national_viewer)
rules.add_perm("national.view_cascade_sent", is_national_viewer)
rules.add_perm("national.view_cascaded_items", is_local_board & is_forum_member)
rules.add_perm("national.see_cascade_waiting", is_local_board & is_forum_secretariat)
rules.add_perm("national.decide_cascaded_item", is_local_board & is_forum_secretariat)
# --- engagements (issue 16) -------------------------------------------------------------------
# Policy leads (national viewers) start and run engagements; who else may see one is its
# audience, or a release (``national.selectors_engagements``, the one place that rule lives).
rules.add_perm("national.start_engagement", is_national_viewer)


@rules.predicate
def is_engagement_lead(person, engagement) -> bool:
    return bool(
        engagement is not None
        and is_national_viewer(person)
        and engagement.leads.filter(pk=person.pk).exists()
    )


@rules.predicate
def can_see_engagement(person, engagement) -> bool:
    from national.selectors_engagements import engagements_for, released_to_boards_for

    return (
        engagements_for(person).filter(pk=engagement.pk).exists()
        or released_to_boards_for(person).filter(pk=engagement.pk).exists()
    )


@rules.predicate
def can_draft_response(person, response) -> bool:
    """The staff of an audience body, or a member of an audience group, while it is open."""
    from national.selectors_engagements import respondents_for

    engagement = response.engagement
    return engagement.status == engagement.Status.OPEN and response.respondent_id in {
        forum.pk for forum in respondents_for(person, engagement)
    }


@rules.predicate
def submits_for_respondent(person, response) -> bool:
    """A body's staff submit its response; a group's chair or secretariat submit the group's."""
    respondent = response.respondent
    return respondent.kind != respondent.Kind.NATIONAL_GROUP or is_forum_secretariat(
        person, respondent
    )


@rules.predicate
def agrees_for_group(person, response) -> bool:
    return response.respondent.kind == response.respondent.Kind.NATIONAL_GROUP


rules.add_perm("national.lead_engagement", is_engagement_lead)
rules.add_perm("national.view_engagement", can_see_engagement)
rules.add_perm("national.draft_engagement_response", can_draft_response)
rules.add_perm("national.submit_engagement_response", can_draft_response & submits_for_respondent)
rules.add_perm("national.agree_engagement_response", can_draft_response & agrees_for_group)
