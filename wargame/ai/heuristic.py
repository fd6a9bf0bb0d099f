"""A rule-of-thumb computer player that pursues its state's objectives in its doctrine's style.

It sees only its seat's view. Each turn it first answers what is addressed to it (proposals,
calls for help, ultimatums, votes, sanctions), then answers force with force or with its allies,
then works on its objectives, then fills its remaining actions in its doctrine's manner. Every
choice it makes is recorded with a short reason for the debrief.
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
    ImposeSanctions,
    Intervene,
    InvokeAlliance,
    JoinSanctions,
    LiftSanctions,
    MobilizeForces,
    OfferMediation,
    Order,
    ProposeAgreement,
    PublicDiplomacy,
    SendAid,
    TableResolution,
    ThreatenSanctions,
)
from ..rng import Rng
from ..rules.alliances import attacked_by
from ..rules.organizations import council_members
from ..rules.sanctions import cost_level
from ..state import GameState
from ..view import SeatView

DOCTRINES = ("hawk", "dove", "realist", "institutionalist")

# how readily each doctrine reaches for each kind of tool (0..1)
STYLE = {
    "hawk": {"force": 0.8, "sanction": 0.6, "talk": 0.2, "institutions": 0.2, "honour": 0.75, "concede": 0.2},
    "dove": {"force": 0.05, "sanction": 0.2, "talk": 0.9, "institutions": 0.6, "honour": 0.45, "concede": 0.6},
    "realist": {"force": 0.4, "sanction": 0.55, "talk": 0.4, "institutions": 0.3, "honour": 0.6, "concede": 0.4},
    "institutionalist": {"force": 0.15, "sanction": 0.5, "talk": 0.6, "institutions": 0.9, "honour": 0.8, "concede": 0.45},
}


@dataclass
class Decision:
    orders: list[Order] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


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
        keep = [o for o, r in zip(orders, check_orders(s, me, orders), strict=True) if r is None]
        mind.decision.orders = keep
        return mind.decision


class _Mind:
    def __init__(self, state: GameState, me: str, style: dict[str, float], rng: Rng):
        self.s = state
        self.me = me
        self.style = style
        self.rng = rng
        self.decision = Decision()
        self.actions = 0

    # --- bookkeeping --------------------------------------------------------------------------

    def give(self, order: Order, reason: str) -> bool:
        if order.costs_action:
            if self.actions >= MAX_ACTIONS_PER_TURN:
                return False
            self.actions += 1
        if order in self.decision.orders:
            return False
        self.decision.orders.append(order)
        self.decision.reasons.append(f"{order.label}: {reason}")
        return True

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def strength(self, sid: str) -> float:
        return max(1.0, self.s.country(sid).military)

    def rel(self, other: str) -> float:
        return self.s.relation(self.me, other)

    def rivals(self) -> list[str]:
        return sorted((o for o in self.s.ids if o != self.me and self.rel(o) < -15), key=self.rel)

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
            if u.target == me and u.status == "pending":
                ratio = self.strength(u.issuer) / self.strength(me)
                comply = self.chance(logistic(1.5 * (ratio - 1.5)) * (0.5 + self.style["concede"]))
                self.give(AnswerUltimatum(me, ultimatum=u.id, comply=comply),
                          f"{u.issuer} is {ratio:.1f} times our strength")  # fmt: skip
        for m in s.mediations:
            if me in m.parties and m.status == "offered" and me not in m.accepted_by:
                accept = self.chance(0.4 + 0.5 * self.style["talk"])
                self.give(AnswerMediation(me, mediation=m.id, accept=accept), "a mediator may find a way out")
        for d in s.drafts:
            if d.status == "tabled" and d.turn < s.turn and me in council_members(s):
                self.give(CastVote(me, draft=d.id, vote=self.judge_draft(d)), "how the draft touches our friends and rivals")
        for e in s.sanctions:
            if e.target == me and e.stage in ("threatened", "imposed"):
                concede, why = self.judge_sanctions(e)
                if concede:
                    self.give(ConcedeToSanctions(me, episode=e.id), why)

    def judge_proposal(self, p) -> tuple[bool, str]:
        if p.kind in ("ceasefire", "peace"):
            war = next((w for w in self.s.active_wars() if self.me in w.side_a + w.side_b), None)
            losing = war is not None and ((self.me in war.side_a) == (war.front < 0))
            p_yes = 0.35 + 0.4 * self.style["talk"] + (0.3 if losing else 0.0)
            return self.chance(p_yes), "the fighting costs more than it wins" if losing else "peace is worth trying"
        if p.kind == "arms_control":
            mine = self.s.country(self.me).military
            ok = p.cap is not None and p.cap >= mine and self.chance(0.3 + 0.6 * self.style["institutions"])
            return ok, f"the cap of {p.cap:g} {'leaves' if ok else 'would not leave'} room for our forces"
        warmth = (self.rel(p.proposer) + 20) / 40 + self.style["talk"] - 0.5
        return self.chance(logistic(warmth)), f"our relations with {p.proposer} stand at {self.rel(p.proposer):.0f}"

    def judge_call(self, inv) -> tuple[bool, str]:
        if not inv.within_terms:
            return self.chance(0.2), "the call falls outside the treaty's terms"
        risk = self.strength(inv.against) / (self.strength(self.me) + self.strength(inv.invoker))
        loyalty = self.rel(inv.invoker) / 100
        p = min(0.95, max(0.05, self.style["honour"] + 0.3 * loyalty - 0.35 * (risk - 0.7)))
        honour = self.chance(p)
        return honour, f"loyalty {loyalty:+.2f}, the aggressor's relative strength {risk:.2f}, chance {p:.0%}"

    def judge_draft(self, d) -> str:
        if d.kind == "peacekeeping":
            return "yes" if self.rel(d.target) > -60 or self.style["institutions"] > 0.5 else "abstain"
        if d.target == self.me:
            return "no"
        r = self.rel(d.target)
        if r > 25:
            return "no"  # shield a friend, with the veto where we hold it
        if r < -10 or self.style["institutions"] > 0.7:
            return "yes"
        return "abstain"

    def judge_sanctions(self, e) -> tuple[bool, str]:
        dependence = sum(_trade(self.s, self.me, x) for x in e.senders)
        level = cost_level(e.cost)
        pressure = {"minor": 0.0, "major": 0.8, "severe": 1.6}[level] + 3.0 * dependence
        if e.stage == "threatened":
            pressure += 0.4  # giving in before the harm is cheaper
        p = logistic(pressure - 2.2 + 1.5 * (self.style["concede"] - 0.4)) * 0.6
        return self.chance(p), f"the sanctions cost {e.cost:.1f}% of GDP ({level}), dependence {dependence:.2f}"

    # --- force --------------------------------------------------------------------------------

    def respond_to_force(self) -> None:
        s, me = self.s, self.me
        for other in s.ids:
            if other == me:
                continue
            hit, defending = attacked_by(s, me, other)
            if not hit:
                continue
            for t in s.active_treaties(member=me):
                if t.kind in ("alliance", "defense_pact") and other not in t.members:
                    if not any(i.treaty_id == t.id and i.against == other and not i.closed for i in s.invocations):
                        self.give(InvokeAlliance(me, treaty=t.id, against=other), f"{other} used force against us")
            ratio = self.strength(me) / self.strength(other)
            if s.at_war(me, other):
                losing = any((me in w.side_a) == (w.front < 0) and w.front != 0 for w in s.active_wars() if other in w.side_a + w.side_b)
                if losing or self.chance(0.3 * self.style["talk"]):
                    self.give(ProposeAgreement(me, to=(other,), treaty="ceasefire"), "the war is going badly" if losing else "try to stop the war")
                self.give(Attack(me, target=other), "we are at war")
            elif self.chance(min(0.6, 0.1 + 0.35 * self.style["force"] * min(ratio, 2.0))):
                self.give(Attack(me, target=other), f"answer force with force (strength ratio {ratio:.1f})")
            else:
                self.give(ProposeAgreement(me, to=(other,), treaty="ceasefire"), "contain the clash")

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
            elif c.type == "relations_at_least" and self.rel(c.with_) < c.value and self.chance(0.6):
                self.give(PublicDiplomacy(me, target=c.with_), f"objective: {obj.text}")
            elif c.type == "attribute_at_least" and c.attribute == "military" and (c.state or me) == me:
                if s.country(me).military < c.value and self.chance(0.5):
                    cheat = next((t for t in s.active_treaties(member=me, kind="arms_control")), None)
                    if cheat is not None and self.style["force"] > 0.5:
                        self.give(CheatOnArmsControl(me, treaty=cheat.id), f"objective: {obj.text}")
                    else:
                        self.give(BuildUp(me), f"objective: {obj.text}")
            elif c.type == "resolution_passed" and self.chance(0.5):
                if me in council_members(s) and not any(d.kind == c.kind and d.status == "tabled" for d in s.drafts):
                    target = c.target or (self.rivals() or [None])[0]
                    if target:
                        self.give(TableResolution(me, resolution=c.kind, target=target), f"objective: {obj.text}")

    def coerce(self, target: str, why: str) -> None:
        s, me = self.s, self.me
        mine = next((e for e in s.sanctions if e.target == target and me in e.senders and e.stage in ("threatened", "imposed")), None)
        if any(e.target == target and me in e.senders and e.stage == "conceded" for e in s.sanctions):
            return
        if mine is None:
            others_ = next((e for e in s.sanctions if e.target == target and e.stage in ("threatened", "imposed")), None)
            if others_ is not None and self.chance(0.5):
                self.give(JoinSanctions(me, episode=others_.id), why)
            elif self.chance(0.25 + 0.5 * self.style["sanction"]):
                self.give(ThreatenSanctions(me, target=target, measure="trade"), why)
        elif mine.stage == "threatened" and s.turn - (mine.threatened_turn or 0) >= 1:
            if self.chance(0.15 + 0.55 * self.style["sanction"]):
                self.give(ImposeSanctions(me, target=target, measure=mine.measure), why + " (the threat was ignored)")
        elif mine.stage == "imposed" and _trade(s, me, target) > 0.2 and cost_level(mine.cost) == "severe" and self.chance(0.2):
            self.give(LiftSanctions(me, episode=mine.id), "the sanctions hurt us nearly as much")

    def protect(self, population_id: str, why: str) -> None:
        s, me = self.s, self.me
        pop = next(p for p in s.populations if p.id == population_id)
        if s.turn < pop.active_from or me in pop.protected_by:
            return
        authorized = any(d.status == "adopted" and d.kind in ("peacekeeping", "authorize_force") for d in s.drafts)
        if me in council_members(s) and not any(d.kind == "peacekeeping" and d.population == pop.id for d in s.drafts):
            self.give(TableResolution(me, resolution="peacekeeping", target=pop.in_state, population=pop.id), why)
        elif authorized or self.chance(0.3 * self.style["force"] + 0.1):
            self.give(Intervene(me, population=pop.id), why)
        else:
            self.give(SendAid(me, target=pop.in_state), why)

    # --- doctrine ------------------------------------------------------------------------------

    def doctrine_moves(self, doctrine: str) -> None:
        s, me = self.s, self.me
        rivals = self.rivals()
        st = self.style
        if rivals and self.chance(0.4 * st["force"]):
            self.give(MobilizeForces(me, target=rivals[0]), f"show resolve to {rivals[0]}")
        if rivals and self.chance(0.35 * st["force"]) and not s.active_treaties(member=me, kind="arms_control"):
            self.give(BuildUp(me), "keep pace with our rivals")
        if rivals and self.chance(0.05 * st["force"]) and self.strength(me) > 1.3 * self.strength(rivals[0]):
            self.give(Attack(me, target=rivals[0]), f"strike {rivals[0]} while we hold the advantage")
        if rivals and self.chance(0.25 * st["sanction"]):
            self.coerce(rivals[0], f"press {rivals[0]} economically")
        for a, b in sorted({(d.initiator, d.target) for d in s.disputes if d.ended_turn is None}):
            if me not in (a, b) and self.chance(0.3 * st["talk"]):
                self.give(OfferMediation(me, between=(a, b)), "a mediator can calm the crisis")
                break
        if rivals and self.chance(0.4 * st["talk"]):
            self.give(BackChannel(me, target=rivals[-1]), f"keep a quiet line open to {rivals[-1]}")
        friendly = sorted((o for o in s.ids if o != me and self.rel(o) > 20), key=self.rel, reverse=True)
        if friendly and self.chance(0.3 * st["talk"]):
            self.give(CulturalExchange(me, target=friendly[0]), f"deepen ties with {friendly[0]}")
        if self.chance(0.3 * st["institutions"]):
            target = rivals[0] if rivals else None
            if target:
                self.give(PublicDiplomacy(me, target=target), f"win over opinion in {target}")


def _trade(state: GameState, a: str, b: str) -> float:
    return next((t.share for t in state.scenario.trade if t.from_ == a and t.to == b), 0.0)
