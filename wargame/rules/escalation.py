"""The escalation ladder, global tension and scripted events (injects).

The crisis stands on the highest rung any live dispute, war or coercion reached this turn; with
nothing happening it slides down one rung a turn. Tension eases by itself when nothing feeds it.
A nuclear power losing a war raises the nuclear threat rung.

Every figure below was set by hand (tuned); only the tension decay moves a row of `wargame
calibrate` (mid_war, through the tension factor of the war chance in military.py).
"""

from __future__ import annotations

from enum import StrEnum

from ..draft import TurnDraft
from ..enums import LIVE_STAGES, DraftStatus, Rung, Stat
from ..moves import Family, Phase, Step, TurnOrders
from ..scenario.schema import Inject, Trigger

TENSION_DECAY = 3.0  # tension lost in a turn in which no move raised the ladder (tuned; mid_war)
PROTEST_TENSION = 25.0  # at or above this tension a crisis never stands at peace (tuned)
DISPUTE_RUNG_MAX = Rung.MILITARY_SIGNALLING  # the highest rung a live dispute alone holds (tuned)
SANCTIONS_RUNG = Rung.COERCION  # the rung sanctions threatened or imposed hold (tuned)


class EscalationEvent(StrEnum):
    ESCALATION_CHANGED = "EscalationChanged"
    INJECT_OCCURRED = "InjectOccurred"


# --- scripted events ---------------------------------------------------------------------------


def fire_injects(draft: TurnDraft, _orders: TurnOrders) -> None:
    """Each inject happens once, in the first turn its trigger is met (never for `manual` ones,
    which wait for the facilitator; one the facilitator already fired does not happen again)."""
    for inj in draft.scenario.injects:
        if inj.id not in draft.fired_injects and due(draft, inj.when):
            happen(draft, inj)


def due(draft: TurnDraft, w: Trigger) -> bool:
    """Whether a trigger's conditions hold this turn (any one of them). Runs after every other
    phase but the ladder, so this turn's Council votes and sanctions steps count."""
    if w.manual:
        return False
    return (
        (w.turn is not None and draft.turn >= w.turn)
        or (w.tension_at_least is not None and draft.tension >= w.tension_at_least)
        or (
            w.escalation_at_least is not None
            and draft.escalation >= Rung.named(w.escalation_at_least)
        )
        or (
            w.deaths_at_least is not None
            and sum(p.deaths for p in draft.populations) >= w.deaths_at_least
        )
        or (w.council_vote is not None and w.council_vote in council_results(draft))
        or (w.sanctions is not None and w.sanctions in sanctions_steps(draft))
    )


def council_results(draft: TurnDraft) -> set[str]:
    """How this turn's Security Council votes went ("adopted", "failed", "vetoed"), and "any"
    when there was at least one."""
    before = {d.id: d.status for d in draft.previous.drafts}
    results = {
        str(d.status)
        for d in draft.drafts
        if d.status != DraftStatus.TABLED and before.get(d.id, DraftStatus.TABLED) != d.status
    }
    return results | {"any"} if results else results


def sanctions_steps(draft: TurnDraft) -> set[str]:
    """The stages sanctions episodes reached this turn ("threatened", "imposed", "conceded"...),
    and "any" when one moved at all."""
    before = {e.id: e.stage for e in draft.previous.sanctions}
    steps = {str(e.stage) for e in draft.sanctions if before.get(e.id) != e.stage}
    return steps | {"any"} if steps else steps


def happen(draft: TurnDraft, inj: Inject) -> None:
    """The inject happens now: its changes are made and everyone hears of it. Scripted triggers
    and the facilitator's white cell (wargame.facilitator) both fire injects through here."""
    draft.fired_injects.append(inj.id)
    numbers: dict[str, float] = {}
    for e in inj.effects:
        change = draft.country(e.state).shift(Stat(e.attribute), e.delta)
        numbers[f"{e.state} {e.attribute}"] = change
    for r in inj.relation_effects:
        draft.shift_relation(r.between[0], r.between[1], r.delta)
    if inj.tension:  # the regions of the states it names (every region when it names none)
        numbers["tension change"] = draft.shift_tension(inj.tension, among=named_states(inj))
    draft.emit(
        EscalationEvent.INJECT_OCCURRED,
        f"{inj.title}: {inj.text}",
        tuple(e.state for e in inj.effects),
        numbers,
    )


# --- the ladder --------------------------------------------------------------------------------


def settle_escalation(draft: TurnDraft, _orders: TurnOrders) -> None:
    rung = max(draft.notes.rungs, default=Rung.PEACE)
    for d in draft.disputes:
        if d.ended_turn is None:
            rung = max(rung, min(d.rung, DISPUTE_RUNG_MAX))
    for w in draft.wars:
        if w.ended_turn is None:
            rung = max(rung, Rung.WAR)
            losing = w.side_a if w.front < 0 else w.side_b if w.front > 0 else ()
            if any(draft.scenario.state(s).nuclear for s in losing):
                rung = max(rung, Rung.NUCLEAR_THREAT)
    if any(e.stage in LIVE_STAGES for e in draft.sanctions):
        rung = max(rung, SANCTIONS_RUNG)
    was = Rung(draft.escalation)
    if rung < was:
        rung = max(rung, Rung(was - 1))  # crises cool one rung at a time
    if draft.tension >= PROTEST_TENSION and rung == Rung.PEACE:
        rung = Rung.PROTEST
    rung = Rung(rung)
    if rung != was:
        draft.emit(
            EscalationEvent.ESCALATION_CHANGED,
            f"The crisis {'escalated' if rung > was else 'eased'} to {rung.words}.",
            (),
            {"from rung": was, "to rung": rung},
        )
    draft.escalation = rung
    draft.max_escalation = max(draft.max_escalation, rung)
    if draft.regional_tension:
        ease_quiet_regions(draft)
    elif not draft.notes.rungs:
        draft.tension -= TENSION_DECAY


def named_states(inj: Inject) -> tuple[str, ...]:
    """The states an inject names: those whose figures or relations it changes."""
    return (*(e.state for e in inj.effects), *(s for r in inj.relation_effects for s in r.between))


def ease_quiet_regions(draft: TurnDraft) -> None:
    """With tension kept by region: each region that nothing heated this turn cools by itself,
    as the world's tension does when no move raised the ladder."""
    start, index = draft.previous.regional_tension, draft.scenario.tension_region_index
    quiet = [s for s in draft.ids if draft.regional_tension[index[s]] <= start[index[s]]]
    if quiet:
        draft.shift_tension(-TENSION_DECAY, among=quiet)


INJECTS = Step(Phase.INJECTS, fire_injects)
ESCALATION = Step(Phase.ESCALATION, settle_escalation)

FAMILY = Family(
    "escalation",
    "Escalation and scripted events",
    events=EscalationEvent,
    steps=(INJECTS, ESCALATION),
)
