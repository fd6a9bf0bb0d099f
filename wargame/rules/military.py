"""Military moves and great power competition: shows of force, the use of force, disputes that
may become wars, war itself, build-ups and arms races, covert proxy support.

A display or use of force opens a militarized dispute. Disputes almost only become wars when the
target answers force with force (reciprocation), and even then rarely: the chance rises with how
evenly matched the two are, the global tension and arms racing, and falls between democracies,
against a nuclear-armed target and against a target with reliable friends (allies' expected help
and guests' based forces deter). A sustained assault on a target that does not fight back can
still become a war, but much more rarely (an invasion). In war, each turn is a battle whose odds
follow the coalitions' capability ratio with diminishing returns, so the stronger side usually
but not always prevails.

Using force against a treaty partner breaks every treaty the two share (a non-aggression pact,
a ceasefire, an alliance): treaty terms are checked every turn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..draft import TurnDraft
from ..enums import Rung
from ..moves import Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..state import Dispute, GameState, War, Readings
from .agreements import breach
from .common import check_other_state, toward_each_other
from .power import coalition_strength, expected_support, fighting_strength, treaties

BUILDUP_GAIN = 0.06  # military added by a build-up, share of current capability
BUILDUP_COST = 0.015  # economy spent on it
WAR_BASE = 0.12  # chance a reciprocated clash becomes war, before modifiers
INVASION_FACTOR = 0.25  # a sustained assault on a target that does not fight back, relative to that
BATTLE_EDGE = 0.076  # battle odds per unit of log capability ratio: 9:1 gives 2:1 odds per turn
FRONT_STEP = 25.0
FRONT_DECISIVE = 50.0
DISPUTE_QUIET_TURNS = 2  # a dispute with no force for this long ends
PROXY_EXPOSURE = (
    0.3  # chance covert support is exposed; the target's intelligence partners add more
)
PROXY_INTEL_BONUS = 0.25
TERMS_BROKEN_BY_FORCE = (
    "alliance",
    "defense_pact",
    "non_aggression",
    "basing",
    "intelligence_sharing",
    "joint_exercises",
    "ceasefire",
    "peace",
)


# --- orders ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MobilizeForces(Order):
    target: str = ""


@dataclass(frozen=True, slots=True)
class Attack(Order):
    target: str = ""


@dataclass(frozen=True, slots=True)
class BuildUp(Order):
    """Add to your forces, at a cost to the economy."""


@dataclass(frozen=True, slots=True)
class Disarm(Order):
    """Reduce your forces."""


@dataclass(frozen=True, slots=True)
class ProxySupport(Order):
    target: str = ""


def check_targeted(state: GameState, o: MobilizeForces | Attack | ProxySupport) -> str | None:
    return check_other_state(state, o.actor, o.target)


def check_buildup(state: GameState, o: BuildUp) -> str | None:
    me = state.country(o.actor)
    for t in state.active_treaties(member=o.actor, kind="arms_control"):
        if t.cap is not None and me.military * (1 + BUILDUP_GAIN) > t.cap:
            return f"a build-up would break the cap of {t.cap:g} in arms control treaty {t.id}"
    if me.economy < 10:
        return "your economy cannot carry a build-up"
    return None


def check_disarm(state: GameState, o: Disarm) -> str | None:
    if state.country(o.actor).military < 5:
        return "your forces are already minimal"
    return None


# --- helpers -----------------------------------------------------------------------------------


def side_strength(
    board: Readings, side: tuple[str, ...], enemy: tuple[str, ...] = ()
) -> float:
    return coalition_strength(board, side, enemy)


def battle_odds(strength_a: float, strength_b: float) -> float:
    """Chance side a wins one turn's fighting: diminishing returns on the capability ratio."""
    return min(0.85, max(0.15, 0.5 + BATTLE_EDGE * math.log(strength_a / strength_b)))


def war_chance(board: Readings, a: str, b: str) -> dict[str, float]:
    """The chance a reciprocated clash between a (initiator) and b becomes war, with its factors."""
    sa, sb = max(1.0, fighting_strength(board, a)), max(1.0, fighting_strength(board, b))
    share = sa / (sa + sb)
    parity = 1.0 - abs(share - 0.5)  # 0.5 (lopsided) .. 1 (even): evenly matched sides fight
    tension = 0.5 + board.tension / 100
    race = 1.0 + 0.15 * min(board.country(a).buildup, board.country(b).buildup)
    regimes = (board.scenario.state(a).regime, board.scenario.state(b).regime)
    peace = 0.3 if regimes == ("democracy", "democracy") else 1.0
    nuclear = 0.5 if board.scenario.state(b).nuclear else 1.0
    support = expected_support(board, b, a)
    allies = (sa + sb) / (sa + sb + support)
    p = WAR_BASE * parity * tension * race * peace * nuclear * allies
    return {
        "base": WAR_BASE,
        "parity": parity,
        "tension factor": tension,
        "arms race factor": race,
        "democratic peace factor": peace,
        "nuclear deterrence factor": nuclear,
        "defender's expected allied help": support,
        "alliance deterrence factor": allies,
        "probability": p,
    }


