"""Answers to what is addressed to the seat: proposals (deals are judged in deals.py), allies'
calls for help, ultimatums, mediation offers, Security Council drafts, and sanctions aimed at it
(judged in sanctions.py).

An ally's call weighs the cost of abandoning it (the breach's reputation cost, the treaty
objectives it would fail, the friendship lost) against the cost of honouring it (the aggressor's
strength against the ally and the invoker, nuclear danger, our own wish to avoid that war). An
ultimatum weighs what giving in would cost (the issue's worth to us, read through our relations
with the issuer: stakes.py) against what defying would: the threatened force (the issuer's
strength, its friends counted) or sanctions (their bite), discounted by its credibility.
"""

from __future__ import annotations

import math

from ..enums import Threat, TreatyKind
from ..rules.agreements import AnswerProposal, breach_cost
from ..rules.alliances import HONOUR_COST, AnswerInvocation
from ..rules.common import democracy_factor
from ..rules.diplomacy import AnswerMediation, AnswerUltimatum, threat_words
from ..rules.organizations import CastVote, council_members
from ..rules.power import expected_support
from ..rules.sanctions import ConcedeToSanctions, pressure
from .deals import DEAL_WORDS, DealJudgements
from .force import ForceJudgements
from .mind import logistic
from .sanctions import DECISIVENESS, PLEDGE, SanctionsJudgements

# an ultimatum backed by force: how much a doubling of the worth of the issue weighs against the
# threat, and the worth (% of GDP a turn) at which it weighs nothing (tuned)
ULTIMATUM_WORTH_WEIGHT = 0.8
ULTIMATUM_WORTH_REFERENCE = 0.8


