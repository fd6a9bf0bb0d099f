"""New game: each computer seat gets a level (Easy / Normal / Hard, Normal by default) besides
its style; the game is built with those players and the debrief says who played at which level."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from ui.debrief import debrief
from ui.game_setup import COMPUTER, PERSON, GameSetup, SeatChoice, player_label
from ui.tasks import SyncTaskRunner
from wargame.ai import make_player
from wargame.match import Match

from .driver import choose, combo_texts, find


def test_each_computer_seat_offers_a_level_normal_by_default(qtbot, make_window):
    window = make_window(SyncTaskRunner())
    window.new_game()
    page = window.setup_page
    assert page.select_scenario("tutorial_strait")
    assert combo_texts(page, "level_borduria") == ["Easy", "Normal", "Hard"]
    level = find(page, QComboBox, "level_borduria")
    assert level.currentText() == "Normal" and level.isEnabled()
    assert "foresight" in level.toolTip() and "not in what they can see" in level.toolTip()
    assert "foresight" in page.seats.horizontalHeaderItem(2).toolTip()
    # a person's seat has no level to choose
    aurelia = find(page, QComboBox, "level_aurelia")
    assert not aurelia.isEnabled() and aurelia.currentIndex() == -1

    choose(page, "level_borduria", "Hard")
    choose(page, "doctrine_borduria", "Hawk")
    choose(page, "level_carpathia", "Easy")
    seats = {c.seat: c for c in page.current_setup().seats}
    assert (seats["borduria"].level, seats["borduria"].doctrine) == ("hard", "hawk")
    assert (seats["carpathia"].level, seats["dalmora"].level) == ("easy", "normal")
    assert seats["aurelia"].player == PERSON

    # choosing a person and then the computer again gives the default level back
    choose(page, "player_borduria", "A person")
    assert find(page, QComboBox, "level_borduria").currentIndex() == -1
    choose(page, "player_borduria", "The computer")
    assert find(page, QComboBox, "level_borduria").currentText() == "Normal"


def test_the_setup_builds_players_of_the_chosen_level(tutorial):
    setup = GameSetup(
        tutorial,
        (
            SeatChoice("aurelia", PERSON),
            SeatChoice("borduria", COMPUTER, "hawk", "hard"),
            SeatChoice("carpathia", COMPUTER, None, "easy"),
            SeatChoice("dalmora", COMPUTER, "dove"),
        ),
        11,
    )
    match = setup.build()
    for seat, (level, doctrine) in {
        "borduria": ("hard", "hawk"),
        "carpathia": ("easy", None),
        "dalmora": ("normal", "dove"),
    }.items():
        assert type(match.computer[seat]) is type(make_player(level, doctrine))
        assert match.computer[seat].doctrine == doctrine
    assert getattr(match.computer["borduria"], "level", None) == "hard"
    labels = {seat: player_label(match, seat) for seat in match.seats}
    assert labels == {
        "aurelia": "person",
        "borduria": "computer (hard, hawk)",
        "carpathia": "computer (easy, institutionalist)",
        "dalmora": "computer (normal, dove)",
    }


def test_the_debrief_says_who_played_at_which_level(tutorial):
    match = Match(
        tutorial,
        4,
        {
            "borduria": make_player("normal", "dove"),
            "carpathia": make_player("random"),
            "dalmora": make_player("easy"),
        },
    )
    while not match.finished:
        match.submit("aurelia", [])
        match.resolve_turn()
    played_by = {row.state_id: row.played_by for row in debrief(match).scores}
    assert played_by == {
        "aurelia": "person",
        "borduria": "computer (normal, dove)",
        "carpathia": "computer (random)",
        "dalmora": "computer (easy, dove)",
    }


def test_switching_scenarios_leaves_only_the_new_scenarios_boxes(qtbot, make_window):
    """The previous scenario's boxes are gone at once, not when the event loop next runs: they
    showed over the new rows (the first column) until then."""
    window = make_window(SyncTaskRunner())
    window.new_game()
    page = window.setup_page
    page.show()
    assert page.select_scenario("tutorial_strait")
    assert page.select_scenario("northern_sea")
    shown = [
        box
        for box in page.seats.viewport().findChildren(QComboBox)
        if box.isVisible() and box.objectName()
    ]
    rows = page.seats.rowCount()
    assert rows == 7 and len(shown) == 3 * rows
    assert {box.objectName() for box in shown if box.objectName().startswith("player_")} == {
        f"player_{spec.id}" for spec in page.current_setup().scenario.states
    }
