"""Work on the state's scenario objectives: press for the status it wants on an issue at stake
(a deal with a friend, coercion of anyone else), coerce, protect a population, propose the treaty
it wants, go to war, court opinion, build arms, table the resolution it needs.
"""

from __future__ import annotations

from ..rules.agreements import ProposeAgreement
from ..rules.arms_control import CheatOnArmsControl
from ..rules.humanitarian import Intervene
from ..rules.issues import ChangeIssue
from ..rules.military import Attack, BuildUp, MobilizeForces
from ..rules.organizations import TableResolution, council_members
from ..rules.power import defenders
from ..rules.soft_power import CulturalExchange, PublicDiplomacy, SendAid
from .deals import DealJudgements
from .force import ForceJudgements
from .mind import logistic
from .sanctions import SanctionsJudgements

FRIENDLY = 20.0  # relations above which we bargain with a state rather than coerce it (tuned)


class ObjectiveMoves(SanctionsJudgements, DealJudgements, ForceJudgements):
    def pursue_objectives(self) -> None:
        s, me = self.s, self.me
        for obj in s.scenario.state(me).objectives:
            c = obj.condition
            why = f"objective: {obj.text.rstrip('.')}"
            if c.type == "issue_status":
                self.pursue_issue(c.issue, c.status, why)
            elif c.type == "sanctions_conceded":
                self.coerce(c.target, why)
            elif c.type == "population_protected":
                self.protect(c.population, why)
            elif c.type == "treaty_with":
                if not any(c.with_ in t.members for t in s.active_treaties(member=me, kind=c.kind)):
                    if not any(  # open proposals are live ones
                        p.proposer == me and p.status == "open" and c.with_ in p.recipients
                        for p in self.current("proposals")
                    ) and self.chance(0.6):
                        self.give(
                            ProposeAgreement(me, to=(c.with_,), treaty=c.kind),
                            why,
                        )
            elif c.type == "win_war":
                self.seek_war(c.against, why)
            elif (
                c.type == "relations_at_least" and self.rel(c.with_) < c.value and self.chance(0.6)
            ):
                if self.chance(0.5):
                    self.give(PublicDiplomacy(me, target=c.with_), why)
                else:
                    self.give(CulturalExchange(me, target=c.with_), why)
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
                        self.give(CheatOnArmsControl(me, treaty=cheat.id), why)
                    elif cheat is None:
                        self.give(BuildUp(me), why)
            elif c.type == "resolution_passed" and self.chance(0.5):
                if me in council_members(s) and not any(
                    d.kind == c.kind and d.status == "tabled" for d in self.current("drafts")
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
                                why,
                            )

    def pursue_issue(self, issue_id: str, status: str, why: str) -> None:
        """Get an issue to the status an objective wants: change it ourselves if it is ours;
        bargain with a friendly holder (a deal: a concession of ours, or a payment); press any
        other (threats, sanctions), unless we press it already."""
        s, me = self.s, self.me
        issue = s.issue(issue_id)
        if issue is None or issue.status == status:
            return
        holder = issue.held_by
        if holder == me:
            # never go back on a concession made to others: reneging costs more than it pays
            if issue.changed_by in (None, me) and self.loss_if(issue_id, status) <= 0:
                self.give(ChangeIssue(me, issue=issue_id, status=status), why)
            return
        if self.rel(holder) > FRIENDLY:
            self.propose_deal(holder, issue_id, status, why)  # friends are asked, not coerced
            return
        if self.coercion_failed(holder, issue_id) and self.propose_deal(
            holder, issue_id, status, why + " (pressure alone has not worked)"
        ):
            return
        if not (self.pressing(holder) or self.acting_against(holder)):
            self.coerce(holder, why, (issue_id, status))

    def coercion_failed(self, holder: str, issue_id: str) -> bool:
        """Have our threats or sanctions on this issue been resisted (imposed for a turn
        already, or dropped or lifted without a concession)?"""
        s, me = self.s, self.me
        return any(
            me in e.senders
            and e.target == holder
            and e.issue == issue_id
            and (
                e.stage in ("lifted", "dropped")
                or (e.stage == "imposed" and (e.imposed_turn or s.turn) < s.turn)
            )
            for e in s.sanctions
        )

    def acting_against(self, target: str) -> bool:
        """Has this turn's decision already a threat or sanctions against the target?"""
        return any(
            getattr(o, "target", None) == target
            and o.kind in ("ThreatenSanctions", "ImposeSanctions", "IssueUltimatum")
            for o in self.decision.orders
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
        authorized = any(  # adopted resolutions stay live (archive.py)
            d.status == "adopted" and d.kind in ("peacekeeping", "authorize_force")
            for d in self.current("drafts")
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
