"""A computer player that looks ahead with the engine itself.

It proposes several candidate order sets (its doctrine's instinct, the other doctrines'
instincts, the instinct with one action left out, answers to proposals flipped), plays each
forward a few turns on its own belief of the world (its seat's view: estimates, not true values)
and keeps the candidate whose futures score best for its objectives and the issues at stake. The
instinct's answers to allies' calls, to force used against the seat and to coercion, its threats
of sanctions, and its strikes in a confrontation already under way, stand in every candidate:
what they turn on lies beyond what the look-ahead sees (see `_standing_answers`). Difficulty is
foresight: how many candidates, how many turns ahead and how many futures per candidate.

What the other states do in those futures is predicted once per simulated turn and shared by
every candidate (the rule-of-thumb player deciding for them on one line of play, the one the
instinct leads to), rather than decided again for each candidate: only the states a candidate's
orders name answer it on its own line. Only the states the seat has dealings with are predicted
(treaty partners, rivals and friends, parties to its disputes, wars, sanctions, ultimatums and
proposals, and every state a candidate names); the others are left to the rules.

The work is counted in units (see `Work`), not seconds, so the same seed gives the same decision
on every machine; a level's budget of units bounds every decision (anytime: the candidates are
tried best-first and the best so far is kept when the budget runs out), in a world of any size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..legality import MAX_ACTIONS_PER_TURN
from ..loop import play_turn
from ..moves import field_names
from ..orders import Order
from ..players import Player
from ..rng import Rng, derive_seed
from ..rules.agreements import AnswerProposal
from ..rules.alliances import AnswerInvocation
from ..rules.diplomacy import AnswerUltimatum
from ..rules.military import Attack, MobilizeForces
from ..rules.sanctions import ConcedeToSanctions, ThreatenSanctions
from ..scoring import points_earned
from ..state import GameState
from ..view import SeatView, view_for
from .force import force_used_against
from .heuristic import DOCTRINES, Decision, HeuristicPlayer
from .mind import per_scenario

# what simulating costs, in work units: a seat's decision, and a turn's resolution (which costs
# about as much as three decisions)
DECISION_WORK = 1
TURN_WORK = 3
FRIENDSHIP = 15.0  # relations (either way) from which a state counts as one the seat deals with
ECONOMY_WEIGHT = 30.0  # utility of the economy's relative change (and of stakes, % of GDP a turn)


@dataclass(frozen=True)
class Foresight:
    candidates: int  # order sets compared
    depth: int  # turns simulated ahead
    futures: int  # rollouts per candidate (the dice differ)
    budget: int  # work units a decision may spend (see DECISION_WORK)


LEVELS: dict[str, Foresight | None] = {
    "easy": None,  # the rule-of-thumb player: no look-ahead
    "normal": Foresight(candidates=6, depth=2, futures=1, budget=45),
    "hard": Foresight(candidates=10, depth=2, futures=2, budget=120),
}
DEFAULT_LEVEL = "normal"


@dataclass
class Work:
    """Work units spent on one decision against its budget."""

    budget: int
    spent: int = 0

    def afford(self, units: int) -> bool:
        return self.spent + units <= self.budget

    def spend(self, units: int) -> None:
        self.spent += units


def stakes_held(state: GameState, seat: str) -> float:
    """What the issues standing as the seat wants them are worth to it, % of its GDP a turn (its
    stakes in the scenario: the cost it would bear a turn rather than give each one up)."""
    stakes = per_scenario(state.scenario, "stakes by seat", _stakes_by_seat).get(seat, {})
    total = 0.0
    for issue in state.issues:
        stake = stakes.get(issue.id)
        if stake is not None and issue.status == stake.wants:
            total += stake.worth
    return total


def _stakes_by_seat(scenario: Any) -> dict[str, dict[str, Any]]:
    """Each seat's stake in each issue (`IssueSpec.stake`), looked up once per scenario: the
    look-ahead weighs them in every future it plays."""
    found: dict[str, dict[str, Any]] = {}
    for spec in {i.id: i for i in scenario.issues}.values():  # the issue by id, as `issue` finds it
        for stake in spec.stakes:
            found.setdefault(stake.state, {}).setdefault(spec.id, stake)  # the first, as there
    return found


def utility(state: GameState, seat: str, start: GameState) -> float:
    """How good a state is for the seat: objectives met and obligations kept dominate; the
    state's condition breaks ties (it is what future objectives are won with). The issues at
    stake count on the economy's scale: a stake is worth % of GDP a turn, so an issue given up
    (or won) weighs its worth for every turn simulated, as sanctions borne for it do."""
    objective_points, obligation_points = points_earned(state, seat)
    now, before = state.country(seat), start.country(seat)
    turns = max(0, state.turn - start.turn)
    stakes = (stakes_held(state, seat) - stakes_held(start, seat)) / 100 * turns
    lost_war = any(
        w.winner in ("a", "b") and seat in (w.side_b if w.winner == "a" else w.side_a)
        for w in state.wars
    )
    return (
        objective_points
        + 0.5 * obligation_points
        + 0.4 * (now.stability - before.stability)
        + 0.3 * (now.reputation - before.reputation)
        + ECONOMY_WEIGHT * (now.economy / before.economy - 1.0 + stakes)
        + 10.0 * (now.military / max(before.military, 1.0) - 1.0)
        - (25.0 if lost_war else 0.0)
    )


class LookaheadPlayer:
    name = "lookahead"

    def __init__(
        self, level: str = DEFAULT_LEVEL, doctrine: str | None = None, budget: int | None = None
    ):
        """budget: work units per decision instead of the level's (see Foresight.budget)."""
        if level not in LEVELS:
            raise ValueError(f"unknown level {level!r} (expected one of {', '.join(LEVELS)})")
        self.level = level
        self.doctrine = doctrine
        self.foresight = LEVELS[level]
        self.instinct = HeuristicPlayer(doctrine)
        self.budget = (
            budget if budget is not None else self.foresight.budget if self.foresight else 0
        )
        self.last_work = 0  # units the last decision spent (for benchmarks and tests)

    def decide(self, view: SeatView, rng: Rng) -> Decision:
        base = self.instinct.decide(view, Rng(derive_seed(rng.below(2**62), "instinct")))
        self.last_work = 0
        if self.foresight is None or view.state.finished:
            return base
        assert view.seat is not None
        work = Work(self.budget)
        candidates = self._candidates(view, base, rng, work)
        stream = rng.below(2**62)  # every candidate meets the same futures (common dice)
        if len(candidates) == 1:  # its instinct is all there is: no future to play it against
            self.last_work = work.spent
            alone = (
                "Nothing else it could do this turn was worth weighing."
                if base.orders
                else "It saw nothing worth doing this turn, and no other plan to weigh."
            )
            return Decision(list(base.orders), [*base.reasons, alone])
        dealings = _dealings(view.state, view.seat, candidates)
        lines = [
            _Line(view, Rng(derive_seed(stream, "future", k)), dealings)
            for k in range(self.foresight.futures)
        ]
        best, best_value = base, float("-inf")
        tried = 0
        for decision in candidates:
            named = [o for o in _named(decision.orders, view.state) if o != view.seat]
            cost = sum(line.cost(self.foresight.depth, len(named)) for line in lines)
            if not work.afford(cost) and tried:
                break  # anytime: keep the best found so far
            work.spend(cost)
            value = sum(
                line.play(decision.orders, named, self.foresight.depth, self.instinct)
                for line in lines
            ) / len(lines)
            tried += 1
            if value > best_value:
                best, best_value = decision, value
        self.last_work = work.spent
        reasons = [
            *best.reasons,
            f"Looked {self.foresight.depth} turn(s) ahead over {tried} plan(s); "
            f"this one scored {best_value:.1f}.",
        ]
        return Decision(list(best.orders), reasons)

    # --- candidates -----------------------------------------------------------------------------

    def _candidates(self, view: SeatView, base: Decision, rng: Rng, work: Work) -> list[Decision]:
        """Up to `candidates` order sets, the likeliest to be good first: the instinct, the other
        doctrines' instincts, answers to proposals flipped and actions left out, holding back;
        each with the instinct's standing answers."""
        assert self.foresight is not None and view.seat is not None
        limit = self.foresight.candidates
        out = [base]
        seen = {tuple(base.orders)}

        attackers = set(force_used_against(view.state, view.seat))
        confronted = confronting(view.state, view.seat)

        def add(decision: Decision) -> None:
            decision = _standing_answers(decision, base, attackers, confronted)
            key = tuple(decision.orders)
            if key not in seen and len(out) < limit:
                seen.add(key)
                out.append(decision)

        own = self.doctrine or view.state.scenario.state(view.seat).doctrine
        for doctrine in DOCTRINES:
            if doctrine != own and len(out) < limit:
                work.spend(DECISION_WORK)
                add(
                    HeuristicPlayer(doctrine).decide(
                        view, Rng(derive_seed(rng.below(2**62), doctrine))
                    )
                )
        for i, order in enumerate(base.orders):
            flipped = _flip(order)
            if flipped is not None:
                add(
                    Decision(
                        [*base.orders[:i], flipped, *base.orders[i + 1 :]],
                        [*base.reasons, f"{order.label}: the opposite answer looked better"],
                    )
                )
            elif order.costs_action:
                add(
                    Decision(
                        [*base.orders[:i], *base.orders[i + 1 :]],
                        [r for j, r in enumerate(base.reasons) if j != i],
                    )
                )
        add(
            Decision(
                [o for o in base.orders if not o.costs_action],
                ["Holding back this turn looked wisest."],
            )
        )
        return out


