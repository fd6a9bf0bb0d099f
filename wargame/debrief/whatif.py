"""What if a state had chosen differently? From any turn of a session: replace one seat's orders
at that turn and play on through the game loop (`loop.play_turn`), then compare.

- `branch`: one other history with the session's own dice. With the recorded orders it is the
  session itself, state hash for state hash.
- `monte_carlo`: N futures with the recorded orders against N with the alternative. Future k of
  both arms rolls the same dice, drawn from the session seed, "whatif", k, the turn and the seat,
  so the two arms differ by the orders and what follows from them, and the same arguments give
  the same numbers on every machine.

After the branch turn, computer seats are played by their recorded player (kind and doctrine);
a person's seat gives its recorded orders while the game still accepts them all, else the
computer plays it that turn (a "stand-in", listed in the result). The facilitator's
interventions of later turns are made again where the branch still allows them (an argument
rolls its own dice, as in the session); those it no longer allows are left out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ..events import Event
from ..legality import check_orders
from ..loop import Dice, SessionDice, TurnRecord, play_turn
from ..orders import Order
from ..players import Player
from ..rng import Rng, derive_seed
from ..scoring import scores
from ..state import GameState
from .played import DebriefError, Played, orders_by_seat

PlayerFactory = Callable[[str, "str | None"], Player]
STAND_IN_KIND = "normal"  # who plays a person's seat whose recorded orders no longer fit


@dataclass(frozen=True)
class WhatIfDice:
    """Future `run`'s dice: every stream derived from the session seed, the run and the turn."""

    seed: int
    run: int

    def for_seat(self, turn: int, seat: str) -> Rng:
        return Rng(derive_seed(self.seed, "whatif", self.run, "seat", turn, seat))

    def for_turn(self, turn: int) -> Rng:
        return Rng(derive_seed(self.seed, "whatif", self.run, "turn", turn))


@dataclass(frozen=True)
class Future:
    turn: int  # the branch turn
    records: tuple[TurnRecord, ...]  # from the branch turn to the end of the game
    stand_ins: tuple[tuple[int, str], ...] = ()  # (turn, seat) the computer played for a person
    start: GameState | None = field(default=None, compare=False)

    @property
    def final(self) -> GameState:
        return self.records[-1].state if self.records else self.start  # type: ignore[return-value]


@dataclass(frozen=True)
class Outcome:
    """What one history came to: the ladder's peak from the branch turn on, whether a war was
    fought in that time, and each seat's score, outcome and objectives met at the end."""

    peak_rung: int
    final_rung: int
    war: bool
    totals: Mapping[str, int]
    outcomes: Mapping[str, str]
    objectives: Mapping[str, tuple[bool, ...]]


def check_alternative(played: Played, turn: int, seat: str | None, orders: Sequence[Order]) -> None:
    """WhatIf questions the game can answer: a played turn, a seat of the session, its own
    orders, each legal where the seat gave its orders that turn."""
    if not played.turns:
        raise DebriefError("no turn of this session has been played yet")
    if not 1 <= turn <= len(played.turns):
        raise DebriefError(f"--turn must be a played turn, from 1 to {len(played.turns)}")
    if seat is None:
        if orders:
            raise DebriefError("orders were given without the seat they are for")
        return
    played.check_seat(seat)
    reasons = check_orders(played.state_before(turn), seat, list(orders))
    bad = [f"{o.label}: {r}" for o, r in zip(orders, reasons, strict=True) if r]
    if bad:
        raise DebriefError(
            f"the game would not accept these orders from {played.seat(seat).name} on turn "
            f"{turn}: " + "; ".join(bad)
        )


def recorded_orders(played: Played, turn: int) -> dict[str, tuple[Order, ...]]:
    return orders_by_seat(played.turns[turn - 1].orders, played.scenario.state_ids)


def play_future(
    played: Played,
    turn: int,
    given: Mapping[str, Sequence[Order]],
    player_factory: PlayerFactory,
    dice: Dice,
    stand_in: str = STAND_IN_KIND,
) -> Future:
    """Play from the start of `turn` to the end of the game: `given` holds every seat's orders
    for `turn` itself; after it, computer seats decide and people's recorded orders are
    replayed where the game still accepts them."""
    state: GameState = played.state_before(turn)
    events: tuple[Event, ...] = played.turns[turn - 2].events if turn > 1 else ()
    built: dict[tuple[str, str | None, str | None], Player] = {}

    def player(seat: str, kind: str | None, doctrine: str | None) -> Player:
        key = (seat, kind, doctrine)
        if key not in built:
            built[key] = player_factory(kind or "easy", doctrine)
        return built[key]

    records, stand_ins = [], []
    t = turn
    while not state.finished:
        if t == turn:  # the state after the facilitator's interventions of the turn
            orders, players = dict(given), {}
            news = tuple(e for a in played.interventions(turn) for e in a.events)
        else:
            state, news = _intervene_again(played, t, state)
            playing = played.computer_at(t)  # who the computer played then, hand-overs too
            orders = {}
            players = {seat: player(seat, *how) for seat, how in playing.items()}
            recorded = recorded_orders(played, t) if t <= len(played.turns) else {}
            for seat in (s for s in played.scenario.state_ids if s not in playing):
                mine = recorded.get(seat)
                if mine is not None and not any(check_orders(state, seat, mine)):
                    orders[seat] = mine
                else:
                    players[seat] = player_factory(stand_in, None)
                    stand_ins.append((t, seat))
        record = play_turn(state, events + news, orders, players, dice)
        if news:  # the turn's record leads with them, as a session's does
            record = dataclasses.replace(record, events=news + record.events)
        records.append(record)
        state, events, t = record.state, record.events, t + 1
    return Future(turn, tuple(records), tuple(stand_ins), played.state_before(turn))


