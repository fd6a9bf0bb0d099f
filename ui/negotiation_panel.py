"""Negotiation: what waits for your answer, a message composer (one or several recipients,
private or public), formal proposals, and the history of messages and proposals."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wargame.orders import Order
from wargame.rules.agreements import ProposeAgreement
from wargame.rules.diplomacy import MAX_MESSAGE_CHARS, SendMessage

from .labels import Labeller
from .order_catalog import KindOptions
from .order_form import Checker, OrderForm
from .viewmodels import Negotiation, PendingAnswer
from .widgets import check_grid, clear_layout, escape, literal, muted, rich, scrolled, section, text


class NegotiationPanel(QWidget):
    # --- signals ----------------------------------------------------------------------------
    sig_order_requested = Signal(object)  # a message, a proposal or an answer to queue

    def __init__(self, checker: Checker, parent: QWidget | None = None):
        super().__init__(parent)
        self.checker = checker
        self._seat = ""
        self._queued: tuple[Order, ...] = ()
        self._pending: tuple[PendingAnswer, ...] = ()
        self._recipients: list[QCheckBox] = []
        self._labeller: Labeller | None = None
        # what is on screen now, so a new turn redoes only what changed
        self._pending_shown: object = None
        self._others: tuple[tuple[str, str], ...] = ()
        self._messages: object = None
        self._proposals: object = None

        self.pending_box = QVBoxLayout()
        self.recipients_row = QGridLayout()
        self.message = QPlainTextEdit()
        self.message.setObjectName("messageText")
        self.message.setAccessibleName("Message text")
        self.message.setPlaceholderText("Write to the leaders of the states you tick above\u2026")
        self.message.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        self.message.textChanged.connect(self._check_message)
        self.public = QCheckBox("Public statement (everyone sees it)")
        self.public.setObjectName("publicCheck")
        self.public.setToolTip(
            "A public statement is seen by every state; a private message only by its recipients"
        )
        self.send_button = QPushButton("Add message to this turn's orders")
        self.send_button.setObjectName("sendMessageButton")
        self.send_button.clicked.connect(self._on_send)
        self.message_reason = rich("", "messageReason")
        self.proposal_form = OrderForm(
            checker,
            show_help=False,
            names="proposal",
            button_text="Add proposal to this turn's orders",
        )
        self.proposal_form.setObjectName("proposalForm")
        self.proposal_form.sig_order_requested.connect(self.sig_order_requested)

        compose = QVBoxLayout()
        compose.addWidget(muted("Messages are free and are delivered when the turn is resolved."))
        compose.addWidget(text("To:"))
        compose.addLayout(self.recipients_row)
        compose.addWidget(self.message)
        compose.addWidget(self.public)  # a row of its own: the form stays narrow enough
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.send_button)
        compose.addLayout(row)
        compose.addWidget(self.message_reason)
        self.queued = muted("", "queuedTalk")
        compose.addWidget(self.queued)
        propose = QVBoxLayout()
        propose.addWidget(
            muted(
                "A formal proposal uses one action. The others answer next turn; it is signed when all accept."
            )
        )
        propose.addWidget(self.proposal_form)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 4, 0)
        lv.addWidget(section("Waiting for your answer", self.pending_box, "pendingBox"))
        lv.addWidget(section("Write a message", compose, "composeBox"))
        lv.addWidget(section("Make a formal proposal", propose, "proposeBox"))
        lv.addStretch(1)

        self.messages = QListWidget()
        self.messages.setObjectName("messageHistory")
        self.messages.setAccessibleName("Messages so far")
        self.messages.setWordWrap(True)
        self.messages.setAlternatingRowColors(True)
        self.proposals = QTableWidget(0, 4)
        self.proposals.setObjectName("proposalHistory")
        self.proposals.setTabKeyNavigation(False)
        self.proposals.setAccessibleName("Proposals so far")
        self.proposals.setHorizontalHeaderLabels(["Turn", "Proposal", "Parties", "Status"])
        self.proposals.verticalHeader().hide()
        self.proposals.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.proposals.setWordWrap(True)
        header = self.proposals.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.history = QTabWidget()
        self.history.setObjectName("negotiationHistory")
        self.history.addTab(self.messages, "Messages so far")
        self.history.addTab(self.proposals, "Proposals so far")

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(scrolled(left))
        split.addWidget(self.history)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([480, 160])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

    # --- public API ---------------------------------------------------------------------------

    def show_negotiation(
        self,
        model: Negotiation,
        others: Sequence[tuple[str, str]],
        proposal: KindOptions | None,
        labeller: Labeller,
        seat: str,
    ) -> None:
        self._seat = seat
        self._labeller = labeller
        self._pending = model.pending
        # only what changed is rebuilt: after a turn most of it has not
        if tuple(others) != self._others:
            self._others = tuple(others)
            clear_layout(self.recipients_row)
            self._recipients = []
            for sid, name in others:
                box = QCheckBox(literal(name))
                box.setObjectName(f"recipient_{sid}")
                box.setProperty("state_id", sid)
                box.toggled.connect(self._check_message)
                self._recipients.append(box)
            check_grid(self.recipients_row, self._recipients)
        else:
            for box in self._recipients:  # a new turn starts with no one ticked
                box.setChecked(False)
        self._fill_pending()
        self.proposal_form.set_options(proposal, labeller, seat)
        if model.messages != self._messages or not self.messages.count():
            self._messages = model.messages
            self.messages.clear()
            for m in reversed(model.messages):
                item = QListWidgetItem(
                    f"Turn {m.turn} \u00b7 {'public' if m.public else 'private'}\n{m.text}"
                )
                self.messages.addItem(item)
            if not model.messages:
                self.messages.addItem(
                    "No messages yet. Messages you write are delivered at the end of the turn."
                )
        if model.proposals != self._proposals:
            self._proposals = model.proposals
            self.proposals.setRowCount(len(model.proposals))
            for r, p in enumerate(model.proposals):
                for c, value in enumerate((str(p.turn), p.text, p.parties, p.status)):
                    self.proposals.setItem(r, c, QTableWidgetItem(value))
            self.proposals.resizeRowsToContents()
        self.history.setTabText(0, f"Messages so far ({len(model.messages)})")
        self.history.setTabText(1, f"Proposals so far ({len(model.proposals)})")
        self._check_message()

    def compose(self, recipients: Sequence[str], message: str, public: bool = False) -> None:
        """Tick the recipients and write the text, as a player would."""
        for box in self._recipients:
            box.setChecked(box.property("state_id") in recipients)
        self.public.setChecked(public)
        self.message.setPlainText(message)

    def show_queue(self, orders: Sequence[Order]) -> None:
        self._queued = tuple(orders)
        talk = [o for o in orders if isinstance(o, SendMessage | ProposeAgreement)]
        lines = [self._labeller.order(o) for o in talk] if self._labeller is not None else []
        self.queued.setText(
            "Queued this turn (see the Orders tab to remove):\n"
            + "\n".join(f"\u2022 {line}" for line in lines)
            if lines
            else ""
        )
        self.queued.setVisible(bool(lines))
        self._fill_pending()
        self.proposal_form.recheck()
        self._check_message()

    def clear(self) -> None:
        self._pending, self._queued = (), ()
        self._pending_shown = None
        self._others, self._messages, self._proposals = (), None, None
        clear_layout(self.pending_box)
        clear_layout(self.recipients_row)
        self._recipients = []
        self.message.clear()
        self.messages.clear()
        self.proposals.setRowCount(0)
        self.proposal_form.set_options(None, None, "")
        self.queued.setText("")

    # --- private --------------------------------------------------------------------------------

    def _fill_pending(self) -> None:
        chosen_now = tuple(
            next((o for _, o in p.answers if o in self._queued), None) for p in self._pending
        )
        if (self._pending, chosen_now) == self._pending_shown:
            return  # the same questions with the same answers queued: nothing to redo
        self._pending_shown = (self._pending, chosen_now)
        clear_layout(self.pending_box)
        if not self._pending:
            self.pending_box.addWidget(muted("Nothing is waiting for your answer."))
        for p in self._pending:
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            box = QVBoxLayout(frame)
            box.addWidget(rich(f"<b>{escape(p.title)}</b>"))
            box.addWidget(muted(p.help))
            grid = QGridLayout()  # rows of a few buttons: many answers never widen the tab
            chosen = next((o for _, o in p.answers if o in self._queued), None)
            buttons = []
            for label, order in p.answers:
                button = QPushButton(literal(label))
                button.setObjectName("answerButton")
                button.setEnabled(chosen is None)
                button.clicked.connect(_emitter(self.sig_order_requested.emit, order))
                buttons.append(button)
            check_grid(grid, buttons)
            box.addLayout(grid)
            if chosen is not None:
                box.addWidget(muted("Answer queued (remove it in Orders to change it)."))
            self.pending_box.addWidget(frame)

    def _message_order(self) -> SendMessage:
        to = tuple(b.property("state_id") for b in self._recipients if b.isChecked())
        return SendMessage(
            self._seat,
            to=to,
            text=self.message.toPlainText().strip(),
            public=self.public.isChecked(),
        )

    def _check_message(self) -> None:
        order = self._message_order()
        reason = self.checker(order) if self._seat else "no seat is playing"
        count = len(self.message.toPlainText())
        self.send_button.setEnabled(reason is None)
        self.message_reason.setText(
            f"{count} of {MAX_MESSAGE_CHARS} characters"
            + (f" \u2014 <b>not ready:</b> {escape(reason)}" if reason else "")
        )

    def _on_send(self) -> None:
        order = self._message_order()
        if self.checker(order) is None:
            self.sig_order_requested.emit(order)
            self.message.clear()


def _emitter(emit: Callable[[object], None], order: Order) -> Callable[[], None]:
    return lambda: emit(order)
