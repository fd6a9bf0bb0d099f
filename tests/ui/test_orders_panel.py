"""The orders panel offers only legal choices, shows what each move costs and risks, and says why
a move or an order is not allowed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QPushButton, QTreeWidget, QWidget

from wargame.legality import legal_orders
from wargame.match import Match
from wargame.orders import ORDER_TYPES
from wargame.rules.sanctions import ThreatenSanctions

from .driver import choose, click, combo_texts, find, label, pick_move, queued_rows, visible_texts

COMPUTER = ("borduria", "carpathia", "dalmora")


def _window(qtbot, make_window, tutorial):
    window = make_window()
    match = Match(tutorial, 5, COMPUTER)
    window.presenter.adopt(match)
    qtbot.waitUntil(lambda: window.page() == "play")
    return window, match


def test_every_move_of_the_rules_is_listed_by_family(qtbot, make_window, tutorial):
    window, _ = _window(qtbot, make_window, tutorial)
    tree = find(window, QTreeWidget, "movesTree")
    families = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert families[:3] == ["Diplomacy", "Agreements and treaties", "Economic sanctions"]
    labels = {
        tree.topLevelItem(i).child(j).text(0)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    }
    expected = {cls.move.label for name, cls in ORDER_TYPES.items() if name != "SendMessage"}
    assert labels == expected


def test_forms_offer_only_legal_targets_and_show_costs(qtbot, make_window, tutorial):
    window, match = _window(qtbot, make_window, tutorial)
    pick_move(window, "Threaten sanctions")
    legal = {
        o.target
        for o in legal_orders(match.view("aurelia").state, "aurelia")
        if isinstance(o, ThreatenSanctions)
    }
    names = {tutorial.state(s).name for s in legal}
    assert set(combo_texts(window, "field_target")) == names
    assert "Aurelia" not in combo_texts(window, "field_target")
    help_text = label(window, "orderHelp")
    assert "Costs:" in help_text and "Risks:" in help_text


def test_a_move_not_possible_now_says_why(qtbot, make_window, tutorial):
    window, _ = _window(qtbot, make_window, tutorial)
    pick_move(window, "Invoke an alliance")
    assert "Not possible now" in label(window, "orderReason")
    assert "used force against you" in label(window, "orderReason")
    assert not find(window, QPushButton, "addOrderButton").isEnabled()


def test_an_order_the_rules_refuse_is_explained_before_it_is_queued(qtbot, make_window, tutorial):
    window, _ = _window(qtbot, make_window, tutorial)
    pick_move(window, "Propose an agreement")
    choose(window, "field_treaty", "non-aggression pact")
    parties = find(window, QWidget, "field_to")
    for box in parties.findChildren(QCheckBox):
        box.setChecked(False)
    assert "needs at least one other party" in label(window, "orderReason")
    assert not find(window, QPushButton, "addOrderButton").isEnabled()
    boxes = {b.text(): b for b in parties.findChildren(QCheckBox)}
    boxes["Borduria"].setChecked(True)
    boxes["Dalmora"].setChecked(True)  # a multilateral pact
    assert label(window, "orderReason") == ""
    click(qtbot, window, "addOrderButton")
    assert "Borduria and Dalmora" in queued_rows(window)[0]


def test_the_action_limit_and_removing_orders(qtbot, make_window, tutorial):
    window, _ = _window(qtbot, make_window, tutorial)
    rejected = []
    window.presenter.sig_orders_rejected.connect(rejected.append)
    for target in ("Borduria", "Carpathia", "Dalmora"):
        pick_move(window, "Public diplomacy campaign")
        choose(window, "field_target", target)
        click(qtbot, window, "addOrderButton")
    pick_move(window, "Military build-up")
    click(qtbot, window, "addOrderButton")
    assert "4 of 4 actions used" in label(window, "actionsLabel")
    pick_move(window, "Reduce forces")
    assert "at most 4 actions a turn" in label(window, "orderReason")
    assert not find(window, QPushButton, "addOrderButton").isEnabled()
    # a free answer or message still fits; removing an order frees an action
    view = find(window, QWidget, "queuedOrders")
    view.setCurrentIndex(view.model().index(0, 0))
    click(qtbot, window, "removeOrderButton")
    assert len(queued_rows(window)) == 3 and queued_rows(window)[0].startswith(
        "1. Public diplomacy campaign: Carpathia"
    )
    assert find(window, QPushButton, "addOrderButton").isEnabled()
    assert rejected == []


def test_answers_wait_in_the_negotiation_tab(qtbot, make_window, tutorial):
    window = make_window()
    match = Match(tutorial, 5, ("carpathia", "dalmora"))  # two people: Aurelia and Borduria
    window.presenter.adopt(match)
    qtbot.waitUntil(lambda: window.page() == "handover")
    click(qtbot, window, "handoverReadyButton")
    window.play_page.select_tab("negotiation")
    choose(window, "proposal_treaty", "non-aggression pact")
    for box in find(window, QWidget, "proposal_to").findChildren(QCheckBox):
        box.setChecked(box.text() == "Borduria")
    click(qtbot, window, "proposalAddButton")
    click(qtbot, window, "submitOrdersButton")
    qtbot.waitUntil(lambda: window.page() == "handover")
    click(qtbot, window, "handoverReadyButton")
    with qtbot.waitSignal(window.presenter.sig_turn_resolved, timeout=20000):
        click(qtbot, window, "submitOrdersButton")
    qtbot.waitUntil(lambda: window.page() == "handover")
    click(qtbot, window, "handoverReadyButton")  # Aurelia, turn 2
    qtbot.waitUntil(lambda: window.page() == "play")
    click(qtbot, window, "submitOrdersButton")
    qtbot.waitUntil(lambda: window.page() == "handover")
    click(qtbot, window, "handoverReadyButton")  # Borduria, turn 2: Aurelia's proposal waits
    qtbot.waitUntil(lambda: window.page() == "play")
    window.play_page.select_tab("negotiation")
    answers = [b for b in window.findChildren(QPushButton, "answerButton") if b.isVisible()]
    accept = next(b for b in answers if b.text() == "Accept")
    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    assert any(
        "Answer a proposal" in row and "Accept" in row and "(free)" in row
        for row in queued_rows(window)
    )

    def answer_buttons() -> list[QPushButton]:
        return [
            b
            for b in window.findChildren(QPushButton, "answerButton")
            if b.isVisible() and b.text() in ("Accept", "Reject")
        ]

    qtbot.waitUntil(lambda: len(answer_buttons()) == 2)
    assert not any(b.isEnabled() for b in answer_buttons())
    assert "Answer queued" in visible_texts(window)
