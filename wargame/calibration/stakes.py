"""What the rules make of a scenario's stakes: for every demand a state could press with
sanctions at the start of the crisis, how likely the holder of the issue is to give in.

A computer target weighs what giving in would cost it (its worth of the issue, read through its
relations with the sender and its private resolve) against what the sanctions would cost it (the
sender's trade with it, the measure). Both come from numbers the scenario's author writes: the
stakes (% of GDP a turn) and the trade shares. The sanctions rows of the calibration follow from
their ratio, scenario by scenario: three scenarios written without looking at the calibration
ranged from targets giving in at the threat stage 17% to 49% of the time against 43% in the
published figures (docs/CALIBRATION.md). This report lets an author see, before any game is
played, what the rules will make of the numbers written.

Each chance is the holder's own rule-of-thumb judgement (`concession_chance`, its doctrine's
style) averaged over many private readings of its resolve, at the start of the crisis, for a
public threat and for the same measures once imposed, the sender alone, with the measure the
sender's rule of thumb would choose; and beside them the chance as the sender reckons it from its
own view (`prospect` in ai/sanctions.py), which decides whether a computer sender presses the
demand at all.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

from ..ai.heuristic import STYLE, _Mind
from ..ai.sanctions import HOPELESS
from ..rng import Rng
from ..rules.sanctions import cost_level, pressure
from ..scenario import Scenario
from ..setup import new_game
from ..state import SanctionsEpisode
from ..view import view_for
from .rows import TARGETS

READINGS = 200  # private readings of the holder's resolve averaged for each chance
RARELY = 0.15  # a demand the holder gives in to less often than this is flagged
NEARLY_ALWAYS = 0.85  # and more often than this
# targets giving in at the threat stage across the published cases (TIES; RULES.md 6)
PUBLISHED_THREAT_STAGE = next(t.target for t in TARGETS if t.id == "threat_concession")
WIDTH = 100


@dataclass(frozen=True)
class Demand:
    sender: str
    holder: str
    issue: str
    status: str
    worth: float  # % of the holder's GDP a turn: what it would bear rather than give in
    cost: float  # % of the holder's GDP a turn the sender's measure would cost it
    measure: str
    at_threat: float  # chance the holder gives in to a public threat
    once_imposed: float  # chance it gives in once the measures are in force
    reckoned: float  # the chance as the sender reckons it from its own view (its `prospect`)

    @property
    def pressed(self) -> bool:
        """Would a computer sender press this demand at all (sanctions.py HOPELESS)?"""
        return self.reckoned >= HOPELESS

    @property
    def flag(self) -> str:
        if self.at_threat < RARELY:
            return "hardly ever gives in"
        if self.at_threat > NEARLY_ALWAYS:
            return "nearly always gives in"
        return ""


def demands(scenario: Scenario, readings: int = READINGS) -> list[Demand]:
    """Every demand of the scenario's start: each state that wants an issue's status changed,
    against the holder, in the scenario's order of issues and states."""
    state = new_game(scenario, scenario.seed)
    out = []
    for issue in state.issues:
        holder = issue.held_by
        spec = scenario.issue(issue.id)
        if spec is None or holder is None:
            continue
        style = STYLE[scenario.state(holder).doctrine]
        for stake in spec.stakes:
            sender, status = stake.state, stake.wants
            if sender == holder or status == issue.status:
                continue
            view = view_for(state, sender)
            senders_mind = _Mind(view.state, sender, STYLE["realist"], Rng(0), view.private_seed)
            measure = senders_mind.best_measure(holder)
            cost = pressure(state, holder, (sender,), measure)
            threat = SanctionsEpisode(
                "demand",
                (sender,),
                holder,
                measure,
                threatened_turn=state.turn,
                stake=cost,
                issue=issue.id,
                demand=status,
            )
            imposed = threat._replace(stage="imposed", imposed_turn=state.turn)
            chances = [0.0, 0.0]
            for key in range(1, readings + 1):
                mind = _Mind(state, holder, style, Rng(key), key)
                chances[0] += mind.concession_chance(threat)[0]
                chances[1] += mind.concession_chance(imposed)[0]
            out.append(
                Demand(
                    sender,
                    holder,
                    issue.id,
                    status,
                    worth=_Mind(state, holder, style, Rng(0)).loss_if(issue.id, status),
                    cost=cost,
                    measure=measure,
                    at_threat=chances[0] / readings,
                    once_imposed=chances[1] / readings,
                    reckoned=senders_mind.prospect(holder, issue.id, status),
                )
            )
    return out


def format_demands(scenario: Scenario, found: list[Demand]) -> str:
    """The report as text: a line a demand, with its flag, and what the flags mean."""
    lines = [
        textwrap.fill(
            f"What the rules make of the stakes of {scenario.title} ({scenario.id}): every "
            "demand a state could press with sanctions at the start, the worth of the issue to "
            "its holder and what the sender's sanctions alone would cost it (% of GDP a turn), "
            "the chance the holder's computer player gives in to a public threat and once the "
            "measures are imposed, and that chance as the sender reckons it from what it knows "
            f"of the holder: a computer sender presses no demand it reckons below {HOPELESS:.2f}.",
            WIDTH,
        ),
        "",
    ]
    if not found:
        lines.append("No state wants an issue's status changed: there is nothing to demand.")
        return "\n".join(lines)
    rows = [
        (
            f"{d.sender} -> {d.holder}",  # ids, as the author writes them in the file
            f"{d.issue}: {d.status}",
            f"{d.worth:.2f}",
            f"{d.cost:.2f} ({cost_level(d.cost)}, {d.measure})",
            f"{d.at_threat:.2f}",
            f"{d.once_imposed:.2f}",
            # rounded down, so a chance just short of the bar does not read as on it
            f"{math.floor(d.reckoned * 100) / 100:.2f} "
            f"({'pressed' if d.pressed else 'not pressed'})",
            d.flag,
        )
        for d in found
    ]
    head = ("demand", "issue: status", "worth", "cost", "at threat", "imposed", "reckoned", "")
    widths = [max(len(r[i]) for r in (head, *rows)) for i in range(len(head))]
    for r in (head, *rows):
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    flagged = sum(1 for d in found if d.flag)
    pressed = sum(1 for d in found if d.pressed)
    lines += [
        "",
        textwrap.fill(
            f"{pressed} of {len(found)} demands a computer sender would press at the start; "
            f"{flagged} flagged. 'Hardly ever' (below {RARELY:.2f}): "
            "sanctions cannot move the holder; 'nearly always' (above "
            f"{NEARLY_ALWAYS:.2f}): it yields at once. If that is not what you meant, change the "
            "holder's stake or the trade between the two. Senders press only the demands they "
            "reckon hopeful, and choose among those (weak senders rarely threaten), so the rates "
            "of a played crisis differ from this list's; across the published cases targets "
            f"give in at the threat stage {PUBLISHED_THREAT_STAGE:.2f} of the time, and a scenario whose pressed demands are "
            "mostly flagged one way will miss that figure (docs/CALIBRATION.md).",
            WIDTH,
        ),
    ]
    return "\n".join(lines)
