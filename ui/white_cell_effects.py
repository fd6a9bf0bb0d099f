"""The white cell's editor of effects: what an inject written on the spot, or an argument's
success or failure, changes. Changes are added one at a time to a list (indicators, relations,
tension, the status of an issue at stake, a new or changed objective) and read back as the
engine's `facilitator.Effects`, which checks every value as a scenario file's would be."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wargame.enums import Rung
from wargame.facilitator import Effects

from .widgets import muted

ATTRIBUTES = ("stability", "economy", "reputation", "military")
CONDITIONS = (
    ("escalation_at_most", "The crisis stays at or below a rung"),
    ("avoid_war", "Avoid war"),
    ("relations_at_least", "Relations with a state at least"),
    ("attribute_at_least", "One of its figures at least"),
    ("issue_status", "An issue at stake ends at a status"),
    ("not_sanctioned", "No sanctions against it at the end"),
)


class EffectsEditor(QWidget):
    """A list of changes and the forms that add them. `name` prefixes the object names of its
    widgets (tests and the screenshot tour find them by name)."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self._states: tuple[tuple[str, str], ...] = ()
        self._issues: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = ()
        self._changes: list[tuple[str, dict[str, Any]]] = []  # (kind, data)
        self._objective_count = 0
        self.list = QListWidget()
        self.list.setObjectName(f"{name}List")
        self.list.setAccessibleName("The changes")
        self.list.setMaximumHeight(self.fontMetrics().height() * 6)
        self.remove = QPushButton("Remove")
        self.remove.setObjectName(f"{name}Remove")
        self.remove.clicked.connect(self._remove_selected)
        self.forms = QTabWidget()
        self.forms.setObjectName(f"{name}Forms")
        self.forms.setDocumentMode(True)
        self._build_indicator(name)
        self._build_relation(name)
        self._build_tension(name)
        self._build_issue(name)
        self._build_objective(name)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.forms)
        self._show_empty()

    # --- public API -------------------------------------------------------------------------------

    def set_game(
        self,
        states: tuple[tuple[str, str], ...],
        issues: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...],
    ) -> None:
        if states == self._states and issues == self._issues:
            return
        self._states, self._issues = states, issues
        for combo in (self.state, self.rel_a, self.rel_b, self.obj_state, self.obj_with):
            _fill(combo, states)
        _fill(self.issue, tuple((i, n) for i, n, _ in issues))
        _fill(self.obj_issue, tuple((i, n) for i, n, _ in issues))
        self._fill_statuses()
        self.forms.setTabEnabled(3, bool(issues))

    def effects(self) -> Effects:
        """The changes listed, as the engine's Effects (ValueError saying what is wrong)."""
        data: dict[str, Any] = {"indicators": [], "relations": [], "tension": 0.0}
        data |= {"issues": [], "objectives": []}
        for kind, change in self._changes:
            if kind == "tension":
                data["tension"] += change["delta"]
            else:
                data[kind].append(change)
        return Effects.model_validate(data)

    def clear(self) -> None:
        self._changes.clear()
        self.list.clear()
        self._show_empty()

    def add_indicator(self, state: str, attribute: str, delta: float) -> None:
        self._add(
            "indicators",
            {"state": state, "attribute": attribute, "delta": delta},
            f"{self._name(state)}: {attribute} {delta:+g}",
        )

    def add_relation(self, a: str, b: str, delta: float) -> None:
        self._add(
            "relations",
            {"between": [a, b], "delta": delta},
            f"Relations {self._name(a)}\u2013{self._name(b)} {delta:+g}",
        )

    def add_tension(self, delta: float) -> None:
        self._add("tension", {"delta": delta}, f"Tension {delta:+g}")

    def add_issue(self, issue: str, status: str) -> None:
        words = next(
            (dict(o).get(status, status) for i, _n, o in self._issues if i == issue), status
        )
        name = next((n for i, n, _o in self._issues if i == issue), issue)
        self._add("issues", {"issue": issue, "status": status}, f"{name}: {words}")

    def add_objective(self, state: str, objective: dict[str, Any]) -> None:
        secret = " (secret)" if objective.get("secret") else ""
        self._add(
            "objectives",
            {"state": state, "objective": objective},
            f"New objective for {self._name(state)}{secret}: {objective['text']} "
            f"({objective['points']} points)",
        )

    # --- private: the forms -------------------------------------------------------------------

    def _build_indicator(self, name: str) -> None:
        self.state = _combo(f"{name}State")
        self.attribute = _combo(f"{name}Attribute")
        for a in ATTRIBUTES:
            self.attribute.addItem(a.capitalize(), a)
        self.delta = _spin(f"{name}Delta", -200, 200)
        add = _button("Add", f"{name}AddIndicator")
        add.clicked.connect(
            lambda: self.add_indicator(
                self.state.currentData(), self.attribute.currentData(), self.delta.value()
            )
        )
        self.forms.addTab(_page(self.state, self.attribute, self.delta, add), "A state's figure")

    def _build_relation(self, name: str) -> None:
        self.rel_a, self.rel_b = _combo(f"{name}RelationA"), _combo(f"{name}RelationB")
        self.rel_delta = _spin(f"{name}RelationDelta", -200, 200)
        add = _button("Add", f"{name}AddRelation")
        add.clicked.connect(
            lambda: self.add_relation(
                self.rel_a.currentData(), self.rel_b.currentData(), self.rel_delta.value()
            )
        )
        self.forms.addTab(_page(self.rel_a, self.rel_b, self.rel_delta, add), "Relations")

    def _build_tension(self, name: str) -> None:
        self.tension = _spin(f"{name}Tension", -100, 100)
        add = _button("Add", f"{name}AddTension")
        add.clicked.connect(lambda: self.add_tension(self.tension.value()))
        self.forms.addTab(
            _page(muted("Change of tension (0\u2013100)"), self.tension, add), "Tension"
        )

    def _build_issue(self, name: str) -> None:
        self.issue = _combo(f"{name}Issue")
        self.issue_status = _combo(f"{name}IssueStatus")
        self.issue.currentIndexChanged.connect(lambda _i: self._fill_statuses())
        add = _button("Add", f"{name}AddIssue")
        add.clicked.connect(
            lambda: self.add_issue(self.issue.currentData(), self.issue_status.currentData())
        )
        self.forms.addTab(_page(self.issue, self.issue_status, add), "An issue at stake")

    def _build_objective(self, name: str) -> None:
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 4, 0, 0)
        self.obj_state = _combo(f"{name}ObjectiveState")
        self.obj_text = QLineEdit()
        self.obj_text.setObjectName(f"{name}ObjectiveText")
        self.obj_text.setAccessibleName("The objective")
        self.obj_text.setPlaceholderText("e.g. Keep the strait open to every flag")
        self.obj_points = QSpinBox()
        self.obj_points.setObjectName(f"{name}ObjectivePoints")
        self.obj_points.setAccessibleName("Points")
        self.obj_points.setRange(1, 100)
        self.obj_points.setValue(10)
        self.obj_secret = QCheckBox("Secret (only that state knows it)")
        self.obj_secret.setObjectName(f"{name}ObjectiveSecret")
        self.obj_kind = _combo(f"{name}ObjectiveCondition")
        for key, words in CONDITIONS:
            self.obj_kind.addItem(words, key)
        self.obj_rung = _combo(f"{name}ObjectiveRung")
        for r in Rung:
            self.obj_rung.addItem(r.words.capitalize(), r.word)
        self.obj_with = _combo(f"{name}ObjectiveWith")
        self.obj_attribute = _combo(f"{name}ObjectiveAttribute")
        for a in ATTRIBUTES:
            self.obj_attribute.addItem(a.capitalize(), a)
        self.obj_issue = _combo(f"{name}ObjectiveIssue")
        self.obj_issue_status = _combo(f"{name}ObjectiveIssueStatus")
        self.obj_issue.currentIndexChanged.connect(lambda _i: self._fill_statuses())
        self.obj_value = _spin(f"{name}ObjectiveValue", -100, 20000)
        add = _button("Add the objective", f"{name}AddObjective")
        add.clicked.connect(self._add_objective_from_form)
        form.addRow("State", self.obj_state)
        form.addRow("Objective", self.obj_text)
        form.addRow("Points", _row(self.obj_points, self.obj_secret))
        form.addRow("Met when", self.obj_kind)
        form.addRow(
            "Details",
            _row(
                self.obj_rung,
                self.obj_with,
                self.obj_attribute,
                self.obj_issue,
                self.obj_issue_status,
                self.obj_value,
            ),
        )
        form.addRow("", add)
        self.obj_kind.currentIndexChanged.connect(lambda _i: self._show_condition_fields())
        self._show_condition_fields()
        self.forms.addTab(box, "An objective")

    def _show_condition_fields(self) -> None:
        kind = self.obj_kind.currentData()
        shown = {
            "escalation_at_most": (self.obj_rung,),
            "relations_at_least": (self.obj_with, self.obj_value),
            "attribute_at_least": (self.obj_attribute, self.obj_value),
            "issue_status": (self.obj_issue, self.obj_issue_status),
        }.get(kind, ())
        for widget in (
            self.obj_rung,
            self.obj_with,
            self.obj_attribute,
            self.obj_issue,
            self.obj_issue_status,
            self.obj_value,
        ):
            widget.setVisible(widget in shown)

    def _add_objective_from_form(self) -> None:
        text = self.obj_text.text().strip()
        if not text:
            self.obj_text.setFocus()
            self.obj_text.setPlaceholderText("Write the objective first")
            return
        kind = self.obj_kind.currentData()
        condition: dict[str, Any] = {"type": kind}
        if kind == "escalation_at_most":
            condition["rung"] = self.obj_rung.currentData()
        elif kind == "relations_at_least":
            condition |= {"with": self.obj_with.currentData(), "value": self.obj_value.value()}
        elif kind == "attribute_at_least":
            condition |= {
                "attribute": self.obj_attribute.currentData(),
                "value": self.obj_value.value(),
            }
        elif kind == "issue_status":
            condition |= {
                "issue": self.obj_issue.currentData(),
                "status": self.obj_issue_status.currentData(),
            }
        self._objective_count += 1
        objective = {
            "id": f"white_cell_{self._objective_count}",
            "text": text,
            "points": self.obj_points.value(),
            "secret": self.obj_secret.isChecked(),
            "condition": condition,
        }
        self.add_objective(self.obj_state.currentData(), objective)
        self.obj_text.clear()

    def _fill_statuses(self) -> None:
        for issue_combo, status_combo in (
            (self.issue, self.issue_status),
            (self.obj_issue, self.obj_issue_status),
        ):
            outcomes = next((o for i, _n, o in self._issues if i == issue_combo.currentData()), ())
            _fill(status_combo, tuple((k, f"{k.replace('_', ' ')}: {w}") for k, w in outcomes))

    # --- private: the list --------------------------------------------------------------------

    def _add(self, kind: str, data: dict[str, Any], words: str) -> None:
        if not self._changes:
            self.list.clear()
        self._changes.append((kind, data))
        self.list.addItem(QListWidgetItem(words))

    def _remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._changes):
            del self._changes[row]
            self.list.takeItem(row)
        if not self._changes:
            self._show_empty()

    def _show_empty(self) -> None:
        self.list.clear()
        item = QListWidgetItem("No changes: add them below (news may change nothing at all).")
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.addItem(item)

    def _name(self, state: str) -> str:
        return next((n for i, n in self._states if i == state), state)


