"""Work on the state's scenario objectives: coerce, protect a population, propose the treaty
it wants, go to war, court opinion, build arms, table the resolution it needs.
"""

from __future__ import annotations

from ..rules.agreements import ProposeAgreement
from ..rules.arms_control import CheatOnArmsControl
from ..rules.humanitarian import Intervene
from ..rules.military import Attack, BuildUp, MobilizeForces
from ..rules.organizations import TableResolution, council_members
from ..rules.power import defenders
from ..rules.soft_power import CulturalExchange, PublicDiplomacy, SendAid
from .force import ForceJudgements
from .mind import logistic
from .sanctions import SanctionsJudgements


class ObjectiveMoves(SanctionsJudgements, ForceJudgements):
    def pursue_objectives(self) -> None:
        s, me = self.s, self.me
        for obj in s.scenario.state(me).objectives:
            c = obj.condition
            if c.type == "sanctions_conceded":
                self.coerce(c.target, f"objective: {obj.text}")
            elif c.type == "population_protected":
                self.protect(c.population, f"objective: {obj.text}")
            elif c.type == "treaty_with":
                if not any(c.with_ in t.members for t in s.active_treaties(member=me, kind=c.kind)):
                    if not any(
                        p.proposer == me and p.status == "open" and c.with_ in p.recipients
                        for p in s.proposals
                    ) and self.chance(0.6):
                        self.give(
                            ProposeAgreement(me, to=(c.with_,), treaty=c.kind),
                            f"objective: {obj.text}",
                        )
            elif c.type == "win_war":
                self.seek_war(c.against, f"objective: {obj.text}")
            elif (
                c.type == "relations_at_least" and self.rel(c.with_) < c.value and self.chance(0.6)
            ):
                if self.chance(0.5):
                    self.give(PublicDiplomacy(me, target=c.with_), f"objective: {obj.text}")
                else:
                    self.give(CulturalExchange(me, target=c.with_), f"objective: {obj.text}")
            elif (
                c.type == "attribute_at_least"
                and c.attribute == "military"
                and (c.state or me) == me
            ):
                if s.country(me).military < c.value and self.chance(0.5):
                    cheat = next(
                        (t for t in s.active_treaties(member=me, kind="arms_control")), None
                    )
                    if cheat is not None and self.style["force"] > 0.5:
                        self.give(CheatOnArmsControl(me, treaty=cheat.id), f"objective: {obj.text}")
                    elif cheat is None:
                        self.give(BuildUp(me), f"objective: {obj.text}")
            elif c.type == "resolution_passed" and self.chance(0.5):
                if me in council_members(s) and not any(
                    d.kind == c.kind and d.status == "tabled" for d in s.drafts
                ):
                    target = c.target or (self.rivals() or [None])[0]
                    if target:
                        pop = (
                            next((p.id for p in s.populations if p.in_state == target), "")
                            if c.kind == "peacekeeping"
                            else ""
                        )
                        if c.kind != "peacekeeping" or pop:
                            self.give(
                                TableResolution(
                                    me, resolution=c.kind, target=target, population=pop
                                ),
                                f"objective: {obj.text}",
                            )

    def seek_war(self, target: str, why: str) -> None:
        """A war aim: pressure first (shows of force, an ultimatum), then force when the balance,
        the target's friends counted, looks good enough."""
        s, me = self.s, self.me
        if s.at_war(me, target) or self.turns_left < 1:
            return
        appeal = self.attack_appeal(target)
        if self.chance(0.5 * logistic(3.0 * appeal + 2.0 * (self.style["force"] - 0.5))):
            self.give(
                Attack(me, target=target),
                why + f" (the balance, its friends counted: {appeal:+.2f})",
            )
        elif self.chance(0.5):
            self.give(MobilizeForces(me, target=target), why)

    def protect(self, population_id: str, why: str) -> None:
        s, me = self.s, self.me
        pop = next(p for p in s.populations if p.id == population_id)
        if s.turn < pop.active_from or me in pop.protected_by:
            return
        authorized = any(
            d.status == "adopted" and d.kind in ("peacekeeping", "authorize_force")
            for d in s.drafts
        )
        if me in council_members(s) and not any(
            d.kind == "peacekeeping" and d.population == pop.id for d in s.drafts
        ):
            self.give(
                TableResolution(
                    me, resolution="peacekeeping", target=pop.in_state, population=pop.id
                ),
                why,
            )
            return
        # intervene only with a fair chance of success and a risk of war we can carry
        opponent = pop.perpetrator or pop.in_state
        mine, theirs = s.country(me).military, max(1.0, s.country(opponent).military)
        success = 0.35 + 0.3 * mine / (mine + theirs) + (0.15 if authorized else 0.0)
        danger = self.war_aversion(opponent) + (1.0 if s.scenario.state(opponent).nuclear else 0.0)
        danger += sum(self.strength(a) for a, _ in defenders(s, opponent, me)) / self.strength(me)
        x = (
            4.0 * (success - 0.55)
            + 2.0 * self.style["force"]
            - 1.2 * danger
            + (0.6 if authorized else -0.8)
            - 2.0
        )
        x -= 1.0 if pop.peacekeepers else 0.0
        if self.chance(logistic(x)):
            self.give(Intervene(me, population=pop.id), why + f" (success chance {success:.0%})")
        else:
            self.give(SendAid(me, target=pop.in_state), why)
