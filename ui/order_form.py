"""A form for one kind of order: one field at a time, offering only legal choices.

The choices come from `order_catalog` (built from the engine's legal orders). Free fields (an
ultimatum's wording, a proposal's parties and terms) are checked with the injected `checker`,
which returns the engine's reason when the order would be refused; the reason is shown and the
Add button stays disabled until the order is fine.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wargame.orders import Order

from .labels import Labeller
from .order_catalog import KindOptions, choices, default_value, make_order, shown
from .widgets import check_grid, escape, heading, literal, rich, text, tip

Checker = Callable[[Order], str | None]


class OrderForm(QWidget):
    # --- signals ----------------------------------------------------------------------------
    sig_order_requested = Signal(object)  # the order to add to this turn's orders

    def __init__(
        self,
        checker: Checker,
        show_help: bool = True,
        names: str = "field",
        button_text: str = "Add to this turn's orders",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.checker = checker
        self.show_help = show_help
        self.names = names  # object names of the editors: <names>_<field>
        self._options: KindOptions | None = None
        self._labeller: Labeller | None = None
        self._seat = ""
        self._chosen: dict[str, Any] = {}
        self._editors: dict[str, QWidget] = {}
        self._rows: list[str] = []  # field names, in the order of the form's rows
        self.title = heading("", 1.25, "orderFormTitle")
        self.help = rich("", "orderHelp")
        self.fields = QFormLayout()
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.reason = rich("", "orderReason")
        self.add_button = QPushButton(button_text)
        self.add_button.setObjectName("addOrderButton" if names == "field" else f"{names}AddButton")
        self.add_button.setToolTip(
            "Queue this order; nothing happens until every state has submitted and the turn is resolved"
        )
        self.add_button.clicked.connect(self._on_add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.help)
        layout.addLayout(self.fields)
        layout.addWidget(self.reason)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        layout.addStretch(1)
        self.set_options(None, None, "")

    # --- public API ---------------------------------------------------------------------------

    def set_options(
        self, options: KindOptions | None, labeller: Labeller | None, seat: str
    ) -> None:
        self._options, self._labeller, self._seat = options, labeller, seat
        self._chosen = {}
        while self._rows:  # the previous move's fields
            self.fields.removeRow(len(self._rows) - 1)
            self._editors.pop(self._rows.pop(), None)
        if options is None:
            self.title.setText("Choose a move")
            self.help.setText(
                "Pick a move from the list to see what it does, what it costs and risks, and to set its target."
            )
            self._rebuild_fields(0)
            self.reason.setText("")
            self.add_button.setEnabled(False)
            return
        self.title.setText(options.label)
        h = options.help
        cost = "" if options.costs_action else " <b>(free: does not use an action)</b>"
        self.help.setText(
            f"<p>{h.what}{cost}</p><p><b>Costs:</b> {h.costs}<br><b>Risks:</b> {h.risks}</p>"
            if self.show_help
            else ""
        )
        self.help.setVisible(self.show_help)
        self._rebuild_fields(0)
        self._refresh()

    def recheck(self) -> None:
        """Ask the engine again (the queued orders changed, e.g. the action limit)."""
        self._refresh()

    def current_order(self) -> Order | None:
        if self._options is None or not self._options.available:
            return None
        return make_order(self._options, self._chosen)

    def set_value(self, field: str, value: Any) -> None:
        """Choose a value (as the widgets would), e.g. from a test or a shortcut."""
        editor = self._editors.get(field)
        if isinstance(editor, QComboBox):
            for i in range(editor.count()):
                if editor.itemData(i) == value:
                    editor.setCurrentIndex(i)
                    return
            raise ValueError(f"{value!r} is not a choice for {field}")
        if isinstance(editor, QLineEdit):
            editor.setText(str(value))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value))
        elif isinstance(editor, QSpinBox):
            editor.setValue(round(float(value) * 100))
        elif editor is not None:
            for box in editor.findChildren(QCheckBox):
                box.setChecked(box.property("state_id") in value)

    # --- private --------------------------------------------------------------------------------

    def _rebuild_fields(self, start: int) -> None:
        """Re-create the editors of fields number `start` and later; earlier choices stay."""
        options = self._options
        later = [] if options is None else [f.name for f in options.fields[start:]]
        while self._rows and (options is None or self._rows[-1] in later):
            self.fields.removeRow(len(self._rows) - 1)
            self._editors.pop(self._rows.pop(), None)
        if options is None or not options.available:
            if options is not None:
                self.reason.setText(f"<b>{escape(options.unavailable or 'Not possible now.')}</b>")
            return
        for name in later:
            self._chosen.pop(name, None)
        for spec in options.fields[start:]:
            if shown(options, spec.name, self._chosen):
                editor = self._make_editor(spec.name, spec.widget)
                self._editors[spec.name] = editor
                self._rows.append(spec.name)
                label = text(spec.label + ":", selectable=False)  # wraps in a narrow form
                label.setBuddy(editor)  # and names the editor for screen readers
                self.fields.addRow(label, editor)

    def _make_editor(self, name: str, widget: str) -> QWidget:
        options, lab = self._options, self._labeller
        assert options is not None and lab is not None
        values = choices(options, name, self._chosen)
        default = default_value(options, name, self._chosen)
        if widget == "choice":
            combo = QComboBox()
            combo.setObjectName(f"{self.names}_{name}")
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)  # long choices are elided, never widen the form
            for v in values:
                combo.addItem(lab.value(options.kind, name, v, self._seat), v)
                combo.setItemData(
                    combo.count() - 1,
                    tip(combo.itemText(combo.count() - 1)),
                    Qt.ItemDataRole.ToolTipRole,
                )
            self._chosen[name] = values[0]
            combo.currentIndexChanged.connect(
                lambda _i, n=name, c=combo: self._on_choice(n, c.currentData())
            )
            return combo
        if widget == "states":
            box = QWidget()
            box.setObjectName(f"{self.names}_{name}")
            grid = QGridLayout(box)
            grid.setContentsMargins(0, 0, 0, 0)
            chosen = tuple(default or ())
            checks = []
            for sid in values:
                check = QCheckBox(literal(lab.name(sid)))
                check.setProperty("state_id", sid)
                check.setChecked(sid in chosen)
                check.toggled.connect(lambda _on, n=name, b=box: self._on_states(n, b))
                checks.append(check)
            check_grid(grid, checks, 2)
            self._chosen[name] = chosen
            return box
        if widget == "text":
            edit = QLineEdit(str(default or ""))
            edit.setObjectName(f"{self.names}_{name}")
            edit.textChanged.connect(lambda value, n=name: self._on_free(n, value))
            self._chosen[name] = edit.text()
            return edit
        if widget == "fraction":
            spin = QSpinBox()
            spin.setObjectName(f"{self.names}_{name}")
            spin.setRange(0, 100)
            spin.setSuffix(" %")
            spin.setValue(round(float(default or 0) * 100))
            spin.valueChanged.connect(lambda value, n=name: self._on_free(n, value / 100))
            self._chosen[name] = spin.value() / 100
            return spin
        spin = QDoubleSpinBox()
        spin.setObjectName(f"{self.names}_{name}")
        spin.setRange(0, 1000)
        spin.setDecimals(0)
        spin.setValue(float(default or 0))
        spin.valueChanged.connect(lambda value, n=name: self._on_free(n, float(value)))
        self._chosen[name] = spin.value()
        return spin

    def _on_choice(self, name: str, value: Any) -> None:
        assert self._options is not None
        self._chosen[name] = value
        names = [f.name for f in self._options.fields]
        self._rebuild_fields(names.index(name) + 1)  # later fields depend on this choice
        self._refresh()

    def _on_states(self, name: str, box: QWidget) -> None:
        self._chosen[name] = tuple(
            b.property("state_id") for b in box.findChildren(QCheckBox) if b.isChecked()
        )
        self._refresh()

    def _on_free(self, name: str, value: Any) -> None:
        self._chosen[name] = value
        self._refresh()

    def _refresh(self) -> None:
        order = self.current_order()
        if order is None:
            self.add_button.setEnabled(False)
            return
        reason = self.checker(order)
        self.reason.setText("" if reason is None else f"<b>Not allowed:</b> {escape(reason)}")
        self.add_button.setEnabled(reason is None)
        self.add_button.setToolTip(tip(reason) if reason else "Queue this order for this turn")

    def _on_add(self) -> None:
        order = self.current_order()
        if order is not None:
            self.sig_order_requested.emit(order)
            self._refresh()
