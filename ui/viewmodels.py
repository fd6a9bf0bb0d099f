"""View-models: plain, immutable data the widgets render, built from the engine's seat views.

Everything a seat's screen shows comes from `SeatView`s the engine made for that seat (the
current one and one per past turn), so a widget can never show more than the seat may know.
Pure Python: no Qt, so these are easy to test and cheap to build off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from wargame.debrief.why_outcome import why_outcome
from wargame.debrief.words import Words
from wargame.events import Event
from wargame.orders import Order
from wargame.scenario import ESCALATION_RUNGS
from wargame.scoring import condition_met, score
from wargame.state import GameState
from wargame.view import SeatView

from .labels import INDICATORS, MEASURE_LABELS, TREATY_LABELS, Labeller, pretty
from .order_catalog import KindOptions, build_catalog

ALLIANCE_KINDS = ("alliance", "defense_pact")
MESSAGE_KINDS = ("MessageSent", "StatementMade")


@dataclass(frozen=True)
class Indicator:
    name: str
    value: float
    change: float | None  # since the previous turn


@dataclass(frozen=True)
class ObjectiveRow:
    text: str
    points: int
    secret: bool
    met: bool


@dataclass(frozen=True)
class IntelRow:
    state_id: str
    name: str
    regime: str
    military_estimate: float
    economy: float
    stability: float
    reputation: float
    relation: float  # with the seat


@dataclass(frozen=True)
class Dashboard:
    name: str
    regime: str
    briefing: str
    indicators: tuple[Indicator, ...]
    objectives: tuple[ObjectiveRow, ...]
    treaties: tuple[str, ...]
    pressures: tuple[str, ...]  # sanctions, disputes, wars, ultimatums involving the seat
    intel: tuple[IntelRow, ...]
    issues: tuple[str, ...] = ()  # what is at stake in the crisis, with its status now
    # the score and outcome if the game ended now, and the rule that would give that outcome
    standing: str = ""
    standing_why: str = ""


@dataclass(frozen=True)
class MapNode:
    state_id: str
    name: str
    x: float
    y: float
    mine: bool
    color_index: int
    details: str
    region: str = ""  # the region's name, for the map's clusters ("" when none)
    great_power: bool = False  # named first when the map is crowded


@dataclass(frozen=True)
class MapEdge:
    a: str
    b: str
    kind: str  # alliance | treaty | sanctions | dispute | war | intervention
    label: str


@dataclass(frozen=True)
class MapArea:
    """A region (tinted) or a disputed or special zone (hatched) of the scenario's geography."""

    id: str
    name: str
    kind: str  # region | zone
    points: tuple[tuple[float, float], ...]
    details: str


@dataclass(frozen=True)
class MapLine:
    """A sea lane (dashed) or a river (blue) of the scenario's geography."""

    id: str
    name: str
    kind: str  # sea_lane | river
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class MapMarker:
    """Something at stake drawn at a place: an issue, or a population at risk."""

    id: str
    name: str  # the short label on the map
    kind: str  # issue | population
    x: float
    y: float
    details: str


class MapModel(NamedTuple):
    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]
    areas: tuple[MapArea, ...] = ()
    lines: tuple[MapLine, ...] = ()
    markers: tuple[MapMarker, ...] = ()


@dataclass(frozen=True)
class EventRow:
    turn: int
    kind: str
    text: str
    why: str
    public: bool
    has_numbers: bool = False  # dice or modifiers were involved
    seen_by: str = ""  # who saw a private event, in words (the control cell only)
    rolled: bool = False  # the dice decided it: a roll is among its numbers


def event_row(event: Event, seen_by: str = "") -> EventRow:
    """One event as a row of the news (`seen_by`: who saw a private one, for the control cell)."""
    return EventRow(
        event.turn,
        event.kind,
        event.text,
        event.why(),
        event.visible_to is None,
        bool(event.numbers),
        seen_by,
        rolled(event),
    )


def rolled(event: Event) -> bool:
    """Whether a die decided the event (its numbers, or those only some may see, hold a roll)."""
    return any(name == "roll" for name, _ in event.numbers) or any(
        name == "roll" for _, name, _ in event.private
    )


@dataclass(frozen=True)
class TurnEvents:
    turn: int
    events: tuple[EventRow, ...]


