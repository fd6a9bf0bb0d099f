"""Questions for class discussion, drawn from what happened in this session: an ally that paid
to honour its word, sanctions that worked or did not, a veto, a war, a broken treaty, a secret
objective won at the cost of an obligation. Built only from what the reader may see."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..enums import SanctionsStage, TreatyStatus
from ..state import GameState
from ..view import SeatView
from ..wording import counted
from .outcomes import SeatOutcome
from .words import MEASURE_WORDS, TREATY_WORDS, Words, number, rung_words

MAX_QUESTIONS = 10
GENERAL = (
    "Which single decision changed the course of the crisis most, and could it have been "
    "made differently with what was known at the time?",
    "Where did a state's national interest pull against its international obligations, and "
    "which one won?",
)


@dataclass(frozen=True)
class Question:
    turn: int  # the turn it is about; WHOLE_CRISIS for a question about the whole crisis
    text: str


WHOLE_CRISIS = 0


def questions(
    views: Sequence[SeatView], outcomes: Sequence[SeatOutcome], words: Words
) -> tuple[Question, ...]:
    states = [v.state for v in views]
    final = states[-1]
    found: list[Question] = []
    found += _alliances(states, words)
    found += _sanctions(final, words)
    found += _council(states, words)
    found += _wars(final, words)
    found += _treaties(states, words)
    found += _escalation(states)
    found += _populations(final, words)
    found += _trade_offs(outcomes, final)
    found.sort(key=lambda q: q.turn)
    chosen = found[:MAX_QUESTIONS]
    for text in GENERAL:
        if len(chosen) < 4:
            chosen.append(Question(WHOLE_CRISIS, text))
    return tuple(chosen)


def _economy_change(states: Sequence[GameState], seat: str, since: int) -> float:
    """% change of a state's economy from the state before turn `since` to the end."""
    start = states[max(since - 1, 0)].country(seat).economy
    return (states[-1].country(seat).economy / start - 1.0) * 100.0


def _answered_turn(states: Sequence[GameState], inv_id: str, seat: str, honoured: bool) -> int:
    for turn, s in enumerate(states):
        inv = next((i for i in s.invocations if i.id == inv_id), None)
        if inv is not None and seat in (inv.honoured_by if honoured else inv.declined_by):
            return turn
    return len(states) - 1


def _alliances(states: Sequence[GameState], words: Words) -> list[Question]:
    out = []
    for inv in states[-1].invocations:
        for ally in inv.honoured_by:
            turn = _answered_turn(states, inv.id, ally, True)
            change = _economy_change(states, ally, turn)
            cost = (
                f"at a cost of {number(-change)}% of its GDP"
                if change < 0
                else f"while its economy still grew {number(change)}%"
            )
            out.append(
                Question(
                    turn,
                    f"{words.name(ally)} honoured its commitment to {words.name(inv.invoker)} on "
                    f"turn {turn} {cost} by the end: what did it gain, and would it do so again?",
                )
            )
        for ally in inv.declined_by:
            turn = _answered_turn(states, inv.id, ally, False)
            rep = (
                states[-1].country(ally).reputation
                - states[max(turn - 1, 0)].country(ally).reputation
            )
            out.append(
                Question(
                    turn,
                    f"{words.name(ally)} declined {words.name(inv.invoker)}'s call for help "
                    f"against {words.name(inv.against)} on turn {turn}; its reputation moved "
                    f"{number(rep)} points by the end. What did it save, and what did its word "
                    "cost it afterwards?",
                )
            )
    return out


def _sanctions(final: GameState, words: Words) -> list[Question]:
    out = []
    for e in final.sanctions:
        senders, target = words.names_of(e.senders), words.name(e.target)
        measure = MEASURE_WORDS.get(e.measure, e.measure)
        if e.stage == SanctionsStage.CONCEDED and e.imposed_turn is None:
            out.append(
                Question(
                    e.ended_turn or 0,
                    f"{target} gave in on turn {e.ended_turn} to {senders}'s threat of {measure}, "
                    "before any were imposed. What made the threat credible enough?",
                )
            )
        elif e.stage == SanctionsStage.CONCEDED:
            out.append(
                Question(
                    e.ended_turn or 0,
                    f"{target} gave in to {senders}'s {measure} on turn {e.ended_turn}, after "
                    f"they had cost it {number(e.cost)}% of its GDP. Were the sanctions what "
                    "moved it, or something else?",
                )
            )
        elif e.stage == SanctionsStage.SETTLED:
            pressure = "imposed" if e.imposed_turn is not None else "threatened"
            out.append(
                Question(
                    e.ended_turn or 0,
                    f"{target} met {senders}'s demand in a deal on turn {e.ended_turn}, with "
                    f"{measure} {pressure} against it. What did the pressure add to the bargain, "
                    f"and what did {target} get in return?",
                )
            )
        elif e.imposed_turn is None and e.stage == SanctionsStage.THREATENED:
            out.append(
                Question(
                    e.threatened_turn or 0,
                    f"{senders}'s threat of {measure} against {target}, made on turn "
                    f"{e.threatened_turn}, still stood when the crisis ended. Was it about to "
                    "work, or about to be tested as a bluff?",
                )
            )
        elif e.imposed_turn is not None:
            out.append(
                Question(
                    e.imposed_turn,
                    f"{senders}'s {measure} on {target}, imposed on turn {e.imposed_turn}, cost "
                    f"{target} {number(e.cost)}% of its GDP, yet {target} never gave in. Why not, "
                    "and what did the senders pay?",
                )
            )
        elif e.threatened_turn is not None:
            out.append(
                Question(
                    e.threatened_turn,
                    f"{senders} threatened {measure} on {target} on turn {e.threatened_turn} "
                    "but never imposed them. Did the threat achieve anything, and what does an "
                    "empty threat do to the next one?",
                )
            )
    return out


