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


# Bulletins: the national team writes and publishes them; who may read one is its audience
# (``national.selectors.readable_bulletins``, the one place that rule lives).
rules.add_perm("national.manage_bulletins", is_national_viewer)


@rules.predicate
def can_read_bulletin(person, bulletin) -> bool:
    from national.selectors import readable_bulletins

    return readable_bulletins(person).filter(pk=bulletin.pk).exists()


rules.add_perm("national.read_bulletin", can_read_bulletin)


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
