"""Reads of papers: a member's (if they may see it) and the public's."""

from django.shortcuts import get_object_or_404

from forums.confidentiality import visible_to
from forums.models import Forum, Paper, PaperDownload
from membership.models import User


def paper_for(*, person: User, forum: Forum, pk: int) -> Paper:
    """A paper of the forum the person may see (404 otherwise), with its versions."""
    queryset = visible_to(Paper.objects.filter(agenda_item__meeting__forum=forum), person, forum)
    return get_object_or_404(
        queryset.select_related("agenda_item__meeting", "current_version").prefetch_related(
            "versions__uploaded_by"
        ),
        pk=pk,
    )


def paper_downloads_for(*, person: User, paper: Paper) -> list[PaperDownload]:
    """Who downloaded a paper marked above OFFICIAL, and when: for whoever runs the forum only
    (an empty list for anyone else)."""
    if not person.has_perm("forums.manage_meetings", paper.agenda_item.meeting.forum):
        return []
    return list(paper.downloads.select_related("person", "version"))


def public_paper(*, pk: int) -> Paper:
    return get_object_or_404(
        Paper.objects.public().select_related("current_version", "agenda_item__meeting__forum"),
        pk=pk,
    )
