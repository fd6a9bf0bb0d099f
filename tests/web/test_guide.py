"""The host's guide for clients that run no engine (the browser): the orders it offers are the ones
the host then accepts, every move with its help from the rules, objectives judged by the engine
from the seat's view, nothing of another seat's secrets; sent only to clients that ask for it,
after every view, with the seat's debrief at the end."""

from __future__ import annotations

import json

import pytest

from wargame.ai import make_player
from wargame.debrief.why_outcome import why_outcome
from wargame.debrief.words import Words
from wargame.legality import check_orders
from wargame.match import Match
from wargame.net.guide import seat_guide
from wargame.net.host import ClassHost
from wargame.net.keys import ClassKeys, keys_path
from wargame.net.protocol import PROTOCOL_VERSION, Hello, Submit, encode, parse_host_message
from wargame.orders import order_from_dict
from wargame.persistence import SessionStore
from wargame.rules import STANDARD
from wargame.rules.diplomacy import SendMessage
from wargame.scoring import score
from wargame.view import view_for

TURNS_CHECKED = 3


def states_of_a_game(scenario, turns: int = TURNS_CHECKED):  # noqa: ANN001, ANN201
    """The true state at the start and after each of the first turns of a computer game."""
    match = Match(scenario, 3, {s: make_player("easy") for s in scenario.state_ids})
    states = [match.state]
    for _ in range(turns):
        match.resolve_turn()
        states.append(match.state)
    return states


@pytest.mark.parametrize("scenario_id", ["tutorial_strait", "amber_coast", "river_delta"])
def test_every_order_the_guide_offers_is_one_the_host_accepts(all_scenarios, scenario_id):
    offered = 0
    for state in states_of_a_game(all_scenarios[scenario_id]):
        for seat in state.ids:
            guide = seat_guide(view_for(state, seat))
            orders = [
                order_from_dict(c.order)
                for family in guide.families
                for move in family.moves
                for c in move.candidates
            ]
            refused = [(o, r) for o in orders for r in check_orders(state, seat, [o]) if r]
            assert not refused, refused[:3]
            assert len(set(orders)) == len(orders)  # each once
            offered += len(orders)
    assert offered > 100


def test_every_move_is_offered_with_its_help_from_the_rules(tutorial):
    guide = seat_guide(view_for(states_of_a_game(tutorial, 0)[0], "aurelia"))
    moves = {m.kind: m for f in guide.families for m in f.moves}
    expected = [m for m in STANDARD.moves.values() if m.order is not SendMessage]
    assert sorted(moves) == sorted(m.kind for m in expected)
    for move in expected:
        offered = moves[move.kind]
        assert offered.label == move.label and offered.costs_action == move.costs_action
        assert (offered.help.what, offered.help.costs, offered.help.risks, offered.help.when) == (
            move.help.what,
            move.help.costs,
            move.help.risks,
            move.help.when,
        )
        assert bool(offered.candidates) != bool(offered.unavailable)
    assert guide.message_to == ["borduria", "carpathia", "dalmora"]


def test_objectives_met_now_are_the_engines_judgement_on_the_seats_view(all_scenarios):
    for scenario in all_scenarios.values():
        state = states_of_a_game(scenario, 2)[-1]
        for seat in state.ids:
            view = view_for(state, seat)
            guide = seat_guide(view)
            expected = score(view.state, seat)
            assert [(o.id, o.met) for o in guide.objectives] == [
                (r.objective.id, r.met) for r in expected.objectives
            ]
            assert guide.standing.total == expected.total
            # why that outcome, judged on the seat's view as the outcome is
            assert guide.standing.outcome == expected.outcome
            assert guide.standing.why == why_outcome(view.state, seat, Words(scenario))
            assert scenario.state(seat).name in guide.standing.why
            assert [o.id for o in guide.objectives] == [
                o.id for o in scenario.state(seat).objectives
            ]  # the seat's own, secret ones included


