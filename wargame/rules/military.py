"""Military moves and great power competition: shows of force, the use of force, disputes that
may become wars, build-ups and arms races, covert proxy support. War itself (battles, allies
joining, victory) is in war.py; its step belongs to this family.

A display or use of force opens a militarized dispute. Disputes almost only become wars when the
target answers force with force (reciprocation), and even then rarely: the chance rises with how
evenly matched the two are, the global tension and arms racing, and with proximity (neighbours
fight over what lies between them; distant states rarely do), and falls between democracies,
against a nuclear-armed target or one under a reliable nuclear-armed ally's umbrella (extended
deterrence), against a target with reliable friends (allies' expected help and guests' based
forces deter), and while an ally restrains one of the two. A sustained assault on a target that
does not fight back can still become a war, but much more rarely (an invasion).

Force needs reach (geography.py): a state can show or use force only against states within its
reach, except to answer force used against it or in a war it is already fighting.

Using force against a treaty partner breaks every treaty the two share (a non-aggression pact,
a ceasefire, an alliance): treaty terms are checked every turn.

The war chance is tuned so that about 4.5% of disputes become wars, nearly all of them
reciprocated (MID 5.0, Palmer et al. 2022: rows mid_war and war_reciprocated of `wargame
calibrate`); the other figures were set by hand (tuned).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..draft import TurnDraft
from ..enums import DraftStatus, Regime, ResolutionKind, Rung, Stat, TreatyKind, TreatyStatus
from ..moves import Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..state import Dispute, GameState, Readings
from .agreements import breach
from .alliances import attacked_by, restrained
from .common import check_other_state, toward_each_other
from .geography import proximity, reach_reason
from .power import expected_support, fighting_strength, nuclear_umbrella
from .war import WARS, WarEvent, begin_war

# build-ups, reductions and arms races
BUILDUP_GAIN = 0.06  # military added by a build-up, share of current capability (tuned)
BUILDUP_COST = 0.015  # economy spent on it, share (tuned)
BUILDUP_TENSION = 2.0  # (tuned)
BUILDUP_MIN_ECONOMY = 10.0  # an economy below this cannot carry a build-up (tuned)
ARMS_RACE_MARK = 1.5  # added to the arms race indicator by a build-up: a state at or above it
# built up this turn (tuned)
ARMS_RACE_DECAY = 0.5  # the indicator's fall each turn (tuned)
ARMS_RACE_HOSTILITY = -10.0  # racers whose relations are below this are in an arms race (tuned)
ARMS_RACE_TENSION = 4.0  # (tuned)
DISARM_SHARE = 0.05  # capability given up by a reduction (tuned)
DISARM_ECONOMY_GAIN = 0.01  # economy gained by it, share (tuned)
DISARM_TENSION = -2.0  # (tuned)
DISARM_MIN_MILITARY = 5.0  # forces below this are minimal and cannot be reduced (tuned)

# shows and uses of force
MOBILIZE_COST = 0.005  # economy spent on a show of force, share (tuned)
MOBILIZE_RELATIONS = -10.0  # with the target (tuned)
MOBILIZE_TENSION = 5.0  # (tuned)
STRIKE_LOSS = 0.02  # share of the target's forces a use of force destroys (tuned)
ATTACKER_LOSS_RATIO = 0.5  # the attacker loses this much relative to the target's loss (tuned)
STRIKE_CASUALTIES = 40  # casualties per unit of capability lost to a use of force (tuned)
RALLY_STABILITY = 3.0  # the target's public rallies round the flag (tuned)
STRIKE_RELATIONS = -25.0  # with the target (tuned)
STRIKE_TENSION = 10.0  # (tuned)
UNAUTHORIZED_FORCE_REPUTATION = -5.0  # force without a Council mandate or self-defence (tuned)
UNAUTHORIZED_FORCE_RELATIONS = -3.0  # ... with every other state (tuned)
DISPUTE_QUIET_TURNS = 2  # a dispute with no force for this long ends (tuned; mid_war, slightly)
TERMS_BROKEN_BY_FORCE = (  # treaties that force between their members breaches
    TreatyKind.ALLIANCE,
    TreatyKind.DEFENSE_PACT,
    TreatyKind.NON_AGGRESSION,
    TreatyKind.BASING,
    TreatyKind.INTELLIGENCE_SHARING,
    TreatyKind.JOINT_EXERCISES,
    TreatyKind.CEASEFIRE,
    TreatyKind.PEACE,
)

# the chance that a clash becomes war (see war_chance)
WAR_BASE = 0.095  # chance a reciprocated clash becomes war, before modifiers (tuned; mid_war;
# 0.12 before force needed reach: most disputes are now between neighbours, factor 1.6)
TENSION_FACTOR_FLOOR = 0.5  # the tension factor at zero tension, 1.5 at full (tuned; mid_war)
# parity: the factor is 1 - PARITY_SLOPE x |the initiator's share of the two's strength - 0.5|,
# so evenly matched states fight and a preponderant one rarely needs to (Bremer 1992, "Dangerous
# Dyads"; tuned; mid_war, stronger_wins)
PARITY_SLOPE = 1.0
ARMS_RACE_WAR_RISK = 0.15  # war chance added per unit of the smaller arms race indicator
# (tuned; mid_war, barely)
DEMOCRATIC_PEACE = 0.3  # factor when both are democracies: the democratic peace (tuned)
NUCLEAR_DETERRENCE = 0.5  # factor against a nuclear-armed target (tuned; mid_war)
# extended deterrence: against a target with a nuclear-armed ally bound to defend it, the factor
# is 1 - (1 - NUCLEAR_DETERRENCE) x that ally's reliability: a borrowed deterrent is only as
# good as the promise (Huth 1988, "Extended Deterrence and the Prevention of War"; Fuhrmann &
# Sechser 2014, AJPS 58(4); tuned; mid_war)
# proximity (Bremer 1992, "Dangerous Dyads", JCR 36(2); Vasquez 1995, JPR 32(3); values tuned;
# mid_war): no geography in the scenario leaves the factor at 1
PROXIMITY_FACTOR = {"neighbours": 1.6, "region": 1.0, "distant": 0.5, "unknown": 1.0}
RESTRAINT_FACTOR = 0.5  # an ally is restraining one of the two (Pressman 2008; tuned)
INVASION_FACTOR = 0.25  # a sustained assault on a target that does not fight back, relative to
# a reciprocated clash: wars come "almost only" from reciprocated disputes (MID 5.0; tuned;
# war_reciprocated, when such assaults happen)

# covert support
PROXY_STABILITY = -4.0  # the target's stability change (tuned)
PROXY_COST = 0.005  # economy spent, share (tuned)
PROXY_EXPOSURE = 0.3  # chance covert support is exposed (tuned)
PROXY_INTEL_BONUS = 0.25  # ... added when the target shares intelligence with partners (tuned)
PROXY_EXPOSED_RELATIONS = -20.0  # with the target, once exposed (tuned)
PROXY_EXPOSED_REPUTATION = -4.0  # (tuned)
PROXY_EXPOSED_TENSION = 4.0  # (tuned)


class MilitaryEvent(StrEnum):
    FORCES_BUILT_UP = "ForcesBuiltUp"
    FORCES_REDUCED = "ForcesReduced"
    ARMS_RACE_INTENSIFIED = "ArmsRaceIntensified"
    FORCES_MOBILIZED = "ForcesMobilized"
    FORCE_USED = "ForceUsed"
    WAR_AVERTED = "WarAverted"
    DISPUTE_SUBSIDED = "DisputeSubsided"
    PROXY_SUPPORT_EXPOSED = "ProxySupportExposed"
    PROXY_SUPPORT_GIVEN = "ProxySupportGiven"
    UNREST_GREW = "UnrestGrew"


# --- the chance that a clash becomes war -------------------------------------------------------


def arms_race_factor(x: Readings, a: str, b: str) -> float:
    """How much an arms race between a and b raises the chance their clashes become war."""
    return 1.0 + ARMS_RACE_WAR_RISK * min(x.country(a).buildup, x.country(b).buildup)


# factors worked out from the two sides' true strengths (which others may only estimate): the
# facilitator sees them, the states see the rest
STRENGTH_FACTORS = (
    "parity",
    "defender's expected allied help",
    "alliance deterrence factor",
    "probability",
)


def observed(factors: dict[str, float]) -> tuple[dict[str, float], dict[str, float]]:
    """(what every state may see, what only the facilitator sees) of a war chance's factors."""
    public = {k: v for k, v in factors.items() if k not in STRENGTH_FACTORS}
    return public, {k: v for k, v in factors.items() if k in STRENGTH_FACTORS}


