"""Military moves and great power competition: shows of force, the use of force, disputes that
may become wars, war itself, build-ups and arms races, covert proxy support.

A display or use of force opens a militarized dispute. Disputes almost only become wars when the
target answers force with force (reciprocation), and even then rarely: the chance rises with how
evenly matched the two are, the global tension and arms racing, and falls between democracies.
In war, each turn is a battle whose odds follow the capability ratio with diminishing returns, so
the stronger side usually but not always prevails.
"""

from __future__ import annotations

import math

from ..board import Board
from ..orders import Attack, BuildUp, Disarm, MobilizeForces, Order, ProxySupport
from ..state import RUNG, Dispute, GameState, War
from .common import check_other_state, democracy_factor, others

BUILDUP_GAIN = 0.06  # military added by a build-up, share of current capability
BUILDUP_COST = 0.015  # economy spent on it
WAR_BASE = 0.16  # chance a reciprocated clash becomes war, before modifiers
BATTLE_EDGE = 0.076  # battle odds per unit of log capability ratio: 9:1 gives about 2:1 odds
FRONT_STEP = 25.0
FRONT_DECISIVE = 50.0
DISPUTE_QUIET_TURNS = 2  # a dispute with no force for this long ends


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


CHECKS = {
    MobilizeForces: check_targeted,
    Attack: check_targeted,
    ProxySupport: check_targeted,
    BuildUp: check_buildup,
    Disarm: check_disarm,
}


def candidates(state: GameState, seat: str):
    yield BuildUp(seat)
    yield Disarm(seat)
    for other in others(state, seat):
        yield MobilizeForces(seat, target=other)
        yield Attack(seat, target=other)
        yield ProxySupport(seat, target=other)


# --- helpers -----------------------------------------------------------------------------------


def side_strength(board: Board, side: tuple[str, ...]) -> float:
    return sum(board.get(s, "military") * (0.7 + 0.3 * board.get(s, "stability") / 100) for s in side) or 1.0


def battle_odds(strength_a: float, strength_b: float) -> float:
    """Chance side a wins one turn's fighting: diminishing returns on the capability ratio."""
    return min(0.85, max(0.15, 0.5 + BATTLE_EDGE * math.log(strength_a / strength_b)))


def war_chance(board: Board, a: str, b: str) -> dict[str, float]:
    """The chance a reciprocated clash between a and b becomes war, with its factors."""
    sa, sb = board.get(a, "military") or 1.0, board.get(b, "military") or 1.0
    share = sa / (sa + sb)
    parity = 1.0 - abs(share - 0.5)  # 0.5 (lopsided) .. 1 (even): evenly matched sides fight
    tension = 0.5 + board.tension / 100
    race = 1.0 + 0.15 * min(board.get(a, "buildup"), board.get(b, "buildup"))
    regimes = (board.scenario.state(a).regime, board.scenario.state(b).regime)
    peace = 0.3 if regimes == ("democracy", "democracy") else 1.0
    deterrence = 0.5 if board.scenario.state(b).nuclear else 1.0
    p = WAR_BASE * parity * tension * race * peace * deterrence
    return {"base": WAR_BASE, "parity": parity, "tension factor": tension, "arms race factor": race,
            "democratic peace factor": peace, "nuclear deterrence factor": deterrence, "probability": p}  # fmt: skip


# --- phases ------------------------------------------------------------------------------------


def apply_force_posture(board: Board, orders: list[Order]) -> None:
    """Build-ups and reductions; the arms race indicator decays each turn."""
    for sid in board.ids:
        board.set(sid, "buildup", max(0.0, board.get(sid, "buildup") - 0.5))
    for o in orders:
        if isinstance(o, BuildUp):
            gain = board.scale(o.actor, "military", 1 + BUILDUP_GAIN)
            board.scale(o.actor, "economy", 1 - BUILDUP_COST)
            board.adjust(o.actor, "buildup", 1.5)
            board.tension = min(100.0, board.tension + 2)
            board.emit("ForcesBuiltUp", f"{board.name(o.actor)} built up its forces.", (o.actor,),
                       {"capability gained": gain, "economy spent, %": BUILDUP_COST * 100})  # fmt: skip
        elif isinstance(o, Disarm):
            loss = board.scale(o.actor, "military", 0.95)
            board.scale(o.actor, "economy", 1.01)
            board.tension = max(0.0, board.tension - 2)
            board.emit("ForcesReduced", f"{board.name(o.actor)} reduced its forces.", (o.actor,), {"capability change": loss})
    racers = [s for s in board.ids if board.get(s, "buildup") >= 1.5]
    for i, a in enumerate(racers):
        for b in racers[i + 1 :]:
            if board.relation(a, b) < -10:
                board.tension = min(100.0, board.tension + 4)
                board.emit("ArmsRaceIntensified", f"{board.name(a)} and {board.name(b)} are racing to arm.", (a, b), {"tension change": 4})


