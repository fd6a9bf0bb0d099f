"""The crisis's threads, each followed from start to end: the escalation path, Security Council
votes with each member's vote and reason, sanctions episodes from threat to end, treaties made,
tested, kept and broken, wars, populations at risk, and scripted events. Everything is read from
the states and events the reader may see (for a seat: its views)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..enums import SanctionsStage, TreatyStatus
from ..orders import Order
from ..state import GameState
from ..view import SeatView
from .played import Played
from .timeline import align_reasons
from .words import MEASURE_WORDS, TREATY_WORDS, Words, listing, number, percent, rung_words

INJECT_KIND = "InjectOccurred"
# the facilitator's white cell (wargame.facilitator.FacilitatorEvent): news written on the spot
# and argument rulings are listed with the scripted events, marked as the facilitator's
FACILITATOR_NEWS_KINDS = {"NewsInjected": "news from the facilitator", "ArgumentRuled": "ruling"}
VOTE_WORDS = {"yes": "yes", "no": "no", "abstain": "abstained"}


@dataclass(frozen=True)
class RungStep:
    turn: int
    rung_from: str
    rung_to: str
    why: str


@dataclass(frozen=True)
class CouncilVote:
    member: str
    permanent: bool
    vote: str
    reason: str


@dataclass(frozen=True)
class CouncilRecord:
    title: str
    tabled_turn: int
    voted_turn: int | None
    status: str
    votes: tuple[CouncilVote, ...]


@dataclass(frozen=True)
class SanctionsRecord:
    title: str
    steps: tuple[str, ...]
    stage: str
    cost: float  # % of the target's GDP, in all


@dataclass(frozen=True)
class TreatyRecord:
    title: str
    made: str
    tests: tuple[str, ...]
    fate: str
    kept: bool


@dataclass(frozen=True)
class Affairs:
    escalation: tuple[RungStep, ...]
    council: tuple[CouncilRecord, ...]
    sanctions: tuple[SanctionsRecord, ...]
    treaties: tuple[TreatyRecord, ...]
    wars: tuple[str, ...]
    populations: tuple[str, ...]
    injects: tuple[str, ...]
    council_seated: bool = True  # False: the scenario has no Security Council to report on


def affairs(played: Played, views: Sequence[SeatView], seat: str | None) -> Affairs:
    words = Words(played.scenario)
    states = [v.state for v in views]
    return Affairs(
        escalation_path(views, words),
        council_records(played, states, views, seat, words),
        sanctions_records(states[-1], words),
        treaty_records(states, words),
        war_lines(states[-1], words),
        population_lines(states[-1], words),
        tuple(
            f"Turn {v.turn - 1}: {words.ids_to_names(e.text)}"
            + (f" ({FACILITATOR_NEWS_KINDS[e.kind]})" if e.kind in FACILITATOR_NEWS_KINDS else "")
            for v in views[1:]
            for e in v.events
            if e.kind == INJECT_KIND or e.kind in FACILITATOR_NEWS_KINDS
        ),
        played.scenario.organizations.security_council is not None,
    )


def escalation_path(views: Sequence[SeatView], words: Words) -> tuple[RungStep, ...]:
    steps = []
    for before, after in zip(views, views[1:], strict=False):
        if after.state.escalation == before.state.escalation:
            continue
        set_by_facilitator = (  # the facilitator set the rung: that explains the step
            e.text for e in after.events if e.kind == "FacilitatorOverride" and "rung" in e.text
        )
        why = next(set_by_facilitator, "") or next(
            (e.text for e in after.events if e.kind == "EscalationChanged"), ""
        )
        steps.append(
            RungStep(
                after.turn - 1,
                rung_words(before.state.escalation),
                rung_words(after.state.escalation),
                words.ids_to_names(why),
            )
        )
    return tuple(steps)


def council_records(
    played: Played,
    states: Sequence[GameState],
    views: Sequence[SeatView],
    seat: str | None,
    words: Words,
) -> tuple[CouncilRecord, ...]:
    council = played.scenario.organizations.security_council
    if council is None:
        return ()
    out = []
    for draft in states[-1].drafts:
        voted = next(
            (i for i, s in enumerate(states) if _draft_status(s, draft.id) != "tabled"), None
        )
        votes = []
        for member, vote in draft.votes:
            reason = _vote_reason(played, views, seat, voted, draft.id, member, words)
            votes.append(
                CouncilVote(
                    words.name(member), member in council.permanent, VOTE_WORDS[vote], reason
                )
            )
        out.append(
            CouncilRecord(words.draft(draft), draft.turn, voted, str(draft.status), tuple(votes))
        )
    return tuple(out)


def _draft_status(state: GameState, draft_id: str) -> str:
    return next((str(d.status) for d in state.drafts if d.id == draft_id), "tabled")


def _vote_reason(
    played: Played,
    views: Sequence[SeatView],
    seat: str | None,
    voted: int | None,
    draft_id: str,
    member: str,
    words: Words,
) -> str:
    if voted is None:
        return ""
    if member not in played.scenario.state_ids:  # a Council member no player leads
        for event in views[voted].events:
            for name, value in event.numbers:
                if name == f"{words.name(member)}: chance of yes":
                    return f"its leaning gave a {percent(value)} chance of a yes"
        return "votes by its leaning"
    if seat is not None and member != seat:
        return ""  # another seat's reasons are its own
    player = played.seat(member)
    if not player.computer:
        return "voted in person"
    record = played.turns[voted - 1]
    orders: list[Order] = [o for o in record.orders if o.actor == member]
    why, _ = align_reasons(orders, record.reasons.get(member, ()))
    for order, reason in zip(orders, why, strict=True):
        if getattr(order, "draft", None) == draft_id and reason:
            return words.reason(reason)
    return ""


def sanctions_records(final: GameState, words: Words) -> tuple[SanctionsRecord, ...]:
    out = []
    for e in final.sanctions:
        measure = MEASURE_WORDS.get(e.measure, e.measure)
        title = f"{words.names_of(e.senders)}: {measure} on {words.name(e.target)}"
        if e.un_mandated:
            title += " (UN mandate)"
        if e.retaliation_for:
            title += " (counter-sanctions)"
        steps = []
        if e.threatened_turn is not None:
            steps.append(f"threatened on turn {e.threatened_turn}")
        if e.imposed_turn is not None:
            steps.append(f"imposed on turn {e.imposed_turn}")
        end = {
            SanctionsStage.CONCEDED: f"{words.name(e.target)} gave in on turn {e.ended_turn}",
            SanctionsStage.LIFTED: f"lifted on turn {e.ended_turn}",
            SanctionsStage.DROPPED: f"the threat was dropped on turn {e.ended_turn}",
            SanctionsStage.SETTLED: f"its demand was met in a deal on turn {e.ended_turn}",
            SanctionsStage.THREATENED: "the threat still stood at the end",
        }.get(e.stage, "still in force at the end")
        steps.append(end)
        if e.cost:
            steps.append(f"cost {words.name(e.target)} {number(e.cost)}% of its GDP in all")
        out.append(SanctionsRecord(title, tuple(steps), str(e.stage), e.cost))
    return tuple(out)


def treaty_records(states: Sequence[GameState], words: Words) -> tuple[TreatyRecord, ...]:
    final = states[-1]
    out = []
    for t in final.treaties:
        kind = TREATY_WORDS.get(t.kind, str(t.kind))
        title = f"{kind[0].upper()}{kind[1:]}: {words.names_of(t.members)}"
        if t.mediator:
            title += f" (mediated by {words.name(t.mediator)})"
        made = "in force at the start" if t.signed_turn <= 0 else f"signed on turn {t.signed_turn}"
        tests = []
        for inv in final.invocations:
            if inv.treaty_id != t.id:
                continue
            terms = "within" if inv.within_terms else "outside"
            line = (
                f"turn {inv.turn}: {words.name(inv.invoker)} called on its allies against "
                f"{words.name(inv.against)} ({terms} the treaty's terms)"
            )
            if inv.honoured_by:
                line += f"; honoured by {words.names_of(inv.honoured_by)}"
            if inv.declined_by:
                line += f"; declined by {words.names_of(inv.declined_by)}"
            tests.append(line)
        ended = next(
            (i for i, s in enumerate(states) if _status(s, t.id) != TreatyStatus.ACTIVE),
            None,
        )
        when = f" on turn {ended}" if ended else ""
        if t.status == TreatyStatus.BROKEN:
            fate = f"broken by {words.name(t.broken_by)}{when}" if t.broken_by else f"broken{when}"
        elif t.status == TreatyStatus.ENDED:
            fate = f"ended{when}"
        else:
            fate = "kept to the end"
        if t.withdrawn:
            fate += f" ({words.names_of(t.withdrawn)} withdrew)"
        out.append(TreatyRecord(title, made, tuple(tests), fate, t.status == TreatyStatus.ACTIVE))
    return tuple(out)


def _status(state: GameState, treaty_id: str) -> str:
    treaty = state.treaty(treaty_id)
    return TreatyStatus.ACTIVE if treaty is None else treaty.status


def war_lines(final: GameState, words: Words) -> tuple[str, ...]:
    out = []
    for w in final.wars:
        line = (
            f"{words.names_of(w.side_a)} against {words.names_of(w.side_b)}, "
            f"from turn {w.started_turn}"
        )
        if w.ended_turn is None:
            line += ": still being fought at the end"
        else:
            winner = {"a": words.names_of(w.side_a), "b": words.names_of(w.side_b)}.get(
                str(w.winner)
            )
            how = f" by {w.ended_by}" if w.ended_by else ""
            line += f" to turn {w.ended_turn}: " + (
                f"won by {winner}{how}" if winner else f"no winner{how}"
            )
        out.append(line)
    return tuple(out)


def population_lines(final: GameState, words: Words) -> tuple[str, ...]:
    out = []
    for p in final.populations:
        protectors = f", protected by {words.names_of(p.protected_by)}" if p.protected_by else ""
        keepers = ", with UN peacekeepers" if p.peacekeepers else ""
        out.append(
            f"{words.name(p.id)} in {words.name(p.in_state)}: {number(p.deaths, 0)} of "
            f"{number(p.people, 0)} people killed{protectors}{keepers}"
        )
    return tuple(out)


def describe_vote_tally(record: CouncilRecord) -> str:
    counts = {v: sum(1 for x in record.votes if x.vote == v) for v in ("yes", "no", "abstained")}
    return listing([f"{n} {v}" for v, n in counts.items() if n])