def war_chance(x: Readings, a: str, b: str) -> dict[str, float]:
    """The chance a reciprocated clash between a (initiator) and b becomes war, with its factors."""
    sa, sb = max(1.0, fighting_strength(x, a)), max(1.0, fighting_strength(x, b))
    share = sa / (sa + sb)
    parity = 1.0 - PARITY_SLOPE * abs(share - 0.5)  # 1 when even: evenly matched sides fight
    tension = TENSION_FACTOR_FLOOR + x.tension_between(a, b) / 100
    race = arms_race_factor(x, a, b)
    both_democracies = all(x.scenario.state(s).regime == Regime.DEMOCRACY for s in (a, b))
    peace = DEMOCRATIC_PEACE if both_democracies else 1.0
    if x.scenario.state(b).nuclear:
        nuclear = NUCLEAR_DETERRENCE
    else:
        umbrella, _ = nuclear_umbrella(x, b, a)
        nuclear = 1.0 - (1.0 - NUCLEAR_DETERRENCE) * umbrella
    support = expected_support(x, b, a)
    allies = (sa + sb) / (sa + sb + support)
    near = PROXIMITY_FACTOR[proximity(x.scenario, a, b)]
    turn = getattr(x, "turn", 0)
    held_back = RESTRAINT_FACTOR if restrained(x, a, b, turn) else 1.0
    p = WAR_BASE * parity * tension * race * peace * nuclear * allies * near * held_back
    return {
        "base": WAR_BASE,
        "parity": parity,
        "tension factor": tension,
        "arms race factor": race,
        "democratic peace factor": peace,
        "nuclear deterrence factor": nuclear,
        "proximity factor": near,
        "ally's restraint factor": held_back,
        "defender's expected allied help": support,
        "alliance deterrence factor": allies,
        "probability": p,
    }