class _Line:
    """One future: its dice, and the line of play the other states' orders are predicted on.

    The first candidate played (the instinct) lays the line down: at each simulated turn the
    states the seat deals with decide, by the rule of thumb, from their view of the line's state.
    Every later candidate meets the same predicted orders (and the same dice), except from the
    states its own orders name, who decide again on the candidate's own line."""

    def __init__(self, view: SeatView, stream: Rng, dealings: tuple[str, ...]):
        assert view.seat is not None
        self.seat, self.belief, self.dealings = view.seat, view.state, dealings
        self.stream = stream
        self.steps: list[_Step] = []  # per simulated turn, once laid down
        self.opponent = HeuristicPlayer()

    def cost(self, depth: int, named: int) -> int:
        """Work units of playing one candidate on this line (laying it down the first time)."""
        turns = min(depth, self.belief.scenario.turns - self.belief.turn + 1)
        if not self.steps:
            return (
                turns * (TURN_WORK + len(self.dealings) * DECISION_WORK)
                + (turns - 1) * DECISION_WORK
            )
        return turns * TURN_WORK + (turns - 1) * (1 + named) * DECISION_WORK

    def play(self, orders: list[Order], named: list[str], depth: int, instinct: Player) -> float:
        """The seat's utility after playing `orders` now and its instinct afterwards."""
        state = self.belief
        laying = not self.steps
        for d in range(depth):
            if state.finished:
                break
            if laying:
                self.steps.append(self._step(state))
            step = self.steps[d]
            given = dict(step.others)
            if d and not laying:
                for other in named:  # they answer this candidate's orders on its own line
                    given[other] = self._decide(self.opponent, state, other, step)
            given[self.seat] = (
                tuple(orders) if d == 0 else self._decide(instinct, state, self.seat, step)
            )
            state = play_turn(state, (), given, {}, _Dice(Rng(step.turn_seed))).state
        return utility(state, self.seat, self.belief)

    def _step(self, state: GameState) -> _Step:
        """A simulated turn's dice, and the predicted orders of the states the seat deals with."""
        seeds = {sid: self.stream.below(2**62) for sid in state.ids}
        turn_seed = self.stream.below(2**62)
        step = _Step({}, seeds, turn_seed)
        for other in self.dealings:
            step.others[other] = self._decide(self.opponent, state, other, step)
        return step

    @staticmethod
    def _decide(player: Player, state: GameState, seat: str, step: _Step) -> tuple[Order, ...]:
        return tuple(player.decide(view_for(state, seat), Rng(step.seeds[seat])).orders)


