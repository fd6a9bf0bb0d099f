"""The doctrine's own moves with the actions left: follow through on ultimatums and sanctions,
show force or strike, arms races and arms control, mediation, appeals, back channels, and a
great power's courting of small states. How readily each doctrine does these is its STYLE.
"""

from __future__ import annotations

from ..enums import Threat
from ..rules.agreements import ProposeAgreement
from ..rules.arms_control import RequestInspection
from ..rules.common import democracy_factor
from ..rules.demands import check_demand
from ..rules.diplomacy import BackChannel, IssueUltimatum, OfferMediation
from ..rules.military import Attack, BuildUp, Disarm, MobilizeForces, ProxySupport
from ..rules.sanctions import ImposeSanctions
from ..rules.soft_power import CulturalExchange, PublicDiplomacy, SendAid
from .force import ForceJudgements
from .mind import logistic
from .sanctions import SanctionsJudgements

BLANKET_DEMAND = "Stand down and accept our terms."  # in a crisis without issues at stake


class DoctrineMoves(SanctionsJudgements, ForceJudgements):
    def doctrine_moves(self, doctrine: str) -> None:
        s, me = self.s, self.me
        rivals = self.rivals()
        st = self.style
        self.follow_through()
        self.follow_up_sanctions()
        if rivals and self.chance_at_most(0.4 * st["force"], lambda: self.backing(rivals[0])):
            self.give(
                MobilizeForces(me, target=rivals[0]), f"show resolve to {self.name(rivals[0])}"
            )
        if rivals and self.chance_at_most(0.25 * st["force"], lambda: self.strike_odds(rivals)):
            target = max(rivals, key=self.attack_appeal)  # (remembered from `strike_odds`)
            appeal = self.attack_appeal(target)
            self.give(
                Attack(me, target=target),
                f"strike {self.name(target)} while the balance, its friends counted, favours "
                f"us ({appeal:+.2f})",
            )
        self.arms_policy(rivals)
        if rivals and self.chance(0.25 * st["sanction"]):
            self.coerce(rivals[0], f"press {self.name(rivals[0])} economically")
        if rivals and self.turns_left >= 2 and self.chance(0.12 * st["force"]):
            target = rivals[0]
            if self.strength(me) > self.strength(target) and not any(
                u.issuer == me and u.status in ("pending", "defied")
                for u in self.current("ultimatums")
            ):
                self.ultimatum(target)
        if (
            rivals
            and self.chance(0.15 * st["force"])
            and (
                s.scenario.state(rivals[0]).nuclear or self.strength(rivals[0]) > self.strength(me)
            )
        ):
            self.give(
                ProxySupport(me, target=rivals[0]),
                f"weaken {self.name(rivals[0])} without fighting it",
            )
        for a, b in sorted(
            {(d.initiator, d.target) for d in self.current("disputes") if d.ended_turn is None}
        ):
            if me not in (a, b) and self.chance(0.35 * st["talk"] + 0.05):
                self.give(
                    OfferMediation(me, between=(a, b)),
                    f"a mediator can calm the crisis between {self.name(a)} and {self.name(b)}",
                )
                break
        for a, b in sorted(
            {
                (d.initiator, d.target)
                for d in self.current("disputes")
                if d.ended_turn is None and d.rung >= 4
            }
        ):
            if me not in (a, b) and self.chance(0.3 * st["institutions"]):
                self.appeal(a, f"{self.name(a)} used force against {self.name(b)}")
                break
        if rivals and self.chance(0.4 * st["talk"]):
            self.give(
                BackChannel(me, target=rivals[-1]),
                f"keep a quiet line open to {self.name(rivals[-1])}",
            )
        if self.spec.great_power:
            self.court_small_states(rivals)
        friendly = sorted(
            (o for o in s.ids if o != me and self.rel(o) > 20), key=self.rel, reverse=True
        )
        if friendly and self.chance(0.3 * st["talk"]):
            self.give(
                CulturalExchange(me, target=friendly[0]),
                f"deepen ties with {self.name(friendly[0])}",
            )
        if self.chance(0.3 * st["institutions"]):
            if rivals:
                self.give(
                    PublicDiplomacy(me, target=rivals[0]),
                    f"win over opinion in {self.name(rivals[0])}",
                )

    def strike_odds(self, rivals: list[str]) -> float:
        """How far striking the rival it is most attractive to strike appeals (0 .. 1)."""
        return logistic(3.0 * (self.attack_appeal(max(rivals, key=self.attack_appeal)) - 0.4))

    def ultimatum(self, target: str) -> None:
        """Force the target to choose, threatening what we are ready to carry out: force if the
        balance allows it and we are willing, for what we most want of it; else our hardest
        sanctions, for what we most want among the demands it might give in to (case 4.22)."""
        s, me = self.s, self.me
        willing = self.attack_appeal(target) > 0.3 and self.style["force"] >= 0.4
        threat = Threat.FORCE if willing else Threat(self.best_measure(target))
        if willing:
            best = self.best_demand(target)
            demand = best[:2] if best is not None else None
        else:  # backed by sanctions, it is weighed as every threat of sanctions is (case 4.22)
            hopeful = self.hopeful_demand(target)
            if hopeful is None:
                return  # it would not give in to our sanctions on anything we want of it
            demand = hopeful if hopeful != ("", "") else None
        if demand is None and s.scenario.issues:
            return  # nothing to demand of it: an empty ultimatum would only cost us
        if demand is None:
            order = IssueUltimatum(me, target, demand=BLANKET_DEMAND, threat=threat)
            what = "stand down"
        else:
            issue, status = demand
            order = IssueUltimatum(me, target, issue=issue, status=status, threat=threat)
            what = self.issue_name(issue)
        self.give(order, f"force {self.name(target)} to choose: {what}")

    def follow_through(self) -> None:
        """An ultimatum we issued was defied: carry out what we threatened, or pay the audience
        cost. Democracies pay more for backing down, so they carry out their threats more often,
        which makes those threats credible."""
        s, me = self.s, self.me
        for u in self.current("ultimatums"):
            if u.issuer != me or u.status != "defied":
                continue
            audience = 8.0 * democracy_factor(me, s.scenario) / 8
            risk = 1.0 if s.scenario.state(u.target).nuclear else 0.0
            x = 0.8 + audience + 1.5 * (self.style["force"] - 0.4) - risk
            if not self.chance(logistic(x)):
                continue
            why = f"carry out our ultimatum to {self.name(u.target)} ({self.issue_name(u.issue)})"
            if u.threat == Threat.FORCE:
                self.give(Attack(me, target=u.target), why)
            elif check_demand(s, me, u.target, u.issue or "", u.status_demanded or "") is None:
                # the sanctions press the ultimatum's own demand, while the target may still meet it
                self.give(
                    ImposeSanctions(
                        me,
                        target=u.target,
                        measure=u.threat,
                        issue=u.issue or "",
                        status=u.status_demanded or "",
                    ),
                    why,
                )

    def arms_policy(self, rivals: list[str]) -> None:
        s, me = self.s, self.me
        st = self.style
        treaty = next(iter(s.active_treaties(member=me, kind="arms_control")), None)
        if rivals and treaty is None and self.chance(0.35 * st["force"]):
            self.give(BuildUp(me), "keep pace with our rivals")
        racing = [r for r in rivals if s.country(r).buildup > 0 and s.country(me).buildup > 0]
        if racing and treaty is None and self.chance(0.5 * st["institutions"]):
            r = racing[0]
            if not any(
                p.kind == "arms_control" and p.status == "open" and p.proposer == me
                for p in self.current("proposals")
            ):
                cap = round(max(s.country(me).military, s.country(r).military) * 1.05)
                self.give(
                    ProposeAgreement(
                        me,
                        to=(r,),
                        treaty="arms_control",
                        cap=cap,
                        verification=round(0.3 + 0.5 * st["institutions"], 2),
                    ),
                    f"stop the arms race with {self.name(r)} under verified caps",
                )
        safe = all(self.strength(r) < 0.8 * self.strength(me) for r in rivals)
        if safe and s.tension > 50 and self.chance(0.08 * st["talk"] * (1 - st["force"])):
            self.give(Disarm(me), "reassure the neighbours and cool the crisis")
        if treaty is not None:
            for other in treaty.members:
                if other == me:
                    continue
                near_cap = treaty.cap is not None and s.country(other).military > 0.95 * treaty.cap
                suspicion = (
                    (0.25 if near_cap else 0.05)
                    + max(0.0, -self.rel(other)) / 200
                    + 0.2 * st["institutions"] * (1 if near_cap else 0)
                )
                if self.chance(suspicion):
                    self.give(
                        RequestInspection(me, treaty=treaty.id, target=other),
                        f"verify that {self.name(other)} keeps to the cap",
                    )

    def court_small_states(self, rivals: list[str]) -> None:
        """Great power competition: win over small states that could lean either way."""
        s, me = self.s, self.me
        if not rivals:
            return
        rival = rivals[0]
        small = [
            o
            for o in s.ids
            if o not in (me, rival)
            and not s.scenario.state(o).great_power
            and abs(self.rel(o) - s.relation(rival, o)) < 40
            and self.rel(o) > -20
        ]
        if not small or not self.chance(0.35):
            return
        target = min(small, key=lambda o: self.rel(o) - s.relation(rival, o))
        if (
            self.rel(target) > 35
            and not s.active_treaties(member=target, kind="defense_pact")
            and self.chance(0.3)
        ):
            self.give(
                ProposeAgreement(me, to=(target,), treaty="defense_pact"),
                f"bring {self.name(target)} into our camp",
            )
        elif s.country(me).economy > 100 and self.chance(0.6):
            why = f"court {self.name(target)} away from {self.name(rival)}"
            self.give(SendAid(me, target=target), why)
        else:
            why = f"court {self.name(target)} away from {self.name(rival)}"
            self.give(PublicDiplomacy(me, target=target), why)