# --- shows and uses of force -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MobilizeForces(Order):
    target: str = ""


@dataclass(frozen=True, slots=True)
class Attack(Order):
    target: str = ""


def check_targeted(state: GameState, o: MobilizeForces | Attack | ProxySupport) -> str | None:
    return check_other_state(state, o.actor, o.target)


def check_force(state: GameState, o: MobilizeForces | Attack) -> str | None:
    """Force needs reach, except in self-defence or in a war already being fought."""
    if reason := check_other_state(state, o.actor, o.target):
        return reason
    if state.at_war(o.actor, o.target) or attacked_by(state, o.actor, o.target)[0]:
        return None
    return reach_reason(state, o.actor, o.target)


def open_or_raise_dispute(
    draft: TurnDraft,
    actor: str,
    target: str,
    rung: int,
    force: bool,
    *,
    current: Dispute | None = None,
) -> Dispute:
    """The dispute between actor and target, opened or raised; notes reciprocation and force.
    `current` spares the search when the caller has just looked the open dispute up."""
    d = current or draft.open_dispute(actor, target)
    if d is None:
        d = Dispute(
            draft.new_id("d"),
            actor,
            target,
            draft.turn,
            rung,
            last_force=draft.turn if force else None,
        )
        draft.disputes.append(d)
        return d
    reciprocated = d.reciprocated or actor == d.target
    last = draft.turn if force and actor == d.initiator else d.last_force
    return draft.disputes.replace(
        d, rung=max(d.rung, rung), reciprocated=reciprocated, last_force=last
    )