def _intervene_again(
    played: Played, turn: int, state: GameState
) -> tuple[GameState, tuple[Event, ...]]:
    """The facilitator's interventions of `turn` in the session, made again in this history,
    and their news; one the branch no longer allows is left out."""
    from ..facilitator import InterventionRefused, apply

    news: tuple[Event, ...] = ()
    for made in played.interventions(turn):
        try:
            applied = apply(state, made.intervention, made.position)
        except InterventionRefused:
            continue
        state, news = applied.state, news + applied.events
    return state, news


def given_orders(
    played: Played, turn: int, seat: str | None, orders: Sequence[Order] | None
) -> dict[str, tuple[Order, ...]]:
    """Every seat's orders at the branch turn: as recorded, with `seat`'s replaced by `orders`."""
    given = recorded_orders(played, turn)
    if seat is not None and orders is not None:
        given[seat] = tuple(orders)
    return given


def branch(
    played: Played,
    turn: int,
    seat: str | None,
    orders: Sequence[Order] | None,
    player_factory: PlayerFactory,
    stand_in: str = STAND_IN_KIND,
) -> Future:
    """The history that follows when `seat` gives `orders` at `turn` (None: as recorded), with
    the session's own dice."""
    check_alternative(played, turn, seat, orders or ())
    return play_future(
        played,
        turn,
        given_orders(played, turn, seat, orders),
        player_factory,
        SessionDice(played.seed),
        stand_in,
    )


def outcome_of(future: Future) -> Outcome:
    start = future.start
    states = [start, *(r.state for r in future.records)] if start else [future.final]
    final = future.final
    all_scores = scores(final)
    return Outcome(
        peak_rung=max(s.escalation for s in states),
        final_rung=final.escalation,
        war=any(w.ended_turn is None or w.ended_turn >= future.turn for w in final.wars),
        totals={seat: sc.total for seat, sc in all_scores.items()},
        outcomes={seat: sc.outcome for seat, sc in all_scores.items()},
        objectives={seat: tuple(r.met for r in sc.objectives) for seat, sc in all_scores.items()},
    )


def monte_carlo(
    played: Played,
    turn: int,
    seat: str | None,
    orders: Sequence[Order] | None,
    player_factory: PlayerFactory,
    runs: int,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    stand_in: str = STAND_IN_KIND,
) -> tuple[list[Outcome], list[Outcome]]:
    """`runs` futures with the recorded orders and, when an alternative is given, `runs` with it
    (future k of each arm with the same dice). `progress(done, total)` after each future."""
    check_alternative(played, turn, seat, orders or ())
    if runs < 1:
        raise DebriefError("the number of runs must be at least 1")
    arms = [given_orders(played, turn, None, None)]
    if seat is not None and orders is not None:
        arms.append(given_orders(played, turn, seat, orders))
    results: list[list[Outcome]] = [[] for _ in arms]
    total, done = runs * len(arms), 0
    for run in range(runs):
        dice = WhatIfDice(played.seed, run)
        for arm, given in enumerate(arms):
            if cancelled is not None and cancelled():
                raise WhatIfCancelled()
            future = play_future(played, turn, given, player_factory, dice, stand_in)
            results[arm].append(outcome_of(future))
            done += 1
            if progress is not None:
                progress(done, total)
    return results[0], (results[1] if len(results) > 1 else [])


class WhatIfCancelled(Exception):
    """The person asked the futures to stop."""


def order_choices(played: Played, turn: int, seat: str) -> list[tuple[Order, bool]]:
    """What the seat could have ordered at `turn`: its recorded orders (True), then every other
    legal order (False), for composing an alternative."""
    from ..legality import legal_orders

    state = played.state_before(turn)
    recorded = list(recorded_orders(played, turn).get(seat, ()))
    others = [o for o in legal_orders(state, seat) if o not in recorded]
    return [(o, True) for o in recorded] + [(o, False) for o in others]
