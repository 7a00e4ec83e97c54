"""The workspace home's section for the boards a person runs: items from the national team
waiting for the board's decision. Registered in ``NationalConfig.ready()``."""

from __future__ import annotations

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from forums.home import RUNNING, HomeContext, HomeItem, HomeSection
from national.models_cascade import CascadeRecipient


def cascade_section(home: HomeContext) -> HomeSection | None:
    """'From the national team', for whoever runs a local board (one query)."""
    forums = [forum for forum in home.run_forums if forum.kind == forum.Kind.LOCAL_BOARD]
    if not forums:
        return None
    by_pk = {forum.pk: forum for forum in forums}
    waiting = CascadeRecipient.objects.filter(
        forum__in=forums, status=CascadeRecipient.Status.WAITING
    ).select_related("item")
    items = tuple(
        HomeItem(
            text=_("Decide on ‘%(item)s’") % {"item": recipient.item.source_label},
            url=reverse(
                "national:cascade-board-item", args=[by_pk[recipient.forum_id].slug, recipient.pk]
            ),
            detail=_("%(forum)s: %(purpose)s, consider by %(month)s")
            % {
                "forum": by_pk[recipient.forum_id],
                "purpose": recipient.item.get_purpose_display().lower(),
                "month": formats.date_format(recipient.item.consider_by, "F Y"),
            },
            tag=_("From the national team"),
            tag_class="govuk-tag--blue",
            forum=by_pk[recipient.forum_id],
        )
        for recipient in waiting.order_by("item__consider_by", "pk")
    )
    return HomeSection(
        key="national-cascade",
        title=_("Items from the national team"),
        items=items,
        empty=_("Nothing from the national team is waiting for a decision."),
        order=41,
        part=RUNNING,
    )
