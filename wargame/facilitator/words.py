"""Each intervention in plain words, for the white cell's log, the debrief, `wargame verify` and
exports: "Fired the inject "Markets fall"", "Ruled on Aurelia's argument: ..."."""

from __future__ import annotations

from typing import Any

from ..enums import TreatyKind
from ..wording import counted, listing
from .odds import odds_words

CLOCK_WORDS = {
    "pause": "Paused the game",
    "resume": "Resumed the game",
    "clear": "Took the time limit off",
}


def describe(iv: Any, readings: Any) -> str:
    """One line for the intervention; `readings` is a state (or a turn's working copy) whose
    scenario names the states and injects."""
    scenario = readings.scenario

    def name(state_id: str | None) -> str:
        if state_id is None:
            return "the facilitator"
        return scenario.state_names.get(state_id, state_id)

    def names(ids: Any) -> str:
        return listing(name(i) for i in ids)

    def inject(inject_id: str) -> str:
        found = next((i for i in scenario.injects if i.id == inject_id), None)
        return f"\u201c{found.title}\u201d" if found is not None else inject_id

    kind = iv.kind
    if kind == "fire_inject":
        verb = "As scheduled, fired" if iv.scheduled else "Fired"
        return f"{verb} the inject {inject(iv.inject)}"
    if kind == "schedule_inject":
        if iv.cancel:
            return f"Took the inject {inject(iv.inject)} off the plan for turn {iv.turn}"
        return f"Scheduled the inject {inject(iv.inject)} for turn {iv.turn}"
    if kind == "inject":
        audience = "everyone" if iv.audience is None else names(iv.audience)
        return f"Wrote news for {audience}: \u201c{iv.headline}\u201d"
    if kind == "argument":
        who = "the facilitator's own" if iv.by is None else f"{name(iv.by)}'s"
        counters = f", {counted(len(iv.counters), 'counter-argument')}" if iv.counters else ""
        return (
            f"Ruled on {who} argument \u201c{iv.action}\u201d: {odds_words(iv.odds)} "
            f"({iv.odds:.0%}){counters}"
        )
    if kind == "override":
        if iv.figure is not None:
            target = {
                "relation": f"relations between {name(iv.state)} and {name(iv.other)}",
                "tension": "tension",
                "escalation": "the escalation rung",
                "deaths": f"deaths among {population_name(scenario, iv.subject)}",
            }.get(iv.figure, f"{name(iv.state)}'s {iv.figure}")
            value = f"{iv.value:g}"
        else:
            target = record_words(readings, iv.record, iv.subject)
            value = str(iv.status).replace("_", " ")
        quiet = " (not announced)" if not iv.announce else ""
        return f"Set {target} to {value}{quiet}. Reason: {iv.reason}"
    if kind == "seat":
        if iv.to == "computer":
            level = f" ({iv.level} level)" if iv.level else ""
            return f"Handed {name(iv.seat)} to the computer{level}"
        return f"Gave {name(iv.seat)} back to its players"
    if kind == "clock":
        if iv.action == "deadline":
            then = {
                "pass": "states without orders pass",
                "computer": "the computer plays the states without orders",
            }
            rule = f"; at the limit, {then[iv.at_deadline]}" if iv.at_deadline else ""
            return f"Set a time limit of {_duration(iv.seconds)} a turn{rule}"
        if iv.action == "extend":
            return f"Gave {_duration(iv.seconds)} more for this turn"
        return CLOCK_WORDS[iv.action]
    if kind == "deadline":
        if not iv.seats:
            return "The turn's time ran out with every state's orders in"
        how = "passes" if iv.at_deadline == "pass" else "is played by the computer"
        if len(iv.seats) > 1:
            how = "pass" if iv.at_deadline == "pass" else "are played by the computer"
        return f"The turn's time ran out: {names(iv.seats)} {how} this turn"
    return kind


def _duration(seconds: float | None) -> str:
    seconds = round(seconds or 0)
    minutes, rest = divmod(seconds, 60)
    if minutes and rest:
        return f"{minutes} min {rest} s"
    return f"{minutes} min" if minutes else f"{rest} s"


def population_name(scenario: Any, population_id: str | None) -> str:
    spec = next((p for p in scenario.populations if p.id == population_id), None)
    return spec.name if spec is not None else str(population_id)


def record_words(readings: Any, record: str, subject: str | None) -> str:
    """A record of the game in words ("the alliance of Aurelia and Dalmora"), from its id."""
    scenario = readings.scenario

    def names(ids: Any) -> str:
        return listing(scenario.state_names.get(i, _bystander(scenario, i)) for i in ids)

    if record == "issue":
        finder = getattr(scenario, "issue", None)
        spec = finder(subject) if callable(finder) else None
        return f"the status of {spec.name}" if spec is not None else f"the issue {subject}"
    field = {
        "treaty": "treaties",
        "sanctions": "sanctions",
        "draft": "drafts",
        "proposal": "proposals",
        "ultimatum": "ultimatums",
        "mediation": "mediations",
        "war": "wars",
    }.get(record)
    found = next((r for r in getattr(readings, field or "", ()) if r.id == subject), None)
    if found is None:
        return f"the {record} {subject}"
    if record == "treaty":
        return f"the {TreatyKind(found.kind).words} of {names(found.members)}"
    if record == "sanctions":
        return f"the {found.measure} sanctions of {names(found.senders)} on {names([found.target])}"
    if record == "draft":
        aim = f" on {names([found.target])}" if found.target else ""
        return f"the Council draft ({str(found.kind).replace('_', ' ')}){aim}"
    if record == "proposal":
        return f"the proposal of {names([found.proposer])} to {names(found.recipients)}"
    if record == "ultimatum":
        return f"the ultimatum of {names([found.issuer])} to {names([found.target])}"
    if record == "mediation":
        return f"the mediation of {names([found.mediator])} between {names(found.parties)}"
    return f"the war of {names(found.side_a)} against {names(found.side_b)}"


def _bystander(scenario: Any, member: str) -> str:
    council = scenario.organizations.security_council
    for b in council.bystanders if council is not None else ():
        if b.id == member:
            return b.name
    return member