def settle_force(draft: TurnDraft, orders: TurnOrders) -> None:
    """Shows and uses of force: disputes open, reciprocation is noted, then some clashes become
    wars (every force of the turn counts before the war rolls)."""
    forceful = orders.of(MobilizeForces, Attack)
    used_force: set[tuple[str, str]] = set()
    sustained: set[frozenset[str]] = set()
    for o in forceful:
        attack = isinstance(o, Attack)
        rung = Rung.LIMITED_FORCE if attack else Rung.MILITARY_SIGNALLING
        if draft.war_between(o.actor, o.target) is not None:
            if attack:
                used_force.add((o.actor, o.target))
            continue
        before = draft.open_dispute(o.actor, o.target)
        if (
            attack
            and before is not None
            and o.actor == before.initiator
            and before.last_force == draft.turn - 1
        ):
            sustained.add(frozenset((o.actor, o.target)))
        open_or_raise_dispute(draft, o.actor, o.target, rung, attack, current=before)
        draft.reach(rung)
        if attack:
            used_force.add((o.actor, o.target))
            _strike(draft, o.actor, o.target)
        else:
            _mobilize(draft, o.actor, o.target)
    for pair in sorted({tuple(sorted(p)) for p in used_force}):
        a, b = pair
        if draft.war_between(a, b) is not None:
            continue
        d = draft.open_dispute(a, b)
        if d is None:
            continue
        factors = war_chance(draft, d.initiator, d.target)
        if not d.reciprocated:
            if frozenset(pair) not in sustained:
                continue
            factors["invasion factor (target has not fought back)"] = INVASION_FACTOR
            factors["probability"] *= INVASION_FACTOR
        happened, roll = draft.rng.roll(factors["probability"])
        public, secret = observed(factors | {"roll": roll})
        if happened:
            begin_war(draft, d, public, secret)
        else:
            draft.emit(
                MilitaryEvent.WAR_AVERTED,
                f"The clash between {draft.name(a)} and {draft.name(b)} did not become a war.",
                (a, b),
                public,
                secret=secret,
            )
    _close_quiet_disputes(
        draft,
        {frozenset(p) for p in used_force} | {frozenset((o.actor, o.target)) for o in forceful},
    )


def _mobilize(draft: TurnDraft, actor: str, target: str) -> None:
    draft.country(actor).scale(Stat.ECONOMY, 1 - MOBILIZE_COST)
    relations = draft.shift_relation(actor, target, MOBILIZE_RELATIONS)
    draft.shift_tension(MOBILIZE_TENSION, among=(actor, target))
    draft.emit(
        MilitaryEvent.FORCES_MOBILIZED,
        f"{draft.name(actor)} mobilized forces against {draft.name(target)}.",
        (actor, target),
        {"tension change": MOBILIZE_TENSION, "relations change": relations},
    )


