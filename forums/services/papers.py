"""Writes for papers: a new paper or a new version, its file checked from its content."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext

from forums.confidentiality import check_paper_marking, is_sensitive
from forums.models import (
    AgendaItem,
    Confidentiality,
    Paper,
    PaperDownload,
    PaperVersion,
    SecurityClassification,
)
from forums.services._common import _require_secretariat
from forums.uploads import check_agenda_upload
from membership.models import User


@transaction.atomic
def paper_upload(
    *,
    agenda_item: AgendaItem,
    by: User,
    upload,
    title: str = "",
    classification: str = SecurityClassification.OFFICIAL,
    confidentiality: str | None = None,
    restricted_to: Iterable[User] | None = None,
    paper: Paper | None = None,
    note: str = "",
) -> PaperVersion:
    """Upload a new paper, or a new version of ``paper``; the file is checked from its content."""
    forum = agenda_item.meeting.forum
    _require_secretariat(by, forum)
    checked = check_agenda_upload(upload)
    if paper is None:
        confidentiality = confidentiality or agenda_item.confidentiality
        if (
            agenda_item.confidentiality == Confidentiality.RESTRICTED
            and confidentiality != Confidentiality.RESTRICTED
        ) or (
            agenda_item.confidentiality == Confidentiality.CONFIDENTIAL
            and confidentiality == Confidentiality.PUBLIC
        ):
            raise ValidationError(
                {
                    "confidentiality": gettext(
                        "A paper cannot be less confidential than its agenda item"
                    )
                }
            )
        paper = Paper(
            agenda_item=agenda_item,
            title=title or checked.file_name,
            classification=classification,
            confidentiality=confidentiality,
            created_by=by,
        )
        check_paper_marking(paper)
        paper.save()
        if confidentiality == Confidentiality.RESTRICTED:
            named = list(restricted_to or []) or list(agenda_item.restricted_to.all())
            paper.restricted_to.set(named)
    number = (paper.versions.aggregate(m=Max("number"))["m"] or 0) + 1
    version = PaperVersion(
        paper=paper,
        number=number,
        file_name=checked.file_name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        note=note,
        uploaded_by=by,
    )
    version.file.save(checked.file_name, File(upload, name=checked.file_name), save=False)
    version.save()
    paper.current_version = version
    paper.save(update_fields=["current_version"])
    return version


def paper_download_record(*, version: PaperVersion, by: User) -> PaperDownload | None:
    """Record a download of a paper marked above OFFICIAL (who, which version, when), for the
    secretariat; OFFICIAL papers are not recorded."""
    if not is_sensitive(version.paper):
        return None
    return PaperDownload.objects.create(paper=version.paper, version=version, person=by)