def test_a_guide_holds_no_secret_of_another_seat(all_scenarios):
    for scenario in all_scenarios.values():
        for seat in scenario.state_ids:
            text = encode(seat_guide(view_for(states_of_a_game(scenario, 0)[0], seat)))
            mine = {o.text for o in scenario.state(seat).objectives}
            public = {o.text for s in scenario.states for o in s.objectives if not o.secret}
            for spec in scenario.states:
                if spec.id == seat:
                    continue
                assert json.dumps(spec.briefing)[1:-1] not in text
                for o in spec.objectives:
                    if o.secret:
                        assert f'"{o.id}"' not in text, (seat, spec.id, o.id)
                        if o.text not in mine | public:
                            assert json.dumps(o.text)[1:-1] not in text


# --- the host sends it --------------------------------------------------------------------------


@pytest.fixture
def host(tutorial, tmp_path):
    path = tmp_path / "class.wargame"
    match = Match(tutorial, 7, {s: make_player("easy") for s in ("borduria", "carpathia")})
    store = SessionStore.create(path, match)
    yield ClassHost(match, ClassKeys.fresh(match.human_seats, keys_path(path)), level="easy")
    store.close()


def hello(host: ClassHost, seat: str, guide: bool) -> Hello:
    return Hello(protocol=PROTOCOL_VERSION, seat=seat, code=host.codes[seat], guide=guide)


def types(reply, conn: int) -> list[str]:  # noqa: ANN001
    return [parse_host_message(o.text).type for o in reply.send if o.conn == conn]


def test_guides_go_only_to_clients_that_ask_after_every_view_and_the_debrief_at_the_end(host):
    first = host.connect(1, hello(host, "aurelia", guide=True))
    assert types(first, 1)[:2] == ["welcome", "guide"]
    assert "guide" not in types(host.connect(2, hello(host, "dalmora", guide=False)), 2)
    seen: dict[int, list[str]] = {1: [], 2: []}
    while not host.finished:
        turn = host.match.state.turn
        for conn in (1, 2):
            reply = host.receive(conn, Submit(id=turn, turn=turn, orders=[]))
            for c in (1, 2):
                seen[c] += types(reply, c)
    turns = host.match.scenario.turns
    assert seen[1].count("turn") == seen[1].count("guide") == turns
    # each guide follows its turn's results; the debrief comes last, after the end
    after = [seen[1][i - 1] for i, kind in enumerate(seen[1]) if kind == "guide"]
    assert set(after) <= {"turn", "game_over"}
    assert seen[1][-4:] == ["game_over", "guide", "debrief", "status"]
    assert "guide" not in seen[2] and "debrief" not in seen[2]
    guide_turns = [m["turn"] for m in _sent(host, 1) if m["type"] == "guide"]
    assert guide_turns == sorted(guide_turns)


def _sent(host: ClassHost, conn: int) -> list[dict]:
    """What a client that joins now is sent (the same guides, made once per state)."""
    reply = host.connect(conn, hello(host, "aurelia", guide=True))
    return [json.loads(o.text) for o in reply.send if o.conn == conn]


def test_the_debrief_is_the_seats_own_report(host):
    host.connect(1, hello(host, "aurelia", guide=True))
    host.connect(2, hello(host, "dalmora", guide=False))
    while not host.finished:
        turn = host.match.state.turn
        host.receive(2, Submit(id=turn, turn=turn, orders=[]))
        last = host.receive(1, Submit(id=turn, turn=turn, orders=[]))
    (debrief,) = [parse_host_message(o.text) for o in last.send if '"debrief"' in o.text[:20]]
    report = debrief.report
    assert report["reader"] == "Aurelia" and report["seat"] == "aurelia"
    assert [o["seat"] for o in report["outcomes"]] == ["aurelia"]
    assert report["seed"] == 7  # revealed now that the game is over
    assert all(s["seat"] == "aurelia" for t in report["timeline"] for s in t["seats"])