@dataclass(frozen=True)
class Series:
    """Indicator values after each turn (turn 0 = the start); others' military are estimates."""

    turns: tuple[int, ...]
    names: dict[str, str]
    values: dict[str, dict[str, tuple[float, ...]]]  # indicator -> state id -> values
    tension: tuple[float, ...]
    escalation: tuple[int, ...]


@dataclass(frozen=True)
class ProposalRow:
    turn: int
    text: str
    parties: str
    status: str
    incoming: bool


@dataclass(frozen=True)
class PendingAnswer:
    """Something addressed to the seat that waits for an answer, with the legal answers."""

    title: str
    help: str
    answers: tuple[tuple[str, Order], ...]  # (button text, order)


@dataclass(frozen=True)
class Negotiation:
    messages: tuple[EventRow, ...]
    proposals: tuple[ProposalRow, ...]
    pending: tuple[PendingAnswer, ...]


@dataclass(frozen=True)
class SeatScreen:
    seat: str
    seat_name: str
    title: str
    turn: int
    turns: int
    turn_length: str
    rung: int
    max_rung: int
    tension: float
    others: tuple[tuple[str, str], ...]  # (id, name) of the other states
    dashboard: Dashboard
    map: MapModel
    timeline: tuple[TurnEvents, ...]  # oldest first
    series: Series
    negotiation: Negotiation
    catalog: tuple[KindOptions, ...]
    hot_seat: bool
    labeller: Labeller = field(compare=False, repr=False)
    # the tension in the seat's region, when the scenario keeps tension by region
    region_tension: tuple[str, float] | None = None


def rung_names() -> tuple[str, ...]:
    return tuple(pretty(r) for r in ESCALATION_RUNGS)


# --- builders -------------------------------------------------------------------------------


def seat_screen(
    view: SeatView, past: Sequence[SeatView], start: SeatView, hot_seat: bool
) -> SeatScreen:
    """`past` holds the seat's view after each resolved turn (with that turn's events)."""
    s, seat = view.state, view.seat
    assert seat is not None
    lab = Labeller(s)
    previous = past[-2].state if len(past) >= 2 else start.state
    timeline = tuple(
        TurnEvents(v.state.turn - 1, tuple(r for r in event_rows(v) if r.turn == v.state.turn - 1))
        for v in past
    )
    now = tuple(r for r in event_rows(view) if r.turn == s.turn)  # the facilitator's, this turn
    if now:
        timeline += (TurnEvents(s.turn, now),)
    catalog = tuple(build_catalog(s, seat))
    return SeatScreen(
        seat=seat,
        seat_name=lab.name(seat),
        title=s.scenario.title,
        turn=s.turn,
        turns=s.scenario.turns,
        turn_length=s.scenario.turn_length,
        rung=s.escalation,
        max_rung=s.max_escalation,
        tension=s.tension,
        others=tuple((i, lab.name(i)) for i in s.ids if i != seat),
        dashboard=dashboard(s, seat, previous if past else None),
        map=map_model(s, seat),
        timeline=timeline,
        series=series([start.state, *(v.state for v in past)]),
        negotiation=negotiation(s, seat, timeline, catalog),
        catalog=catalog,
        hot_seat=hot_seat,
        labeller=lab,
        region_tension=region_tension(s, seat),
    )


def region_tension(s: GameState, seat: str) -> tuple[str, float] | None:
    """The name of the seat's region and the tension in it, when tension is kept by region."""
    by_region = s.tension_by_region() if hasattr(s, "tension_by_region") else {}
    region = _get(s.scenario.state(seat), "region")
    if region not in by_region:
        return None
    return (_region_name(s.scenario, s.scenario.state(seat)) or str(region), by_region[region])


def event_rows(view: SeatView) -> list[EventRow]:
    return [event_row(e) for e in view.events]