def _strike(draft: TurnDraft, attacker: str, target: str) -> None:
    striker, victim = draft.country(attacker), draft.country(target)
    victim.attacked = True
    d = draft.open_dispute(attacker, target)
    defending = d is not None and attacker == d.target  # answering force used against it
    if defending:
        striker.reciprocated = True
    break_terms_by_force(draft, attacker, target)
    losses = victim.military * STRIKE_LOSS
    victim.shift(Stat.MILITARY, -losses)
    striker.shift(Stat.MILITARY, -losses * ATTACKER_LOSS_RATIO)
    victim.casualties += int(losses * STRIKE_CASUALTIES)
    striker.casualties += int(losses * ATTACKER_LOSS_RATIO * STRIKE_CASUALTIES)
    victim.shift(Stat.STABILITY, RALLY_STABILITY)
    authorized = authorized_against(draft, target)
    reputation = 0.0
    if not authorized and not defending:
        reputation = striker.shift(Stat.REPUTATION, UNAUTHORIZED_FORCE_REPUTATION)
        draft.shift_relations_with_all(attacker, UNAUTHORIZED_FORCE_RELATIONS, except_=(target,))
    draft.shift_relation(attacker, target, STRIKE_RELATIONS)
    draft.shift_tension(STRIKE_TENSION, among=(attacker, target))
    how = (
        " with Security Council authorization"
        if authorized
        else " in self-defence"
        if defending
        else ""
    )
    draft.emit(
        MilitaryEvent.FORCE_USED,
        f"{draft.name(attacker)} used force against {draft.name(target)}{how}.",
        (attacker, target),
        {
            "share of the target's forces lost": STRIKE_LOSS,
            "attacker reputation change": reputation,
            "tension change": STRIKE_TENSION,
        },
        private={target: {"your capability lost": losses}},
        secret={"target capability lost": losses},
    )


def break_terms_by_force(draft: TurnDraft, attacker: str, target: str) -> None:
    """Force against a partner breaks every treaty the two share (checked at every use of force)."""
    for t in list(draft.treaties):
        if (
            t.status == TreatyStatus.ACTIVE
            and t.kind in TERMS_BROKEN_BY_FORCE
            and attacker in t.members
            and target in t.members
        ):
            breach(draft, t, attacker, why=f"used force against {draft.name(target)} in breach of")


def authorized_against(x: Readings, target: str) -> bool:
    """Has the Security Council authorized force against `target`? (state or draft alike)"""
    return any(
        d.status == DraftStatus.ADOPTED
        and d.kind == ResolutionKind.AUTHORIZE_FORCE
        and d.target == target
        for d in x.live("drafts")  # adopted drafts are live
    )


def _close_quiet_disputes(draft: TurnDraft, active_pairs: set[frozenset[str]]) -> None:
    for d in list(draft.disputes):
        if d.ended_turn is not None or d.war_id is not None:
            continue
        if frozenset((d.initiator, d.target)) in active_pairs:
            continue
        if draft.turn - d.started_turn >= DISPUTE_QUIET_TURNS:
            draft.disputes.replace(d, ended_turn=draft.turn)
            if not d.reciprocated:
                draft.country(d.target).backed_down += 1
            draft.emit(
                MilitaryEvent.DISPUTE_SUBSIDED,
                f"The dispute between {draft.name(d.initiator)} and {draft.name(d.target)} "
                "subsided.",
                (d.initiator, d.target),
            )


# --- build-ups and reductions; arms races ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BuildUp(Order):
    """Add to your forces, at a cost to the economy."""


@dataclass(frozen=True, slots=True)
class Disarm(Order):
    """Reduce your forces."""


def check_buildup(state: GameState, o: BuildUp) -> str | None:
    me = state.country(o.actor)
    for t in state.active_treaties(member=o.actor, kind=TreatyKind.ARMS_CONTROL):
        if t.cap is not None and me.military * (1 + BUILDUP_GAIN) > t.cap:
            return (
                f"a build-up would break the cap of {t.cap:g} in the arms control treaty "
                f"between {state.names(t.members)}"
            )
    if me.economy < BUILDUP_MIN_ECONOMY:
        return "your economy cannot carry a build-up"
    return None


def check_disarm(state: GameState, o: Disarm) -> str | None:
    if state.country(o.actor).military < DISARM_MIN_MILITARY:
        return "your forces are already minimal"
    return None


def buildup_candidates(state: GameState, seat: str):
    yield BuildUp(seat)


def disarm_candidates(state: GameState, seat: str):
    yield Disarm(seat)


def cool_arms_races(draft: TurnDraft, _orders: TurnOrders) -> None:
    """The arms race indicator falls each turn, before this turn's build-ups."""
    for country in draft.countries:
        country.shift(Stat.BUILDUP, -ARMS_RACE_DECAY)


