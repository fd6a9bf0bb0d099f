"""The game screen for the seat at the keyboard: a header (who, which turn, the escalation ladder,
tension, actions left, Submit), the map and dashboard on the left, and tabs on the right for
orders, negotiation, news and charts. It renders a `SeatScreen` and emits requests.

The layout reflows with the room it has: on a wide window the seat's dashboard is a column of
its own; on a narrow one (a 1024x768 projector, or large text) it becomes the first tab, so the
map, the intelligence table and the order forms keep the width they need.

After a turn only the panels on screen are brought up to date at once (the map, the intelligence
table, the dashboard column and the open tab); the others follow one per pass of the event loop,
or at once when their tab is chosen, so the GUI thread is never held for the whole screen. Each
panel itself redoes only what changed.

Submitting with no orders asks once (the button then says so, and a second press passes the
turn), and the Submit button ignores the second press of a double click: a double click on
Start game, which sits at the same spot, never hands in an empty first turn."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .charts_panel import ChartsPanel
from .dashboard import DashboardView, IntelTable
from .ladder import EscalationLadder
from .map_view import MapView
from .negotiation_panel import NegotiationPanel
from .news_panel import NewsPanel
from .order_form import Checker
from .orders_panel import OrdersPanel
from .viewmodels import SeatScreen, rung_names
from .widgets import GuardedButton, heading, muted, tip

TABS = ("dashboard", "intelligence", "orders", "negotiation", "news", "charts")
# each part of the screen and its widget, in the order the out-of-sight ones are brought up
PANELS = {
    "map": "map",
    "map names": "map",  # the map's markers and names: placing them is a pass of its own
    "intelligence": "intel",
    "dashboard": "dashboard",
    "orders": "orders",
    "news": "news",
    "negotiation": "negotiation",
    "charts": "charts",
}
# after a turn for the same seat, only the header is drawn at once; the news tab and each panel
# follow in a pass of their own (a pass's layout and painting take tens of ms at 30 states)
CATCH_UP_MS = 10
WIDE_CHARS = 190  # a window at least this many average characters wide shows three columns
SHORT_LINES = 40  # a window less than this many lines high shows the intelligence as a tab
SUBMIT_TIP = (
    "Hand in this turn's orders (Ctrl+Enter). The turn is resolved when every state has submitted."
)
CONFIRM_EMPTY = (
    "No orders are queued for this turn. Press Submit again (or Ctrl+Enter) to pass the turn "
    "without orders, or choose a move first."
)
TENSION_HELP = (
    "Global tension (0-100): raised by threats, force and arms races; it makes wars likelier"
)


class PlayPage(QWidget):
    # --- signals ----------------------------------------------------------------------------
    sig_order_requested = Signal(object)
    sig_remove_requested = Signal(int)
    sig_clear_requested = Signal()
    sig_submit_requested = Signal()

    def __init__(self, checker: Checker, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("playPage")
        self._screen: SeatScreen | None = None
        # after a turn only what is on screen is rendered at once; the rest is stale until its
        # tab is chosen or the catch-up timer gets to it (the GUI thread never blocks long)
        self._stale: set[str] = set()
        self._tab_to_show: str | None = None  # chosen after a turn, shown in the next pass
        self._queue_state: object | None = None
        self._catch_up = QTimer(self)
        self._catch_up.setSingleShot(True)
        # CATCH_UP_MS apart, not 0: the event loop waits in between, so a click, a key or a
        # timer gets in between two panels instead of after all of them
        self._catch_up.setInterval(CATCH_UP_MS)
        self._catch_up.timeout.connect(self._render_next)
        # header
        self.who = heading("", 1.35, "seatTitle")
        self.turn = muted("", "turnLabel")
        self.ladder = EscalationLadder(rung_names())
        # the figure in its own label above a thin bar: text drawn inside a bar collides with
        # the bar's fill at some values and scales
        self.tension_label = QLabel("")
        self.tension_label.setTextFormat(Qt.TextFormat.PlainText)
        self.tension_label.setObjectName("tensionLabel")
        self.tension = QProgressBar()
        self.tension.setObjectName("tensionBar")
        self.tension.setRange(0, 100)
        self.tension.setTextVisible(False)
        self.tension.setFixedHeight(max(6, self.fontMetrics().height() // 2))
        self.tension.setMinimumWidth(self.fontMetrics().horizontalAdvance("Tension 100 of 100"))
        for widget in (self.tension_label, self.tension):
            widget.setToolTip(TENSION_HELP)
        self.actions = muted("", "actionsLabel")
        self.submit = GuardedButton("Submit orders")
        self.submit.setObjectName("submitOrdersButton")
        self.submit.setAccessibleName("Submit orders")
        self.submit.setDefault(True)
        self.submit.setToolTip(SUBMIT_TIP)
        self.submit.clicked.connect(self.request_submit)
        self._queued = 0
        self._confirming = False  # the next submit passes the turn without orders
        font = self.submit.font()
        font.setBold(True)
        self.submit.setFont(font)
        header = QFrame()
        header.setObjectName("playHeader")
        header.setFrameShape(QFrame.Shape.StyledPanel)
        h = QHBoxLayout(header)
        who = QVBoxLayout()
        who.setSpacing(0)
        who.addWidget(self.who)
        who.addWidget(self.turn)
        h.addLayout(who, 2)
        h.addWidget(self.ladder, 5)
        side = QVBoxLayout()
        side.setSpacing(2)
        side.addWidget(self.tension_label)
        side.addWidget(self.tension)
        side.addWidget(self.actions)
        h.addLayout(side, 1)
        h.addWidget(self.submit)
        # body
        self.map = MapView()
        self.intel = IntelTable()
        self.intel.setObjectName("intelView")
        self.dashboard = DashboardView()
        self.orders = OrdersPanel(checker)
        self.negotiation = NegotiationPanel(checker)
        self.news = NewsPanel(orientation=Qt.Orientation.Vertical)
        self.charts = ChartsPanel()
        self.intel.sig_state_clicked.connect(self.map.select)
        for panel in (self.orders, self.negotiation):
            panel.sig_order_requested.connect(self.sig_order_requested)
        self.orders.sig_remove_requested.connect(self.sig_remove_requested)
        self.orders.sig_clear_requested.connect(self.sig_clear_requested)
        self.orders.sig_submit_requested.connect(self.request_submit)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("playTabs")
        self.tabs.setDocumentMode(True)
        for widget, title, help_text in (
            (self.orders, "&Orders", "Choose this turn's moves (Ctrl+1)"),
            (self.negotiation, "Ne&gotiation", "Messages, formal proposals and answers (Ctrl+2)"),
            (self.news, "&News", "What happened each turn, and why (Ctrl+3)"),
            (self.charts, "C&harts", "Indicators and tension over the turns (Ctrl+4)"),
        ):
            self.tabs.setTabToolTip(self.tabs.addTab(widget, title), help_text)
        self.tabs.currentChanged.connect(lambda _i: self._render_current_tab())
        self.middle = QSplitter(Qt.Orientation.Vertical)
        self.middle.setObjectName("mapSplitter")
        self.middle.addWidget(self.map)
        self.middle.addWidget(self.intel)
        self.middle.setStretchFactor(0, 3)
        self.middle.setStretchFactor(1, 2)
        self.middle.setSizes([470, 180])
        self.body = QSplitter(Qt.Orientation.Horizontal)
        self.body.setObjectName("bodySplitter")
        self.body.addWidget(self.dashboard)
        self.body.addWidget(self.middle)
        self.body.addWidget(self.tabs)
        self.body.setStretchFactor(0, 0)
        self.body.setStretchFactor(1, 1)
        self.body.setStretchFactor(2, 1)
        self.body.setSizes([290, 425, 565])
        self.body.setChildrenCollapsible(False)
        self._narrow = self._short = False
        self.notice = QLabel("")
        self.notice.setObjectName("playNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setStyleSheet(
            "QLabel#playNotice { background: #fde8e7; color: #7a1a14; border: 1px solid #e0a39e; border-radius: 4px; padding: 4px 8px; }"
        )
        self.notice.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(header)
        layout.addWidget(self.notice)
        layout.addWidget(self.body, 1)

    # --- public API ---------------------------------------------------------------------------

    @property
    def screen_model(self) -> SeatScreen | None:
        return self._screen

    def show_screen(self, screen: SeatScreen) -> None:
        new_turn = self._screen is None or (self._screen.seat, self._screen.turn) != (
            screen.seat,
            screen.turn,
        )
        same_seat = self._screen is not None and self._screen.seat == screen.seat
        self._screen = screen
        self.who.setText(f"{screen.seat_name}")
        self.turn.setText(
            f"Turn {screen.turn} of {screen.turns} \u00b7 {screen.turn_length} per turn"
        )
        self.turn.setToolTip(tip(screen.title))
        self.ladder.set_rung(screen.rung, screen.max_rung)
        self.tension.setValue(round(screen.tension))
        self.tension_label.setText(f"Tension {screen.tension:.0f} of 100")
        help_text = TENSION_HELP
        if screen.region_tension is not None:  # tension kept by region: yours bears on you
            region, value = screen.region_tension
            self.tension_label.setText(f"Tension {screen.tension:.0f} \u00b7 region {value:.0f}")
            help_text += (
                f". The figure is the world's; in your region ({region}) it is {value:.0f}, and "
                "that is the one that bears on clashes there"
            )
        for widget in (self.tension_label, self.tension):
            widget.setToolTip(help_text)
        self._stale = set(PANELS)
        self._tab_to_show = None
        if new_turn:  # the news after a turn; at the start, the briefing if it is a tab
            first = "dashboard" if self._narrow else "orders"
            tab = "news" if screen.timeline else first
            if same_seat:  # after a turn: in the next pass, with nothing else
                self._tab_to_show = tab
            else:
                self.select_tab(tab)
        # after a turn for the same seat, only the header now; then the news, and the other
        # panels one pass each, each pass short (a new seat's screen is shown whole at once)
        if not same_seat:
            self._render_visible()
        self._catch_up.start()  # the panels out of sight follow, one per pass of the event loop

    def render_all(self) -> None:
        """Bring every panel up to date now, those out of sight too."""
        if self._tab_to_show is not None:
            self._show_pending_tab()
        while self._stale:
            self._render(next(p for p in PANELS if p in self._stale))

    @property
    def narrow(self) -> bool:
        """Whether the dashboard is a tab (narrow window) rather than a column."""
        return self._narrow

    def request_submit(self) -> None:
        """Submit, asking once when no order is queued."""
        if not self.submit.isEnabled():
            return
        if self._queued == 0 and not self._confirming:
            self._confirming = True
            self.submit.setText("Pass the turn (no orders)")
            self.submit.setProperty("confirming", True)
            self.show_notice(CONFIRM_EMPTY)
            return
        self._reset_confirmation()
        self.sig_submit_requested.emit()

    def show_queue(self, state: object) -> None:
        self.show_notice("")
        self._queue_state = state
        self._queued = len(state.rows)  # type: ignore[attr-defined]
        self._confirming = False
        self.submit.setProperty("confirming", False)
        self.orders.show_queue(state)
        self.negotiation.show_queue(state.orders)  # type: ignore[attr-defined]
        used, limit = state.actions_used, state.max_actions  # type: ignore[attr-defined]
        self.actions.setText(f"{used} of {limit} actions used")
        self.submit.setText(
            f"Submit {len(state.rows)} order{'s' if len(state.rows) != 1 else ''}"
            if state.rows
            else "Submit (no orders)"
        )  # type: ignore[attr-defined]
        self.submit.setToolTip(SUBMIT_TIP)

    def show_notice(self, message: str) -> None:
        """A message that something was not accepted; it goes away with the next change."""
        self.notice.setText(message)
        self.notice.setVisible(bool(message))

    def select_tab(self, name: str) -> None:
        self._tab_to_show = None  # a tab chosen now wins over the one due after a turn
        widget = {
            "dashboard": self.dashboard,
            "intelligence": self.intel,
            "orders": self.orders,
            "negotiation": self.negotiation,
            "news": self.news,
            "charts": self.charts,
        }.get(name)
        if widget is not None and self.tabs.indexOf(widget) >= 0:
            if name in self._stale:  # filled before it shows, so it appears whole
                self._render(name)
            self.tabs.setCurrentWidget(widget)

    def set_busy(self, busy: bool) -> None:
        """While a turn is resolved no order can be given; the map, the news and the charts
        stay readable (and are not repainted greyed out, which took the GUI thread a while
        in a big world)."""
        self.submit.setEnabled(not busy)
        for panel in (self.orders, self.negotiation):
            panel.setEnabled(not busy)

    def clear(self) -> None:
        """Forget everything shown (before a hand-over, so nothing of one seat stays on screen)."""
        self._screen = None
        self._stale = set()
        self._tab_to_show = None
        self._queue_state = None
        self._catch_up.stop()
        for panel in (
            self.map,
            self.intel,
            self.dashboard,
            self.orders,
            self.negotiation,
            self.news,
            self.charts,
        ):
            panel.clear()
        self.who.setText("")
        self.turn.setText("")
        self.tension_label.setText("")
        self._reset_confirmation()
        self.show_notice("")

    # --- Qt overrides -------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_layout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_layout()

    # --- private --------------------------------------------------------------------------------

    def _panel(self, name: str) -> QWidget:
        return getattr(self, PANELS[name])

    def _render_visible(self) -> None:
        """Render the stale panels that are on screen: those not in the tabs, and the
        current tab."""
        for name in [p for p in PANELS if p in self._stale]:
            panel = self._panel(name)
            if self.tabs.indexOf(panel) < 0 or self.tabs.currentWidget() is panel:
                self._render(name)

    def _render_current_tab(self) -> None:
        """The tab just chosen, if stale (the panels beside the tabs keep their own pace: after
        a turn the news tab is chosen, and the map must not be drawn in the same pass)."""
        current = self.tabs.currentWidget()
        for name in [p for p in PANELS if p in self._stale]:
            if self._panel(name) is current:
                self._render(name)

    def _show_pending_tab(self) -> None:
        tab, self._tab_to_show = self._tab_to_show, None
        if tab is not None:
            self.select_tab(tab)

    def _render_next(self) -> None:
        if self._tab_to_show is not None:
            self._show_pending_tab()
            self._catch_up.start()
            return
        if self._stale:
            self._render(next(p for p in PANELS if p in self._stale))
        if self._stale:
            self._catch_up.start()

    def _render(self, name: str) -> None:
        """Show the screen's part for one panel (and the queue, for the two that list it)."""
        self._stale.discard(name)
        screen = self._screen
        if screen is None:
            return
        lab = screen.labeller
        if name == "map":
            self.map.show_map(screen.map, names=False)
        elif name == "map names":
            self.map.place_names()
        elif name == "dashboard":
            self.dashboard.show_dashboard(screen.dashboard)
        elif name == "intelligence":
            self.intel.show_intel(screen.dashboard)
        elif name == "orders":
            self.orders.show_catalog(screen.catalog, lab, screen.seat)
            if self._queue_state is not None:
                self.orders.show_queue(self._queue_state)
        elif name == "negotiation":
            proposal = next((k for k in screen.catalog if k.kind == "ProposeAgreement"), None)
            self.negotiation.show_negotiation(
                screen.negotiation, screen.others, proposal, lab, screen.seat
            )
            if self._queue_state is not None:
                self.negotiation.show_queue(self._queue_state.orders)  # type: ignore[attr-defined]
        elif name == "news":
            self.news.show_timeline(screen.timeline)
        elif name == "charts":
            self.charts.show_series(screen.series, screen.seat)

    def _reset_confirmation(self) -> None:
        self._confirming = False
        self.submit.setProperty("confirming", False)

    def _fit_layout(self) -> None:
        """Three columns when there is room; else the dashboard moves into the tabs, and in a
        short window (a small screen at 200%) the intelligence table too, under the map no
        more."""
        fm = self.fontMetrics()
        narrow = self.width() < WIDE_CHARS * fm.averageCharWidth()
        short = self.window().height() < SHORT_LINES * fm.lineSpacing()
        if (narrow, short) == (self._narrow, self._short):
            return
        current = self.tabs.currentWidget()
        if narrow != self._narrow:
            self._narrow = narrow
            if narrow:
                self.tabs.insertTab(0, self.dashboard, "Your &state")
                self.tabs.setTabToolTip(0, "Your figures, objectives, treaties and briefing")
            else:
                self.tabs.removeTab(self.tabs.indexOf(self.dashboard))
                self.body.insertWidget(0, self.dashboard)
                self.dashboard.show()
        if short != self._short:
            self._short = short
            if short:
                self.tabs.insertTab(1 if narrow else 0, self.intel, "&Intelligence")
                self.tabs.setTabToolTip(
                    self.tabs.indexOf(self.intel), "What you know about the other states"
                )
            else:
                self.tabs.removeTab(self.tabs.indexOf(self.intel))
                self.middle.addWidget(self.intel)
                self.intel.show()
                self.middle.setSizes([self.height() * 3 // 5, self.height() * 2 // 5])
        if self._narrow:
            self.body.setSizes([self.width() * 9 // 20, self.width() * 11 // 20])
        else:
            third = self.width() // 4
            self.body.setSizes([third, third * 3 // 2, self.width() - third * 5 // 2])
        self.tabs.setCurrentWidget(current)
        self._render_visible()  # a panel that moved out of the tabs is on screen now
