"""The new-game screen's list of scenarios says why a user's scenario cannot be played."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt

from ui.item_models import ScenarioListModel
from wargame.scenario.library import catalogue


def test_a_broken_user_scenario_is_listed_with_its_reason(tmp_path):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "my_crisis.yaml").write_text(
        "id: my_crisis\ntitle: Mine\nturns: 0\n", encoding="utf-8"
    )
    entries = catalogue(folder)
    model = ScenarioListModel(entries)
    row = next(i for i, e in enumerate(entries) if e.source.endswith("my_crisis.yaml"))
    index = model.index(row, 0)
    shown = index.data(Qt.ItemDataRole.DisplayRole)
    assert shown.startswith("my_crisis.yaml \u2014 cannot be played:")
    assert entries[row].reason in shown  # the first problem, and how many more
    tip = html.unescape(re.sub(r"</?p[^>]*>", "", index.data(Qt.ItemDataRole.ToolTipRole)))
    assert str(folder / "my_crisis.yaml") in tip
    assert all(p.message in tip for p in entries[row].problems[:10])
    assert not model.flags(index) & Qt.ItemFlag.ItemIsSelectable