def _council(states: Sequence[GameState], words: Words) -> list[Question]:
    out = []
    for d in states[-1].drafts:
        turn = next((i for i, s in enumerate(states) if _status(s, d.id) != "tabled"), d.turn)
        if d.status == "vetoed":
            vetoes = [m for m, v in d.votes if v == "no"]
            out.append(
                Question(
                    turn,
                    f"{words.names_of(vetoes) or 'A permanent member'} blocked {words.draft(d)} "
                    f"on turn {turn}. Whose interests did the veto protect, and what did the "
                    "Council's silence change?",
                )
            )
        elif d.status == "adopted" and d.kind in ("authorize_force", "peacekeeping", "sanction"):
            out.append(
                Question(
                    turn,
                    f"The Security Council adopted {words.draft(d)} on turn {turn}. Did the "
                    "Council's authority change what states did next?",
                )
            )
    return out


def _status(state: GameState, draft_id: str) -> str:
    return next((str(d.status) for d in state.drafts if d.id == draft_id), "tabled")


def _wars(final: GameState, words: Words) -> list[Question]:
    return [
        Question(
            w.started_turn,
            f"War broke out between {words.names_of(w.side_a)} and {words.names_of(w.side_b)} "
            f"on turn {w.started_turn}. Which earlier decision could have prevented it, and by whom?",
        )
        for w in final.wars
    ]


def _treaties(states: Sequence[GameState], words: Words) -> list[Question]:
    out = []
    for t in states[-1].treaties:
        if t.status != TreatyStatus.BROKEN or not t.broken_by:
            continue
        turn = next((i for i, s in enumerate(states) if _broken(s, t.id)), len(states) - 1)
        others = [m for m in t.members if m != t.broken_by]
        out.append(
            Question(
                turn,
                f"{words.name(t.broken_by)} broke its {TREATY_WORDS.get(t.kind, t.kind)} with "
                f"{words.names_of(others)} on turn {turn}. Did what it gained outweigh the trust "
                "it lost with every state?",
            )
        )
    return out


def _broken(state: GameState, treaty_id: str) -> bool:
    treaty = state.treaty(treaty_id)
    return treaty is not None and treaty.status == TreatyStatus.BROKEN


def _escalation(states: Sequence[GameState]) -> list[Question]:
    peak = max(s.escalation for s in states)
    if peak <= states[0].escalation:
        return []
    turn = next(i for i, s in enumerate(states) if s.escalation == peak)
    return [
        Question(
            turn,
            f"The crisis reached {rung_words(peak)} on turn {turn}. Which decisions pushed it "
            "there, and which pulled it back?",
        )
    ]


def _populations(final: GameState, words: Words) -> list[Question]:
    return [
        Question(
            final.turn - 1,
            f"{number(p.deaths, 0)} people of {words.name(p.id)} were killed. Who could have "
            "protected them, and what held them back?",
        )
        for p in final.populations
        if p.deaths > 0
    ]


def _trade_offs(outcomes: Sequence[SeatOutcome], final: GameState) -> list[Question]:
    out = []
    for o in outcomes:
        broken = final.country(o.seat).obligations_broken
        secret_met = [line for line in o.objectives if line.secret and line.met]
        if broken and secret_met:
            out.append(
                Question(
                    secret_met[0].decided_turn,
                    f"{o.name} met its secret objective \u201c{secret_met[0].text}\u201d but broke "
                    f"{counted(broken, 'obligation')} on the way. National interest or "
                    "international obligations: which won, and was it worth it?",
                )
            )
    return out
