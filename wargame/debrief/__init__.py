"""The debrief: what happened in a session and why, for the facilitator or one seat, and what
might have happened instead. Pure Python (no Qt); the GUI and `wargame report` render it.

    played = played_from_log(store.load())      # or played_from_match(match)
    report = build_report(played, seat=None)    # the facilitator's; seat="aurelia" for one seat
    html = report_html(report, images)          # the printable report (charts made by the GUI)
    branch(played, turn, seat, orders, make_player)          # what if: one other history
    monte_carlo(played, turn, seat, orders, make_player, runs)  # and many futures of each
"""

from .played import DebriefError, Played, SeatPlayer, played_from_log, played_from_match
from .report import Charts, Report, build_report

__all__ = [
    "Charts",
    "DebriefError",
    "Played",
    "Report",
    "SeatPlayer",
    "build_report",
    "played_from_log",
    "played_from_match",
]
