"""A rule-of-thumb computer player that pursues its state's objectives in its doctrine's style.

It sees only its seat's view. Each turn it first answers what is addressed to it (proposals,
calls for help, ultimatums, votes, sanctions), then answers force with force or with its allies,
then works on its objectives, then fills its remaining actions in its doctrine's manner. Every
choice it makes is recorded with a short reason for the debrief.

Its judgements weigh the same mechanisms the rules use, never tables of outcomes:
- an ally's call: the cost of abandoning it (the breach's reputation cost, the treaty objectives
  it would fail, the friendship lost) against the cost of honouring it (the aggressor's strength
  against the ally and the invoker, nuclear danger, its own wish to avoid that war);
- sanctions: the target compares the cost of holding out (the measures' bite on its economy times
  how long it expects them to last, discounted at the threat stage by how credible the sender
  is) with how much the issue is worth to it (its resolve: private, drawn once per episode from a
  wide distribution, larger for hawks and for governments that promised never to give in). Weak
  targets give in to threats; those still resisting after imposition are the resolute ones;
- force: attackers count the defender's reliable allies and based forces (deterrence), nuclear
  arms and their own wish to avoid war; targets answer force according to the balance and their
  doctrine;
- ultimatums: the target weighs the issuer's strength and credibility (reputation, and the
  audience costs a democracy pays for empty threats); the issuer weighs those audience costs
  against the cost of enforcing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..legality import check_orders
from ..orders import (
    MAX_ACTIONS_PER_TURN,
    AnswerInvocation,
    AnswerMediation,
    AnswerProposal,
    AnswerUltimatum,
    Attack,
    BackChannel,
    BuildUp,
    CastVote,
    CheatOnArmsControl,
    ConcedeToSanctions,
    CulturalExchange,
    Disarm,
    ImposeSanctions,
    Intervene,
    InvokeAlliance,
    IssueUltimatum,
    JoinSanctions,
    LiftSanctions,
    MobilizeForces,
    OfferMediation,
    Order,
    ProposeAgreement,
    ProxySupport,
    PublicDiplomacy,
    RegionalAppeal,
    RequestInspection,
    SendAid,
    TableResolution,
    ThreatenSanctions,
)
from ..rng import Rng, derive_seed
from ..rules.agreements import breach_cost
from ..rules.alliances import HONOUR_COST, attacked_by
from ..rules.common import democracy_factor
from ..rules.military import FRONT_STEP, battle_odds, side_strength
from ..rules.organizations import council_members
from ..rules.power import defenders, expected_support, fighting_strength
from ..rules.sanctions import EMPTY_THREAT_COST, cost_level, pressure, sender_cost
from ..state import GameState
from ..view import SeatView

DOCTRINES = ("hawk", "dove", "realist", "institutionalist")

# how readily each doctrine reaches for each kind of tool (0..1), and how much it values the issues
# it is pressed on (resolve: a multiplier on the worth of not giving in)
STYLE = {
    "hawk": {"force": 0.8, "sanction": 0.6, "talk": 0.2, "institutions": 0.2, "honour": 0.75, "concede": 0.2, "resolve": 1.2},
    "dove": {"force": 0.05, "sanction": 0.2, "talk": 0.9, "institutions": 0.6, "honour": 0.45, "concede": 0.6, "resolve": 0.6},
    "realist": {"force": 0.4, "sanction": 0.55, "talk": 0.4, "institutions": 0.3, "honour": 0.6, "concede": 0.4, "resolve": 1.0},
    "institutionalist": {"force": 0.15, "sanction": 0.5, "talk": 0.6, "institutions": 0.9, "honour": 0.8, "concede": 0.45, "resolve": 0.9},
}

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


@dataclass
class Decision:
    orders: list[Order] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def logistic(x: float) -> float:
    if x < -60:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


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


class HeuristicPlayer:
    name = "heuristic"

    def __init__(self, doctrine: str | None = None):
        if doctrine is not None and doctrine not in DOCTRINES:
            raise ValueError(f"unknown doctrine {doctrine!r} (expected one of {', '.join(DOCTRINES)})")
        self.doctrine = doctrine

    def decide(self, view: SeatView, rng: Rng) -> Decision:
        assert view.seat is not None
        me = view.seat
        s = view.state
        doctrine = self.doctrine or s.scenario.state(me).doctrine
        mind = _Mind(s, me, STYLE[doctrine], rng)
        mind.answer_pending()
        mind.respond_to_force()
        mind.pursue_objectives()
        mind.doctrine_moves(doctrine)
        orders = mind.decision.orders
        # drop anything that turned out illegal (e.g. the action limit) rather than waste it
        keep = [i for i, r in enumerate(check_orders(s, me, orders)) if r is None]
        mind.decision.orders = [orders[i] for i in keep]
        mind.decision.reasons = [mind.decision.reasons[i] for i in keep]
        return mind.decision


class _Mind:
    def __init__(self, state: GameState, me: str, style: dict[str, float], rng: Rng):
        self.s = state
        self.me = me
        self.spec = state.scenario.state(me)
        self.style = style
        self.rng = rng
        self.decision = Decision()
        self.actions = 0
        self.turns_left = state.scenario.turns - state.turn  # turns still to come after this one

    # --- bookkeeping --------------------------------------------------------------------------

    def give(self, order: Order, reason: str) -> bool:
        if order in self.decision.orders:
            return False
        if order.costs_action:
            if self.actions >= MAX_ACTIONS_PER_TURN:
                return False
            self.actions += 1
        self.decision.orders.append(order)
        self.decision.reasons.append(f"{order.label}: {reason}")
        return True

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def strength(self, sid: str) -> float:
        return max(1.0, fighting_strength(self.s, sid))

    def rel(self, other: str) -> float:
        return self.s.relation(self.me, other)

    def rivals(self) -> list[str]:
        return sorted((o for o in self.s.ids if o != self.me and self.rel(o) < -15), key=self.rel)

    def points(self, ctype: str, **match) -> int:
        """Points of this state's objectives of one condition type (optionally matching fields)."""
        total = 0
        for obj in self.spec.objectives:
            c = obj.condition
            if c.type == ctype and all(getattr(c, k, None) in v for k, v in match.items()):
                total += obj.points
        return total

    def war_aversion(self, other: str) -> float:
        """How much this state's objectives forbid a war with `other` (0 none .. about 1)."""
        return self.points("avoid_war", with_=(None, other)) / 30

    def at_war_with(self, other: str) -> bool:
        return self.s.at_war(self.me, other)

    # --- answers ------------------------------------------------------------------------------

    def answer_pending(self) -> None:
        s, me = self.s, self.me
        for p in s.proposals:
            if p.status == "open" and me in p.recipients and me not in p.accepted_by:
                accept, why = self.judge_proposal(p)
                self.give(AnswerProposal(me, proposal=p.id, accept=accept), why)
        for inv in s.invocations:
            if not inv.closed and me in inv.allies and me not in inv.honoured_by + inv.declined_by:
                honour, why = self.judge_call(inv)
                self.give(AnswerInvocation(me, invocation=inv.id, honour=honour), why)
        for u in s.ultimatums:
            if u.target == me and u.status == "pending" and u.turn < s.turn:
                comply, why = self.judge_ultimatum(u)
                self.give(AnswerUltimatum(me, ultimatum=u.id, comply=comply), why)
        for m in s.mediations:
            if me in m.parties and m.status == "offered" and me not in m.accepted_by:
                accept, why = self.judge_mediation(m)
                self.give(AnswerMediation(me, mediation=m.id, accept=accept), why)
        for d in s.drafts:
            if d.status == "tabled" and d.turn < s.turn and me in council_members(s):
                self.give(CastVote(me, draft=d.id, vote=self.judge_draft(d)), "how the draft touches our friends and rivals")
        for e in s.sanctions:
            if e.target == me and e.stage in ("threatened", "imposed") and e.retaliation_for is None:
                concede, why = self.judge_sanctions(e)
                if concede:
                    self.give(ConcedeToSanctions(me, episode=e.id), why)
                elif e.stage == "imposed":
                    self.retaliate(e)
        for e in s.sanctions:
            if e.target == me and e.stage == "imposed" and e.retaliation_for is not None:
                self.judge_counter_sanctions(e)

    def judge_proposal(self, p) -> tuple[bool, str]:
        s, me = self.s, self.me
        st = self.style
        other = next((x for x in (p.proposer, *p.recipients) if x != me), p.proposer)
        sponsor = p.proposer
        credit = (s.country(sponsor).reputation - 50) / 50  # a proposer of good name is believed
        bonus = 0.0
        if p.mediated:
            bonus += 0.6 + s.country(p.proposer).reputation / 100  # the mediator's guarantee
        if p.kind in ("ceasefire", "peace"):
            war = next((w for w in s.active_wars() if me in w.side_a + w.side_b and other in w.side_a + w.side_b), None)
            home = (50 - s.country(me).stability) / 40
            if war is None:
                x = -0.2 + 1.6 * st["talk"] + home + 0.6 * self.war_aversion(other) + bonus + 0.3 * credit
                return self.chance(logistic(x)), f"end the clash (mediated: {p.mediated})"
            win = self.war_prospects(war)
            x = 5.0 * (0.45 - win) + 1.2 * (st["talk"] - 0.4) + home + 0.6 * self.war_aversion(other) + 0.5 * bonus
            return self.chance(logistic(x)), f"our chance of winning the war is {win:.0%}"
        if p.kind == "arms_control":
            mine = s.country(me).military
            room = p.cap is not None and p.cap >= mine * 0.98
            racing = s.country(me).buildup > 0
            x = -0.5 + 2.0 * st["institutions"] + (0.6 if racing else 0.0) + 0.5 * credit - (0.0 if room else 3.0)
            x -= 1.5 * (self.points("attribute_at_least", attribute=("military",)) / 25)
            ok = self.chance(logistic(x))
            return ok, f"the cap of {p.cap:g} {'leaves' if room else 'would not leave'} room for our forces"
        warmth = (self.rel(other) + 10) / 30 + 1.2 * (st["talk"] - 0.5) + 0.5 * credit + bonus
        if p.kind in ("alliance", "defense_pact", "basing", "joint_exercises"):
            threatened = any(self.rel(r) < -30 and self.strength(r) > self.strength(me) for r in s.ids if r not in (me, other))
            shared_rival = any(self.rel(r) < -15 and s.relation(other, r) < -15 for r in s.ids if r not in (me, other))
            warmth += (0.8 if threatened else -0.4) + (0.6 if shared_rival else 0.0)
            if any(s.relation(other, r) < -30 and self.rel(r) > 20 for r in s.ids if r not in (me, other)):
                warmth -= 1.0  # it would drag us against a friend
        if p.kind == "non_aggression" and self.strength(other) > 1.5 * self.strength(me):
            warmth += 0.8  # reassurance from a stronger neighbour
        return self.chance(logistic(warmth)), f"our relations with {other} stand at {self.rel(other):.0f}"

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
        theirs = self.strength(inv.against) + expected_support(s, inv.against, inv.invoker, exclude=(me,))
        ours = self.strength(me) + self.strength(inv.invoker) + expected_support(s, inv.invoker, inv.against, exclude=(me,))
        odds = theirs / ours
        nuclear = s.scenario.state(inv.against).nuclear
        # entrapment: an invoker that provoked the clash (it showed force first) is helped less
        provoked = any(d.initiator == inv.invoker and d.target == inv.against for d in s.disputes if d.started_turn < inv.turn)
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
        return p, (f"abandoning would cost {abandon_cost:.2f}, honouring risks {honour_cost:.2f} "
                        f"(aggressor's relative strength {odds:.2f}{', nuclear' if nuclear else ''}); chance {p:.0%}")  # fmt: skip

    def credibility(self, issuer: str) -> float:
        """How likely this state thinks `issuer` is to carry out a threat: its reputation, the
        audience costs its public imposes on empty threats, and its record in this crisis."""
        s = self.s
        rep = s.country(issuer).reputation / 100
        audience = (democracy_factor(issuer, s.scenario) - 0.7) / 0.8  # 0 autocracy .. 1 democracy
        kept = sum(1 for u in s.ultimatums if u.issuer == issuer and u.status == "enforced")
        broke = sum(1 for u in s.ultimatums if u.issuer == issuer and u.status == "backed_down")
        kept += sum(1 for e in s.sanctions if issuer in e.senders and e.threatened_turn is not None and e.imposed_turn is not None)
        broke += sum(1 for e in s.sanctions if issuer in e.senders and e.stage == "dropped")
        return min(0.95, max(0.05, 0.2 + 0.4 * rep + 0.25 * audience + 0.08 * kept - 0.12 * broke))

    def judge_ultimatum(self, u) -> tuple[bool, str]:
        s, me = self.s, self.me
        theirs = self.strength(u.issuer)
        ours = self.strength(me) + expected_support(s, me, u.issuer)
        ratio = theirs / ours
        cred = self.credibility(u.issuer)
        x = 1.8 * (ratio * cred - 0.9) + 2.0 * (self.style["concede"] - 0.4) - self.points("never_conceded") / 30
        x -= 0.5 * (democracy_factor(me, s.scenario) - 1.0)  # giving in costs a democracy more at home
        comply = self.chance(logistic(x))
        return comply, f"{u.issuer} is {ratio:.1f} times our strength with its friends counted; its credibility {cred:.2f}"

    def judge_mediation(self, m) -> tuple[bool, str]:
        s, me = self.s, self.me
        other = next(p for p in m.parties if p != me)
        hurting = self.at_war_with(other) or s.country(me).stability < 40
        x = -0.6 + 2.0 * self.style["talk"] + (0.8 if hurting else 0.0) + self.rel(m.mediator) / 50 + 0.5 * self.war_aversion(other)
        x += (s.country(m.mediator).reputation - 50) / 50
        return self.chance(logistic(x)), f"a mediator may find a way out{' of a costly fight' if hurting else ''}"

    def judge_draft(self, d) -> str:
        s, me = self.s, self.me
        if d.target == me:
            return "no"
        if d.kind == "peacekeeping":
            if d.target is not None and self.rel(d.target) > 40 and self.style["institutions"] < 0.5:
                return "abstain"
            return "yes"
        r = self.rel(d.target) if d.target else 0.0
        sponsor = (s.country(d.sponsor).reputation - 50) / 5  # a sponsor of good name wins votes
        if r > 25:
            return "no"  # shield a friend, with the veto where we hold it
        if r + (0 if d.kind == "condemn" else 10) < -10 + sponsor or self.style["institutions"] > 0.7:
            return "yes"
        return "abstain"

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
        worth = resolve_draw(s.seed, e.id, me) * self.style["resolve"]
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
        why = (f"holding out would cost about {expected:.1f}% of GDP ({cost_level(per_turn)} cost, credibility {cred:.2f}), "
               f"the issue is worth {worth:.1f}% to us")  # fmt: skip
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
            self.give(ImposeSanctions(me, target=sender, measure="trade"), f"hit back at {sender}, which sells us {leverage[sender]:.2f}% of its GDP a turn")

    def judge_counter_sanctions(self, r) -> None:
        """Counter-sanctions against us: if our own sanctions now cost us more than they are worth,
        lift them (sender capitulation)."""
        s, me = self.s, self.me
        mine = next((e for e in s.sanctions if e.id == r.retaliation_for), None)
        if mine is None or mine.stage != "imposed" or me not in mine.senders:
            return
        own = sender_cost(s, me, mine.target, mine.measure) + pressure(s, me, r.senders, r.measure)
        p = logistic(2.0 * (own - 0.8) - 2.0 * self.points("sanctions_conceded", target=(mine.target,)) / 40 - 1.0)
        if self.chance(p):
            self.give(LiftSanctions(me, episode=mine.id), f"the counter-sanctions make this cost us {own:.1f}% of GDP a turn")

    # --- force --------------------------------------------------------------------------------

    def respond_to_force(self) -> None:
        s, me = self.s, self.me
        for other in s.ids:
            if other == me:
                continue
            hit, defending = attacked_by(s, me, other)
            if not hit:
                continue
            need = s.at_war(me, other) or self.strength(other) > 0.5 * self.strength(me)
            for t in s.active_treaties(member=me):
                if need and t.kind in ("alliance", "defense_pact") and other not in t.members:
                    if not any(i.treaty_id == t.id and i.against == other and i.invoker == me for i in s.invocations):
                        self.give(InvokeAlliance(me, treaty=t.id, against=other), f"{other} used force against us")
            ours = self.strength(me) + self.allies_in_field(other)
            ratio = ours / self.strength(other)
            if s.at_war(me, other):
                war = next(w for w in s.active_wars() if other in w.side_a + w.side_b and me in w.side_a + w.side_b)
                win = self.war_prospects(war)
                weary = s.country(me).stability < 30
                if win < 0.4 or weary or self.chance(0.2 * self.style["talk"]):
                    self.give(ProposeAgreement(me, to=(other,), treaty="ceasefire"), f"our chance of winning is {win:.0%}")
                self.give(Attack(me, target=other), "we are at war")
                continue
            if not defending:
                continue  # we started this; our own plans decide what comes next
            again = any(d.initiator == other and d.target == me and d.last_force is not None and d.last_force < s.turn - 1
                        and d.ended_turn is None for d in s.disputes)  # fmt: skip
            p_fight = logistic(0.9 * math.log(ratio) + 3.0 * (self.style["force"] - 0.35) - 0.8 * self.war_aversion(other)
                               + (0.8 if again else 0.0) - 0.3)  # fmt: skip
            if self.chance(p_fight):
                self.give(Attack(me, target=other), f"answer force with force (strength ratio {ratio:.1f} with allies counted)")
            elif self.chance(0.5 + 0.3 * self.style["force"]):
                self.give(MobilizeForces(me, target=other), "stand firm without firing back")
                self.give(ProposeAgreement(me, to=(other,), treaty="ceasefire"), "contain the clash")
            else:
                self.give(ProposeAgreement(me, to=(other,), treaty="ceasefire"), "contain the clash")
                self.appeal(other, "condemn the use of force against us")

    def war_prospects(self, war) -> float:
        """Our chance of winning the war from here: the battle odds of the two coalitions and
        the front (two more won battles than lost decide it)."""
        ours, theirs = (war.side_a, war.side_b) if self.me in war.side_a else (war.side_b, war.side_a)
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
        if me in council_members(s) and not any(d.status == "tabled" and d.kind == "condemn" and d.target == target for d in s.drafts):
            self.give(TableResolution(me, resolution="condemn", target=target), why)

    def attack_appeal(self, target: str) -> float:
        """How attractive striking `target` is: our strength against its own and its friends'
        expected help (deterrence), less the dangers and our own promises of peace."""
        s = self.s
        theirs = self.strength(target) + expected_support(s, target, self.me)
        edge = self.strength(self.me) / theirs
        nuclear = s.scenario.state(target).nuclear
        return math.log(edge) - (1.5 if nuclear else 0.0) - 1.2 * self.war_aversion(target) - 0.3 * self.points("escalation_at_most") / 25

    # --- objectives ---------------------------------------------------------------------------

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
                    if not any(p.proposer == me and p.status == "open" and c.with_ in p.recipients for p in s.proposals) and self.chance(0.6):
                        self.give(ProposeAgreement(me, to=(c.with_,), treaty=c.kind), f"objective: {obj.text}")
            elif c.type == "win_war":
                self.seek_war(c.against, f"objective: {obj.text}")
            elif c.type == "relations_at_least" and self.rel(c.with_) < c.value and self.chance(0.6):
                if self.chance(0.5):
                    self.give(PublicDiplomacy(me, target=c.with_), f"objective: {obj.text}")
                else:
                    self.give(CulturalExchange(me, target=c.with_), f"objective: {obj.text}")
            elif c.type == "attribute_at_least" and c.attribute == "military" and (c.state or me) == me:
                if s.country(me).military < c.value and self.chance(0.5):
                    cheat = next((t for t in s.active_treaties(member=me, kind="arms_control")), None)
                    if cheat is not None and self.style["force"] > 0.5:
                        self.give(CheatOnArmsControl(me, treaty=cheat.id), f"objective: {obj.text}")
                    elif cheat is None:
                        self.give(BuildUp(me), f"objective: {obj.text}")
            elif c.type == "resolution_passed" and self.chance(0.5):
                if me in council_members(s) and not any(d.kind == c.kind and d.status == "tabled" for d in s.drafts):
                    target = c.target or (self.rivals() or [None])[0]
                    if target:
                        pop = next((p.id for p in s.populations if p.in_state == target), "") if c.kind == "peacekeeping" else ""
                        if c.kind != "peacekeeping" or pop:
                            self.give(TableResolution(me, resolution=c.kind, target=target, population=pop), f"objective: {obj.text}")

    def seek_war(self, target: str, why: str) -> None:
        """A war aim: pressure first (shows of force, an ultimatum), then force when the balance,
        the target's friends counted, looks good enough."""
        s, me = self.s, self.me
        if s.at_war(me, target) or self.turns_left < 1:
            return
        appeal = self.attack_appeal(target)
        if self.chance(0.5 * logistic(3.0 * appeal + 2.0 * (self.style["force"] - 0.5))):
            self.give(Attack(me, target=target), why + f" (the balance, its friends counted: {appeal:+.2f})")
        elif self.chance(0.5):
            self.give(MobilizeForces(me, target=target), why)

    def coerce(self, target: str, why: str) -> None:
        """Economic pressure on `target`: threaten first, carry the threat out if it is ignored
        (unless it would hurt us more than our credibility is worth), join others' measures."""
        s, me = self.s, self.me
        mine = next((e for e in s.sanctions if e.target == target and me in e.senders and e.stage in ("threatened", "imposed")), None)
        if any(e.target == target and me in e.senders and e.stage == "conceded" for e in s.sanctions):
            return
        if mine is None:
            if self.turns_left < 1:
                return  # too late for pressure to pay off
            others_ = next((e for e in s.sanctions if e.target == target and e.stage in ("threatened", "imposed") and e.retaliation_for is None), None)
            if others_ is not None and self.chance(0.5):
                self.give(JoinSanctions(me, episode=others_.id), why)
            elif self.chance(0.25 + 0.5 * self.style["sanction"]):
                measure = self.best_measure(target)
                if self.chance(0.12 * self.style["force"] + 0.05):
                    self.give(ImposeSanctions(me, target=target, measure=measure), why + " (no warning)")
                else:
                    self.give(ThreatenSanctions(me, target=target, measure=measure), why)
        elif mine.stage == "threatened" and s.turn - (mine.threatened_turn or 0) >= 1:
            if self.turns_left < 1:
                return
            own = sender_cost(s, me, target, mine.measure)
            stake = EMPTY_THREAT_COST / 3 + self.points("sanctions_conceded", target=(target,)) / 25
            x = 1.2 + 2.0 * (self.style["sanction"] - 0.5) + stake - 2.5 * own + min(0.0, self.rel(target) + 20) / 40
            if self.chance(logistic(x)):
                self.give(ImposeSanctions(me, target=target, measure=mine.measure), why + " (the threat was ignored)")
        elif mine.stage == "imposed":
            own = sender_cost(s, me, target, mine.measure)
            if own > 0.6 and self.chance(0.15 * own):
                self.give(LiftSanctions(me, episode=mine.id), f"the sanctions cost us {own:.1f}% of GDP a turn")

    def best_measure(self, target: str) -> str:
        """Trade cuts bite hardest but cost the sender most; an asset freeze is cheap."""
        own = sender_cost(self.s, self.me, target, "trade")
        return "trade" if own < 0.4 else ("financial" if own < 0.8 else "assets")

    def protect(self, population_id: str, why: str) -> None:
        s, me = self.s, self.me
        pop = next(p for p in s.populations if p.id == population_id)
        if s.turn < pop.active_from or me in pop.protected_by:
            return
        authorized = any(d.status == "adopted" and d.kind in ("peacekeeping", "authorize_force") for d in s.drafts)
        if me in council_members(s) and not any(d.kind == "peacekeeping" and d.population == pop.id for d in s.drafts):
            self.give(TableResolution(me, resolution="peacekeeping", target=pop.in_state, population=pop.id), why)
            return
        # intervene only with a fair chance of success and a risk of war we can carry
        opponent = pop.perpetrator or pop.in_state
        mine, theirs = s.country(me).military, max(1.0, s.country(opponent).military)
        success = 0.35 + 0.3 * mine / (mine + theirs) + (0.15 if authorized else 0.0)
        danger = self.war_aversion(opponent) + (1.0 if s.scenario.state(opponent).nuclear else 0.0)
        danger += sum(self.strength(a) for a, _ in defenders(s, opponent, me)) / self.strength(me)
        x = 4.0 * (success - 0.55) + 2.0 * self.style["force"] - 1.2 * danger + (0.6 if authorized else -0.8) - 2.0
        x -= 1.0 if pop.peacekeepers else 0.0
        if self.chance(logistic(x)):
            self.give(Intervene(me, population=pop.id), why + f" (success chance {success:.0%})")
        else:
            self.give(SendAid(me, target=pop.in_state), why)

    # --- doctrine ------------------------------------------------------------------------------

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
                if (e.stage == "imposed" and me in council_members(s) and self.style["institutions"] >= 0.5 and not e.un_mandated
                        and not any(d.kind == "sanction" and d.target == e.target and d.status == "tabled" for d in s.drafts)
                        and self.chance(0.35)):  # fmt: skip
                    self.give(TableResolution(me, resolution="sanction", target=e.target), f"make the sanctions on {e.target} universal")
            elif me != e.target and self.turns_left >= 1:
                hostile = self.rel(e.target) < -15
                friends = sum(1 for x in e.senders if self.rel(x) > 30)
                x = -2.5 + 1.5 * hostile + 0.6 * friends + 1.5 * (self.style["sanction"] - 0.4) - 3.0 * sender_cost(s, me, e.target, e.measure)
                x += 1.0 * (self.style["institutions"] - 0.5) * any(d.initiator == e.target and d.rung >= 4 for d in s.disputes)
                if self.chance(logistic(x)):
                    self.give(JoinSanctions(me, episode=e.id), f"stand with {', '.join(e.senders)} against {e.target}")

    def doctrine_moves(self, doctrine: str) -> None:
        s, me = self.s, self.me
        rivals = self.rivals()
        st = self.style
        self.follow_through()
        self.follow_up_sanctions()
        if rivals and self.chance(0.4 * st["force"]):
            self.give(MobilizeForces(me, target=rivals[0]), f"show resolve to {rivals[0]}")
        if rivals:
            target = max(rivals, key=self.attack_appeal)
            appeal = self.attack_appeal(target)
            if self.chance(0.25 * st["force"] * logistic(3.0 * (appeal - 0.4))):
                self.give(Attack(me, target=target), f"strike {target} while the balance, its friends counted, favours us ({appeal:+.2f})")
        self.arms_policy(rivals)
        if rivals and self.chance(0.25 * st["sanction"]):
            self.coerce(rivals[0], f"press {rivals[0]} economically")
        if rivals and self.turns_left >= 2 and self.chance(0.12 * st["force"]):
            target = rivals[0]
            if self.strength(me) > self.strength(target) and not any(u.issuer == me and u.status in ("pending", "defied") for u in s.ultimatums):
                self.give(IssueUltimatum(me, target=target, demand="Stand down and accept our terms."), f"force {target} to choose")
        if rivals and self.chance(0.15 * st["force"]) and (s.scenario.state(rivals[0]).nuclear or self.strength(rivals[0]) > self.strength(me)):
            self.give(ProxySupport(me, target=rivals[0]), f"weaken {rivals[0]} without fighting it")
        for a, b in sorted({(d.initiator, d.target) for d in s.disputes if d.ended_turn is None}):
            if me not in (a, b) and self.chance(0.35 * st["talk"] + 0.05):
                self.give(OfferMediation(me, between=(a, b)), "a mediator can calm the crisis")
                break
        for a, b in sorted({(d.initiator, d.target) for d in s.disputes if d.ended_turn is None and d.rung >= 4}):
            if me not in (a, b) and self.chance(0.3 * st["institutions"]):
                self.appeal(a, f"{a} used force against {b}")
                break
        if rivals and self.chance(0.4 * st["talk"]):
            self.give(BackChannel(me, target=rivals[-1]), f"keep a quiet line open to {rivals[-1]}")
        if self.spec.great_power:
            self.court_small_states(rivals)
        friendly = sorted((o for o in s.ids if o != me and self.rel(o) > 20), key=self.rel, reverse=True)
        if friendly and self.chance(0.3 * st["talk"]):
            self.give(CulturalExchange(me, target=friendly[0]), f"deepen ties with {friendly[0]}")
        if self.chance(0.3 * st["institutions"]):
            if rivals:
                self.give(PublicDiplomacy(me, target=rivals[0]), f"win over opinion in {rivals[0]}")

    def follow_through(self) -> None:
        """An ultimatum we issued was defied: enforce it, or pay the audience cost. Democracies
        pay more for backing down, so they enforce more often, which makes their threats credible."""
        s, me = self.s, self.me
        for u in s.ultimatums:
            if u.issuer != me or u.status != "defied":
                continue
            audience = 8.0 * democracy_factor(me, s.scenario) / 8
            risk = 1.0 if s.scenario.state(u.target).nuclear else 0.0
            x = 0.8 + audience + 1.5 * (self.style["force"] - 0.4) - risk
            if self.chance(logistic(x)):
                if self.attack_appeal(u.target) > 0.3 and self.style["force"] >= 0.4:
                    self.give(Attack(me, target=u.target), f"enforce our ultimatum to {u.target}")
                else:
                    self.give(ImposeSanctions(me, target=u.target, measure=self.best_measure(u.target)), f"enforce our ultimatum to {u.target}")

    def arms_policy(self, rivals: list[str]) -> None:
        s, me = self.s, self.me
        st = self.style
        treaty = next(iter(s.active_treaties(member=me, kind="arms_control")), None)
        if rivals and treaty is None and self.chance(0.35 * st["force"]):
            self.give(BuildUp(me), "keep pace with our rivals")
        racing = [r for r in rivals if s.country(r).buildup > 0 and s.country(me).buildup > 0]
        if racing and treaty is None and self.chance(0.5 * st["institutions"]):
            r = racing[0]
            if not any(p.kind == "arms_control" and p.status == "open" and p.proposer == me for p in s.proposals):
                cap = round(max(s.country(me).military, s.country(r).military) * 1.05)
                self.give(ProposeAgreement(me, to=(r,), treaty="arms_control", cap=cap, verification=round(0.3 + 0.5 * st["institutions"], 2)),
                          f"stop the arms race with {r} under verified caps")  # fmt: skip
        safe = all(self.strength(r) < 0.8 * self.strength(me) for r in rivals)
        if safe and s.tension > 50 and self.chance(0.08 * st["talk"] * (1 - st["force"])):
            self.give(Disarm(me), "reassure the neighbours and cool the crisis")
        if treaty is not None:
            for other in treaty.members:
                if other == me:
                    continue
                near_cap = treaty.cap is not None and s.country(other).military > 0.95 * treaty.cap
                suspicion = (0.25 if near_cap else 0.05) + max(0.0, -self.rel(other)) / 200 + 0.2 * st["institutions"] * (1 if near_cap else 0)
                if self.chance(suspicion):
                    self.give(RequestInspection(me, treaty=treaty.id, target=other), f"verify that {other} keeps to the cap")

    def court_small_states(self, rivals: list[str]) -> None:
        """Great power competition: win over small states that could lean either way."""
        s, me = self.s, self.me
        if not rivals:
            return
        rival = rivals[0]
        small = [o for o in s.ids if o not in (me, rival) and not s.scenario.state(o).great_power
                 and abs(self.rel(o) - s.relation(rival, o)) < 40 and self.rel(o) > -20]  # fmt: skip
        if not small or not self.chance(0.35):
            return
        target = min(small, key=lambda o: self.rel(o) - s.relation(rival, o))
        if self.rel(target) > 35 and not s.active_treaties(member=target, kind="defense_pact") and self.chance(0.3):
            self.give(ProposeAgreement(me, to=(target,), treaty="defense_pact"), f"bring {target} into our camp")
        elif s.country(me).economy > 100 and self.chance(0.6):
            self.give(SendAid(me, target=target), f"court {target} away from {rival}")
        else:
            self.give(PublicDiplomacy(me, target=target), f"court {target} away from {rival}")
