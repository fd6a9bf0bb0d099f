"""Institutions as the computer plays them: the Security Council (votes weighed against the
price of a veto, procedural and Chapter VI drafts, peacekeeping consent and troops), the three
pillars of the responsibility to protect, answers to allies beyond yes and no, mediators' bias
and leverage, and lawful withdrawal from arms control.

Two entry points, called from heuristic.py: `refine_answers` reshapes the free answers the
other judgements gave (how to answer an ally, how to vote, whether to hear a biased mediator)
and adds the answers only institutions ask for (consent to peacekeepers); `institution_moves`
spends actions on the institutional moves, after the objectives have had theirs.

Every judgement weighs the mechanisms the rules use (rules/organizations.py, humanitarian.py,
alliances.py, diplomacy.py, arms_control.py), never tables of outcomes.
"""

from __future__ import annotations

from ..enums import (
    CHAPTER_VI_KINDS,
    PROCEDURAL_KINDS,
    AllyHelp,
    DraftStatus,
    ResolutionKind,
    SanctionsStage,
    TreatyKind,
    Vote,
)
from ..rules.alliances import AnswerInvocation
from ..rules.arms_control import CheatOnArmsControl, GiveNotice
from ..rules.common import democracy_factor
from ..rules.diplomacy import AnswerMediation, mediator_bias, mediator_leverage
from ..rules.humanitarian import (
    AssistCapacity,
    ExerciseRestraint,
    GrantAccess,
    UndertakeReform,
)
from ..rules.organizations import (
    CONTINGENT,
    VETO_ATROCITIES_REPUTATION,
    VETO_REPUTATION,
    CastVote,
    ConsentToPeacekeepers,
    ContributeTroops,
    TableResolution,
    atrocities_under_way,
    council,
    council_members,
    counterpart,
    mission_strength,
    parties,
)
from ..rules.soft_power import SendAid
from ..state import by_id, per_tuple
from .mind import Mind, logistic

# how a mediator's lean is read: a party the mediator leans against by more than this, with
# less leverage than LEVERAGE_FLOOR to make it worth hearing, declines (after Kydd 2003; values
# tuned)
BIAS_TOLERATED = 0.3
LEVERAGE_FLOOR = 0.3


