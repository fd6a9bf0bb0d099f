"""Arms control: caps with verification, compliance or cheating, inspections and detection.

A member may secretly build beyond its treaty's cap. Each turn it stays over the cap it risks
detection with a probability that rises with the treaty's verification level; an inspection
request adds a second, more intrusive look, and the other members' intelligence-sharing partners
add their eyes. Detection breaks the treaty, wrecks trust with every member and raises tension;
an inspection that finds a member within its cap raises its reputation.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..draft import TurnDraft
from ..enums import TreatyKind
from ..moves import Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..state import GameState
from .agreements import breach
from .military import BUILDUP_COST, BUILDUP_GAIN
from .power import treaties

# --- orders ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CheatOnArmsControl(Order):
    treaty: str = ""


@dataclass(frozen=True, slots=True)
class RequestInspection(Order):
    treaty: str = ""
    target: str = ""


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


INTEL_BONUS = 0.1  # detection added when another member shares intelligence with partners
DETECTION_REPUTATION_COST = 10.0


def detection_chance(verification: float, inspection: bool, intelligence: bool = False) -> float:
    """Chance a member over its cap is caught this turn: rises with verification (0..1)."""
    p = (
        0.1
        + 0.5 * verification
        + (0.3 * verification + 0.1 if inspection else 0.0)
        + (INTEL_BONUS if intelligence else 0.0)
    )
    return min(0.95, p)


def settle_arms_control(board: TurnDraft, orders: TurnOrders) -> None:
    inspections = {(o.treaty, o.target) for o in orders.of(RequestInspection)}
    for o in orders.of(CheatOnArmsControl):
        gain = board.scale(o.actor, "military", 1 + BUILDUP_GAIN)
        board.scale(o.actor, "economy", 1 - BUILDUP_COST)
        board.set(o.actor, "hidden_military", board.get(o.actor, "hidden_military") + gain)
        board.emit(
            "CapSecretlyExceeded",
            f"{board.name(o.actor)} secretly built forces beyond its treaty cap.",
            (o.actor,),
            {"capability gained": gain},
            visible_to=(o.actor,),
        )
    for t in list(board.treaties):
        if t.kind != "arms_control" or t.status != "active":
            continue
        for member in t.members:
            over = t.cap is not None and board.get(member, "military") > t.cap + 1e-9
            inspected = (t.id, member) in inspections
            if not over:
                if inspected:
                    board.adjust(member, "reputation", 2)
                    board.emit(
                        "InspectionCleared",
                        f"Inspectors found {board.name(member)} within its cap.",
                        (member,),
                    )
                continue
            watchers = [m for m in t.members if m != member]
            intelligence = any(treaties(board, m, ("intelligence_sharing",)) for m in watchers)
            p = detection_chance(t.verification or 0.0, inspected, intelligence)
            caught, roll = board.rng.roll(p)
            if caught:
                board.set(member, "hidden_military", 0.0)
                board.adjust(member, "reputation", -DETECTION_REPUTATION_COST)
                board.tension = min(100.0, board.tension + 8)
                for m in watchers:
                    board.shift_relation(member, m, -15)
                board.emit(
                    "CheatingDetected",
                    f"{board.name(member)} was caught exceeding the arms cap of treaty {t.id}.",
                    (member, *t.members),
                    {
                        "verification": t.verification or 0.0,
                        "inspection": float(inspected),
                        "intelligence partners watching": float(intelligence),
                        "chance of detection": p,
                        "roll": roll,
                        "reputation change": -DETECTION_REPUTATION_COST,
                        "relations change with members": -15,
                    },
                )
                breach(board, t, member, why="was caught cheating on")
                break
            board.emit(
                "CheatingUndetected",
                f"{board.name(member)}'s forces beyond the cap of {t.id} went unnoticed this turn.",
                (member,),
                {"chance of detection": p, "roll": roll},
                visible_to=(member,),
            )


def cheat_candidates(state: GameState, seat: str):
    for t in state.active_treaties(member=seat, kind=TreatyKind.ARMS_CONTROL):
        yield CheatOnArmsControl(seat, treaty=t.id)


def inspection_candidates(state: GameState, seat: str):
    for t in state.active_treaties(member=seat, kind=TreatyKind.ARMS_CONTROL):
        for other in t.members:
            if other != seat:
                yield RequestInspection(seat, treaty=t.id, target=other)


ARMS_CONTROL = Step(Phase.ARMS_CONTROL, settle_arms_control)

FAMILY = Family(
    "arms_control",
    "Arms control",
    moves=(
        Move(
            CheatOnArmsControl,
            "Secretly exceed an arms cap",
            check_cheat,
            cheat_candidates,
            ARMS_CONTROL,
            MoveHelp(
                what="Secretly build forces beyond your arms control cap.",
                costs="One action.",
                risks="You may be caught: the better the verification, the likelier. Being caught wrecks trust and raises tension.",
                when="Only when you are party to an arms control treaty.",
            ),
        ),
        Move(
            RequestInspection,
            "Request an inspection",
            check_inspect,
            inspection_candidates,
            ARMS_CONTROL,
            MoveHelp(
                what="Ask for an inspection of another member of an arms control treaty.",
                costs="One action.",
                risks="Raises the chance of catching a cheat. A clean report raises the inspected state's reputation.",
                when="Only when you are party to an arms control treaty.",
            ),
        ),
    ),
    steps=(ARMS_CONTROL,),
)
