"""Purity, determinism, immutability and hidden information."""

import dataclasses
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wargame.legality import legal_orders
from wargame.match import Match, replay
from wargame.orders import order_from_dict
from wargame.resolve import adjudicate, resolve, validate
from wargame.rng import Rng
from wargame.rules.arms_control import CheatOnArmsControl
from wargame.rules.common import per_scenario
from wargame.setup import new_game
from wargame.state import state_hash
from wargame.view import information_string, view_for

from .helpers import mini_game, mini_scenario, step


def random_orders(state, rng: Rng, per_seat: int = 3):
    orders = []
    for seat in state.ids:
        options = legal_orders(state, seat)
        for _ in range(min(per_seat, len(options))):
            orders.append(options.pop(rng.below(len(options))))
    return orders


def play_random(scenario, seed: int, order_seed: int):
    state = new_game(scenario, seed)
    picker = Rng(order_seed)
    log = []
    while not state.finished:
        orders = random_orders(state, picker)
        log.append(orders)
        state = step(state, *orders).state
    return state, log


def test_same_seed_same_orders_same_hash(tutorial):
    a, _ = play_random(tutorial, 5, 11)
    b, _ = play_random(tutorial, 5, 11)
    assert state_hash(a) == state_hash(b)


def test_different_seed_changes_the_dice(tutorial):
    hashes = {state_hash(play_random(tutorial, seed, 11)[0]) for seed in range(4)}
    assert len(hashes) > 1


def test_resolve_leaves_its_input_untouched(tutorial):
    g = new_game(tutorial)
    before = state_hash(g)
    step(g, *random_orders(g, Rng(1)))
    assert state_hash(g) == before
    with pytest.raises(dataclasses.FrozenInstanceError):
        g.turn = 3  # type: ignore[misc]
    with pytest.raises(AttributeError):  # records are named tuples: immutable too
        g.countries[0].military = 999.0  # type: ignore[misc]
    with pytest.raises(AttributeError):
        step(g, *random_orders(g, Rng(1))).events[0].text = "changed"  # type: ignore[misc]


def test_validate_then_adjudicate_is_resolve(tutorial):
    """The two halves (timed apart by the benchmark) give exactly what resolve gives, void
    orders and their reasons included."""
    state = new_game(tutorial, 3)
    orders = [*random_orders(state, Rng(4)), CheatOnArmsControl(state.ids[0], treaty="none")]
    whole = resolve(state, orders, Rng.for_turn(state.seed, state.turn))
    valid, results = validate(state, orders)
    halves = adjudicate(state, valid, Rng.for_turn(state.seed, state.turn), results)
    assert any(r.status == "void" for r in results)
    assert state_hash(halves.state) == state_hash(whole.state)
    assert halves.events == whole.events and halves.results == whole.results


def test_tables_derived_from_a_scenario_follow_the_scenario(tutorial):
    """per_scenario remembers a table per scenario object, never across two scenarios."""
    first = per_scenario(tutorial, "state count", lambda sc: len(sc.states))
    assert per_scenario(tutorial, "state count", lambda sc: -1) == first  # remembered
    other = mini_scenario()
    assert per_scenario(other, "state count", lambda sc: len(sc.states)) == len(other.states)


def test_replaying_the_order_log_reproduces_every_hash(tutorial):
    match = Match(tutorial, 9, computer=tutorial.state_ids)
    records = match.play_out()
    log = [[order_from_dict(o.to_dict()) for o in r.orders] for r in records]
    again = replay(tutorial, 9, log)
    assert [r.state_hash for r in again] == [r.state_hash for r in records]


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32), order_seed=st.integers(0, 2**32))
def test_invariants_hold_under_random_legal_play(seed, order_seed):
    state, _ = play_random(mini_scenario(), seed, order_seed)
    for c in state.countries:
        assert c.economy > 0
        assert 0 <= c.stability <= 100 and 0 <= c.reputation <= 100 and c.military >= 0
    assert all(-100 <= r <= 100 for r in state.relations)
    n = len(state.ids)
    assert all(
        state.relations[i * n + j] == state.relations[j * n + i] for i in range(n) for j in range(n)
    )
    assert 0 <= state.tension <= 100
    assert state.escalation <= state.max_escalation


def test_a_seat_sees_estimates_not_true_forces(tutorial):
    g = new_game(tutorial)
    view = view_for(g, "aurelia")
    assert view.state.country("aurelia") == g.country("aurelia")
    estimates = [view.state.country(o).military for o in ("borduria", "carpathia", "dalmora")]
    truths = [g.country(o).military for o in ("borduria", "carpathia", "dalmora")]
    assert estimates != truths
    assert all(abs(e - t) <= 0.16 * t for e, t in zip(estimates, truths, strict=True))


def test_undetected_cheating_is_hidden_from_others():
    s = mini_game(
        treaties=[
            {
                "id": "cap",
                "kind": "arms_control",
                "members": ["ana", "bel"],
                "cap": 55,
                "verification": 0.0,
            }
        ]
    )
    cheated = None
    for seed in range(20):
        r = step(dataclasses.replace(s, seed=seed), CheatOnArmsControl("bel", treaty="cap"))
        if "CheatingDetected" not in [e.kind for e in r.events]:
            cheated = r
            break
    assert cheated is not None
    secret = next(e for e in cheated.events if e.kind == "CapSecretlyExceeded")
    assert secret not in view_for(cheated.state, "ana", cheated.events).events
    # ana's estimate is exactly what it would be had bel not cheated: the gain is invisible
    bel = cheated.state.country("bel")
    honest = dataclasses.replace(
        cheated.state,
        countries=tuple(
            c._replace(military=c.military - c.hidden_military, hidden_military=0.0)
            if c.id == "bel"
            else c
            for c in cheated.state.countries
        ),
    )
    assert bel.hidden_military > 0
    assert (
        view_for(cheated.state, "ana").state.country("bel").military
        == view_for(honest, "ana").state.country("bel").military
    )


def test_others_proposals_are_not_in_a_seats_view():
    from wargame.rules.agreements import ProposeAgreement

    s = step(mini_game(), ProposeAgreement("ana", to=("cor",), treaty="basing")).state
    assert view_for(s, "cor").state.proposals and not view_for(s, "bel").state.proposals
    assert "basing" not in information_string(view_for(s, "bel"))


def test_engine_does_not_load_qt():
    code = (
        "import sys, wargame.match, wargame.cli, wargame.commands.play, wargame.scenario.library;"
        "bad=[m for m in ('PySide6','pyqtgraph','shiboken6') if m in sys.modules];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0
