"""Scripted tournament entrants: degenerate strategies kept as standing tests.

Each plays one simple idea to the end, choosing only among the seat's legal orders (so it follows
the rules as they change). A sound game rewards none of them over the normal computer player in
the same seat: `wargame tournament` reports each one's score against normal, paired by crisis and
seat, with a 95% interval.

- nothing: gives no order at all, not even an answer;
- propose-everything: proposes every treaty it can to everyone and accepts every proposal and
  offer of mediation addressed to it (treaty farming);
- threaten-everyone: threatens sanctions and issues ultimatums to every state, never carries
  anything out;
- sign-and-break: accepts and proposes treaties, then breaks each one a turn after it is signed;
- attack-the-weakest: uses force every turn against the state it believes weakest, and builds up;
- spam-the-council: tables every draft resolution it can and votes yes on every draft;
- free-soft-power: spends every action on public diplomacy, cultural exchanges and aid.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..enums import Vote
from ..legality import MAX_ACTIONS_PER_TURN, legal_orders
from ..moves import Order
from ..players import Decision
from ..rng import Rng
from ..view import SeatView


class Scripted:
    """A scripted strategy: `choose` picks from the seat's legal orders."""

    name = "scripted"

    def decide(self, view: SeatView, rng: Rng) -> Decision:
        assert view.seat is not None
        plan = _Plan(legal_orders(view.state, view.seat), rng)
        self.choose(view, plan)
        return plan.decision

    def choose(self, view: SeatView, plan: _Plan) -> None:
        raise NotImplementedError


class _Plan:
    """The orders chosen so far, within the action limit, each with its reason."""

    def __init__(self, options: list[Order], rng: Rng):
        self.options = options
        self.rng = rng
        self.decision = Decision()
        self.actions = 0

    def of(self, *kinds: str) -> list[Order]:
        """Legal orders of these kinds, in a random order (the seat's own generator)."""
        found = [o for o in self.options if o.kind in kinds]
        return [found.pop(self.rng.below(len(found))) for _ in range(len(found))]

    def give(self, orders: Iterable[Order], reason: str) -> None:
        for order in orders:
            if order in self.decision.orders:
                continue
            if order.costs_action:
                if self.actions >= MAX_ACTIONS_PER_TURN:
                    continue
                self.actions += 1
            self.decision.orders.append(order)
            self.decision.reasons.append(reason)

    def answer_all(self, kind: str, yes: object = True) -> None:
        """Answer everything of this kind with `yes` in its choice field, once per item."""
        answered: set[str] = set()
        for order in self.of(kind):
            answer = order.move.answer
            if answer is None or answer.choice is None:
                continue
            ref = getattr(order, answer.ref)
            if ref in answered or getattr(order, answer.choice) != yes:
                continue
            answered.add(ref)
            self.give([order], "says yes to everything")


def _one_per_target(orders: list[Order]) -> list[Order]:
    """The orders with targets none of the earlier ones had: spread over the states."""
    seen: set[tuple[str, ...]] = set()
    out = []
    for order in orders:
        if order.targets() not in seen:
            seen.add(order.targets())
            out.append(order)
    return out


class Nothing(Scripted):
    name = "nothing"

    def choose(self, view: SeatView, plan: _Plan) -> None:
        pass


class ProposeEverything(Scripted):
    name = "propose-everything"

    def choose(self, view: SeatView, plan: _Plan) -> None:
        plan.answer_all("AnswerProposal")
        plan.answer_all("AnswerMediation")
        plan.give(_one_per_target(plan.of("ProposeAgreement")), "proposes every treaty")
        plan.give(plan.of("ProposeAgreement"), "proposes every treaty")


class ThreatenEveryone(Scripted):
    name = "threaten-everyone"

    def choose(self, view: SeatView, plan: _Plan) -> None:
        threats = plan.of("ThreatenSanctions", "IssueUltimatum")
        plan.give(_one_per_target(threats), "threatens everyone")
        plan.give(threats, "threatens everyone")


class SignAndBreak(Scripted):
    name = "sign-and-break"

    def choose(self, view: SeatView, plan: _Plan) -> None:
        me, state = view.seat, view.state
        # treaties it signed in this game, in an earlier turn
        old = {t.id for t in state.treaties if me in t.members and 1 <= t.signed_turn < state.turn}
        plan.give(
            [o for o in plan.of("BreakTreaty") if getattr(o, "treaty", None) in old],
            "breaks a treaty it signed",
        )
        plan.answer_all("AnswerProposal")
        plan.give(_one_per_target(plan.of("ProposeAgreement")), "signs whatever it can")


class AttackTheWeakest(Scripted):
    name = "attack-the-weakest"

    def choose(self, view: SeatView, plan: _Plan) -> None:
        state = view.state
        strength = {c.id: c.military for c in state.countries if c.id != view.seat}
        attacks = sorted(plan.of("Attack"), key=lambda o: strength.get(o.targets()[0], 0.0))
        plan.give(attacks[:1], "attacks the weakest state")
        plan.give(plan.of("BuildUp"), "builds up")


class SpamTheCouncil(Scripted):
    name = "spam-the-council"

    def choose(self, view: SeatView, plan: _Plan) -> None:
        plan.answer_all("CastVote", Vote.YES)
        plan.give(plan.of("TableResolution"), "tables every draft it can")


class FreeSoftPower(Scripted):
    name = "free-soft-power"

    def choose(self, view: SeatView, plan: _Plan) -> None:
        soft = plan.of("PublicDiplomacy", "CulturalExchange", "SendAid")
        plan.give(_one_per_target(soft), "wins hearts everywhere")
        plan.give(soft, "wins hearts everywhere")


ENTRANTS: dict[str, type[Scripted]] = {
    cls.name: cls
    for cls in (
        Nothing,
        ProposeEverything,
        ThreatenEveryone,
        SignAndBreak,
        AttackTheWeakest,
        SpamTheCouncil,
        FreeSoftPower,
    )
}
