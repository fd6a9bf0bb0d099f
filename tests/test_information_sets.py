"""Information sets, as poker and Diplomacy engines check them: change another seat's secret, and
everything a seat is given (its view, the screen the GUI builds from it, the computer's decision
for it) must stay byte-identical.

Secrets changed: another state's secret objectives, private briefing and style of play, forces
hidden by cheating and the economy spent on them, private messages and proposals between others,
numbers of events meant for others or for the facilitator alone, and scripted events that have
not happened yet.
"""

from __future__ import annotations

import dataclasses
import functools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ui.viewmodels import seat_screen
from wargame.ai import make_player
from wargame.enums import ProposalStatus, TreatyKind
from wargame.events import FACILITATOR, Event
from wargame.loop import SessionDice, play_turn
from wargame.rng import Rng
from wargame.scenario.library import bundled_names, load_bundled
from wargame.setup import new_game
from wargame.state import GameState, Proposal
from wargame.view import view_for, view_json

SCENARIOS = tuple(n.removesuffix(".yaml") for n in bundled_names())
SECRETS = (
    "objectives",
    "briefing",
    "doctrine",
    "cheating",
    "private message",
    "private proposal",
    "private numbers",
    "future injects",
)


@functools.cache
def played(scenario_id: str, seed: int, turns: int) -> tuple[GameState, tuple[Event, ...]]:
    """A state reached by computer play, with the last turn's events."""
    scenario = load_bundled(f"{scenario_id}.yaml")
    players = {s: make_player() for s in scenario.state_ids}
    state, events, dice = new_game(scenario, seed), (), SessionDice(seed)
    for _ in range(min(turns, scenario.turns)):
        record = play_turn(state, events, {}, players, dice)
        state, events = record.state, record.events
    return state, events


def with_secret_changed(
    state: GameState, events: tuple[Event, ...], seat: str, other: str, secret: str
) -> tuple[GameState, tuple[Event, ...]]:
    """The same game except for one secret of `other` (or of others), which `seat` may not know."""
    sc = state.scenario
    third = next((s for s in state.ids if s not in (seat, other)), other)

    def spec_changed(**changes):
        states = tuple(s.model_copy(update=changes) if s.id == other else s for s in sc.states)
        return dataclasses.replace(state, scenario=sc.model_copy(update={"states": states}))

    spec = sc.state(other)
    if secret == "objectives":
        objectives = tuple(
            o.model_copy(update={"points": o.points % 100 + 1, "text": o.text + " (changed)"})
            if o.secret
            else o
            for o in spec.objectives
        )
        extra = spec.objectives[0].model_copy(update={"id": "hidden_aim", "secret": True})
        return spec_changed(objectives=(*objectives, extra)), events
    if secret == "briefing":
        return spec_changed(briefing=spec.briefing + " Our real plan is to strike first."), events
    if secret == "doctrine":
        doctrine = "hawk" if spec.doctrine != "hawk" else "dove"
        return spec_changed(doctrine=doctrine), events
    if secret == "cheating":
        countries = tuple(
            c._replace(
                military=c.military + 37.0,
                hidden_military=c.hidden_military + 37.0,
                economy=c.economy - 4.0,
                hidden_spending=c.hidden_spending + 4.0,
            )
            if c.id == other
            else c
            for c in state.countries
        )
        return dataclasses.replace(state, countries=countries), events
    if secret == "private message":
        note = Event(state.turn - 1, "MessageSent", "a secret", (other, third), (), (other, third))
        return state, (*events, note)
    if secret == "private proposal":
        p = Proposal("p999", other, (third,), TreatyKind.ALLIANCE, state.turn - 1)
        p = p._replace(status=ProposalStatus.OPEN)
        return dataclasses.replace(state, proposals=(*state.proposals, p)), events
    if secret == "private numbers":
        marked = tuple(
            e._replace(
                private=(*e.private, (other, "true strength", 123.0), (FACILITATOR, "x", 9.0))
            )
            for e in events
        )
        return state, marked
    if secret == "future injects":
        injects = tuple(
            i if i.id in state.fired_injects else i.model_copy(update={"title": "Surprise!"})
            for i in sc.injects
        )
        return dataclasses.replace(
            state, scenario=sc.model_copy(update={"injects": injects})
        ), events
    raise AssertionError(secret)


