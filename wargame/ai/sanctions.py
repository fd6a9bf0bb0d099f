"""Sanctions from both ends, as the computer plays them (the rules are in rules/sanctions.py).

As target: give in or hold out, comparing what holding out would cost a turn (the measures' bite,
discounted at the threat stage by the senders' credibility, felt more by a shaky government and
by a democracy's voters, less when a great power friend stands by) with what giving in would cost
(the issue's worth to us, read through our relations with the senders: see stakes.py); hit back
with counter-sanctions; as a sender hit by those, lift our own when they cost more than they are
worth. As sender: weigh our prospects (the target's answer as we can reckon it from our view: see
`prospect`), threaten (naming what we demand) only where they are fair, carry out ignored
threats, join others' measures, take resisted sanctions to the Security Council.
"""

from __future__ import annotations

import math
from statistics import NormalDist

from ..enums import DEFENSIVE_KINDS, Regime
from ..rng import Rng
from ..rules.organizations import TableResolution, council_members
from ..rules.sanctions import (
    MEASURE_NOUNS,
    ImposeSanctions,
    JoinSanctions,
    LiftSanctions,
    ThreatenSanctions,
    cost_level,
    empty_threat_cost,
    pressure,
    sender_cost,
)
from ..state import SanctionsEpisode
from .mind import logistic, per_scenario
from .stakes import VITAL_FACTOR, WORTH_NOISE, StakeJudgements
from .styles import STYLE

PLEDGE = 80.0  # points of a "never concede" objective that double the worth of resisting
DECISIVENESS = 9.0  # how sharply a target's choice follows the balance of cost and worth
# how much the balance of power between target and senders weighs on the worth of not giving
# in: bowing to a weaker sender costs prestige
PRESTIGE = 0.3
REACTANCE = 1.3  # imposed sanctions rally the target's public: the issue is worth more to it
# a target adjusts to sanctions in force (substitutes, smugglers, new markets): their felt cost
# shrinks by this factor each turn after the first (Hufbauer et al. 2007: success falls with
# duration) (tuned): imposition_concession, imposed_success
ADAPTATION = 0.8
# objective points riding on a demand per unit of weight in the decision to carry out a threat
# (tuned): threat_not_imposed
DEMAND_POINTS = 50.0
# a sender's leaning to carry out an ignored threat, before its costs and stakes (tuned):
# threat_not_imposed, imposed_success
IMPOSE_BIAS = -0.3
JOIN_CHANCE = 0.5  # a sender joins others pressing the same demand rather than go alone (tuned)
PRIVATE_DISCOUNT = 0.8  # a private threat ties no hands at home: it is believed less (tuned)
PRIVATE_THREATS = 0.3  # times the talk style: how often a computer sender warns in private (tuned)
# reputation and stability an empty threat would cost, per unit of weight in the sender's
# decision to carry it out (tuned): threat_not_imposed
LAPSE_SCALE = 6.0
# how hard a regime feels economic pain: voters punish it, a narrow regime passes it on to its
# people (Brooks 2002, Allen 2005) (tuned)
REGIME_PAIN = {Regime.DEMOCRACY: 1.15, Regime.HYBRID: 1.0, Regime.AUTOCRACY: 0.85}
# a great power friend of the target outside the senders (relations at least this) offsets part
# of the pain: trade and credit from a "black knight" (Early 2015, "Busted Sanctions") (tuned)
BLACK_KNIGHT_FRIEND = 30.0
BLACK_KNIGHT = 0.7
# a sender weighs its prospects before it starts pressure (Drezner 2003, Morgan & Schwebach
# 1997: senders choose coercion where they expect it to work): it reckons the chance the target
# would give in to a public threat from what it knows of the target (its public stakes, its
# relations, the measure's bite) and presses no demand it expects to be conceded less often than
# this (tuned): threat_concession, imposed_success, success_minor/major/severe (0.2 until rules
# edition 9, when vital demands became worth less: fewer demands read as hopeless)
HOPELESS = 0.15
_STANDARD_NORMAL = NormalDist()  # the sender's reckoning is in closed form (see `prospect`)