# --- phases ------------------------------------------------------------------------------------


def apply_force_posture(board: TurnDraft, orders: TurnOrders) -> None:
    """Build-ups and reductions; the arms race indicator decays each turn."""
    for country in board.countries:
        country.buildup = max(0.0, country.buildup - 0.5)
    for o in orders.of(BuildUp, Disarm):
        if isinstance(o, BuildUp):
            gain = board.scale(o.actor, "military", 1 + BUILDUP_GAIN)
            board.scale(o.actor, "economy", 1 - BUILDUP_COST)
            board.adjust(o.actor, "buildup", 1.5)
            board.tension = min(100.0, board.tension + 2)
            board.emit(
                "ForcesBuiltUp",
                f"{board.name(o.actor)} built up its forces.",
                (o.actor,),
                {
                    "capability gained": gain,
                    "economy spent, %": BUILDUP_COST * 100,
                    "tension change": 2,
                },
            )
        elif isinstance(o, Disarm):
            loss = board.scale(o.actor, "military", 0.95)
            board.scale(o.actor, "economy", 1.01)
            board.tension = max(0.0, board.tension - 2)
            board.emit(
                "ForcesReduced",
                f"{board.name(o.actor)} reduced its forces.",
                (o.actor,),
                {"capability change": loss},
            )
    racers = [s for s in board.ids if board.get(s, "buildup") >= 1.5]
    for i, a in enumerate(racers):
        for b in racers[i + 1 :]:
            if board.relation(a, b) < -10:
                board.tension = min(100.0, board.tension + 4)
                board.emit(
                    "ArmsRaceIntensified",
                    f"{board.name(a)} and {board.name(b)} are racing to arm: "
                    "the chance that a clash between them becomes war has risen.",
                    (a, b),
                    {
                        "tension change": 4,
                        "arms race factor": 1
                        + 0.15 * min(board.get(a, "buildup"), board.get(b, "buildup")),
                    },
                )


def open_or_raise_dispute(
    board: TurnDraft,
    actor: str,
    target: str,
    rung: int,
    force: bool,
    *,
    current: Dispute | None = None,
) -> Dispute:
    """The dispute between actor and target, opened or raised; notes reciprocation and force.
    `current` spares the search when the caller has just looked the open dispute up."""
    d = current or board.open_dispute(actor, target)
    if d is None:
        d = Dispute(
            board.new_id("d"),
            actor,
            target,
            board.turn,
            rung,
            last_force=board.turn if force else None,
        )
        board.disputes.append(d)
        return d
    reciprocated = d.reciprocated or actor == d.target
    last = board.turn if force and actor == d.initiator else d.last_force
    return board.replace_in(
        board.disputes, d, rung=max(d.rung, rung), reciprocated=reciprocated, last_force=last
    )


def apply_force(board: TurnDraft, orders: TurnOrders) -> None:
    """Shows and uses of force: disputes open, reciprocation is noted, some clashes become wars."""
    forceful = orders.of(MobilizeForces, Attack)
    used_force: set[tuple[str, str]] = set()
    sustained: set[frozenset[str]] = set()
    for o in forceful:
        attack = isinstance(o, Attack)
        rung = Rung.LIMITED_FORCE if attack else Rung.MILITARY_SIGNALLING
        if board.war_between(o.actor, o.target) is not None:
            if attack:
                used_force.add((o.actor, o.target))
            continue
        before = board.open_dispute(o.actor, o.target)
        if (
            attack
            and before is not None
            and o.actor == before.initiator
            and before.last_force == board.turn - 1
        ):
            sustained.add(frozenset((o.actor, o.target)))
        open_or_raise_dispute(board, o.actor, o.target, rung, attack, current=before)
        board.reach(rung)
        if attack:
            used_force.add((o.actor, o.target))
            _strike(board, o.actor, o.target)
        else:
            board.scale(o.actor, "economy", 0.995)
            board.shift_relation(o.actor, o.target, -10)
            board.tension = min(100.0, board.tension + 5)
            board.emit(
                "ForcesMobilized",
                f"{board.name(o.actor)} mobilized forces against {board.name(o.target)}.",
                (o.actor, o.target),
                {"tension change": 5, "relations change": -10},
            )
    for pair in sorted({tuple(sorted(p)) for p in used_force}):
        a, b = pair
        if board.war_between(a, b) is not None:
            continue
        d = board.open_dispute(a, b)
        if d is None:
            continue
        factors = war_chance(board, d.initiator, d.target)
        if not d.reciprocated:
            if frozenset(pair) not in sustained:
                continue
            factors["invasion factor (target has not fought back)"] = INVASION_FACTOR
            factors["probability"] *= INVASION_FACTOR
        happened, roll = board.rng.roll(factors["probability"])
        if happened:
            begin_war(board, d, factors | {"roll": roll})
        else:
            board.emit(
                "WarAverted",
                f"The clash between {board.name(a)} and {board.name(b)} did not become a war.",
                (a, b),
                factors | {"roll": roll},
            )
    _close_quiet_disputes(
        board,
        {frozenset(p) for p in used_force} | {frozenset((o.actor, o.target)) for o in forceful},
    )