def seen(state: GameState, events: tuple[Event, ...], seat: str) -> tuple[str, object]:
    """Everything the seat is given: its view, and the screen built from it."""
    view = view_for(state, seat, events)
    start = view_for(new_game(state.scenario, state.seed), seat)
    screen = seat_screen(view, [view], start, hot_seat=False)
    return view_json(view), screen


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    scenario_id=st.sampled_from(SCENARIOS),
    seed=st.integers(0, 3),
    turns=st.integers(0, 4),
    pick=st.integers(0, 10_000),
    secret=st.sampled_from(SECRETS),
)
def test_another_seats_secret_never_changes_what_a_seat_is_given(
    scenario_id, seed, turns, pick, secret
):
    state, events = played(scenario_id, seed, turns)
    ids = state.ids
    seat, other = ids[pick % len(ids)], ids[(pick // len(ids) + 1 + pick) % len(ids)]
    if seat == other:
        other = ids[(ids.index(seat) + 1) % len(ids)]
    changed, changed_events = with_secret_changed(state, events, seat, other, secret)
    assert seen(changed, changed_events, seat) == seen(state, events, seat)
    easy = make_player("easy")
    mine = easy.decide(view_for(state, seat, events), Rng(pick))
    theirs = easy.decide(view_for(changed, seat, changed_events), Rng(pick))
    assert (mine.orders, mine.reasons) == (theirs.orders, theirs.reasons)


@pytest.mark.parametrize("level", ["normal", "hard"])
@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_the_look_ahead_players_decide_from_their_seat_alone(scenario_id, level):
    """Every seat, with every other seat's secrets changed at once, two turns into a game."""
    state, events = played(scenario_id, 5, 2)
    player = make_player(level)
    for seat in state.ids:
        changed, changed_events = state, events
        for other in state.ids:
            if other != seat:
                for secret in SECRETS:
                    changed, changed_events = with_secret_changed(
                        changed, changed_events, seat, other, secret
                    )
        mine = player.decide(view_for(state, seat, events), Rng(7))
        theirs = player.decide(view_for(changed, seat, changed_events), Rng(7))
        assert (mine.orders, mine.reasons) == (theirs.orders, theirs.reasons), seat


def test_the_check_can_fail():
    """A seat's own secret is its own: changing it changes what it is given."""
    state, events = played("tutorial_strait", 1, 1)
    seat = state.ids[0]
    changed, _ = with_secret_changed(state, events, "nobody", seat, "objectives")
    assert seen(changed, events, seat) != seen(state, events, seat)


def test_the_seed_is_revealed_only_when_the_game_is_over():
    state, events = played("tutorial_strait", 4, 0)
    seat = state.ids[0]
    assert view_for(state, seat).state.seed == 0
    finished, _ = played("tutorial_strait", 4, 99)
    assert finished.finished and view_for(finished, seat).state.seed == 4


def test_public_events_tell_observers_nothing_of_true_strength():
    """Force and war between two states, one of which hides forces: a third state sees the same
    numbers whatever the hidden forces (only the outcome, drawn from the true odds, may differ)."""
    from wargame.resolve import resolve
    from wargame.rules.military import Attack, BuildUp

    state, _ = played("tutorial_strait", 2, 1)
    aurelia, borduria, observer = "aurelia", "borduria", "dalmora"
    cheater, _ = with_secret_changed(state, (), observer, aurelia, "cheating")
    orders = [Attack(borduria, target=aurelia), Attack(aurelia, target=borduria), BuildUp(aurelia)]
    compared = 0
    for seed in range(30):
        honest = resolve(state, orders, Rng(seed)).events
        hidden = resolve(cheater, orders, Rng(seed)).events
        seen_honest = {(e.kind, e.text): e.for_seat(observer).numbers for e in honest}
        seen_hidden = {(e.kind, e.text): e.for_seat(observer).numbers for e in hidden}
        for key in seen_honest.keys() & seen_hidden.keys():
            if key[0] in ("ForceUsed", "WarAverted", "WarBegan", "BattleFought", "ForcesBuiltUp"):
                assert seen_honest[key] == seen_hidden[key], key
                compared += 1
    assert compared >= 30


def test_the_public_view_holds_no_seats_secret():
    """What the class screen may show: nothing any seat keeps to itself."""
    from wargame.view import public_view

    state, events = played("northern_sea", 3, 3)
    view = public_view(state, events)
    assert view.state.seed == 0 and not view.state.proposals
    assert all(not o.secret for s in view.state.scenario.states for o in s.objectives)
    assert all(s.briefing == "" for s in view.state.scenario.states)
    assert all(e.visible_to is None and not e.private for e in view.events)
    assert all(c.hidden_military == 0 for c in view.state.countries)
    for seat in state.ids:
        for other in state.ids:
            if other != seat:
                for secret in SECRETS:
                    changed, changed_events = with_secret_changed(
                        state, events, seat, other, secret
                    )
                    assert view_json(public_view(changed, changed_events)) == view_json(view)