def dashboard(s: GameState, seat: str, previous: GameState | None) -> Dashboard:
    lab = Labeller(s)
    spec = s.scenario.state(seat)
    me = s.country(seat)
    indicators = tuple(
        Indicator(
            a,
            getattr(me, a),
            None if previous is None else getattr(me, a) - getattr(previous.country(seat), a),
        )
        for a in INDICATORS
    )
    objectives = tuple(
        ObjectiveRow(o.text, o.points, o.secret, condition_met(s, seat, o)) for o in spec.objectives
    )
    treaties = tuple(
        f"{TREATY_LABELS.get(t.kind, pretty(t.kind)).capitalize()} with {lab.names([m for m in t.members if m != seat])}"
        + (f" (cap {t.cap:g})" if t.cap is not None else "")
        for t in s.active_treaties(member=seat)
    )
    intel = tuple(
        IntelRow(
            c.id,
            lab.name(c.id),
            s.scenario.state(c.id).regime,
            c.military,
            c.economy,
            c.stability,
            c.reputation,
            s.relation(seat, c.id),
        )
        for c in s.countries
        if c.id != seat
    )
    return Dashboard(
        lab.name(seat),
        spec.regime,
        spec.briefing.strip(),
        indicators,
        objectives,
        treaties,
        pressures(s, seat),
        intel,
        tuple(f"{name} \u2014 now {status}" for name, status in issue_words(s).values()),
        *_standing(s, seat),
    )


def _standing(s: GameState, seat: str) -> tuple[str, str]:
    """The seat's score and outcome if the game ended now, and why that outcome (points alone
    do not decide it: RULES.md 3.12)."""
    sc = score(s, seat)
    obligations = f"{sc.obligation_points:+d}" if sc.obligation_points else "0"
    return (
        f"If the game ended now: {sc.objective_points} of {sc.possible_points} objective points, "
        f"{obligations} for treaties kept and broken: {sc.total} points, {sc.outcome}.",
        why_outcome(s, seat, Words(s.scenario)),
    )


def pressures(s: GameState, seat: str) -> tuple[str, ...]:
    lab = Labeller(s)
    out = []
    for w in s.active_wars():
        if seat in w.side_a + w.side_b:
            out.append(
                f"At war: {lab.names(w.side_a)} against {lab.names(w.side_b)} (since turn {w.started_turn})"
            )
    for d in s.disputes:
        if d.ended_turn is None and seat in (d.initiator, d.target) and d.war_id is None:
            other = d.target if d.initiator == seat else d.initiator
            out.append(f"Militarized dispute with {lab.name(other)} (since turn {d.started_turn})")
    for e in s.sanctions:
        if e.stage in ("threatened", "imposed") and (seat == e.target or seat in e.senders):
            out.append(f"Sanctions: {lab.episode(e.id)}")
    for u in s.ultimatums:
        if u.status == "pending" and seat in (u.issuer, u.target):
            out.append(
                f"Ultimatum from {lab.name(u.issuer)} to {lab.name(u.target)}: \u201c{u.demand}\u201d"
            )
    return tuple(out)


def map_model(s: GameState, seat: str | None) -> MapModel:
    lab = Labeller(s)
    nodes = []
    for i, spec in enumerate(s.scenario.states):
        c = s.country(spec.id)
        estimate = "" if spec.id == seat or seat is None else " (estimate)"
        tags = ", ".join(
            t for t, on in (("great power", spec.great_power), ("nuclear", spec.nuclear)) if on
        )
        lines = [
            f"{spec.name}: {spec.regime}" + (f", {tags}" if tags else ""),
            f"Military {c.military:.0f}{estimate} \u00b7 Economy {c.economy:.0f} \u00b7 Stability {c.stability:.0f} \u00b7 Reputation {c.reputation:.0f}",
        ]
        if seat is not None and spec.id != seat:
            lines.append(f"Relations with {lab.name(seat)}: {s.relation(seat, spec.id):+.0f}")
        region = _region_name(s.scenario, spec)
        if region:
            lines.append(f"Region: {region}")
        treaties = [
            f"{TREATY_LABELS.get(t.kind, pretty(t.kind))} with {lab.names([m for m in t.members if m != spec.id])}"
            for t in s.active_treaties(member=spec.id)
        ]
        if treaties:
            lines.append("Treaties: " + "; ".join(treaties))
        nodes.append(
            MapNode(
                spec.id,
                spec.name,
                spec.position[0],
                spec.position[1],
                spec.id == seat,
                i,
                "\n".join(lines),
                region,
                bool(spec.great_power),
            )
        )
    areas, lines_ = geography(s)
    return MapModel(
        tuple(nodes),
        tuple(map_edges(s)),
        areas,
        lines_,
        (*issue_markers(s), *population_markers(s)),
    )


