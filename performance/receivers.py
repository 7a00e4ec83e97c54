"""How the performance app reacts to the forums app (connected in PerformanceConfig.ready).

The rule lives in the service; the receiver only notices the moment and queues it.
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from forums.models import Meeting


@receiver(post_save, sender=Meeting, dispatch_uid="performance-freeze-figures-on-publication")
def freeze_figures_when_papers_published(sender, instance, update_fields=None, **kwargs):
    """A meeting's agenda and papers went out: keep the figures the board will see."""
    if instance.status != Meeting.Status.AGENDA_PUBLISHED:
        return
    if update_fields is not None and "status" not in update_fields:
        return
    from performance.services import meeting_figures_freeze_on_publication

    meeting_id = instance.pk
    transaction.on_commit(lambda: meeting_figures_freeze_on_publication(meeting_id=meeting_id))
