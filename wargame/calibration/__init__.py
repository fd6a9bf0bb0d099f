"""Calibration: play many all-computer crises and compare the rates they produce with the published
figures of DESIGN.md section 2 (the `wargame calibrate` command).

`records` turns a finished GameState into one plain JSON-ready record per crisis; `rows` computes
the calibration table from records (pure functions, testable on small synthetic states); `runner`
plays the crises in parallel.
"""

from .records import crisis_record
from .rows import TARGETS, Row, Target, calibration_rows, rows_from_states

__all__ = ["TARGETS", "Row", "Target", "calibration_rows", "crisis_record", "rows_from_states"]
