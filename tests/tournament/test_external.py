"""Outside players (`--entrant FILE.py:ClassName`): loaded with a clear message for every way the
file or class can be wrong, guarded while they play, and the example in docs/PLAYERS.md works."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wargame.match import Match
from wargame.players import Decision
from wargame.rng import Rng
from wargame.tournament import pairings, play_pairing
from wargame.tournament.external import EntrantError, EntrantFailed, load_player

ROOT = Path(__file__).resolve().parents[2]


def _file(tmp_path: Path, code: str, name: str = "mine.py") -> str:
    path = tmp_path / name
    path.write_text(code)
    return str(path)


def players_md_example() -> str:
    """The example player of docs/PLAYERS.md (its second Python block)."""
    text = (ROOT / "docs" / "PLAYERS.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, re.S)[1]


@pytest.mark.parametrize(
    ("code", "spec", "message"),
    [
        ("", "{dir}/absent.py:X", "absent.py: no such file"),
        ("", "{dir}/mine.txt:X", "not a Python file"),
        ("", "{dir}/mine.py", "name a player as path/to/file.py:ClassName"),
        ("def broken(:\n", "{dir}/mine.py:X", "mine.py, line 1: syntax error"),
        ("raise RuntimeError('no network')\n", "{dir}/mine.py:X", "failed while loading"),
        ("class A:\n    pass\n", "{dir}/mine.py:B", "has no class B (classes in it: A)"),
        ("B = 3\n", "{dir}/mine.py:B", "B is not a class"),
        ("class A:\n    pass\n", "{dir}/mine.py:A", "A has no decide(view, rng) method"),
        (
            "class A:\n    def __init__(self, x):\n        pass\n    def decide(self, v, r):\n"
            "        pass\n",
            "{dir}/mine.py:A",
            "cannot be created without arguments",
        ),
    ],
)
def test_every_way_a_file_can_be_wrong_is_said_plainly(tmp_path, code, spec, message):
    _file(tmp_path, code, "mine.txt" if "mine.txt" in spec else "mine.py")
    with pytest.raises(EntrantError, match=re.escape(message)):
        load_player(spec.format(dir=tmp_path))


def test_a_player_that_fails_in_a_game_is_named_with_where(tmp_path, tutorial):
    spec = _file(tmp_path, "class Bad:\n    def decide(self, view, rng):\n        return 1 / 0\n")
    player = load_player(f"{spec}:Bad")
    view = Match(tutorial, 1, tutorial.state_ids).view("aurelia")
    with pytest.raises(EntrantFailed, match=r"playing aurelia in tutorial_strait, turn 1: .*Zero"):
        player.decide(view, Rng(1))
    odd = _file(
        tmp_path, "class Odd:\n    def decide(self, view, rng):\n        return ['x']\n", "odd.py"
    )
    with pytest.raises(EntrantFailed, match="returned list, not a Decision"):
        load_player(f"{odd}:Odd").decide(view, Rng(1))


def test_the_example_in_players_md_plays_a_tournament_game(tmp_path, tutorial):
    spec = _file(tmp_path, players_md_example(), "cautious.py") + ":Cautious"
    pairing = pairings([tutorial], 1)[0]
    result = play_pairing(tutorial, pairing, spec)
    again = play_pairing(tutorial, pairing, spec)
    assert result == again and result.contender == spec
    view = Match(tutorial, 1, tutorial.state_ids).view("aurelia")
    decision = load_player(spec).decide(view, Rng(1))
    assert isinstance(decision, Decision) and decision.orders
    assert {o.kind for o in decision.orders} <= {"AnswerProposal", "BackChannel"}