class SanctionsJudgements(StakeJudgements):
    # --- as target ----------------------------------------------------------------------------

    def judge_sanctions(self, e) -> tuple[bool, str]:
        p, why = self.concession_chance(e)
        give_in = self.chance(p)
        return give_in, f"{'gave in' if give_in else 'held out'} on {why}"

    def black_knight(self, senders: tuple[str, ...]) -> str | None:
        """A great power friend that is not among the senders and can soften the blow."""
        for other in per_scenario(self.s.scenario, "great powers", _great_powers):
            if other != self.me and other not in senders and self.rel(other) >= BLACK_KNIGHT_FRIEND:
                return other
        return None

    def felt_cost(self, per_turn: float, senders: tuple[str, ...]) -> float:
        """What sanctions biting `per_turn` % of GDP would cost us a turn as we feel it."""
        regime = self.s.scenario.state(self.me).regime
        knight = BLACK_KNIGHT if self.black_knight(senders) is not None else 1.0
        shaky = 1.0 + max(0.0, 45 - self.s.country(self.me).stability) / 45
        return per_turn * REGIME_PAIN[regime] * knight * shaky  # (a Regime is its name)

    def concession_chance(self, e: SanctionsEpisode) -> tuple[float, str]:
        """Give in? What holding out would cost a turn against what giving in would cost."""
        resolve = self.resolve(e.issue, e.demand, e.senders, e.id)
        expected, worth, per_turn, cred = self.concession_balance(e, resolve)
        p = logistic(DECISIVENESS * (math.log(max(expected, 1e-6)) - math.log(worth)))
        threat = "the threatened " if e.stage == "threatened" else "the "
        why = (
            f"{self.issue_name(e.issue)}: giving in would cost us about {worth:.1f}% of GDP a "
            f"turn, {threat}{MEASURE_NOUNS[e.measure]} {per_turn:.1f}% ({cost_level(per_turn)} "
            f"cost; credibility {cred:.2f})"
        )
        return p, why

    def concession_balance(
        self, e: SanctionsEpisode, resolve: float
    ) -> tuple[float, float, float, float]:
        """What holding out would cost us a turn as we feel it, and what giving in would cost
        (from our `resolve` on the demand): (expected cost, worth, the measures' bite,
        credibility)."""
        s, me = self.s, self.me
        per_turn = pressure(s, me, e.senders, e.measure, e.un_mandated)
        if e.stage == "threatened":
            cred = max(self.credibility(x) for x in e.senders) if e.senders else 0.5
            cred = min(0.95, cred + 0.05 * (len(e.senders) - 1))
            cred *= 1.0 if e.public else PRIVATE_DISCOUNT
        else:
            cred = 1.0
        expected = self.felt_cost(per_turn, e.senders) * cred
        if e.imposed_turn is not None:  # the economy adjusts to sanctions already in force
            expected *= ADAPTATION ** max(0, s.turn - e.imposed_turn - 1)
        worth = resolve * self.style["resolve"]
        worth *= 1 + self.points("never_conceded") / PLEDGE
        # bowing to a weaker sender costs prestige; a far stronger one can be obeyed without shame
        senders = sum(self.strength(x) for x in e.senders)
        worth *= (self.strength(me) / senders) ** PRESTIGE
        if e.stage == "imposed":
            worth *= REACTANCE  # giving in under open pressure is more humiliating than before it
        if any(self.at_war_with(x) for x in e.senders):
            worth *= 3  # no concessions to an enemy in war
        return expected, worth, per_turn, cred

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
                f"hit back at {self.s.name(sender)}, which sells us {leverage[sender]:.2f}% of "
                "its GDP a turn",
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

    def coerce(self, target: str, why: str, demand: tuple[str, str] | None = None) -> None:
        """Economic pressure on `target` for a demand (ours by default: the issue it decides we
        most want changed): threaten first, carry the threat out if it is ignored (unless it
        would hurt us more than our credibility and the demand are worth), join others'
        measures pressing the same demand."""
        s, me = self.s, self.me
        mine = next(
            (
                e
                for e in s.sanctions
                if e.target == target and me in e.senders and e.stage in ("threatened", "imposed")
            ),
            None,
        )
        if mine is None:
            if self.turns_left < 1:
                return  # too late for pressure to pay off
            if demand is None:
                best = self.hopeful_demand(target)
                if best is None:
                    return  # nothing we want of it that pressure could win
                demand = best
            elif self.prospect(target, *demand) < HOPELESS:
                self.note(
                    f"{self.name(target)} would not give in on {self.issue_name(demand[0])} "
                    "to sanctions, as we read it: no threat"
                )
                return
            issue, status = demand
            others_ = next(
                (
                    e
                    for e in s.sanctions
                    if e.target == target
                    and e.stage in ("threatened", "imposed")
                    and e.retaliation_for is None
                    and (e.issue or "") == issue
                    and (e.demand or "") == status
                ),
                None,
            )
            what = f"{why}: {self.issue_name(issue)}"
            if others_ is not None and self.chance(JOIN_CHANCE):  # a coalition bites harder
                self.give(JoinSanctions(me, episode=others_.id), what)
            elif self.chance(0.25 + 0.5 * self.style["sanction"]):
                measure = self.best_measure(target)
                if self.chance(0.12 * self.style["force"] + 0.05):
                    self.give(
                        ImposeSanctions(me, target, measure, issue=issue, status=status),
                        what + " (no warning)",
                    )
                else:
                    public = not self.chance(PRIVATE_THREATS * self.style["talk"])
                    self.give(
                        ThreatenSanctions(
                            me, target, measure, issue=issue, status=status, public=public
                        ),
                        what + ("" if public else " (a private warning)"),
                    )
        elif mine.stage == "threatened" and s.turn - (mine.threatened_turn or 0) >= 1:
            if self.turns_left < 1:
                return
            own = sender_cost(s, me, target, mine.measure)
            reputation, stability = empty_threat_cost(s, me, mine)
            stake = (
                (reputation + stability) / LAPSE_SCALE
                + self.demand_weight(mine.issue, mine.demand)
                + self.points("sanctions_conceded", target=(target,)) / 25
            )
            x = (
                IMPOSE_BIAS
                + 2.0 * (self.style["sanction"] - 0.5)
                + stake
                - 2.5 * own
                + min(0.0, self.rel(target) + 20) / 40
            )
            if self.chance(logistic(x)):
                self.give(
                    ImposeSanctions(me, target=target, measure=mine.measure),
                    f"{why}: {self.issue_name(mine.issue)} (the threat was ignored)",
                )
        elif mine.stage == "imposed":
            own = sender_cost(s, me, target, mine.measure)
            if own > 0.6 and self.chance(0.15 * own):
                self.give(
                    LiftSanctions(me, episode=mine.id),
                    f"the sanctions cost us {own:.1f}% of GDP a turn, more than "
                    f"{self.issue_name(mine.issue)} is worth to us",
                )

    def hopeful_demand(self, target: str) -> tuple[str, str] | None:
        """The demand most worth pressing on `target` among those it might give in to (ours, best
        first; a blanket demand in a scenario without issues); None when it would concede none."""
        if not self.s.scenario.issues:
            candidates = [("", "")]
        else:
            candidates = [d[:2] for d in self.demands_on(target)]
        return next((d for d in candidates if self.prospect(target, *d) >= HOPELESS), None)

    def prospect(self, target: str, issue: str, status: str) -> float:
        """The chance, as we reckon it, that `target` gives in to our public threat of the measure
        we would choose: its own rule of thumb (`concession_chance`) read from our view (its
        public stakes and style), averaged over the private readings we cannot see (its noise,
        and whether it holds the demand non-negotiable). Worked out once a decision for each
        demand (objectives, the doctrine and follow-ups ask for the same ones)."""
        key = (target, issue, status)
        found = self._prospects.get(key)
        if found is None:
            found = self._prospects[key] = self._reckon_prospect(target, issue, status)
        return found

    def _reckon_prospect(self, target: str, issue: str, status: str) -> float:
        s = self.s
        measure = self.best_measure(target)
        threat = SanctionsEpisode(
            "prospect",
            (self.me,),
            target,
            measure,
            threatened_turn=s.turn,
            stake=pressure(s, target, (self.me,), measure),
            issue=issue or None,
            demand=status or None,
        )
        theirs = self._their_mind(target)
        public, vital = theirs.public_resolve(threat.issue, threat.demand, threat.senders)
        expected, worth, _, _ = theirs.concession_balance(threat, public)
        margin = math.log(max(expected, 1e-6)) - math.log(worth)
        # the private reading is lognormal (WORTH_NOISE) and the choice a logistic of slope
        # DECISIVENESS (a normal of sd 1.7 / DECISIVENESS): their sum is normal
        spread = math.hypot(WORTH_NOISE, 1.702 / DECISIVENESS)
        return (1 - vital) * _STANDARD_NORMAL.cdf(margin / spread) + vital * _STANDARD_NORMAL.cdf(
            (margin - math.log(VITAL_FACTOR)) / spread
        )

    def _their_mind(self, target: str) -> SanctionsJudgements:
        """`target` as we reckon it thinks (its style as we see it), made once a decision: the
        readings it works out for one of our demands serve the next. It reads the same state,
        so it shares the readings that do not depend on whose they are."""
        theirs = self._minds.get(target)
        if theirs is None:
            s = self.s
            theirs = type(self)(s, target, STYLE[s.scenario.state(target).doctrine], Rng(0))
            theirs._strengths = self._strengths
            theirs._credibility = self._credibility
            self._minds[target] = theirs
        return theirs

    def demand_weight(self, issue: str | None, status: str | None) -> float:
        """How much a demand matters to us, on the scale of a sender's decision to act on it:
        the objective points riding on it."""
        if issue is None or status is None:
            return 0.0
        return self.objective_points_on(issue, status) / DEMAND_POINTS

    def best_measure(self, target: str) -> str:
        """Trade cuts bite hardest but cost the sender most; an asset freeze is cheap."""
        own = sender_cost(self.s, self.me, target, "trade")
        return "trade" if own < 0.4 else ("financial" if own < 0.8 else "assets")

    def may_join(self, e: SanctionsEpisode) -> bool:
        """Could we join these sanctions at all? Not on a state we are bound to defend (an
        alliance or a defense pact in force), and not for a demand we would lose by."""
        sworn = any(
            e.target in t.members and t.kind in DEFENSIVE_KINDS
            for t in self.s.active_treaties(member=self.me)
        )
        opposed = bool(e.issue and e.demand) and self.loss_if(e.issue, e.demand) > 0
        return not sworn and not opposed

    def follow_up_sanctions(self) -> None:
        """Our threats and sanctions in play: carry out ignored threats, take resisted sanctions
        to the Security Council, join others' measures against our rivals."""
        s, me = self.s, self.me
        for e in self.current("sanctions"):
            if e.retaliation_for is not None or e.stage not in ("threatened", "imposed"):
                continue
            if me in e.senders:
                if e.stage == "threatened" or self.chance(0.5):
                    demand = (e.issue, e.demand) if e.issue and e.demand else None
                    self.coerce(e.target, f"keep the pressure on {s.name(e.target)}", demand)
                if (
                    e.stage == "imposed"
                    and me in council_members(s)
                    and self.style["institutions"] >= 0.5
                    and not e.un_mandated
                    and not any(
                        d.kind == "sanction" and d.target == e.target and d.status == "tabled"
                        for d in self.current("drafts")
                    )
                    and self.chance(0.35)
                ):
                    self.give(
                        TableResolution(me, resolution="sanction", target=e.target),
                        f"make the sanctions on {s.name(e.target)} universal",
                    )
            elif me != e.target and self.turns_left >= 1 and self.may_join(e):
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
                        f"stand with {', '.join(s.name(x) for x in e.senders)} against "
                        f"{s.name(e.target)} on {self.issue_name(e.issue)}",
                    )


def _great_powers(scenario) -> tuple[str, ...]:
    """The great powers, in seat order."""
    return tuple(spec.id for spec in scenario.states if spec.great_power)