# --- the scenario's geography and what is at stake ------------------------------------------
# Read defensively: scenarios without geography or issues (and older files) simply have none.


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if obj is None:
        return default
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _points(value: Any) -> tuple[tuple[float, float], ...]:
    try:
        return tuple((float(p[0]), float(p[1])) for p in value or ())
    except (TypeError, ValueError, IndexError):
        return ()


def _region_name(scenario: Any, spec: Any) -> str:
    region = _get(spec, "region")
    if not region:
        return ""
    for r in _get(_get(scenario, "geography"), "regions", ()) or ():
        if _get(r, "id") == region:
            return str(_get(r, "name", region))
    return ""


def issue_words(s: GameState) -> dict[str, tuple[str, str]]:
    """For each issue: its name and its status now, in words ('open: ships pass freely')."""
    lab = Labeller(s)
    now = {_get(i, "id"): _get(i, "status") for i in getattr(s, "issues", ()) or ()}
    out = {}
    for spec in _get(s.scenario, "issues", ()) or ():
        iid = str(_get(spec, "id", ""))
        status = now.get(iid) or _get(spec, "status", "")
        outcome = (_get(spec, "outcomes", {}) or {}).get(status, "")
        holder = _get(spec, "held_by")
        words = f"{pretty(str(status))}: {outcome}" if outcome else pretty(str(status))
        if holder:
            words += f" (decided by {lab.name(holder)})"
        out[iid] = (str(_get(spec, "name", iid)), words)
    return out


def geography(s: GameState) -> tuple[tuple[MapArea, ...], tuple[MapLine, ...]]:
    geo = _get(s.scenario, "geography")
    if geo is None:
        return (), ()
    issues = issue_words(s)
    tensions = s.tension_by_region() if hasattr(s, "tension_by_region") else {}
    areas = []
    for kind, key in (("region", "regions"), ("zone", "zones")):
        for a in _get(geo, key, ()) or ():
            points = _points(_get(a, "area"))
            if len(points) < 3:
                continue
            name = str(_get(a, "name", _get(a, "id", "")))
            details = [name]
            if kind == "region" and _get(a, "id") in tensions:
                details.append(f"Tension in this region: {tensions[_get(a, 'id')]:.0f} of 100")
            issue = _get(a, "issue")
            if issue in issues:
                details.append(f"At stake: {issues[issue][0]} \u2014 now {issues[issue][1]}")
            areas.append(MapArea(str(_get(a, "id", "")), name, kind, points, "\n".join(details)))
    lines = []
    for kind, key in (("sea_lane", "sea_lanes"), ("river", "rivers")):
        for line in _get(geo, key, ()) or ():
            points = _points(_get(line, "path"))
            if len(points) >= 2:
                name = str(_get(line, "name", _get(line, "id", "")))
                lines.append(MapLine(str(_get(line, "id", "")), name, kind, points))
    return tuple(areas), tuple(lines)


