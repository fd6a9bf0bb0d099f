"""Deals with linkage, as the computer bargains: weigh an offer, accept, reject or counter it, and
propose deals of its own; read what others write to it where it matters.

A deal is worth to us what we get (an issue moved to the status we want, a side payment) less what
we give (an issue moved away from it, a payment), each issue valued at its worth a turn over the
turns a concession is felt (DEAL_HORIZON) and a payment at its share of our economy. We accept when
the balance is in our favour (a little noise: governments misjudge), and when we reject an offer
that was not far off we counter: ask for a side payment that covers the shortfall, or for an issue
the proposer decides that we want. Messages addressed to us that talk of a deal, and proposals'
notes, may make us propose one on the issues they name.
"""

from __future__ import annotations

import re

from ..enums import TreatyKind
from ..rules.agreements import MAX_PAYMENT_SHARE, ProposeAgreement
from ..rules.diplomacy import DiplomacyEvent
from .mind import logistic
from .stakes import StakeJudgements

DEAL_HORIZON = 8  # turns over which a concession's worth is counted: it outlasts the crisis (tuned)
DEAL_DECISIVENESS = 2.0  # how sharply acceptance follows the balance (per % of GDP) (tuned)
DEAL_TRUST = 0.3  # how much relations with the proposer (per 100) tilt the balance (tuned)
COUNTER_CHANCE = 0.5  # how often a rejected deal is countered (tuned)
PROPOSE_DEAL_CHANCE = 0.15  # how often a seat offers a deal for an issue it wants (tuned)
# words in a message or a note that ask for a bargain
DEAL_WORDS = re.compile(r"\b(deal|trade|exchange|swap|in return|offer|bargain|compromise)\b", re.I)
MESSAGE_EVENTS = (DiplomacyEvent.MESSAGE_SENT, DiplomacyEvent.STATEMENT_MADE)


