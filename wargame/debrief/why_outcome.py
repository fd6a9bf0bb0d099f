"""Why a state's outcome is what it is, in one or two sentences: the branch of the rule that
decided it (scoring.py `judge_outcome`, RULES.md 3.12) with the issues, retreats and share of
objective points behind it. Points alone do not tell outcomes apart (two states with 35 points can
end in a compromise and a defeat), so the end screen, the report and the browser say which rule
applied."""

from __future__ import annotations

from ..enums import SanctionsStage, UltimatumStatus
from ..scoring import (
    FLOOR_SHARE,
    HIGH_SHARE,
    VICTORY_SHARE,
    WAR_VICTORY_SHARE,
    issue_record,
    judge_outcome,
    score,
)
from ..state import GameState
from ..wording import listing
from .words import Words, percent


def why_outcome(state: GameState, owner: str, words: Words) -> str:
    """The outcome of `owner` at the end of `state`, explained (from its own view of the end:
    every fact used is one the state knows about itself)."""
    sc = score(state, owner)
    judged = judge_outcome(state, owner, sc.objective_points / sc.possible_points)
    who = words.name(owner)
    met = f"{sc.objective_points} of its {sc.possible_points} objective points"
    # the outcome the rule gave, before a perpetrator's victory is taken away (said at the end)
    label = "victory" if judged.perpetrator else judged.outcome
    case = judged.case
    if case == "lost_war":
        text = f"{who} lost a war; with {met} that is " + _against(label, "stalemate", HIGH_SHARE)
    elif case == "won_war":
        text = f"{who} won a war; with {met} that is " + _against(
            label, "victory", WAR_VICTORY_SHARE
        )
    elif case == "got":
        text = f"{who} {_gains(state, owner, words)}, and did not back down; with {met} that is "
        text += _against(label, "victory", VICTORY_SHARE)
    elif case == "got_and_gave":
        text = (
            f"{who} {_gains(state, owner, words)}, but {_retreats(state, owner, words)}: "
            "a compromise (part won, part given up)."
        )
    elif case == "gave":
        text = f"{who} {_retreats(state, owner, words)}, and got nothing in return; with {met} "
        text += "that is " + _against(label, "compromise", HIGH_SHARE)
    else:
        text = f"Nothing changed on the issues {who} cared about, and it met {met}: "
        if label == "compromise":
            text += f"a compromise ({percent(HIGH_SHARE)} or more)."
        elif label == "stalemate":
            text += (
                f"a stalemate ({percent(FLOOR_SHARE)} or more; a compromise needs "
                f"{percent(HIGH_SHARE)})."
            )
        else:
            text += f"a defeat (under {percent(FLOOR_SHARE)})."
    if judged.perpetrator:
        text = text.rstrip(".") + (
            ". But its forces killed people of a population at risk, and no such state ends in "
            "victory: a compromise."
        )
    return text


def _against(label: str, better: str, threshold: float) -> str:
    """'a victory (60% or more)' or 'a compromise (a victory needs 60% or more)'."""
    if label == better:
        return f"a {label} ({percent(threshold)} or more)."
    return f"a {label} (a {better} needs {percent(threshold)} or more)."


def _gains(state: GameState, owner: str, words: Words) -> str:
    """'got its way on the strait, as it demanded' and/or 'held its ground on ... under
    challenge'."""
    record = issue_record(state, owner)
    parts = []
    if record.won:
        parts.append(f"got its way on {_issues(record.won, words)}, as it demanded")
    if record.held:
        parts.append(f"held its ground on {_issues(record.held, words)} under challenge")
    return ", and ".join(parts)


def _retreats(state: GameState, owner: str, words: Words) -> str:
    """How the state backed down: issues given up, demands given in to, and other retreats."""
    record = issue_record(state, owner)
    parts = []
    if record.lost:
        parts.append(f"gave way on {_issues(record.lost, words)}")
    conceded = [
        e for e in state.sanctions if e.target == owner and e.stage == SanctionsStage.CONCEDED
    ]
    if conceded:
        senders = dict.fromkeys(s for e in conceded for s in e.senders)
        parts.append(f"gave in to sanctions by {words.names_of(list(senders))}")
    complied = [
        u for u in state.ultimatums if u.target == owner and u.status == UltimatumStatus.COMPLIED
    ]
    if complied:
        issuers = dict.fromkeys(u.issuer for u in complied)
        parts.append(f"complied with an ultimatum from {words.names_of(list(issuers))}")
    if state.country(owner).backed_down > len(conceded) + len(complied):
        parts.append("backed down from a threat or a confrontation")
    return listing(parts) if parts else "backed down"


def _issues(ids: tuple[str, ...], words: Words) -> str:
    """Issues by name, within a sentence ("The junta's operation" reads "the junta's ...")."""
    names = (words.issue_words(i) for i in ids)
    return listing("the " + n[4:] if n.startswith("The ") else n for n in names)