def _strike(board: TurnDraft, attacker: str, target: str) -> None:
    board.flag(target, "attacked")
    d = board.open_dispute(attacker, target)
    if d is not None and attacker == d.target:
        board.flag(attacker, "reciprocated")
    break_terms_by_force(board, attacker, target)
    losses = board.get(target, "military") * 0.02
    board.adjust(target, "military", -losses)
    board.adjust(attacker, "military", -losses * 0.5)
    board.bump(target, "casualties", int(losses * 40))
    board.bump(attacker, "casualties", int(losses * 20))
    board.adjust(target, "stability", 3)  # rally round the flag
    authorized = authorized_against(board, target)
    defending = d is not None and attacker == d.target
    if not authorized and not defending:
        board.adjust(attacker, "reputation", -5)
        board.shift_relations_with_all(attacker, -3, except_=(target,))
    board.shift_relation(attacker, target, -25)
    board.tension = min(100.0, board.tension + 10)
    board.emit(
        "ForceUsed",
        f"{board.name(attacker)} used force against {board.name(target)}"
        f"{' with Security Council authorization' if authorized else ' in self-defence' if defending else ''}.",
        (attacker, target),
        {
            "target capability lost": losses,
            "attacker reputation change": 0 if authorized or defending else -5,
            "tension change": 10,
        },
    )


def break_terms_by_force(board: TurnDraft, attacker: str, target: str) -> None:
    """Force against a partner breaks every treaty the two share (checked whenever force is used)."""
    for t in list(board.treaties):
        if (
            t.status == "active"
            and t.kind in TERMS_BROKEN_BY_FORCE
            and attacker in t.members
            and target in t.members
        ):
            breach(board, t, attacker, why=f"used force against {board.name(target)} in breach of")


def authorized_against(board_or_state, target: str) -> bool:
    return any(
        d.status == "adopted" and d.kind == "authorize_force" and d.target == target
        for d in board_or_state.drafts
    )


def _standing_allies(board: TurnDraft, protege: str, aggressor: str) -> tuple[str, ...]:
    """Allies who answered the protege's call against this aggressor and are bound to fight."""
    out = []
    for inv in board.invocations:
        if inv.invoker == protege and inv.against == aggressor:
            t = board.find(board.treaties, inv.treaty_id)
            for ally in inv.honoured_by:
                if t is not None and t.status == "active" and ally not in out and ally != aggressor:
                    out.append(ally)
    return tuple(out)


def begin_war(
    board: TurnDraft,
    d: Dispute,
    numbers: dict[str, float],
    side_a: tuple[str, ...] = (),
    side_b: tuple[str, ...] = (),
) -> War:
    side_a = side_a or (d.initiator,)
    side_b = side_b or (d.target, *_standing_allies(board, d.target, d.initiator))
    sa, sb = side_strength(board, side_a, side_b), side_strength(board, side_b, side_a)
    stronger = "a" if sa >= sb else "b"
    war = War(
        board.new_id("w"),
        side_a,
        side_b,
        board.turn,
        stronger_share=max(sa, sb) / (sa + sb),
        stronger=stronger,
    )
    board.wars.append(war)
    board.replace_in(board.disputes, d, war_id=war.id, rung=Rung.WAR)
    board.reach(Rung.WAR)
    board.tension = min(100.0, board.tension + 15)
    joined = side_b[1:]
    board.emit(
        "WarBegan",
        f"War broke out between {board.name(d.initiator)} and {board.name(d.target)}"
        + (
            f"; {', '.join(board.name(s) for s in joined)} fought at {board.name(d.target)}'s side as promised."
            if joined
            else "."
        ),
        (*side_a, *side_b),
        numbers
        | {
            "attackers' strength": sa,
            "defenders' strength": sb,
            "stronger side's share": war.stronger_share,
        },
    )
    battle(board, war)  # the clash that became a war is its first turn of fighting
    return war