def apply_force(board: Board, orders: list[Order]) -> None:
    """Shows and uses of force: disputes open, reciprocation is noted, some clashes become wars."""
    forceful = [o for o in orders if isinstance(o, MobilizeForces | Attack)]
    used_force: set[tuple[str, str]] = set()
    for o in forceful:
        rung = RUNG["limited_force"] if isinstance(o, Attack) else RUNG["military_signalling"]
        war = board.war_between(o.actor, o.target)
        if war is not None:
            if isinstance(o, Attack):
                used_force.add((o.actor, o.target))
            continue
        d = board.open_dispute(o.actor, o.target)
        if d is None:
            d = Dispute(board.new_id("d"), o.actor, o.target, board.turn, rung)
            board.disputes.append(d)
        else:
            reciprocated = d.reciprocated or o.actor == d.target
            d = board.replace_in(board.disputes, d, rung=max(d.rung, rung), reciprocated=reciprocated)
        board.reach(rung)
        if isinstance(o, Attack):
            used_force.add((o.actor, o.target))
            _strike(board, o.actor, o.target)
        else:
            board.scale(o.actor, "economy", 0.995)
            board.shift_relation(o.actor, o.target, -10)
            board.tension = min(100.0, board.tension + 5)
            board.emit("ForcesMobilized", f"{board.name(o.actor)} mobilized forces against {board.name(o.target)}.",
                       (o.actor, o.target), {"tension change": 5, "relations change": -10})  # fmt: skip
    for a, b in sorted(used_force):
        if board.war_between(a, b) is not None:
            continue
        d = board.open_dispute(a, b)
        if d is None or not d.reciprocated:
            continue
        factors = war_chance(board, d.initiator, d.target)
        happened, roll = board.rng.roll(factors["probability"])
        if happened:
            begin_war(board, d, factors | {"roll": roll})
        else:
            board.emit("WarAverted", f"The clash between {board.name(a)} and {board.name(b)} did not become a war.",
                       (a, b), factors | {"roll": roll})  # fmt: skip
    _close_quiet_disputes(board, {frozenset(p) for p in used_force} | {frozenset((o.actor, o.target)) for o in forceful})


def _strike(board: Board, attacker: str, target: str) -> None:
    board.flag(target, "attacked")
    d = board.open_dispute(attacker, target)
    if d is not None and attacker == d.target:
        board.flag(attacker, "reciprocated")
    losses = board.get(target, "military") * 0.02
    board.adjust(target, "military", -losses)
    board.adjust(attacker, "military", -losses * 0.5)
    board.bump(target, "casualties", int(losses * 40))
    board.adjust(target, "stability", 3)  # rally round the flag
    authorized = authorized_against(board, target)
    if not authorized:
        board.adjust(attacker, "reputation", -5)
        board.shift_relations_with_all(attacker, -3, except_=(target,))
    board.shift_relation(attacker, target, -25)
    board.tension = min(100.0, board.tension + 10)
    board.emit(
        "ForceUsed",
        f"{board.name(attacker)} used force against {board.name(target)}"
        f"{' with Security Council authorization' if authorized else ''}.",
        (attacker, target),
        {"target capability lost": losses, "attacker reputation change": 0 if authorized else -5, "tension change": 10},
    )


def authorized_against(board_or_state, target: str) -> bool:
    return any(d.status == "adopted" and d.kind == "authorize_force" and d.target == target for d in board_or_state.drafts)


def begin_war(board: Board, d: Dispute, numbers: dict[str, float], side_a: tuple[str, ...] = (), side_b: tuple[str, ...] = ()) -> War:
    side_a = side_a or (d.initiator,)
    side_b = side_b or (d.target,)
    sa, sb = side_strength(board, side_a), side_strength(board, side_b)
    war = War(board.new_id("w"), side_a, side_b, board.turn, stronger_share=max(sa, sb) / (sa + sb))
    board.wars.append(war)
    board.replace_in(board.disputes, d, war_id=war.id, rung=RUNG["war"])
    board.reach(RUNG["war"])
    board.tension = min(100.0, board.tension + 15)
    board.emit("WarBegan", f"War broke out between {board.name(d.initiator)} and {board.name(d.target)}.",
               (*side_a, *side_b), numbers)  # fmt: skip
    return war