def _fill(combo: QComboBox, items: tuple[tuple[str, str], ...]) -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for value, words in items:
        combo.addItem(words, value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)


# what a screen reader says for each control of the editor (by the end of its object name)
NAMES = {
    "State": "The state",
    "Attribute": "Its figure",
    "Delta": "The change",
    "RelationA": "The first state",
    "RelationB": "The second state",
    "RelationDelta": "The change of relations",
    "Tension": "The change of tension",
    "Issue": "The issue at stake",
    "IssueStatus": "Its new status",
    "ObjectiveState": "The state",
    "ObjectiveText": "The objective",
    "ObjectivePoints": "Points",
    "ObjectiveCondition": "Met when",
    "ObjectiveRung": "The rung",
    "ObjectiveWith": "With which state",
    "ObjectiveAttribute": "Which figure",
    "ObjectiveIssue": "The issue at stake",
    "ObjectiveIssueStatus": "Its status",
    "ObjectiveValue": "The value",
}


def _accessible(name: str) -> str:
    return next(
        (
            words
            for end, words in sorted(NAMES.items(), key=lambda kv: -len(kv[0]))
            if name.endswith(end)
        ),
        "",
    )


def _combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(_accessible(name))
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


def _spin(name: str, low: float, high: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setAccessibleName(_accessible(name))
    spin.setRange(low, high)
    spin.setDecimals(1)
    return spin


def _button(words: str, name: str) -> QPushButton:
    button = QPushButton(words)
    button.setObjectName(name)
    return button


def _page(*widgets: QWidget) -> QWidget:
    """A form's page: its row at the top (the pages are as tall as the tallest)."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(_row(*widgets))
    layout.addStretch(1)
    return page


def _row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 4, 0, 0)
    for w in widgets:
        row.addWidget(w)
    row.addStretch(1)
    return box