def join_war(board: TurnDraft, war: War, ally: str, side_of: str) -> War:
    if side_of in war.side_a:
        side_a, side_b = (*war.side_a, ally), war.side_b
    else:
        side_a, side_b = war.side_a, (*war.side_b, ally)
    sa, sb = side_strength(board, side_a, side_b), side_strength(board, side_b, side_a)
    war = board.replace_in(
        board.wars,
        war,
        side_a=side_a,
        side_b=side_b,
        stronger="a" if sa >= sb else "b",
        stronger_share=max(sa, sb) / (sa + sb),
    )
    board.emit(
        "WarJoined",
        f"{board.name(ally)} entered the war on the side of {board.name(side_of)}.",
        (ally, side_of),
        {"attackers' strength": sa, "defenders' strength": sb},
    )
    return war


def fight_wars(board: TurnDraft, _orders: TurnOrders) -> None:
    """One turn of fighting for each war begun before this turn."""
    for war in list(board.wars):
        if war.ended_turn is None and war.started_turn < board.turn:
            battle(board, war)


def battle(board: TurnDraft, war: War) -> None:
    """One turn's fighting: the odds follow the coalitions' strength; two more won turns than
    lost decide the war."""
    sa, sb = (
        side_strength(board, war.side_a, war.side_b),
        side_strength(board, war.side_b, war.side_a),
    )
    p = battle_odds(sa, sb)
    won, roll = board.rng.roll(p)
    front = war.front + (FRONT_STEP if won else -FRONT_STEP)
    winners, losers = (war.side_a, war.side_b) if won else (war.side_b, war.side_a)
    for s in (*war.side_a, *war.side_b):
        loss = 0.06 if s in losers else 0.03
        dead = board.get(s, "military") * loss
        board.adjust(s, "military", -dead)
        board.bump(s, "casualties", int(dead * 60))
        board.scale(s, "economy", 0.98)
    war = board.replace_in(board.wars, war, front=front)
    board.reach(Rung.WAR)
    board.tension = min(100.0, board.tension + 3)
    board.emit(
        "BattleFought",
        f"Fighting went the way of {', '.join(board.name(s) for s in winners)} this turn.",
        (*war.side_a, *war.side_b),
        {
            "attackers' strength": sa,
            "defenders' strength": sb,
            "attackers' chance": p,
            "roll": roll,
            "front (+ favours attackers)": front,
        },
    )
    if abs(front) >= FRONT_DECISIVE:
        end_war(board, war, "a" if front > 0 else "b", "victory")


def end_war(board: TurnDraft, war: War, winner: str, how: str) -> None:
    board.replace_in(board.wars, war, ended_turn=board.turn, winner=winner, ended_by=how)
    for d in list(board.disputes):
        if d.war_id == war.id and d.ended_turn is None:
            board.replace_in(board.disputes, d, ended_turn=board.turn)
    if winner in ("a", "b"):
        winners, losers = (war.side_a, war.side_b) if winner == "a" else (war.side_b, war.side_a)
        for s in winners:
            board.adjust(s, "stability", 5)
        for s in losers:
            board.adjust(s, "stability", -12)
            board.bump(s, "backed_down")
        text = f"{', '.join(board.name(s) for s in winners)} won the war against {', '.join(board.name(s) for s in losers)}."
    else:
        text = f"The war between {', '.join(board.name(s) for s in war.side_a)} and {', '.join(board.name(s) for s in war.side_b)} ended without a victor."
    board.emit(
        "WarEnded",
        text,
        (*war.side_a, *war.side_b),
        {"front": war.front, "stronger side's share": war.stronger_share},
    )


def end_hostilities(board: TurnDraft, parties: tuple[str, ...], how: str) -> None:
    """A signed ceasefire or peace ends the wars and disputes among its parties."""
    for war in list(board.wars):
        if (
            war.ended_turn is None
            and set(war.side_a) & set(parties)
            and set(war.side_b) & set(parties)
        ):
            board.replace_in(board.wars, war, ended_turn=board.turn, winner="draw", ended_by=how)
            board.emit(
                "WarEnded",
                f"The war ended in a {how}.",
                (*war.side_a, *war.side_b),
                {"front": war.front},
            )
    for d in list(board.disputes):
        if d.ended_turn is None and d.initiator in parties and d.target in parties:
            board.replace_in(board.disputes, d, ended_turn=board.turn)


