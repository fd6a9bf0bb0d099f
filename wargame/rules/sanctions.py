"""Economic sanctions: threat, imposition, coalitions, costs, concession, lifting.

The cost to the target grows with its trade dependence on the senders and with the measure's
bite; senders pay in proportion to their own dependence on the target. Hard sanctions hurt the
target's civilians (stability falls, and senders' reputation suffers when costs are severe), and
strain a sender's relations with its friends who still trade with the target. Whether the target
gives in is its own decision: the rules only make resisting costly.
"""

from __future__ import annotations

from ..board import Board
from ..orders import (
    MEASURES,
    ConcedeToSanctions,
    ImposeSanctions,
    JoinSanctions,
    LiftSanctions,
    Order,
    ThreatenSanctions,
)
from ..state import RUNG, GameState, SanctionsEpisode
from .common import check_other_state, democracy_factor, others

# share of the trade with senders that each measure cuts off, in GDP % per turn per unit dependence
BITE = {"trade": 16.0, "assets": 9.0, "financial": 12.0}
SENDER_PAIN = 0.5  # senders lose this fraction of the bite, scaled by their own dependence
THREAT_LIFETIME = 3  # turns before a threat not carried out lapses
COST_LEVELS = ((5.0, "severe"), (2.0, "major"), (0.0, "minor"))  # cumulative % of GDP


def cost_level(cost: float) -> str:
    return next(name for floor, name in COST_LEVELS if cost >= floor)


def active_episode(state_or_board, sender: str, target: str) -> SanctionsEpisode | None:
    return next(
        (
            e
            for e in state_or_board.sanctions
            if e.target == target and sender in e.senders and e.stage in ("threatened", "imposed")
        ),
        None,
    )


def check_threaten(state: GameState, o: ThreatenSanctions) -> str | None:
    if reason := check_other_state(state, o.actor, o.target):
        return reason
    if o.measure not in MEASURES:
        return f"unknown measure {o.measure!r} (expected one of {', '.join(MEASURES)})"
    if active_episode(state, o.actor, o.target):
        return "you already threaten or sanction this state"
    return None


def check_impose(state: GameState, o: ImposeSanctions) -> str | None:
    if reason := check_other_state(state, o.actor, o.target):
        return reason
    if o.measure not in MEASURES:
        return f"unknown measure {o.measure!r} (expected one of {', '.join(MEASURES)})"
    e = active_episode(state, o.actor, o.target)
    if e is not None and e.stage == "imposed":
        return "your sanctions on this state are already in force"
    return None


def _episode(state: GameState, ident: str) -> SanctionsEpisode | None:
    return next((e for e in state.sanctions if e.id == ident), None)


def check_join(state: GameState, o: JoinSanctions) -> str | None:
    e = _episode(state, o.episode)
    if e is None or e.stage not in ("threatened", "imposed"):
        return "no sanctions with that id are in force or threatened"
    if o.actor == e.target:
        return "you cannot join sanctions against yourself"
    if o.actor in e.senders:
        return "you are already one of the senders"
    return None


def check_lift(state: GameState, o: LiftSanctions) -> str | None:
    e = _episode(state, o.episode)
    if e is None or o.actor not in e.senders or e.stage not in ("threatened", "imposed"):
        return "you have no sanctions or threat with that id to lift"
    return None


def check_concede(state: GameState, o: ConcedeToSanctions) -> str | None:
    e = _episode(state, o.episode)
    if e is None or e.target != o.actor or e.stage not in ("threatened", "imposed"):
        return "no sanctions or threat with that id are aimed at you"
    return None


CHECKS = {
    ThreatenSanctions: check_threaten,
    ImposeSanctions: check_impose,
    JoinSanctions: check_join,
    LiftSanctions: check_lift,
    ConcedeToSanctions: check_concede,
}


def candidates(state: GameState, seat: str):
    for other in others(state, seat):
        existing = active_episode(state, seat, other)
        for measure in MEASURES:
            if existing is None:
                yield ThreatenSanctions(seat, target=other, measure=measure)
            if existing is None or existing.stage == "threatened":
                yield ImposeSanctions(seat, target=other, measure=measure)
    for e in state.sanctions:
        if e.stage not in ("threatened", "imposed"):
            continue
        if seat == e.target:
            yield ConcedeToSanctions(seat, episode=e.id)
        elif seat in e.senders:
            yield LiftSanctions(seat, episode=e.id)
        else:
            yield JoinSanctions(seat, episode=e.id)


# --- phases ------------------------------------------------------------------------------------


