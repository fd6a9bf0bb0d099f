"""Sanctions from both ends, as the computer plays them (the rules are in rules/sanctions.py).

As target: give in or hold out, comparing the cost of holding out (the measures' bite times how
long they are expected to last, discounted at the threat stage by the senders' credibility) with
how much the issue is worth (a private resolve drawn once per episode); hit back with
counter-sanctions; as a sender hit by those, lift our own when they cost more than they are worth.
As sender: threaten, carry out ignored threats, join others' measures, take resisted sanctions
to the Security Council.
"""

from __future__ import annotations

import math

from ..rng import Rng, derive_seed
from ..rules.organizations import TableResolution, council_members
from ..rules.sanctions import (
    EMPTY_THREAT_COST,
    ImposeSanctions,
    JoinSanctions,
    LiftSanctions,
    ThreatenSanctions,
    cost_level,
    pressure,
    sender_cost,
)
from .mind import Mind, logistic

# the target's resolve: how much the disputed issue is worth to it, in % of its GDP; lognormal,
# because most issues are worth little but some are worth almost any price
RESOLVE_MEDIAN = 0.85
RESOLVE_SPREAD = 0.7
VITAL_SHARE = 0.2  # share of demands that touch something the target holds vital
VITAL_FACTOR = 100.0
PLEDGE = 80.0  # points of a "never concede" objective that double the worth of resisting
DECISIVENESS = 6.0  # how sharply a target's choice follows the balance of cost and worth
SANCTIONS_HORIZON = 4  # turns a target expects sanctions to last if it holds out
PRESTIGE = 0.3  # how much the balance of power between target and senders weighs on the worth of not giving in
REACTANCE = 1.5  # imposed sanctions rally the target's public: the issue is worth more to it


def resolve_draw(seed: int, episode: str, target: str) -> float:
    """The target's private resolve for one sanctions episode, stable across turns: how much the
    demand is worth resisting, in % of its GDP. Most demands are ordinary (lognormal); some touch
    what the target's leaders hold vital (their rule, their territory), and no economic cost
    will move those."""
    rng = Rng(derive_seed(seed, "resolve", episode, target))
    u1, u2 = max(rng.random(), 1e-12), rng.random()
    z = math.sqrt(-2.0 * math.log(u1)) * math.cos(2 * math.pi * u2)
    worth = RESOLVE_MEDIAN * math.exp(RESOLVE_SPREAD * z)
    return worth * VITAL_FACTOR if rng.random() < VITAL_SHARE else worth