def _close_quiet_disputes(board: TurnDraft, active_pairs: set[frozenset[str]]) -> None:
    for d in list(board.disputes):
        if d.ended_turn is not None or d.war_id is not None:
            continue
        if frozenset((d.initiator, d.target)) in active_pairs:
            continue
        if board.turn - d.started_turn >= DISPUTE_QUIET_TURNS:
            board.replace_in(board.disputes, d, ended_turn=board.turn)
            if not d.reciprocated:
                board.bump(d.target, "backed_down")
            board.emit(
                "DisputeSubsided",
                f"The dispute between {board.name(d.initiator)} and {board.name(d.target)} subsided.",
                (d.initiator, d.target),
            )


def apply_proxy_support(board: TurnDraft, orders: TurnOrders) -> None:
    """Covert support for a rival's armed opponents: cheap, deniable, destabilizing, and exposed
    more often when the target shares intelligence with partners."""
    for o in orders.of(ProxySupport):
        board.adjust(o.target, "stability", -4)
        board.scale(o.actor, "economy", 0.995)
        watched = bool(treaties(board, o.target, ("intelligence_sharing",)))
        p = PROXY_EXPOSURE + (PROXY_INTEL_BONUS if watched else 0.0)
        exposed, roll = board.rng.roll(p)
        if exposed:
            board.shift_relation(o.actor, o.target, -20)
            board.adjust(o.actor, "reputation", -4)
            board.tension = min(100.0, board.tension + 4)
            board.emit(
                "ProxySupportExposed",
                f"{board.name(o.actor)} was exposed arming opponents of {board.name(o.target)}'s government.",
                (o.actor, o.target),
                {
                    "chance of exposure": p,
                    "target shares intelligence": float(watched),
                    "roll": roll,
                    "target stability change": -4,
                    "reputation change": -4,
                },
            )
        else:
            board.emit(
                "ProxySupportGiven",
                f"Covert support for {board.name(o.target)}'s opponents went unnoticed.",
                (o.actor,),
                {"chance of exposure": p, "roll": roll},
                visible_to=(o.actor,),
            )
            board.emit(
                "UnrestGrew",
                f"Armed opposition in {board.name(o.target)} grew, backed by an unknown sponsor.",
                (o.target,),
                {"stability change": -4},
            )


def buildup_candidates(state: GameState, seat: str):
    yield BuildUp(seat)


def disarm_candidates(state: GameState, seat: str):
    yield Disarm(seat)


POSTURE = Step(Phase.POSTURE, apply_force_posture)
WARS = Step(Phase.WARS, fight_wars)
FORCE = Step(Phase.FORCE, apply_force)
COVERT = Step(Phase.COVERT, apply_proxy_support)

FAMILY = Family(
    "military",
    "Military",
    moves=(
        Move(
            MobilizeForces,
            "Mobilize forces (show of force)",
            check_targeted,
            toward_each_other(lambda seat, other: MobilizeForces(seat, target=other)),
            FORCE,
            MoveHelp(
                what="Show of force: move forces to signal resolve against a state.",
                costs="One action. A little economy; tension rises and relations with the target fall.",
                risks="Opens a militarized dispute. If the other side answers with force, a clash can escalate to war.",
            ),
        ),
        Move(
            Attack,
            "Use military force",
            check_targeted,
            toward_each_other(lambda seat, other: Attack(seat, target=other)),
            FORCE,
            MoveHelp(
                what="Use military force against a state.",
                costs="One action. Losses on both sides; without a Security Council authorization your reputation and relations with everyone fall.",
                risks="The most dangerous move. Disputes become wars almost only when the target fights back; in war the stronger side usually, but not always, wins. The target's allies may be called in.",
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
                risks="If a rival builds up too, an arms race raises the chance that a clash turns into war.",
                when="Not beyond the cap of an arms control treaty you have signed.",
            ),
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
        ),
        Move(
            ProxySupport,
            "Covert support for the target's opponents",
            check_targeted,
            toward_each_other(lambda seat, other: ProxySupport(seat, target=other)),
            COVERT,
            MoveHelp(
                what="Secretly support the armed opponents of a state's government (arms, money, training).",
                costs="One action and a little of your economy.",
                risks="The target's stability falls. Covert support is often exposed; then relations with the target and your reputation fall, and tension rises.",
            ),
        ),
    ),
    steps=(POSTURE, WARS, FORCE, COVERT),
)