class DealJudgements(StakeJudgements):
    # --- what a deal is worth to us --------------------------------------------------------------

    def horizon(self) -> int:
        return DEAL_HORIZON

    def deal_balance(self, p) -> tuple[float, list[str], list[str]]:
        """(net worth to us in % of GDP, what we get, what we give) of a proposal's terms, for us
        as a recipient."""
        s, me = self.s, self.me
        economy = max(1.0, s.country(me).economy)
        gets: list[str] = []
        gives: list[str] = []
        net = 0.0
        for issue, status in ((p.demand_issue, p.demand_status), (p.offer_issue, p.offer_status)):
            if not issue or not status:
                continue
            change = -self.loss_if(issue, status) * self.horizon()
            net += change
            words = f"{self.issue_name(issue)} ({abs(change) / self.horizon():.1f}% a turn)"
            if change > 0:
                gets.append(words)
            elif change < 0:
                gives.append(words)
        if p.payment:
            paid_to_us = p.payment if me in p.recipients else -p.payment
            share = 100 * paid_to_us / economy
            net += share
            (gets if share > 0 else gives).append(f"a payment of {abs(p.payment):g}")
        return net, gets, gives

    def judge_deal(self, p) -> tuple[bool, str]:
        net, gets, gives = self.deal_balance(p)
        x = DEAL_DECISIVENESS * net + DEAL_TRUST * self.rel(p.proposer) / 100
        accept = self.chance(logistic(4 * x))
        got = ", ".join(gets) or "nothing"
        gave = ", ".join(gives) or "nothing"
        verdict = "accepted" if accept else "rejected"
        why = f"{verdict} {self.s.name(p.proposer)}'s deal: we would get {got} and give {gave}"
        if not accept:
            self.counter_deal(p, net)
        return accept, why

    # --- counter-offers --------------------------------------------------------------------------

    def counter_deal(self, p, net: float) -> None:
        """Counter a deal we reject: ask for a side payment covering the shortfall, or add an
        issue the proposer decides that we want."""
        s, me = self.s, self.me
        other = p.proposer
        if self.turns_left < 1 or not self.chance(COUNTER_CHANCE):
            return
        shortfall = -net
        if shortfall <= 0:
            return
        payer_economy = s.country(other).economy
        paid_to_us = p.payment if me in p.recipients else -p.payment
        asked = round(paid_to_us + shortfall * s.country(me).economy / 100 + 0.5, 1)
        base = dict(
            to=(other,),
            treaty=TreatyKind.DEAL,
            demand_issue=p.offer_issue or "",
            demand_status=p.offer_status or "",
            offer_issue=p.demand_issue or "",
            offer_status=p.demand_status or "",
        )
        if asked <= MAX_PAYMENT_SHARE * payer_economy and (p.offer_issue or p.demand_issue):
            # the same exchange, seen from our side, with a payment asked of them
            order = ProposeAgreement(me, **base, payment=-asked, note="A counter-offer.")
            why = f"counter {s.name(other)}'s offer: the same terms if it also pays {asked:g}"
            self.give(order, why)
            return
        extra = self.best_demand(other)
        if extra is not None and extra[0] != p.offer_issue and not p.demand_issue:
            issue, status, _ = extra
            order = ProposeAgreement(
                me,
                to=(other,),
                treaty=TreatyKind.DEAL,
                demand_issue=issue,
                demand_status=status,
                offer_issue=p.demand_issue or "",
                offer_status=p.demand_status or "",
                note="A counter-offer.",
            )
            self.give(order, f"counter {s.name(other)}'s offer: we want {self.issue_name(issue)}")

    # --- deals of our own ------------------------------------------------------------------------

    def propose_deal(
        self, holder: str, issue: str, status: str, why: str, asked: bool = False
    ) -> bool:
        """Offer `holder` a deal for the status we want on an issue it decides: in return, the
        issue we decide that it wants most (if giving it costs us less than we gain), else a
        side payment worth its loss to it as we estimate it. Unless `asked` (it invited a deal),
        we make such offers only now and then."""
        s, me = self.s, self.me
        if self.turns_left < 1 or self.deal_pending(holder):
            return False
        if not asked and not self.chance(PROPOSE_DEAL_CHANCE):  # an invitation is always heard
            return False
        gain = -self.loss_if(issue, status)
        their_loss = self.their_loss(holder, issue, status)
        offer = self.best_offer(holder, gain)
        if offer is not None:
            give, give_status = offer
            order = ProposeAgreement(
                me,
                to=(holder,),
                treaty=TreatyKind.DEAL,
                demand_issue=issue,
                demand_status=status,
                offer_issue=give,
                offer_status=give_status,
            )
            words = f"{why}: {self.issue_name(issue)} for {self.issue_name(give)}"
            return self.give(order, words)
        payment = round(their_loss * self.horizon() * s.country(holder).economy / 100 + 0.5, 1)
        if payment > MAX_PAYMENT_SHARE * s.country(me).economy or gain * self.horizon() < (
            100 * payment / s.country(me).economy
        ):
            return False
        order = ProposeAgreement(
            me,
            to=(holder,),
            treaty=TreatyKind.DEAL,
            demand_issue=issue,
            demand_status=status,
            payment=payment,
        )
        return self.give(order, f"{why}: {self.issue_name(issue)} for a payment of {payment:g}")

    def their_loss(self, holder: str, issue: str, status: str) -> float:
        """What the issue moving to `status` would cost `holder` a turn, from its public stake."""
        spec = self.s.scenario.issue(issue)
        stake = spec.stake(holder) if spec is not None else None
        now = self.s.issue(issue)
        if stake is None or now is None:
            return 0.0
        return stake.worth if now.status == stake.wants and status != stake.wants else 0.0

    def best_offer(self, other: str, gain: float) -> tuple[str, str] | None:
        """The issue we decide whose change `other` wants most, if it costs us less than `gain`."""
        best, best_worth = None, 0.0
        for issue in self.s.issues:
            if issue.held_by != self.me:
                continue
            spec = self.s.scenario.issue(issue.id)
            stake = spec.stake(other)
            if stake is None or stake.wants == issue.status:
                continue
            cost = self.loss_if(issue.id, stake.wants)
            if cost < gain and stake.worth > best_worth:
                best, best_worth = (issue.id, stake.wants), stake.worth
        return best

    def deal_pending(self, other: str) -> bool:
        return any(
            p.status == "open"
            and p.kind == TreatyKind.DEAL
            and {p.proposer, *p.recipients} >= {self.me, other}
            for p in self.current("proposals")
        )

    # --- reading what others write to us ---------------------------------------------------------

    def read_messages(self) -> None:
        """Messages addressed to us that talk of a deal and name an issue at stake: answer with
        a deal proposal on it."""
        for e in self.events:
            if e.kind not in MESSAGE_EVENTS or not e.actors or e.actors[0] == self.me:
                continue
            if self.me not in e.actors[1:] or not DEAL_WORDS.search(e.text):
                continue
            self.answer_offer_in_words(e.actors[0], e.text)

    def answer_offer_in_words(self, sender: str, text: str) -> None:
        """Someone wrote of a deal: if it names an issue we want from it, or one of ours it
        wants, propose the deal the words suggest."""
        named = [i for i in self.s.issues if self.mentions(text, i.id)]
        for issue in named:
            if issue.held_by == sender:
                wish = next((d for d in self.demands_on(sender) if d[0] == issue.id), None)
                if wish is not None:
                    why = f"{self.s.name(sender)} wrote of a deal"
                    if self.propose_deal(sender, wish[0], wish[1], why, asked=True):
                        return
            elif issue.held_by == self.me:
                wish = self.best_demand(sender)
                spec = self.s.scenario.issue(issue.id)
                stake = spec.stake(sender)
                if wish is None or stake is None or stake.wants == issue.status:
                    continue
                if self.loss_if(issue.id, stake.wants) < -self.loss_if(wish[0], wish[1]):
                    order = ProposeAgreement(
                        self.me,
                        to=(sender,),
                        treaty=TreatyKind.DEAL,
                        demand_issue=wish[0],
                        demand_status=wish[1],
                        offer_issue=issue.id,
                        offer_status=stake.wants,
                    )
                    why = (
                        f"{self.s.name(sender)} wrote of a deal: {self.issue_name(issue.id)} for "
                        f"{self.issue_name(wish[0])}"
                    )
                    if self.give(order, why):
                        return

    def mentions(self, text: str, issue_id: str) -> bool:
        """Does the text name the issue (its id, or its name)?"""
        spec = self.s.scenario.issue(issue_id)
        lowered = text.lower()
        return issue_id.replace("_", " ") in lowered.replace("_", " ") or (
            spec is not None and spec.name.lower() in lowered
        )