class SanctionsJudgements(Mind):
    # --- as target ----------------------------------------------------------------------------

    def judge_sanctions(self, e) -> tuple[bool, str]:
        p, why = self.concession_chance(e)
        return self.chance(p), why

    def concession_chance(self, e) -> tuple[float, str]:
        """Give in? Compare the cost of holding out with how much the issue is worth to us."""
        s, me = self.s, self.me
        per_turn = pressure(s, me, e.senders, e.measure, e.un_mandated)
        horizon = min(SANCTIONS_HORIZON, self.turns_left + 1)
        if e.stage == "threatened":
            cred = max(self.credibility(x) for x in e.senders) if e.senders else 0.5
            cred = min(0.95, cred + 0.05 * (len(e.senders) - 1))
        else:
            cred = 1.0
        pain = 1.0 + max(0.0, 45 - s.country(me).stability) / 45  # a shaky government feels it more
        expected = per_turn * horizon * cred * pain
        worth = resolve_draw(self.private_seed, e.id, me) * self.style["resolve"]
        worth *= 1 + self.points("never_conceded") / PLEDGE
        # bowing to a weaker sender costs prestige; a far stronger one can be obeyed without shame
        senders = sum(self.strength(x) for x in e.senders)
        worth *= (self.strength(me) / senders) ** PRESTIGE
        if e.stage == "imposed":
            worth *= REACTANCE  # giving in under open pressure is more humiliating than before it
        if any(self.at_war_with(x) for x in e.senders):
            worth *= 3  # no concessions to an enemy in war
        x = DECISIVENESS * (math.log(max(expected, 1e-6)) - math.log(worth))
        p = logistic(x)
        why = (
            f"holding out would cost about {expected:.1f}% of GDP ({cost_level(per_turn)} cost, credibility {cred:.2f}), "
            f"the issue is worth {worth:.1f}% to us"
        )
        return p, why

    def retaliate(self, e) -> None:
        """Counter-sanctions: hit back at the sender that needs our trade most."""
        s, me = self.s, self.me
        if self.turns_left < 1:
            return
        leverage = {x: sender_cost(s, x, me, "trade") for x in e.senders}
        sender = max(leverage, key=lambda x: leverage[x])
        if any(x.retaliation_for == e.id and x.stage == "imposed" for x in s.sanctions):
            return
        p = 0.1 + 0.4 * self.style["force"] + 0.6 * leverage[sender]
        if self.chance(min(0.8, p)):
            self.give(
                ImposeSanctions(me, target=sender, measure="trade"),
                f"hit back at {sender}, which sells us {leverage[sender]:.2f}% of its GDP a turn",
            )

    def judge_counter_sanctions(self, r) -> None:
        """Counter-sanctions against us: if our own sanctions now cost us more than they are worth,
        lift them (sender capitulation)."""
        s, me = self.s, self.me
        mine = next((e for e in s.sanctions if e.id == r.retaliation_for), None)
        if mine is None or mine.stage != "imposed" or me not in mine.senders:
            return
        own = sender_cost(s, me, mine.target, mine.measure) + pressure(s, me, r.senders, r.measure)
        p = logistic(
            2.0 * (own - 0.8)
            - 2.0 * self.points("sanctions_conceded", target=(mine.target,)) / 40
            - 1.0
        )
        if self.chance(p):
            self.give(
                LiftSanctions(me, episode=mine.id),
                f"the counter-sanctions make this cost us {own:.1f}% of GDP a turn",
            )

    # --- as sender ----------------------------------------------------------------------------

    def coerce(self, target: str, why: str) -> None:
        """Economic pressure on `target`: threaten first, carry the threat out if it is ignored
        (unless it would hurt us more than our credibility is worth), join others' measures."""
        s, me = self.s, self.me
        mine = next(
            (
                e
                for e in s.sanctions
                if e.target == target and me in e.senders and e.stage in ("threatened", "imposed")
            ),
            None,
        )
        if any(
            e.target == target and me in e.senders and e.stage == "conceded" for e in s.sanctions
        ):
            return
        if mine is None:
            if self.turns_left < 1:
                return  # too late for pressure to pay off
            others_ = next(
                (
                    e
                    for e in s.sanctions
                    if e.target == target
                    and e.stage in ("threatened", "imposed")
                    and e.retaliation_for is None
                ),
                None,
            )
            if others_ is not None and self.chance(0.5):
                self.give(JoinSanctions(me, episode=others_.id), why)
            elif self.chance(0.25 + 0.5 * self.style["sanction"]):
                measure = self.best_measure(target)
                if self.chance(0.12 * self.style["force"] + 0.05):
                    self.give(
                        ImposeSanctions(me, target=target, measure=measure), why + " (no warning)"
                    )
                else:
                    self.give(ThreatenSanctions(me, target=target, measure=measure), why)
        elif mine.stage == "threatened" and s.turn - (mine.threatened_turn or 0) >= 1:
            if self.turns_left < 1:
                return
            own = sender_cost(s, me, target, mine.measure)
            stake = EMPTY_THREAT_COST / 3 + self.points("sanctions_conceded", target=(target,)) / 25
            x = (
                1.2
                + 2.0 * (self.style["sanction"] - 0.5)
                + stake
                - 2.5 * own
                + min(0.0, self.rel(target) + 20) / 40
            )
            if self.chance(logistic(x)):
                self.give(
                    ImposeSanctions(me, target=target, measure=mine.measure),
                    why + " (the threat was ignored)",
                )
        elif mine.stage == "imposed":
            own = sender_cost(s, me, target, mine.measure)
            if own > 0.6 and self.chance(0.15 * own):
                self.give(
                    LiftSanctions(me, episode=mine.id),
                    f"the sanctions cost us {own:.1f}% of GDP a turn",
                )

    def best_measure(self, target: str) -> str:
        """Trade cuts bite hardest but cost the sender most; an asset freeze is cheap."""
        own = sender_cost(self.s, self.me, target, "trade")
        return "trade" if own < 0.4 else ("financial" if own < 0.8 else "assets")

    def follow_up_sanctions(self) -> None:
        """Our threats and sanctions in play: carry out ignored threats, take resisted sanctions
        to the Security Council, join others' measures against our rivals."""
        s, me = self.s, self.me
        for e in s.sanctions:
            if e.retaliation_for is not None or e.stage not in ("threatened", "imposed"):
                continue
            if me in e.senders:
                if e.stage == "threatened" or self.chance(0.5):
                    self.coerce(e.target, f"keep the pressure on {e.target}")
                if (
                    e.stage == "imposed"
                    and me in council_members(s)
                    and self.style["institutions"] >= 0.5
                    and not e.un_mandated
                    and not any(
                        d.kind == "sanction" and d.target == e.target and d.status == "tabled"
                        for d in s.drafts
                    )
                    and self.chance(0.35)
                ):
                    self.give(
                        TableResolution(me, resolution="sanction", target=e.target),
                        f"make the sanctions on {e.target} universal",
                    )
            elif me != e.target and self.turns_left >= 1:
                hostile = self.rel(e.target) < -15
                friends = sum(1 for x in e.senders if self.rel(x) > 30)
                x = (
                    -2.5
                    + 1.5 * hostile
                    + 0.6 * friends
                    + 1.5 * (self.style["sanction"] - 0.4)
                    - 3.0 * sender_cost(s, me, e.target, e.measure)
                )
                x += (
                    1.0
                    * (self.style["institutions"] - 0.5)
                    * any(d.initiator == e.target and d.rung >= 4 for d in s.disputes)
                )
                if self.chance(logistic(x)):
                    self.give(
                        JoinSanctions(me, episode=e.id),
                        f"stand with {', '.join(e.senders)} against {e.target}",
                    )
