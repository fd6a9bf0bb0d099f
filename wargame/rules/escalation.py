"""The escalation ladder, global tension and scripted events (injects).

The crisis stands on the highest rung any live dispute, war or coercion reached this turn; with
nothing happening it slides down one rung a turn. Tension eases by itself when nothing feeds it.
A nuclear power losing a war raises the nuclear threat rung.
"""

from __future__ import annotations

from ..draft import TurnDraft
from ..enums import Rung
from ..moves import Family, Phase, Step, TurnOrders
from ..scenario import ESCALATION_RUNGS

TENSION_DECAY = 3.0


def settle_escalation(board: TurnDraft, _orders: TurnOrders) -> None:
    rung = max(board.rungs_this_turn, default=Rung.PEACE)
    for d in board.disputes:
        if d.ended_turn is None:
            rung = max(rung, min(d.rung, Rung.MILITARY_SIGNALLING))
    for w in board.wars:
        if w.ended_turn is None:
            rung = max(rung, Rung.WAR)
            losing = w.side_a if w.front < 0 else w.side_b if w.front > 0 else ()
            if any(board.scenario.state(s).nuclear for s in losing):
                rung = max(rung, Rung.NUCLEAR_THREAT)
    if any(e.stage in ("threatened", "imposed") for e in board.sanctions):
        rung = max(rung, Rung.COERCION)
    if rung < board.escalation:
        rung = max(rung, board.escalation - 1)  # crises cool one rung at a time
    if board.tension >= 25 and rung == Rung.PEACE:
        rung = Rung.PROTEST
    if rung != board.escalation:
        board.emit(
            "EscalationChanged",
            f"The crisis {'escalated' if rung > board.escalation else 'eased'} to "
            f"{_rung_name(rung)}.",
            (),
            {"from rung": board.escalation, "to rung": rung},
        )
    board.escalation = rung
    board.max_escalation = max(board.max_escalation, rung)
    if not board.rungs_this_turn:
        board.tension = max(0.0, board.tension - TENSION_DECAY)


def _rung_name(rung: int) -> str:
    return ESCALATION_RUNGS[rung].replace("_", " ")


def fire_injects(board: TurnDraft, _orders: TurnOrders) -> None:
    for inj in board.scenario.injects:
        if inj.id in board.fired_injects:
            continue
        w = inj.when
        due = (
            (w.turn is not None and board.turn >= w.turn)
            or (w.tension_at_least is not None and board.tension >= w.tension_at_least)
            or (
                w.escalation_at_least is not None
                and board.escalation >= Rung.named(w.escalation_at_least)
            )
        )
        if not due:
            continue
        board.fired_injects.append(inj.id)
        for e in inj.effects:
            board.adjust(e.state, e.attribute, e.delta)
        for r in inj.relation_effects:
            board.shift_relation(r.between[0], r.between[1], r.delta)
        board.tension = min(100.0, max(0.0, board.tension + inj.tension))
        numbers = {f"{e.state} {e.attribute}": e.delta for e in inj.effects}
        if inj.tension:
            numbers["tension change"] = inj.tension
        board.emit(
            "InjectOccurred",
            f"{inj.title}: {inj.text}",
            tuple(e.state for e in inj.effects),
            numbers,
        )


INJECTS = Step(Phase.INJECTS, fire_injects)
ESCALATION = Step(Phase.ESCALATION, settle_escalation)

FAMILY = Family("escalation", "Escalation and scripted events", steps=(INJECTS, ESCALATION))
