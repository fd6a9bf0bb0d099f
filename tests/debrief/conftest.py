"""Saved sessions of the tutorial for the debrief tests: Aurelia is a person (a sanctions threat,
then sanctions, and a private message to Borduria); Borduria is a look-ahead computer player
(normal), the others rule-of-thumb players (easy). One finished, one stopped after turn 3."""

from __future__ import annotations

from pathlib import Path

import pytest

from wargame.ai import make_player
from wargame.enums import Measure
from wargame.legality import check_orders
from wargame.match import Match
from wargame.persistence import SessionStore
from wargame.rules.diplomacy import SendMessage
from wargame.rules.sanctions import ImposeSanctions, ThreatenSanctions

SEED = 11
SECRET_MESSAGE = "Our fleet sails at dawn; tell no one"
PERSON = "aurelia"


def aurelia_orders(match: Match) -> list:
    turn = match.state.turn
    wanted = {
        1: [
            ThreatenSanctions(PERSON, target="borduria", measure=Measure.TRADE),
            SendMessage(PERSON, to=("borduria",), text=SECRET_MESSAGE, public=False),
        ],
        2: [ImposeSanctions(PERSON, target="borduria", measure=Measure.TRADE)],
    }.get(turn, [])
    reasons = check_orders(match.state, PERSON, wanted)
    return [o for o, r in zip(wanted, reasons, strict=True) if r is None]


def play_session(scenario, path: Path, turns: int | None = None) -> Path:
    players = {
        "borduria": make_player("normal"),
        "carpathia": make_player("easy"),
        "dalmora": make_player("easy"),
    }
    match = Match(scenario, SEED, players)
    store = SessionStore.create(path, match, player_factory=make_player)
    try:
        while not match.finished and (turns is None or len(match.history) < turns):
            match.submit(PERSON, aurelia_orders(match))
            match.resolve_turn()
    finally:
        store.close()
    return path


@pytest.fixture(scope="session")
def session_file(tutorial, tmp_path_factory) -> Path:
    return play_session(tutorial, tmp_path_factory.mktemp("debrief") / "finished.wargame")


@pytest.fixture(scope="session")
def unfinished_file(tutorial, tmp_path_factory) -> Path:
    return play_session(tutorial, tmp_path_factory.mktemp("debrief") / "unfinished.wargame", 3)


@pytest.fixture(scope="session")
def log(session_file):
    with SessionStore.open(session_file, readonly=True) as store:
        return store.load()


@pytest.fixture(scope="session")
def played(log):
    from wargame.debrief import played_from_log

    return played_from_log(log)