def settle_sanctions_orders(board: Board, orders: list[Order]) -> None:
    """Concessions first (they end episodes), then lifts, threats, impositions and joins."""
    for o in orders:
        if isinstance(o, ConcedeToSanctions):
            e = board.find(board.sanctions, o.episode)
            if e.stage in ("threatened", "imposed"):
                concede(board, e)
    for o in orders:
        if isinstance(o, LiftSanctions):
            e = board.find(board.sanctions, o.episode)
            if e.stage not in ("threatened", "imposed"):
                continue
            senders = tuple(s for s in e.senders if s != o.actor)
            if senders:
                board.replace_in(board.sanctions, e, senders=senders)
                board.emit("SanctionsLeft", f"{board.name(o.actor)} left the sanctions on {board.name(e.target)}.", (o.actor, e.target))
            else:
                stage = "lifted" if e.stage == "imposed" else "dropped"
                board.replace_in(board.sanctions, e, stage=stage, ended_turn=board.turn)
                board.bump(o.actor, "backed_down")
                board.emit(
                    "SanctionsLifted" if stage == "lifted" else "ThreatWithdrawn",
                    f"{board.name(o.actor)} {'lifted its sanctions on' if stage == 'lifted' else 'withdrew its threat against'} "
                    f"{board.name(e.target)} without a concession.",
                    (o.actor, e.target),
                )
    for o in orders:
        if isinstance(o, ThreatenSanctions):
            e = SanctionsEpisode(board.new_id("s"), (o.actor,), o.target, o.measure, threatened_turn=board.turn)
            board.sanctions.append(e)
            board.shift_relation(o.actor, o.target, -5)
            board.reach(RUNG["coercion"])
            board.emit(
                "SanctionsThreatened",
                f"{board.name(o.actor)} threatened {board.name(o.target)} with {o.measure} sanctions "
                f"unless it changes course (id {e.id}).",
                (o.actor, o.target),
                {"target's trade dependence on sender": board.trade_share(o.target, o.actor)},
            )
    for o in orders:
        if isinstance(o, ImposeSanctions):
            impose(board, o.actor, o.target, o.measure)
    for o in orders:
        if isinstance(o, JoinSanctions):
            e = board.find(board.sanctions, o.episode)
            if e.stage in ("threatened", "imposed") and o.actor not in e.senders:
                board.replace_in(board.sanctions, e, senders=(*e.senders, o.actor))
                board.shift_relation(o.actor, e.target, -5)
                board.emit(
                    "SanctionsJoined",
                    f"{board.name(o.actor)} joined the sanctions on {board.name(e.target)}: the coalition now has "
                    f"{len(e.senders) + 1} members.",
                    (o.actor, e.target),
                )


def impose(board: Board, sender: str, target: str, measure: str, *, un_mandated: bool = False, senders: tuple[str, ...] = ()) -> SanctionsEpisode:
    e = active_episode(board, sender, target)
    senders = senders or (sender,)
    if e is not None and e.stage == "threatened":
        e = board.replace_in(board.sanctions, e, stage="imposed", imposed_turn=board.turn, measure=measure, senders=tuple(dict.fromkeys((*e.senders, *senders))), un_mandated=un_mandated)
    else:
        e = SanctionsEpisode(board.new_id("s"), senders, target, measure, threatened_turn=None, imposed_turn=board.turn, stage="imposed", un_mandated=un_mandated)
        board.sanctions.append(e)
    for s in senders:
        board.shift_relation(s, target, -10)
    board.reach(RUNG["coercion"])
    dependence = sum(board.trade_share(target, s) for s in e.senders)
    board.emit(
        "SanctionsImposed",
        f"{', '.join(board.name(s) for s in e.senders)} imposed {measure} sanctions on {board.name(target)}"
        f"{' under a Security Council mandate' if un_mandated else ''} (id {e.id}).",
        (*e.senders, target),
        {"target's trade dependence on senders": dependence, "bite of the measure": BITE[measure]},
    )
    return e


def concede(board: Board, e: SanctionsEpisode) -> None:
    at_threat = e.stage == "threatened"
    board.replace_in(board.sanctions, e, stage="conceded", ended_turn=board.turn)
    cost = 4 * democracy_factor(e.target, board.scenario)
    board.adjust(e.target, "stability", -cost)
    board.bump(e.target, "backed_down")
    for s in e.senders:
        board.adjust(s, "reputation", 3)
        board.shift_relation(s, e.target, 8)
    board.emit(
        "SanctionsConceded",
        f"{board.name(e.target)} gave in to {'the threat of ' if at_threat else ''}sanctions from "
        f"{', '.join(board.name(s) for s in e.senders)}.",
        (e.target, *e.senders),
        {"cost suffered, % of GDP": e.cost, "target stability change": -cost},
    )


def apply_sanction_costs(board: Board) -> None:
    """Each turn in force: the target and the senders pay; allies who trade with the target chafe."""
    for e in list(board.sanctions):
        if e.stage == "threatened" and e.threatened_turn is not None and board.turn - e.threatened_turn >= THREAT_LIFETIME:
            board.replace_in(board.sanctions, e, stage="dropped", ended_turn=board.turn)
            board.emit("ThreatLapsed", f"The sanctions threat against {board.name(e.target)} was never carried out.", (*e.senders, e.target))
            continue
        if e.stage != "imposed":
            continue
        dependence = min(1.0, sum(board.trade_share(e.target, s) for s in e.senders))
        if e.un_mandated:
            dependence = min(1.0, dependence * 1.4)  # universal membership closes the loopholes
        pct = BITE[e.measure] * dependence
        board.scale(e.target, "economy", 1 - pct / 100)
        civilian = pct * 0.6
        board.adjust(e.target, "stability", -civilian)
        total = e.cost + pct
        board.replace_in(board.sanctions, e, cost=total)
        for s in e.senders:
            own = BITE[e.measure] * SENDER_PAIN * board.trade_share(s, e.target)
            board.scale(s, "economy", 1 - own / 100)
            if cost_level(total) == "severe":
                board.adjust(s, "reputation", -0.5)  # civilian harm is noticed abroad
            for friend in board.ids:
                if friend in e.senders or friend == e.target:
                    continue
                if board.relation(friend, s) > 30 and board.trade_share(friend, e.target) >= 0.15:
                    board.shift_relation(friend, s, -2)
        board.emit(
            "SanctionsBit",
            f"Sanctions cost {board.name(e.target)} {pct:.1f}% of its economy this turn "
            f"({total:.1f}% so far: {cost_level(total)}).",
            (e.target, *e.senders),
            {"dependence on senders": dependence, "bite": BITE[e.measure], "GDP % lost this turn": pct, "civilian harm (stability)": civilian},
        )
