"""Terminal play for a student (`wargame play` with people at the keyboard): the briefing,
objectives and figures each turn; moves by family with numbers and names that never change,
details asked one at a time in words; outcomes with their numbers; the score breakdown; a
hand-over between people. The all-computer record keeps its format."""

from __future__ import annotations

import io
import re
from contextlib import redirect_stdout

import pytest

from wargame.commands.play import play_to_end
from wargame.commands.terminal_seat import Console, TerminalSeat, command_name, move_entries
from wargame.match import Match


class Script:
    """A person at a terminal, typing the given lines in turn; records what was shown."""

    def __init__(self, lines: list[str], interactive: bool = True):
        self.lines = list(lines)
        self.shown: list[str] = []
        self.cleared = 0
        self.completions: list[list[str]] = []
        self.console = Console(
            read=self.read,
            write=self.shown.append,
            interactive=interactive,
            clear=self.clear,
            width=100,
            complete=lambda words: self.completions.append(list(words)),
        )

    def read(self, prompt: str) -> str:
        self.shown.append(prompt)
        if not self.lines:
            raise EOFError
        return self.lines.pop(0)

    def clear(self) -> None:
        self.cleared += 1
        self.shown.append("<cleared>")

    @property
    def text(self) -> str:
        return "\n".join(self.shown)


def test_moves_have_the_same_number_and_name_every_turn():
    entries = move_entries()
    numbers = [e.number for e in entries]
    assert numbers == sorted(set(numbers)) and numbers[0] == 1  # unique, in the rules' order
    assert entries == move_entries()
    first_of_each = {}
    for e in entries:
        first_of_each.setdefault(e.family, e.number)
    assert all(n % 10 == 1 for n in first_of_each.values())  # a block of ten per family
    assert command_name("ThreatenSanctions") == "threaten-sanctions"
    assert len({e.command for e in entries}) == len(entries)


def test_a_turn_shows_the_situation_and_takes_a_move_in_words(tutorial):
    match = Match(tutorial, 7, ("borduria", "carpathia", "dalmora"))
    number = next(e.number for e in move_entries() if e.command == "threaten-sanctions")
    # the choices asked for, then Enter for any further detail (the defaults), then hand in
    script = Script([str(number), "bord", "asset", "", "", "", "", "done"])
    TerminalSeat(match, "aurelia", script.console).play_turn(hand_over=False)
    text = script.text
    assert "== Aurelia, turn 1 of 6: choose orders ==" in text
    assert "Your briefing (Aurelia, democracy):" in text and "The strait is your lifeline" in text
    assert "Your objectives (as things stand now):" in text and "(secret: only you know)" in text
    assert re.search(r"Borduria\s+\d+\s+90", text)  # the intelligence table, estimates first
    assert "  Economic sanctions" in text and f"{number:>3}  threaten-sanctions" in text
    assert "Target state:" in text and "1. Borduria" in text  # choices in words, numbered
    assert "Added: Threaten sanctions: Borduria, asset freeze" in text
    assert "1 of 4 actions used" in text
    orders = match.pending["aurelia"]
    assert [(o.kind, o.target, o.measure) for o in orders] == [
        ("ThreatenSanctions", "borduria", "assets")
    ]
    assert any("threaten-sanctions" in words for words in script.completions)  # Tab completes


def test_the_news_comes_with_its_numbers_and_why(tutorial):
    match = Match(tutorial, 7, ("borduria", "carpathia", "dalmora"))
    match.submit("aurelia", ())
    match.resolve_turn()
    script = Script(["why 1", "pass"])
    TerminalSeat(match, "aurelia", script.console).play_turn(hand_over=False)
    text = script.text
    assert "What happened last turn (turn 1):" in text
    news = [line for line in script.shown if line.strip().startswith("news: ")]
    assert news and any(line.strip().startswith("numbers: ") for line in script.shown)
    assert "hands in no orders" in text


def test_an_empty_line_asks_once_before_handing_in_nothing(tutorial):
    match = Match(tutorial, 7, ("borduria", "carpathia", "dalmora"))
    script = Script(["", "n", "", "y"])
    TerminalSeat(match, "aurelia", script.console).play_turn(hand_over=False)
    assert script.text.count("Hand in no orders this turn? [y/N]") == 2
    assert match.pending["aurelia"] == ()


def test_people_at_one_terminal_hand_the_keyboard_over(tutorial):
    match = Match(tutorial, 7, ("carpathia", "dalmora"))
    script = Script(["", "pass", "", "pass"])
    seats = {s: TerminalSeat(match, s, script.console) for s in ("aurelia", "borduria")}
    for seat in match.waiting_for():
        seats[seat].play_turn(hand_over=True)
    text = script.text
    assert "Pass the keyboard to Aurelia." in text and "Pass the keyboard to Borduria." in text
    first = text.index("Pass the keyboard to Borduria.")
    assert (
        "<cleared>" in text[text.index("Aurelia's orders are in") : first]
    )  # nothing stays behind
    assert script.cleared >= 4


def test_a_scripted_game_ends_with_the_score_breakdown_and_the_hash(tutorial, capsys):
    match = Match(tutorial, 7, ("borduria", "carpathia", "dalmora"))
    script = Script([""] * 6, interactive=False)
    assert play_to_end(match, console=script.console) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1].startswith("state_hash: ")
    scores = out[out.index("Final scores") :]
    assert any("\u2713 met" in line or "\u2717 not met" in line for line in scores)
    assert any("(secret)" in line for line in scores)
    assert script.text.count("== Aurelia, turn") == 6


@pytest.mark.parametrize("seed", [3])
def test_an_all_computer_game_prints_its_plain_record(tutorial, seed):
    match = Match(tutorial, seed, ("aurelia", "borduria", "carpathia", "dalmora"))
    out = io.StringIO()
    with redirect_stdout(out):
        assert play_to_end(match) == 0
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("The Narrow Strait (tutorial): 4 states, 6 turns")
    assert lines[-1].startswith("state_hash: ") and len(lines[-1].split()[1]) >= 16
    assert any(line.startswith("  - ") for line in lines)  # the public events of each turn
    assert not any(
        "met" in line and "points" in line and line.startswith("      ") for line in lines
    )
