"""What several kinds of read share: the return statuses and the target that applies to a period."""

from performance.models import PerformanceReturn, ReportingPeriod, Target

Status = PerformanceReturn.Status


def _target_for(targets: list[Target], period: ReportingPeriod) -> Target | None:
    """The most specific target covering the period; the forum's own before its area's."""
    covering = [t for t in targets if t.period.start <= period.start and t.period.end >= period.end]
    if not covering:
        return None
    covering.sort(key=lambda t: (t.forum_id is None, (t.period.end - t.period.start).days))
    return covering[0]