def _centre(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def issue_markers(s: GameState) -> list[MapMarker]:
    """Each issue at its place: where the scenario puts it, else at the zone that names it."""
    words = issue_words(s)
    zones = {
        _get(z, "issue"): _points(_get(z, "area"))
        for z in _get(_get(s.scenario, "geography"), "zones", ()) or ()
        if _get(z, "issue")
    }
    out = []
    for spec in _get(s.scenario, "issues", ()) or ():
        iid = str(_get(spec, "id", ""))
        at = _points([_get(spec, "at")]) if _get(spec, "at") is not None else ()
        where = at[0] if at else (_centre(zones[iid]) if zones.get(iid) else None)
        if where is None:
            continue
        name, status = words[iid]
        out.append(
            MapMarker(iid, name, "issue", where[0], where[1], f"At stake: {name}\nNow {status}")
        )
    return out


def population_markers(s: GameState) -> list[MapMarker]:
    """Populations at risk, next to the state they live in."""
    lab = Labeller(s)
    specs = {p.id: p for p in s.scenario.populations}
    out = []
    for p in s.populations:
        spec = specs.get(p.id)
        if spec is None or p.active_from > s.turn:
            continue
        x, y = s.scenario.state(p.in_state).position
        lines = [
            f"{spec.name} in {lab.name(p.in_state)}: {_people(p.people)} people at risk",
            f"Deaths so far: {_people(p.deaths)}",
        ]
        if p.perpetrator:
            lines.append(f"Threatened by {lab.name(p.perpetrator)}")
        if p.protected_by:
            lines.append(f"Protected by {lab.names(p.protected_by)}")
        if p.peacekeepers:
            lines.append("UN peacekeepers are deployed")
        out.append(MapMarker(p.id, spec.name, "population", x, y, "\n".join(lines)))
    return out


def _people(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} million"
    if n >= 10_000:
        return f"{n / 1000:.0f} thousand"
    return f"{n:,}"


def map_edges(s: GameState) -> list[MapEdge]:
    lab = Labeller(s)
    edges = []
    for t in s.active_treaties():
        kind = "alliance" if t.kind in ALLIANCE_KINDS else "treaty"
        for i, a in enumerate(t.members):
            for b in t.members[i + 1 :]:
                edges.append(MapEdge(a, b, kind, TREATY_LABELS.get(t.kind, pretty(t.kind))))
    for e in s.sanctions:
        if e.stage in ("threatened", "imposed"):
            for sender in e.senders:
                edges.append(
                    MapEdge(
                        sender,
                        e.target,
                        "sanctions",
                        f"{MEASURE_LABELS.get(e.measure, e.measure)} ({e.stage})",
                    )
                )
    for d in s.disputes:
        if d.ended_turn is None and d.war_id is None:
            edges.append(
                MapEdge(d.initiator, d.target, "dispute", f"dispute since turn {d.started_turn}")
            )
    for w in s.active_wars():
        for a in w.side_a:
            for b in w.side_b:
                edges.append(MapEdge(a, b, "war", f"war since turn {w.started_turn}"))
    for p in s.populations:
        for protector in p.protected_by:
            if protector != p.in_state:
                edges.append(
                    MapEdge(
                        protector, p.in_state, "intervention", f"protecting {lab.population(p.id)}"
                    )
                )
    return edges


def series(states: Sequence[GameState]) -> Series:
    first = states[0]
    values = {
        a: {sid: tuple(getattr(st.country(sid), a) for st in states) for sid in first.ids}
        for a in INDICATORS
    }
    return Series(
        turns=tuple(range(len(states))),
        names={sid: first.scenario.state(sid).name for sid in first.ids},
        values=values,
        tension=tuple(st.tension for st in states),
        escalation=tuple(st.escalation for st in states),
    )


def negotiation(
    s: GameState, seat: str, timeline: Sequence[TurnEvents], catalog: Sequence[KindOptions]
) -> Negotiation:
    lab = Labeller(s)
    messages = tuple(e for t in timeline for e in t.events if e.kind in MESSAGE_KINDS)
    proposals = tuple(
        ProposalRow(
            p.turn,
            lab.proposal(p.id) + (f" \u2014 note: {p.note}" if p.note else ""),
            lab.names((p.proposer, *p.recipients)),
            p.status
            + (
                f" (accepted by {lab.names(p.accepted_by)})"
                if p.accepted_by and p.status == "open"
                else ""
            ),
            seat in p.recipients,
        )
        for p in reversed(s.proposals)
    )
    return Negotiation(messages, proposals, pending_answers(s, seat, catalog))


def pending_answers(
    s: GameState, seat: str, catalog: Sequence[KindOptions]
) -> tuple[PendingAnswer, ...]:
    lab = Labeller(s)
    out = []
    for options in catalog:
        if options.answer is None:
            continue
        ref, choice = options.answer.ref, options.answer.choice
        groups: dict[str, list[Order]] = {}
        for o in options.candidates:
            groups.setdefault(getattr(o, ref), []).append(o)
        for ref_id, orders in groups.items():
            answers = tuple(
                (
                    lab.value(options.kind, choice, getattr(o, choice), seat)
                    if choice
                    else options.label,
                    o,
                )
                for o in orders
            )
            title = lab.value(options.kind, ref, ref_id, seat)
            out.append(PendingAnswer(f"{options.label}: {title}", options.help.risks, answers))
    return tuple(out)