class AnswerJudgements(SanctionsJudgements, DealJudgements, ForceJudgements):
    def answer_pending(self) -> None:
        s, me = self.s, self.me
        for p in self.current("proposals"):
            if p.status == "open" and me in p.recipients and me not in p.accepted_by:
                accept, why = self.judge_proposal(p)
                self.give(AnswerProposal(me, proposal=p.id, accept=accept), why)
        for inv in s.invocations:
            if not inv.closed and me in inv.allies and me not in inv.honoured_by + inv.declined_by:
                honour, why = self.judge_call(inv)
                self.give(AnswerInvocation(me, invocation=inv.id, honour=honour), why)
        for u in self.current("ultimatums"):
            if u.target == me and u.status == "pending" and u.turn < s.turn:
                comply, why = self.judge_ultimatum(u)
                self.give(AnswerUltimatum(me, ultimatum=u.id, comply=comply), why)
        for m in self.current("mediations"):
            if me in m.parties and m.status == "offered" and me not in m.accepted_by:
                accept, why = self.judge_mediation(m)
                self.give(AnswerMediation(me, mediation=m.id, accept=accept), why)
        for d in self.current("drafts"):
            if d.status == "tabled" and d.turn < s.turn and me in council_members(s):
                self.give(
                    CastVote(me, draft=d.id, vote=self.judge_draft(d)),
                    "how the draft touches our friends and rivals",
                )
        for e in self.current("sanctions"):
            if (
                e.target == me
                and e.stage in ("threatened", "imposed")
                and e.retaliation_for is None
            ):
                concede, why = self.judge_sanctions(e)
                if concede:
                    self.give(ConcedeToSanctions(me, episode=e.id), why)
                else:
                    self.note(why)
                    if e.stage == "imposed":
                        self.retaliate(e)
        for e in self.current("sanctions"):
            if e.target == me and e.stage == "imposed" and e.retaliation_for is not None:
                self.judge_counter_sanctions(e)

    def judge_proposal(self, p) -> tuple[bool, str]:
        me = self.me
        if p.kind == TreatyKind.DEAL:
            return self.judge_deal(p)
        if p.note and p.proposer != me and DEAL_WORDS.search(p.note):
            self.answer_offer_in_words(p.proposer, p.note)  # a note that asks for a bargain
        accept, why = self.judge_treaty(p)
        if accept and (p.demand_issue or p.offer_issue or p.payment):
            net, gets, gives = self.deal_balance(p)
            if net < 0 and not self.chance(logistic(2 * net + 1)):
                return False, f"{why}, but its terms would cost us {', '.join(gives)}"
        return accept, why

    def judge_treaty(self, p) -> tuple[bool, str]:
        s, me = self.s, self.me
        st = self.style
        other = next((x for x in (p.proposer, *p.recipients) if x != me), p.proposer)
        sponsor = p.proposer
        credit = (s.country(sponsor).reputation - 50) / 50  # a proposer of good name is believed
        bonus = 0.0
        if p.mediated:
            bonus += 0.6 + s.country(p.proposer).reputation / 100  # the mediator's guarantee
        if p.kind in ("ceasefire", "peace"):
            war = next(
                (
                    w
                    for w in s.active_wars()
                    if me in w.side_a + w.side_b and other in w.side_a + w.side_b
                ),
                None,
            )
            home = (50 - s.country(me).stability) / 40
            if war is None:
                x = (
                    -0.2
                    + 1.6 * st["talk"]
                    + home
                    + 0.6 * self.war_aversion(other)
                    + bonus
                    + 0.3 * credit
                )
                return self.chance(logistic(x)), f"end the clash (mediated: {p.mediated})"
            win = self.war_prospects(war)
            x = (
                5.0 * (0.45 - win)
                + 1.2 * (st["talk"] - 0.4)
                + home
                + 0.6 * self.war_aversion(other)
                + 0.5 * bonus
            )
            return self.chance(logistic(x)), f"our chance of winning the war is {win:.0%}"
        if p.kind == "arms_control":
            mine = s.country(me).military
            room = p.cap is not None and p.cap >= mine * 0.98
            racing = s.country(me).buildup > 0
            x = (
                -0.5
                + 2.0 * st["institutions"]
                + (0.6 if racing else 0.0)
                + 0.5 * credit
                - (0.0 if room else 3.0)
            )
            x -= 1.5 * (self.points("attribute_at_least", attribute=("military",)) / 25)
            ok = self.chance(logistic(x))
            return (
                ok,
                f"the cap of {p.cap:g} {'leaves' if room else 'would not leave'} room for our forces",
            )
        warmth = (self.rel(other) + 10) / 30 + 1.2 * (st["talk"] - 0.5) + 0.5 * credit + bonus
        if p.kind in ("alliance", "defense_pact", "basing", "joint_exercises"):
            threatened = any(
                self.rel(r) < -30 and self.strength(r) > self.strength(me)
                for r in s.ids
                if r not in (me, other)
            )
            shared_rival = any(
                self.rel(r) < -15 and s.relation(other, r) < -15
                for r in s.ids
                if r not in (me, other)
            )
            warmth += (0.8 if threatened else -0.4) + (0.6 if shared_rival else 0.0)
            if any(
                s.relation(other, r) < -30 and self.rel(r) > 20
                for r in s.ids
                if r not in (me, other)
            ):
                warmth -= 1.0  # it would drag us against a friend
        if p.kind == "non_aggression" and self.strength(other) > 1.5 * self.strength(me):
            warmth += 0.8  # reassurance from a stronger neighbour
        return self.chance(
            logistic(warmth)
        ), f"our relations with {self.name(other)} stand at {self.rel(other):.0f}"

    def judge_call(self, inv) -> tuple[bool, str]:
        p, why = self.honour_chance(inv)
        return self.chance(p), why

    def honour_chance(self, inv) -> tuple[float, str]:
        """Honour an ally's call? Abandonment costs credibility, the treaty objective and the
        friendship; honouring risks a war with the aggressor (its strength, its nuclear arms) and
        whatever this state promised itself about avoiding that war."""
        s, me = self.s, self.me
        treaty = s.treaty(inv.treaty_id)
        kind = treaty.kind if treaty is not None else "alliance"
        war_on = s.at_war(inv.invoker, inv.against)
        # collective defense: the aggressor (and its friends) against us, the invoker and the
        # help the invoker's other allies can be expected to bring
        theirs = self.strength(inv.against) + expected_support(
            s, inv.against, inv.invoker, exclude=(me,)
        )
        ours = (
            self.strength(me)
            + self.strength(inv.invoker)
            + expected_support(s, inv.invoker, inv.against, exclude=(me,))
        )
        odds = theirs / ours
        nuclear = s.scenario.state(inv.against).nuclear
        # entrapment: an invoker that provoked the clash (it showed force first) is helped less
        provoked = any(
            d.initiator == inv.invoker and d.target == inv.against
            for d in s.disputes
            if d.started_turn < inv.turn
        )
        honour_cost = (
            1.0 * math.log(1 + odds)
            + (1.0 if nuclear else 0.0)
            + (0.4 if war_on else 0.0)
            + (0.5 if provoked else 0.0)
            + self.war_aversion(inv.against) * (1.0 if war_on else 0.6)
            + 20 * HONOUR_COST.get(kind, 0.02)
            + 0.3 * (democracy_factor(me, s.scenario) - 1.0)  # casualty-shy publics
        )
        abandon_cost = (
            (breach_cost(treaty) / 10 if treaty is not None else 1.0)
            + self.points("obligations_kept") / 30
            + self.points("treaty_with", kind=(kind,), with_=(inv.invoker,)) / 30
            + max(0.0, self.rel(inv.invoker)) / 80
        )
        if not inv.within_terms:
            abandon_cost = max(0.0, self.rel(inv.invoker)) / 80  # declining costs only goodwill
        x = 1.4 * (abandon_cost - honour_cost) + 2.0 * (self.style["honour"] - 0.6) - 0.2
        p = logistic(x)
        return p, (
            f"abandoning would cost {abandon_cost:.2f}, honouring risks {honour_cost:.2f} "
            f"(aggressor's relative strength {odds:.2f}{', nuclear' if nuclear else ''}); chance {p:.0%}"
        )

    def judge_ultimatum(self, u) -> tuple[bool, str]:
        """Comply or defy: what giving in would cost us against what the issuer threatens."""
        s, me = self.s, self.me
        cred = self.credibility(u.issuer)
        worth = self.resolve(u.issue, u.status_demanded, (u.issuer,), u.id) * self.style["resolve"]
        worth *= 1 + self.points("never_conceded") / PLEDGE
        home = 0.5 * (democracy_factor(me, s.scenario) - 1.0)  # backing down costs more at home
        if u.threat == Threat.FORCE:
            theirs = self.strength(u.issuer)
            ours = self.strength(me) + self.support(me, u.issuer)
            ratio = theirs / ours
            x = (
                1.8 * (ratio * cred - 0.9)
                - ULTIMATUM_WORTH_WEIGHT * math.log(worth / ULTIMATUM_WORTH_REFERENCE)
                + 2.0 * (self.style["concede"] - 0.4)
                - home
            )
            threat = f"{self.name(u.issuer)} threatens force at {ratio:.1f} times our strength"
        else:
            per_turn = pressure(s, me, (u.issuer,), u.threat)
            expected = self.felt_cost(per_turn, (u.issuer,)) * cred
            x = DECISIVENESS * (math.log(max(expected, 1e-6)) - math.log(worth)) - home
            threat = f"the {threat_words(u.threat)} would cost {per_turn:.1f}% a turn"
        comply = self.chance(logistic(x))
        return comply, (
            f"{'gave in' if comply else 'held out'} on {self.issue_name(u.issue)}: giving in "
            f"would cost us {worth:.1f}% of GDP a turn, {threat} (credibility {cred:.2f})"
        )

    def judge_mediation(self, m) -> tuple[bool, str]:
        s, me = self.s, self.me
        other = next(p for p in m.parties if p != me)
        hurting = self.at_war_with(other) or s.country(me).stability < 40
        x = (
            -0.6
            + 2.0 * self.style["talk"]
            + (0.8 if hurting else 0.0)
            + self.rel(m.mediator) / 50
            + 0.5 * self.war_aversion(other)
        )
        x += (s.country(m.mediator).reputation - 50) / 50
        return self.chance(
            logistic(x)
        ), f"{self.name(m.mediator)} may find a way out{' of a costly fight' if hurting else ''}"

    def judge_draft(self, d) -> str:
        s, me = self.s, self.me
        if d.target == me:
            return "no"
        if d.kind == "peacekeeping":
            if (
                d.target is not None
                and self.rel(d.target) > 40
                and self.style["institutions"] < 0.5
            ):
                return "abstain"
            return "yes"
        r = self.rel(d.target) if d.target else 0.0
        sponsor = (s.country(d.sponsor).reputation - 50) / 5  # a sponsor of good name wins votes
        if r > 25:
            return "no"  # shield a friend, with the veto where we hold it
        if (
            r + (0 if d.kind == "condemn" else 10) < -10 + sponsor
            or self.style["institutions"] > 0.7
        ):
            return "yes"
        return "abstain"
