"""One reference scheme for decisions and actions: per forum and year, D2026-013 and A2026-019.

Existing rows (D26-013, D2601-1, A019, A2609-3) are numbered again in the order they were taken:
decisions by their date, actions by their meeting's date (or the day they were recorded).
"""

from collections import defaultdict

from django.db import migrations
from django.utils import timezone


def _renumber(rows, prefix):
    counters = defaultdict(int)
    changed = []
    for row, when in sorted(rows, key=lambda pair: (pair[1], pair[0].pk)):
        key = (row.forum_id, when.year)
        counters[key] += 1
        reference = f"{prefix}{when.year}-{counters[key]:03d}"
        if row.reference != reference:
            row.reference = reference
            changed.append(row)
    return changed


def renumber(apps, schema_editor):
    Decision = apps.get_model("forums", "Decision")
    Action = apps.get_model("forums", "Action")
    decisions = [(d, d.decided_on) for d in Decision.objects.all()]
    Decision.objects.bulk_update(_renumber(decisions, "D"), ["reference"], batch_size=500)
    actions = [
        (a, timezone.localtime(a.meeting.starts_at if a.meeting_id else a.created_at).date())
        for a in Action.objects.select_related("meeting")
    ]
    Action.objects.bulk_update(_renumber(actions, "A"), ["reference"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("forums", "0010_written_procedures")]

    operations = [migrations.RunPython(renumber, migrations.RunPython.noop)]
