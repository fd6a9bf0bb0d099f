"""Force: answering it (fight back, stand firm, or call for a ceasefire), calling on allies,
judging a war's prospects, and deterrence (how the target's friends weigh on an attacker).
"""

from __future__ import annotations

import math

from ..enums import Rung
from ..rules.agreements import ProposeAgreement
from ..rules.alliances import InvokeAlliance
from ..rules.military import Attack, MobilizeForces
from ..rules.organizations import RegionalAppeal, TableResolution, council_members
from ..rules.war import FRONT_STEP, battle_odds, side_strength
from .mind import Mind, logistic


def force_used_against(state, victim: str) -> dict[str, bool]:
    """Every state that has used force against `victim`, and whether `victim` was the defender:
    `alliances.attacked_by` for every other state at once, from one pass over the active wars
    and the disputes (the first war, else the first dispute, decides, as there)."""
    found: dict[str, bool] = {}
    for w in state.active_wars():
        if victim in w.side_b:
            for aggressor in w.side_a:
                found.setdefault(aggressor, True)
        elif victim in w.side_a:
            for aggressor in w.side_b:
                found.setdefault(aggressor, False)
    for d in state.current("disputes"):
        if d.ended_turn is None and d.rung >= Rung.LIMITED_FORCE:
            if d.initiator == victim:
                found.setdefault(d.target, False)
            elif d.target == victim:
                found.setdefault(d.initiator, True)
    return found


class ForceJudgements(Mind):
    def respond_to_force(self) -> None:
        s, me = self.s, self.me
        attackers = force_used_against(s, me)
        for other in s.ids:
            if other == me or other not in attackers:
                continue
            defending = attackers[other]
            need = s.at_war(me, other) or self.strength(other) > 0.5 * self.strength(me)
            for t in s.active_treaties(member=me):
                if need and t.kind in ("alliance", "defense_pact") and other not in t.members:
                    if not any(
                        i.treaty_id == t.id and i.against == other and i.invoker == me
                        for i in s.invocations
                    ):
                        self.give(
                            InvokeAlliance(me, treaty=t.id, against=other),
                            f"{self.name(other)} used force against us",
                        )
            ours = self.strength(me) + self.allies_in_field(other)
            ratio = ours / self.strength(other)
            if s.at_war(me, other):
                war = next(
                    w
                    for w in s.active_wars()
                    if other in w.side_a + w.side_b and me in w.side_a + w.side_b
                )
                win = self.war_prospects(war)
                weary = s.country(me).stability < 30
                if win < 0.4 or weary or self.chance(0.2 * self.style["talk"]):
                    self.give(
                        ProposeAgreement(me, to=(other,), treaty="ceasefire"),
                        f"our chance of winning is {win:.0%}",
                    )
                self.give(Attack(me, target=other), "we are at war")
                continue
            if not defending:
                continue  # we started this; our own plans decide what comes next
            again = any(
                d.initiator == other
                and d.target == me
                and d.last_force is not None
                and d.last_force < s.turn - 1
                and d.ended_turn is None
                for d in self.current("disputes")
            )
            p_fight = logistic(
                0.9 * math.log(ratio)
                + 3.0 * (self.style["force"] - 0.35)
                - 0.8 * self.war_aversion(other)
                + (0.8 if again else 0.0)
                - 0.3
            )
            if self.chance(p_fight):
                self.give(
                    Attack(me, target=other),
                    f"answer force with force (strength ratio {ratio:.1f} with allies counted)",
                )
            elif self.chance((0.5 + 0.3 * self.style["force"]) * self.backing(other)):
                self.give(MobilizeForces(me, target=other), "stand firm without firing back")
                self.give(
                    ProposeAgreement(me, to=(other,), treaty="ceasefire"), "contain the clash"
                )
            else:
                self.give(
                    ProposeAgreement(me, to=(other,), treaty="ceasefire"), "contain the clash"
                )
                self.appeal(other, "condemn the use of force against us")

    def backing(self, other: str) -> float:
        """How far our forces, our allies' expected help counted, could back a show of force
        against `other` (1 at parity or better): standing firm before a far stronger state does
        not deter it, it only makes the clash a mutual one, the kind that becomes war (MID 5.0:
        wars come almost only from reciprocated disputes)."""
        backed = self.strength(self.me) + max(
            self.allies_in_field(other), self.support(self.me, other)
        )
        return min(1.0, backed / self.strength(other))

    def war_prospects(self, war) -> float:
        """Our chance of winning the war from here: the battle odds of the two coalitions and
        the front (two more won battles than lost decide it)."""
        ours, theirs = (
            (war.side_a, war.side_b) if self.me in war.side_a else (war.side_b, war.side_a)
        )
        p = battle_odds(side_strength(self.s, ours, theirs), side_strength(self.s, theirs, ours))
        q = 1 - p
        p0 = p * p / (p * p + q * q)
        lead = (war.front if self.me in war.side_a else -war.front) / FRONT_STEP
        if lead >= 1:
            return p + q * p0
        if lead <= -1:
            return p * p0
        return p0

    def allies_in_field(self, aggressor: str) -> float:
        """Allies who have already honoured our call against this aggressor."""
        total = 0.0
        for inv in self.s.invocations:
            if inv.invoker == self.me and inv.against == aggressor:
                total += sum(self.strength(a) for a in inv.honoured_by)
        return total

    def appeal(self, target: str, why: str) -> None:
        s, me = self.s, self.me
        for org in s.scenario.organizations.regional:
            if me in org.members and target in org.members:
                self.give(RegionalAppeal(me, organization=org.id, target=target), why)
                return
        if me in council_members(s) and not any(
            d.status == "tabled" and d.kind == "condemn" and d.target == target
            for d in self.current("drafts")
        ):
            self.give(TableResolution(me, resolution="condemn", target=target), why)

    def attack_appeal(self, target: str) -> float:
        """How attractive striking `target` is: our strength against its own and its friends'
        expected help (deterrence), less the dangers and our own promises of peace. Worked out
        once a decision for each target (the doctrine weighs every rival, then the chosen one)."""
        found = self._appeals.get(target)
        if found is None:
            theirs = self.strength(target) + self.support(target, self.me)
            edge = self.strength(self.me) / theirs
            nuclear = self.s.scenario.state(target).nuclear
            found = self._appeals[target] = (
                math.log(edge)
                - (1.5 if nuclear else 0.0)
                - 1.2 * self.war_aversion(target)
                - 0.3 * self.points("escalation_at_most") / 25
            )
        return found