class InstitutionJudgements(Mind):
    # --- free answers ---------------------------------------------------------------------------

    def refine_answers(self) -> None:
        """Reshape answers already given and add those only institutions ask for."""
        for i, order in enumerate(list(self.decision.orders)):
            if isinstance(order, AnswerInvocation):
                self._reshape_call(i, order)
            elif isinstance(order, CastVote):
                self._reshape_vote(i, order)
            elif isinstance(order, AnswerMediation) and order.accept:
                self._weigh_mediator(i, order)
        self.answer_consent_requests()

    def _replace(self, i: int, order, reason: str) -> None:
        self.decision.orders[i] = order
        self.decision.reasons[i] = f"{order.label}: {reason}"

    def _reshape_call(self, i: int, order: AnswerInvocation) -> None:
        """A call from an ally that started the fight is outside the terms: a faithful ally does
        not join an aggression, it restrains its ally. Within a defense pact's terms, an ally
        facing a nuclear-armed or much stronger aggressor may give arms rather than troops."""
        s, me = self.s, self.me
        inv = next((v for v in s.invocations if v.id == order.invocation), None)
        if inv is None:
            return
        treaty = s.treaty(inv.treaty_id)
        invoker, enemy = inv.invoker, inv.against
        if not inv.within_terms:
            if order.honour and not self._faithful():
                return  # an opportunist ally may join its friend's war
            self._replace(
                i,
                AnswerInvocation(me, invocation=inv.id, honour=False, help=AllyHelp.RESTRAIN),
                f"{invoker} started the fighting with {enemy}; our treaty covers only its "
                "defence, so we hold it back and put a settlement to both",
            )
            return
        if (
            order.honour
            and treaty is not None
            and treaty.kind == TreatyKind.DEFENSE_PACT
            and not s.scenario.state(me).nuclear
        ):
            nuclear = s.scenario.state(enemy).nuclear
            odds = self.strength(enemy) / (self.strength(me) + self.strength(invoker))
            if nuclear or odds > 1.5:
                self._replace(
                    i,
                    AnswerInvocation(me, invocation=inv.id, honour=True, help=AllyHelp.PARTIAL),
                    f"we keep our word to {invoker} with arms and supplies; sending troops "
                    f"against {'a nuclear-armed ' if nuclear else 'a far stronger '}{enemy} "
                    "is more than the pact asks",
                )

    def _faithful(self) -> bool:
        """Does this state keep to the letter of its treaties (doctrine, promises, its public)?"""
        return (
            self.style["honour"] >= 0.6
            or self.points("obligations_kept") > 0
            or democracy_factor(self.me, self.s.scenario) > 1
        )

    def _reshape_vote(self, i: int, order: CastVote) -> None:
        d = by_id(self.s.drafts, order.draft)
        if d is None:
            return
        vote, why = self.council_vote(d, order.vote)
        if vote != order.vote:
            self._replace(i, CastVote(self.me, draft=d.id, vote=vote), why)

    def council_vote(self, d, instinct: str) -> tuple[str, str]:
        """How to vote, given the instinct of the other judgements: parties abstain under
        Chapter VI; a procedural "no" blocks nothing; a permanent member weighs the price of a
        veto (more while atrocities are under way) against what it would shield."""
        s, me = self.s, self.me
        kind = ResolutionKind(d.kind)
        if kind in CHAPTER_VI_KINDS and me in parties(s, d.target):
            return Vote.ABSTAIN, "a party to the dispute abstains under Chapter VI"
        if kind == ResolutionKind.PEACEKEEPING and d.target != me:
            if d.consent is True:
                return Vote.YES, f"{d.target} has consented to the peacekeepers"
            if d.consent is False and self.style["institutions"] < 0.7:
                return Vote.ABSTAIN, f"{d.target} refuses the peacekeepers; they cannot deploy"
        if kind in PROCEDURAL_KINDS:
            if d.target == me or (d.target and self.rel(d.target) > 25):
                return Vote.NO, "a procedural no blocks nothing, but says where we stand"
            return Vote.YES, "the Council should be seized of the matter"
        if kind == ResolutionKind.SETTLE and instinct != Vote.YES and self.style["talk"] >= 0.4:
            return Vote.YES, "a call for a peaceful settlement costs nothing"
        c = council(s)
        permanent = c is not None and me in c.permanent
        if instinct == Vote.NO and permanent and d.target != me:
            cost = VETO_REPUTATION + (VETO_ATROCITIES_REPUTATION if atrocities_under_way(s) else 0)
            shield = max(0.0, self.rel(d.target)) / 10 if d.target else 0.0
            if shield < cost * (0.5 + self.style["institutions"]):
                return Vote.ABSTAIN, (
                    f"a veto would cost us {cost:g} reputation"
                    + (" while atrocities are under way" if cost > VETO_REPUTATION else "")
                    + f", more than shielding {d.target} is worth"
                )
        return instinct, ""

    def _weigh_mediator(self, i: int, order: AnswerMediation) -> None:
        """A mediator that leans towards the other side and has no leverage to make a deal worth
        our while is declined."""
        s, me = self.s, self.me
        m = by_id(s.mediations, order.mediation)
        if m is None:
            return
        other = next(p for p in m.parties if p != me)
        lean = mediator_bias(s, m.mediator, other, me)  # positive: towards the other party
        leverage = mediator_leverage(s, m.mediator, me, other)
        if lean > BIAS_TOLERATED and leverage < LEVERAGE_FLOOR:
            self._replace(
                i,
                AnswerMediation(me, mediation=m.id, accept=False),
                f"{m.mediator} leans towards {other} ({lean:+.2f}) and has little leverage "
                f"({leverage:.2f}) to make a settlement worth our while",
            )

    def answer_consent_requests(self) -> None:
        """Peacekeepers on our soil: a host that is not killing anyone consents; a perpetrator
        consents when the pressure on it (condemnation, sanctions, the threat of intervention,
        the dead) outweighs its wish to keep its hands free."""
        s, me = self.s, self.me
        for d in self.current("drafts"):
            if (
                d.kind != ResolutionKind.PEACEKEEPING
                or d.status not in (DraftStatus.TABLED, DraftStatus.ADOPTED)
                or d.target != me
                or d.consent is True
            ):
                continue
            pop = next((p for p in s.populations if p.id == d.population), None)
            if pop is None:
                continue
            if pop.perpetrator != me:
                self.give(
                    ConsentToPeacekeepers(me, draft=d.id, consent=True),
                    "peacekeepers protect our people",
                )
                continue
            pressure = self.r2p_pressure()
            x = -1.5 + pressure + 2.0 * (self.style["concede"] - 0.4)
            x -= self.points("never_conceded") / 30
            if self.chance(logistic(x)):
                self.give(
                    ConsentToPeacekeepers(me, draft=d.id, consent=True),
                    f"the pressure on us stands at {pressure:.1f}; better blue helmets than "
                    "invaders",
                )
            elif d.consent is None:
                self.give(
                    ConsentToPeacekeepers(me, draft=d.id, consent=False),
                    f"the pressure on us stands at {pressure:.1f}; we keep our hands free",
                )

    def r2p_pressure(self) -> float:
        """How hard the world presses this state over the people it is killing."""
        s, me = self.s, self.me
        condemned = any(
            d.status == DraftStatus.ADOPTED
            and d.target == me
            and d.kind in (ResolutionKind.CONDEMN, ResolutionKind.AGENDA)
            for d in self.current("drafts")
        )
        regional = any(c.target == me and c.condemned for c in s.regional_calls)
        sanctioned = any(e.target == me and e.stage == SanctionsStage.IMPOSED for e in s.sanctions)
        force = any(
            d.target == me
            and d.kind == ResolutionKind.AUTHORIZE_FORCE
            and d.status == DraftStatus.ADOPTED
            for d in self.current("drafts")
        )
        invaded = any(p.protected_by for p in s.populations if p.perpetrator == me)
        return (
            0.8 * condemned
            + 0.5 * regional
            + 0.8 * sanctioned
            + 1.2 * force
            + 1.0 * invaded
            + (50 - s.country(me).reputation) / 50
        )

    # --- actions ---------------------------------------------------------------------------------

    def institution_moves(self) -> None:
        """The institutional moves worth an action this turn."""
        self.host_choices()
        self.drop_complicit_aid()
        self.assist_and_keep_peace()
        self.procedural_steps()
        self.lawful_withdrawal()

    def host_choices(self) -> None:
        """Pillar I: a perpetrator under pressure restrains its forces, lets aid in, reforms."""
        s, me = self.s, self.me
        for p in s.populations:
            if p.perpetrator != me or s.turn < p.active_from or p.deaths >= p.people:
                continue
            pressure = self.r2p_pressure()
            x = -2.0 + pressure + 2.0 * (self.style["concede"] - 0.4) + 1.5 * self.style["talk"]
            x -= self.points("never_conceded") / 30
            if self.chance(logistic(x)):
                self.give(
                    ExerciseRestraint(me, population=p.id),
                    f"hold our forces back while the world watches (pressure {pressure:.1f})",
                )
            if not p.access and self.chance(logistic(x - 0.5)):
                self.give(GrantAccess(me, population=p.id), "let aid in and take the blame off")
            if p.reforms < 2 and self.chance(logistic(x - 1.0)):
                self.give(
                    UndertakeReform(me, population=p.id),
                    "reforms end the crisis on our terms, before others impose theirs",
                )

    def drop_complicit_aid(self) -> None:
        """Aid to a government killing its people without letting aid workers in saves no one
        and costs us standing: take it back (unless we mean to prop that government up)."""
        s = self.s
        complicit = {
            p.in_state
            for p in s.populations
            if p.perpetrator == p.in_state and not p.access and s.turn >= p.active_from
        }
        keep_orders, keep_reasons = [], []
        for order, reason in zip(self.decision.orders, self.decision.reasons, strict=True):
            if (
                isinstance(order, SendAid)
                and order.target in complicit
                and self.rel(order.target) < 30
            ):
                self.actions -= 1
                continue
            keep_orders.append(order)
            keep_reasons.append(reason)
        self.decision.orders, self.decision.reasons = keep_orders, keep_reasons

    def assist_and_keep_peace(self) -> None:
        """Pillar II where the host lets it in, and troops for peacekeeping missions short of
        them, by states that care about the people at risk."""
        s, me = self.s, self.me
        for p in s.populations:
            if me in (p.in_state, p.perpetrator) or s.turn < p.active_from:
                continue
            cares = self.points("population_protected", population=(p.id,)) > 0
            care = (0.5 if cares else 0.0) + 0.4 * self.style["institutions"]
            if p.access and self.chance(care):
                self.give(AssistCapacity(me, population=p.id), "help the host protect its people")
            for d in self.current("drafts"):
                if (
                    d.kind == ResolutionKind.PEACEKEEPING
                    and d.population == p.id
                    and d.status == DraftStatus.ADOPTED
                    and me not in d.troops
                    and s.country(me).military >= 6
                ):
                    _, needed = mission_strength(s, p.id)
                    pledged = CONTINGENT * len(d.troops)
                    if pledged < needed and self.chance(care):
                        self.give(
                            ContributeTroops(me, draft=d.id),
                            f"the mission has {pledged:g} of the {needed:g} it needs",
                        )

    def procedural_steps(self) -> None:
        """A Council member whose drafts were vetoed puts the matter on the agenda (no veto
        there); one that wants calm calls on disputants to settle."""
        s, me = self.s, self.me
        if me not in council_members(s):
            return
        # every draft so far is read: both lists are worked out once per tuple of drafts
        on_agenda = set(per_tuple(s.drafts, "agenda targets", _agenda_targets))
        for d in per_tuple(s.drafts, "vetoed drafts", _vetoed):
            if (
                d.status == DraftStatus.VETOED
                and d.target
                and d.target != me
                and d.target not in on_agenda
                and self.chance(0.6 * self.style["institutions"])
            ):
                self.give(
                    TableResolution(me, resolution=ResolutionKind.AGENDA, target=d.target),
                    f"the draft on {d.target} was vetoed; a procedural vote cannot be",
                )
                on_agenda.add(d.target)
        if self.chance(0.25 * self.style["talk"]):
            for dsp in self.current("disputes"):
                if dsp.ended_turn is not None or me in (dsp.initiator, dsp.target):
                    continue
                if counterpart(s, dsp.initiator) is None or any(
                    d.kind == ResolutionKind.SETTLE
                    and d.target == dsp.initiator
                    and d.status in (DraftStatus.TABLED, DraftStatus.ADOPTED)
                    for d in self.current("drafts")
                ):
                    continue
                self.give(
                    TableResolution(me, resolution=ResolutionKind.SETTLE, target=dsp.initiator),
                    f"the Council should call on {dsp.initiator} and {dsp.target} to settle",
                )
                break

    def lawful_withdrawal(self) -> None:
        """A state whose security needs outgrow its arms cap leaves by the treaty's withdrawal
        clause rather than cheat, if it keeps to the letter of its treaties."""
        s, me = self.s, self.me
        wants = self.points("attribute_at_least", attribute=("military",))
        if not wants or not self._faithful():
            return
        for t in s.active_treaties(member=me, kind=TreatyKind.ARMS_CONTROL):
            if any(m == me for m, _ in t.notice):
                continue
            if any(isinstance(o, CheatOnArmsControl) for o in self.decision.orders):
                continue
            near_cap = t.cap is not None and s.country(me).military > 0.95 * t.cap
            if near_cap and self.chance(0.25):
                self.give(
                    GiveNotice(me, treaty=t.id),
                    "our security needs more than the cap allows: we leave lawfully, by the "
                    "withdrawal clause, rather than cheat",
                )


def _agenda_targets(drafts: tuple) -> frozenset:
    return frozenset(d.target for d in drafts if d.kind == ResolutionKind.AGENDA)


def _vetoed(drafts: tuple) -> tuple:
    return tuple(d for d in drafts if d.status == DraftStatus.VETOED)