def join_war(board: Board, war: War, ally: str, side_of: str) -> None:
    if side_of in war.side_a:
        board.replace_in(board.wars, war, side_a=(*war.side_a, ally))
    else:
        board.replace_in(board.wars, war, side_b=(*war.side_b, ally))
    board.emit("WarJoined", f"{board.name(ally)} entered the war on the side of {board.name(side_of)}.", (ally, side_of))


def fight_wars(board: Board) -> None:
    """One turn of fighting for each war begun before this turn."""
    for war in list(board.wars):
        if war.ended_turn is not None:
            continue
        sa, sb = side_strength(board, war.side_a), side_strength(board, war.side_b)
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
            board.adjust(s, "stability", -2.5 * democracy_factor(s, board.scenario) * (1.5 if s in losers else 1))
        war = board.replace_in(board.wars, war, front=front)
        board.reach(RUNG["war"])
        board.tension = min(100.0, board.tension + 3)
        board.emit(
            "BattleFought",
            f"Fighting went the way of {', '.join(board.name(s) for s in winners)} this turn.",
            (*war.side_a, *war.side_b),
            {"attackers' strength": sa, "defenders' strength": sb, "attackers' chance": p, "roll": roll, "front (+ favours attackers)": front},
        )
        if abs(front) >= FRONT_DECISIVE:
            end_war(board, war, "a" if front > 0 else "b", "victory")


def end_war(board: Board, war: War, winner: str, how: str) -> None:
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
    board.emit("WarEnded", text, (*war.side_a, *war.side_b), {"front": war.front})


def end_hostilities(board: Board, parties: tuple[str, ...], how: str) -> None:
    """A signed ceasefire or peace ends the wars and disputes among its parties."""
    for war in list(board.wars):
        if war.ended_turn is None and set(war.side_a) & set(parties) and set(war.side_b) & set(parties):
            board.replace_in(board.wars, war, ended_turn=board.turn, winner="draw", ended_by=how)
            board.emit("WarEnded", f"The war ended in a {how}.", (*war.side_a, *war.side_b), {"front": war.front})
    for d in list(board.disputes):
        if d.ended_turn is None and d.initiator in parties and d.target in parties:
            board.replace_in(board.disputes, d, ended_turn=board.turn)


def _close_quiet_disputes(board: Board, active_pairs: set[frozenset[str]]) -> None:
    for d in list(board.disputes):
        if d.ended_turn is not None or d.war_id is not None:
            continue
        if frozenset((d.initiator, d.target)) in active_pairs:
            continue
        if board.turn - d.started_turn >= DISPUTE_QUIET_TURNS:
            board.replace_in(board.disputes, d, ended_turn=board.turn)
            if not d.reciprocated:
                board.bump(d.target, "backed_down")
            board.emit("DisputeSubsided", f"The dispute between {board.name(d.initiator)} and {board.name(d.target)} subsided.", (d.initiator, d.target))


def apply_proxy_support(board: Board, orders: list[Order]) -> None:
    for o in orders:
        if not isinstance(o, ProxySupport):
            continue
        board.adjust(o.target, "stability", -4)
        board.scale(o.actor, "economy", 0.995)
        p = 0.4
        exposed, roll = board.rng.roll(p)
        if exposed:
            board.shift_relation(o.actor, o.target, -20)
            board.adjust(o.actor, "reputation", -4)
            board.tension = min(100.0, board.tension + 4)
            board.emit("ProxySupportExposed", f"{board.name(o.actor)} was exposed arming opponents of {board.name(o.target)}'s government.",
                       (o.actor, o.target), {"chance of exposure": p, "roll": roll, "target stability change": -4})  # fmt: skip
        else:
            board.emit("ProxySupportGiven", f"Covert support for {board.name(o.target)}'s opponents went unnoticed.",
                       (o.actor,), {"chance of exposure": p, "roll": roll}, visible_to=(o.actor,))  # fmt: skip
            board.emit("UnrestGrew", f"Armed opposition in {board.name(o.target)} grew, backed by an unknown sponsor.", (o.target,), {"stability change": -4})