def build_up(draft: TurnDraft, o: BuildUp) -> None:
    actor = draft.country(o.actor)
    gain = actor.scale(Stat.MILITARY, 1 + BUILDUP_GAIN)
    actor.scale(Stat.ECONOMY, 1 - BUILDUP_COST)
    actor.shift(Stat.BUILDUP, ARMS_RACE_MARK)
    draft.shift_tension(BUILDUP_TENSION, among=(o.actor,))
    draft.emit(
        MilitaryEvent.FORCES_BUILT_UP,
        f"{draft.name(o.actor)} built up its forces.",
        (o.actor,),
        {
            "share of its forces added": BUILDUP_GAIN,
            "economy spent, %": BUILDUP_COST * 100,
            "tension change": BUILDUP_TENSION,
        },
        private={o.actor: {"capability gained": gain}},
    )


def reduce_forces(draft: TurnDraft, o: Disarm) -> None:
    actor = draft.country(o.actor)
    loss = actor.scale(Stat.MILITARY, 1 - DISARM_SHARE)
    actor.scale(Stat.ECONOMY, 1 + DISARM_ECONOMY_GAIN)
    draft.shift_tension(DISARM_TENSION, among=(o.actor,))
    draft.emit(
        MilitaryEvent.FORCES_REDUCED,
        f"{draft.name(o.actor)} reduced its forces.",
        (o.actor,),
        {"share of its forces given up": DISARM_SHARE},
        private={o.actor: {"capability change": loss}},
    )


def note_arms_races(draft: TurnDraft, _orders: TurnOrders) -> None:
    """Hostile states that both built up this turn are racing to arm."""
    racers = [s for s in draft.ids if draft.country(s).buildup >= ARMS_RACE_MARK]
    for i, a in enumerate(racers):
        for b in racers[i + 1 :]:
            if draft.relation(a, b) < ARMS_RACE_HOSTILITY:
                draft.shift_tension(ARMS_RACE_TENSION, among=(a, b))
                draft.emit(
                    MilitaryEvent.ARMS_RACE_INTENSIFIED,
                    f"{draft.name(a)} and {draft.name(b)} are racing to arm: "
                    "the chance that a clash between them becomes war has risen.",
                    (a, b),
                    {
                        "tension change": ARMS_RACE_TENSION,
                        "arms race factor": arms_race_factor(draft, a, b),
                    },
                )


# --- covert support ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProxySupport(Order):
    target: str = ""


def support_proxies(draft: TurnDraft, o: ProxySupport) -> None:
    """Covert support for a rival's armed opponents: cheap, deniable, destabilizing, and exposed
    more often when the target shares intelligence with partners."""
    stability = draft.country(o.target).shift(Stat.STABILITY, PROXY_STABILITY)
    sponsor = draft.country(o.actor)
    sponsor.scale(Stat.ECONOMY, 1 - PROXY_COST)
    watched = bool(draft.active_treaties(member=o.target, kind=TreatyKind.INTELLIGENCE_SHARING))
    p = PROXY_EXPOSURE + (PROXY_INTEL_BONUS if watched else 0.0)
    exposed, roll = draft.rng.roll(p)
    if exposed:
        draft.shift_relation(o.actor, o.target, PROXY_EXPOSED_RELATIONS)
        reputation = sponsor.shift(Stat.REPUTATION, PROXY_EXPOSED_REPUTATION)
        draft.shift_tension(PROXY_EXPOSED_TENSION, among=(o.actor, o.target))
        draft.emit(
            MilitaryEvent.PROXY_SUPPORT_EXPOSED,
            f"{draft.name(o.actor)} was exposed arming opponents of {draft.name(o.target)}'s "
            "government.",
            (o.actor, o.target),
            {
                "chance of exposure": p,
                "target shares intelligence": float(watched),
                "roll": roll,
                "target stability change": stability,
                "reputation change": reputation,
            },
        )
        return
    draft.emit(
        MilitaryEvent.PROXY_SUPPORT_GIVEN,
        f"Covert support for {draft.name(o.target)}'s opponents went unnoticed.",
        (o.actor,),
        {"chance of exposure": p, "roll": roll},
        visible_to=(o.actor,),
    )
    draft.emit(
        MilitaryEvent.UNREST_GREW,
        f"Armed opposition in {draft.name(o.target)} grew, backed by an unknown sponsor.",
        (o.target,),
        {"stability change": stability},
    )


