"""Arms control: caps with verification, compliance or cheating, inspections and detection.

A member may secretly build beyond its treaty's cap. Each turn of cheating risks detection with a
probability that rises with the treaty's verification level; an inspection request adds a second,
more intrusive look. Detection breaks the treaty and wrecks trust with every member.
"""

from __future__ import annotations

from ..board import Board
from ..orders import CheatOnArmsControl, Order, RequestInspection
from ..state import GameState
from .agreements import breach
from .military import BUILDUP_COST, BUILDUP_GAIN


def _arms_treaty(state: GameState, treaty_id: str, member: str):
    t = state.treaty(treaty_id)
    if t is None or t.kind != "arms_control" or member not in t.members:
        return None
    return t


def check_cheat(state: GameState, o: CheatOnArmsControl) -> str | None:
    t = _arms_treaty(state, o.treaty, o.actor)
    if t is None:
        return "you are not party to an arms control treaty with that id"
    if t.status != "active":
        return "that treaty is no longer in force; you may build up openly"
    return None


def check_inspect(state: GameState, o: RequestInspection) -> str | None:
    t = _arms_treaty(state, o.treaty, o.actor)
    if t is None:
        return "you are not party to an arms control treaty with that id"
    if t.status != "active":
        return "that treaty is no longer in force"
    if o.target not in t.members or o.target == o.actor:
        return "you can only ask to inspect another member of the treaty"
    return None


CHECKS = {CheatOnArmsControl: check_cheat, RequestInspection: check_inspect}


def candidates(state: GameState, seat: str):
    for t in state.active_treaties(member=seat, kind="arms_control"):
        yield CheatOnArmsControl(seat, treaty=t.id)
        for other in t.members:
            if other != seat:
                yield RequestInspection(seat, treaty=t.id, target=other)


def detection_chance(verification: float, inspection: bool) -> float:
    return min(0.95, 0.1 + 0.5 * verification + (0.3 * verification + 0.1 if inspection else 0.0))


def settle_arms_control(board: Board, orders: list[Order]) -> None:
    inspections = {(o.treaty, o.target) for o in orders if isinstance(o, RequestInspection)}
    for o in orders:
        if isinstance(o, CheatOnArmsControl):
            gain = board.scale(o.actor, "military", 1 + BUILDUP_GAIN)
            board.scale(o.actor, "economy", 1 - BUILDUP_COST)
            board.set(o.actor, "hidden_military", board.get(o.actor, "hidden_military") + gain)
            board.emit("CapSecretlyExceeded", f"{board.name(o.actor)} secretly built forces beyond its treaty cap.",
                       (o.actor,), {"capability gained": gain}, visible_to=(o.actor,))  # fmt: skip
    for t in list(board.treaties):
        if t.kind != "arms_control" or t.status != "active":
            continue
        for member in t.members:
            over = t.cap is not None and board.get(member, "military") > t.cap + 1e-9
            inspected = (t.id, member) in inspections
            if not over:
                if inspected:
                    board.adjust(member, "reputation", 2)
                    board.emit("InspectionCleared", f"Inspectors found {board.name(member)} within its cap.", (member,))
                continue
            p = detection_chance(t.verification or 0.0, inspected)
            caught, roll = board.rng.roll(p)
            if caught:
                board.set(member, "hidden_military", 0.0)
                board.adjust(member, "reputation", -10)
                board.tension = min(100.0, board.tension + 8)
                board.emit("CheatingDetected", f"{board.name(member)} was caught exceeding the arms cap of treaty {t.id}.",
                           (member, *t.members), {"verification": t.verification or 0.0, "inspection": float(inspected), "chance of detection": p, "roll": roll})  # fmt: skip
                breach(board, t, member, why="was caught cheating on")
                break