@dataclass
class _Step:
    others: dict[str, tuple[Order, ...]]  # the predicted orders of the states the seat deals with
    seeds: dict[str, int]  # each state's dice for its decision
    turn_seed: int  # the turn's own dice


class _Dice:
    """The dice of one simulated turn whose orders are all given: the turn's own generator."""

    def __init__(self, turn: Rng):
        self.turn = turn

    def for_seat(self, turn: int, seat: str) -> Rng:
        raise AssertionError("every order of a simulated turn is given")

    def for_turn(self, turn: int) -> Rng:
        return self.turn


def _named(orders: list[Order], belief: GameState) -> list[str]:
    """The states some of `orders` name (targets, recipients, those called on), in seat order."""
    ids = belief.scenario.state_index
    found: set[str] = set()
    for order in orders:
        for name in field_names(type(order)):
            value = getattr(order, name)
            for v in value if isinstance(value, tuple) else (value,):
                if isinstance(v, str) and v in ids:
                    found.add(v)
    return [sid for sid in belief.ids if sid in found]


def _dealings(belief: GameState, seat: str, candidates: list[Decision]) -> tuple[str, ...]:
    """The states the seat has dealings with, in seat order: whose orders the look-ahead
    predicts (see the module's docstring)."""
    found = set(_named([o for d in candidates for o in d.orders], belief))
    for other in belief.ids:
        if abs(belief.relation(seat, other)) >= FRIENDSHIP:
            found.add(other)
    for t in belief.active_treaties(member=seat):
        found.update(t.members)
    for w in belief.active_wars():
        if seat in w.side_a or seat in w.side_b:
            found.update(w.side_a + w.side_b)
    for d in belief.disputes:
        if d.ended_turn is None and seat in (d.initiator, d.target):
            found.update((d.initiator, d.target))
    for e in belief.sanctions:
        if e.ended_turn is None and (seat == e.target or seat in e.senders):
            found.update((e.target, *e.senders))
    for u in belief.ultimatums:
        if u.status == "pending" and seat in (u.issuer, u.target):
            found.update((u.issuer, u.target))
    for p in belief.proposals:
        if p.status == "open" and (seat == p.proposer or seat in p.recipients):
            found.update((p.proposer, *p.recipients))
    return tuple(sid for sid in belief.ids if sid in found and sid != seat)