# the posture phase: the arms race indicator falls, build-ups and reductions one by one, then
# the arms races they make
COOLING = Step(Phase.POSTURE, cool_arms_races)
POSTURE = Step(Phase.POSTURE)  # each order in turn, by its move's `apply`
ARMS_RACES = Step(Phase.POSTURE, note_arms_races)
FORCE = Step(Phase.FORCE, settle_force)
COVERT = Step(Phase.COVERT)  # each order in turn, by its move's `apply`

FAMILY = Family(
    "military",
    "Military",
    events=(MilitaryEvent, WarEvent),  # war.py's step is this family's
    moves=(
        Move(
            MobilizeForces,
            "Mobilize forces (show of force)",
            check_force,
            toward_each_other(lambda seat, other: MobilizeForces(seat, target=other)),
            FORCE,
            MoveHelp(
                what="Show of force: move forces to signal resolve against a state.",
                costs="One action. A little economy; tension rises and relations with the "
                "target fall.",
                risks="Opens a militarized dispute. If the other side answers with force, a "
                "clash can escalate to war, more readily between neighbours.",
                when="Against a state within your reach (neighbours, your region, or anywhere "
                "for a global power; bases extend it), or to answer force used against you.",
            ),
        ),
        Move(
            Attack,
            "Use military force",
            check_force,
            toward_each_other(lambda seat, other: Attack(seat, target=other)),
            FORCE,
            MoveHelp(
                what="Use military force against a state.",
                costs="One action. Losses on both sides; without a Security Council "
                "authorization your reputation and relations with everyone fall.",
                risks="The most dangerous move. Disputes become wars almost only when the "
                "target fights back, more readily between neighbours; in war the stronger side "
                "usually, but not always, wins. The target's allies may be called in, and a "
                "nuclear-armed ally's umbrella makes war with it more dangerous.",
                when="Against a state within your reach (neighbours, your region, or anywhere "
                "for a global power; bases extend it), to answer force used against you, or in "
                "a war you are fighting.",
            ),
        ),
        Move(
            BuildUp,
            "Military build-up",
            check_buildup,
            buildup_candidates,
            POSTURE,
            MoveHelp(
                what="Build up your military capability.",
                costs="One action. Costs a share of your economy; tension rises.",
                risks="If a rival builds up too, an arms race raises the chance that a clash "
                "turns into war.",
                when="Not beyond the cap of an arms control treaty you have signed.",
            ),
            apply=build_up,
        ),
        Move(
            Disarm,
            "Reduce forces",
            check_disarm,
            disarm_candidates,
            POSTURE,
            MoveHelp(
                what="Reduce your forces.",
                costs="One action. You lose some capability, your economy gains a little.",
                risks="Lowers tension, but makes you weaker if the crisis turns violent.",
                when="Not when your forces are already minimal.",
            ),
            apply=reduce_forces,
        ),
        Move(
            ProxySupport,
            "Covert support for the target's opponents",
            check_targeted,
            toward_each_other(lambda seat, other: ProxySupport(seat, target=other)),
            COVERT,
            MoveHelp(
                what="Secretly support the armed opponents of a state's government (arms, "
                "money, training).",
                costs="One action and a little of your economy.",
                risks="The target's stability falls. Covert support is often exposed; then "
                "relations with the target and your reputation fall, and tension rises.",
            ),
            apply=support_proxies,
        ),
    ),
    steps=(COOLING, POSTURE, ARMS_RACES, WARS, FORCE, COVERT),
)
