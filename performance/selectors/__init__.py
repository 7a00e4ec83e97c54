"""Reads of the performance app, scoped to who is asking, in a fixed number of queries.

Public pages and open data call these with ``published_only=True``: only accepted figures of
public forums for periods the forum has published. Nothing here writes.

One module per part: returns.py (forums, returns), owed.py (who owes what), figures.py
(accepted figures, the published-only rule), dashboard.py, comparison.py, publication.py,
open_data.py and meetings.py (exceptions, frozen figures). Every public name is re-exported
here, so ``from performance import selectors; selectors.forum_dashboard(...)`` keeps working.
"""

from performance.selectors._common import Status
from performance.selectors.comparison import (
    AreaFigure,
    RightRow,
    indicator_comparison,
    victims_code_compliance,
)
from performance.selectors.dashboard import (
    FIGURE_FIELDS,
    TREND_LENGTH,
    AgencyFigure,
    Breakdown,
    Dashboard,
    IndicatorSummary,
    Point,
    forum_dashboard,
)
from performance.selectors.figures import accepted_measurements, accepted_returns
from performance.selectors.meetings import (
    CONTROL_MIN_POINTS,
    CONTROL_SIGMAS,
    FrozenFigure,
    PerformanceException,
    frozen_against_now,
    meeting_of,
    meetings_with_figures,
    next_meeting,
    performance_exceptions,
)
from performance.selectors.open_data import (
    DATASETS,
    OPEN_FIGURE_COLUMNS,
    OPEN_INDICATOR_COLUMNS,
    OPEN_TARGET_COLUMNS,
    open_data_last_updated,
    open_figures,
    open_indicators,
    open_targets,
    public_indicators,
    public_targets,
)
from performance.selectors.owed import RECENT_PERIODS, OwedReturn, returns_overview
from performance.selectors.publication import (
    PeriodState,
    period_for_forum,
    period_state,
    periods_with_returns,
    targets_for,
)
from performance.selectors.returns import (
    indicators_for_forum,
    return_get_for,
    return_history,
    return_list_for,
    return_measurements,
)

__all__ = [
    "Status",
    "indicators_for_forum",
    "return_list_for",
    "return_get_for",
    "return_measurements",
    "return_history",
    "RECENT_PERIODS",
    "OwedReturn",
    "returns_overview",
    "accepted_returns",
    "accepted_measurements",
    "TREND_LENGTH",
    "FIGURE_FIELDS",
    "Point",
    "Breakdown",
    "AgencyFigure",
    "IndicatorSummary",
    "Dashboard",
    "forum_dashboard",
    "RightRow",
    "victims_code_compliance",
    "AreaFigure",
    "indicator_comparison",
    "PeriodState",
    "period_state",
    "periods_with_returns",
    "period_for_forum",
    "targets_for",
    "open_data_last_updated",
    "OPEN_FIGURE_COLUMNS",
    "open_figures",
    "OPEN_INDICATOR_COLUMNS",
    "open_indicators",
    "OPEN_TARGET_COLUMNS",
    "open_targets",
    "public_indicators",
    "public_targets",
    "DATASETS",
    "CONTROL_SIGMAS",
    "CONTROL_MIN_POINTS",
    "PerformanceException",
    "performance_exceptions",
    "next_meeting",
    "meetings_with_figures",
    "meeting_of",
    "FrozenFigure",
    "frozen_against_now",
]