def confronting(state: GameState, seat: str) -> set[str]:
    """The states in an open militarized dispute with `seat`, whoever began it."""
    return {
        d.target if d.initiator == seat else d.initiator
        for d in state.current("disputes")
        if d.ended_turn is None and seat in (d.initiator, d.target)
    }


def _standing_answers(
    decision: Decision,
    base: Decision,
    attackers: set[str],
    confronted: frozenset[str] | set[str] = frozenset(),
) -> Decision:
    """`decision` with the instinct's standing answers: to allies' calls, to force used against
    us (`attackers`), to coercion (sanctions aimed at us, ultimatums), its threats of sanctions,
    and its strikes in a confrontation already under way (against the `confronted`, see
    `confronting`). Each is judged on what the look-ahead cannot see. Honouring a call is a
    promise to fight if the clash becomes a war, a war that mostly comes later: within its few
    turns the look-ahead sees the points a kept promise earns at once and hardly ever the war, so
    it would keep every promise.
    Answering force with force (or standing firm) costs forces now and pays in deterrence
    later, so it would never answer; for the same reason it would break off every confrontation
    at the first strike it has to pay for, although backing down costs credibility and what
    pressing on wins (the demand conceded, the war won) comes after its two turns. Giving in or
    holding out turns on how much the government will bear rather than give the issue up, its
    own private reading (stakes.py `resolve`), not the scenario's public stakes the look-ahead
    scores. The instinct weighs those (answers.py
    `honour_chance`, `judge_ultimatum`; force.py `respond_to_force`; sanctions.py
    `concession_chance`): its answers stand in every plan (a concession it did not make is made
    in none), and the look-ahead chooses among the rest. For the same reason the instinct's
    threats of sanctions stand, and no plan adds one: whether a threat works turns on the
    target's private resolve, which the futures play on a guessed key, so a threat added where
    the futures show the target giving in is chosen on the guess's luck, and such threats
    succeeded far more often than threats do (sanctions.py `coerce` weighs the demand and the
    sender's credibility instead)."""

    def standing(order: Order) -> bool:
        return (
            isinstance(
                order, AnswerInvocation | AnswerUltimatum | ConcedeToSanctions | ThreatenSanctions
            )
            or (isinstance(order, Attack | MobilizeForces) and order.target in attackers)
            or (isinstance(order, Attack) and order.target in confronted)
        )

    answers = [(o, r) for o, r in _with_reasons(base) if standing(o)]
    if not answers and not any(standing(o) for o in decision.orders):
        return decision
    kept = [(o, r) for o, r in _with_reasons(decision) if not standing(o)]
    room = MAX_ACTIONS_PER_TURN - sum(o.costs_action for o, _ in answers)
    while sum(o.costs_action for o, _ in kept) > room:  # the plan's last actions make way
        last = max(i for i, (o, _) in enumerate(kept) if o.costs_action)
        del kept[last]
    return Decision(
        [*(o for o, _ in answers), *(o for o, _ in kept)],
        [
            *(r for _, r in (*answers, *kept) if r is not None),
            *decision.reasons[len(decision.orders) :],
        ],
    )


def _with_reasons(decision: Decision) -> list[tuple[Order, str | None]]:
    """Each order with its reason (None where a plan gave fewer reasons than orders)."""
    reasons = decision.reasons
    return [(o, reasons[i] if i < len(reasons) else None) for i, o in enumerate(decision.orders)]


def _flip(order: Order) -> Order | None:
    """The opposite answer to a proposal addressed to us (the other answers stand: see
    `_standing_answers`)."""
    from dataclasses import replace

    if isinstance(order, AnswerProposal):
        return replace(order, accept=not order.accept)
    return None
