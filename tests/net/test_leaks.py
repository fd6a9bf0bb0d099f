"""Nothing leaks: everything a seat's client receives (its raw log) holds none of the other seats'
secret objectives or private briefings, no private message it was not sent, no other state's
true hidden figures, and not the seed.

One class is played for all the checks: every seat a computer client, and Aurelia also sends
Borduria a private message on the first turn (Borduria's log must have it: the check can fail).
"""

from __future__ import annotations

import json
import threading

import pytest

from wargame.net.client import SeatClient
from wargame.net.robot import play_computer_seat
from wargame.net.seat import ComputerSeat, SeatGame
from wargame.rules.diplomacy import SendMessage
from wargame.scenario.library import find_scenario
from wargame.setup import new_game

from .helpers import WAIT, served

SEED = 8_675_309_421  # a number that appears nowhere else
LEVEL = "easy"
SECRET_NOTE = "Meet our envoy at the northern lighthouse at dawn"


@pytest.fixture(scope="module")
def class_logs(tmp_path_factory):
    """(the match as the host holds it, each seat's raw log)."""
    scenario = find_scenario("tutorial_strait")
    logs: dict[str, list[str]] = {seat: [] for seat in scenario.state_ids}
    with served(scenario, tmp_path_factory.mktemp("leaks"), seed=SEED, level=LEVEL) as s:
        threads = [
            threading.Thread(
                target=play_computer_seat,
                args=(s.address, seat, s.host.codes[seat], LEVEL),
                kwargs={"on_raw": logs[seat].append},
            )
            for seat in scenario.state_ids
            if seat != "aurelia"
        ]
        threads.append(threading.Thread(target=_aurelia, args=(s, logs["aurelia"])))
        for t in threads:
            t.start()
        for t in threads:
            t.join(WAIT)
        assert s.host.finished
        yield s.host.match, logs


def _aurelia(s, log: list[str]) -> None:  # noqa: ANN001
    """Aurelia's computer orders, with a private note to Borduria on the first turn."""
    game, computer = SeatGame("aurelia"), ComputerSeat(LEVEL)
    client: SeatClient

    def received(message) -> None:  # noqa: ANN001
        game.apply(message)
        orders = computer.orders(game)
        if orders is not None:
            if game.turn == 1:
                orders += (SendMessage("aurelia", to=("borduria",), text=SECRET_NOTE),)
            client.send(game.submission(orders))

    client = SeatClient(
        s.address, "aurelia", s.host.codes["aurelia"], on_message=received, on_raw=log.append
    )
    client.run()


def others(match, seat):  # noqa: ANN001, ANN201
    return [spec for spec in match.scenario.states if spec.id != seat]


def test_the_private_note_reaches_its_addressee(class_logs):
    _, logs = class_logs
    assert SECRET_NOTE in "\n".join(logs["borduria"])


def test_no_private_message_reaches_a_seat_it_was_not_sent_to(class_logs):
    _, logs = class_logs
    leaked = [seat for seat in ("carpathia", "dalmora") if SECRET_NOTE in "\n".join(logs[seat])]
    assert not leaked


def test_no_other_seats_secret_objective_reaches_a_seat(class_logs):
    """Checked by the objective's id (two states may share an objective's wording) in the
    scenario each view carries, and anywhere in the raw log."""
    match, logs = class_logs
    leaks = []
    for seat, log in logs.items():
        text = "\n".join(log)
        received = {
            spec["id"]: {o["id"] for o in spec["objectives"]}
            for view in _views(log)
            for spec in view["scenario"]["states"]
        }
        for spec in others(match, seat):
            for o in spec.objectives:
                if o.secret and (o.id in received.get(spec.id, ()) or f'"{o.id}"' in text):
                    leaks.append(f"{seat} sees {spec.id}'s secret objective {o.id!r}")
    assert not leaks, leaks


def test_no_other_seats_private_briefing_reaches_a_seat(class_logs):
    match, logs = class_logs
    leaks = [
        f"{seat} sees {spec.id}'s briefing"
        for seat, log in logs.items()
        for spec in others(match, seat)
        if json.dumps(spec.briefing)[1:-1] in "\n".join(log)
    ]
    assert not leaks, leaks


def test_the_seed_reaches_no_seat_until_the_game_is_over(class_logs):
    """The seed is revealed with the final results, for the debrief; never before."""
    match, logs = class_logs
    early = {
        seat: [t for t in log if not _after_the_end(t, match.scenario.turns)]
        for seat, log in logs.items()
    }
    assert not [seat for seat, log in early.items() if str(SEED) in "\n".join(log)]
    assert all(str(SEED) in "\n".join(log) for log in logs.values())  # then it is revealed


def _after_the_end(text: str, turns: int) -> bool:
    message = json.loads(text)
    views = message.get("views") or [message.get("view") or {}]
    return any(v.get("state", {}).get("turn", 0) > turns for v in views)


def test_no_other_states_true_military_reaches_a_seat(class_logs):
    """Other states' forces reach a seat as estimates: their true figures over the game are not
    what it sees (an estimate may hit the truth on one turn; not on every one), and no hidden
    (cheating) capability."""
    match, logs = class_logs
    states = [new_game(match.scenario, match.seed), *(r.state for r in match.history)]
    leaks = []
    for seat, log in logs.items():
        seen: dict[tuple[str, int], float] = {}
        for view in _views(log):
            for country in view["state"]["countries"]:
                if country["id"] != seat:
                    seen[(country["id"], view["state"]["turn"])] = country["military"]
                    if country["hidden_military"] != 0:
                        leaks.append(f"{seat} sees {country['id']}'s hidden capability")
        for spec in others(match, seat):
            turns = sorted(t for other, t in seen if other == spec.id)
            true = [states[t - 1].country(spec.id).military for t in turns]
            if len(turns) > 2 and [seen[(spec.id, t)] for t in turns] == true:
                leaks.append(f"{seat} sees {spec.id}'s true military")
    assert not leaks, leaks


def _views(log: list[str]):  # noqa: ANN202
    for text in log:
        message = json.loads(text)
        if message["type"] == "welcome":
            yield from message["views"]
        elif message["type"] == "turn":
            yield message["view"]
