"""Why each calibration row holds: calibrated, or by construction.

A calibrated row is a rate that comes out of the model (the rules' costs and chances, the computer
players' judgements, the scenarios' situations): tuned constants bring it to the published figure
on the tuning scenarios, and the held-out scenarios check that it holds beyond them. A row holds
by construction when a rule or a closed-form constant fixes its value whatever the players do:
passing it proves nothing about the model, so it is reported and labelled but left out of the
pass count.

The label is data, one entry per row: when a rules change replaces the mechanism that fixes a
row, flip `by_construction` here (and say why in `why`). `fixed_by` names the constants that fix
a row by construction (dotted paths, checked by the tests to exist, so a renamed or removed
constant calls for a second look at the label).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Basis:
    by_construction: bool
    why: str  # the mechanism that fixes the row, or what the tuning moves
    fixed_by: tuple[str, ...] = ()  # "wargame.rules.war.BATTLE_EDGE"


BASIS: dict[str, Basis] = {
    "alliance_honoured": Basis(
        False,
        "allies weigh the breach's reputation cost and the cost of honouring against the danger "
        "of the war; the gap with defense pacts comes from two hand-set costs per treaty kind "
        "(BREACH_COST_BY_KIND, HONOUR_COST), tuned to these two rows: the held-out scenarios "
        "are their check",
    ),
    "pact_honoured": Basis(
        False,
        "as for classic alliances, with the defense pact's lower breach cost and higher cost of "
        "honouring",
    ),
    "imposed_success": Basis(
        False, "targets weigh the measures' bite against the worth of the issue to them"
    ),
    "threat_not_imposed": Basis(
        False, "senders weigh carrying out a threat against its cost to them and an empty threat"
    ),
    "threat_concession": Basis(
        False, "targets weigh a threatened bite, discounted by the sender's credibility"
    ),
    "imposition_concession": Basis(False, "the targets still resisting are the resolute ones"),
    "success_minor": Basis(False, "the cost level against the distribution of resolve"),
    "success_major": Basis(False, "the cost level against the distribution of resolve"),
    "success_severe": Basis(
        False,
        "targets facing a severe cost weigh it against what the issue at stake is worth to them "
        "(its stake in the scenario, read through their relations with the senders); it held by "
        "construction while a fixed share of 'vital' demands (0.2) capped it at 1 - 0.2 = 0.8",
    ),
    "success_monotonic": Basis(
        False,
        "compared within each scenario, where the cost levels vary with the measures and the "
        "dependence of each target on its senders",
    ),
    "mid_war": Basis(
        False,
        "clashes become war by a chance that rises with parity, tension and arms races and falls "
        "with democracy, nuclear arms and reliable allies, once the target has fought back",
    ),
    "war_reciprocated": Basis(
        True,
        "a rule: a clash becomes war only once the target has answered force with force, except "
        "a sustained assault on a target that does not fight back, at a quarter of the chance "
        "(INVASION_FACTOR), which the computer players almost never mount",
        ("wargame.rules.military.INVASION_FACTOR",),
    ),
    "stronger_wins": Basis(
        False,
        "the battle model applied to the capability shares of the wars that the players start "
        "and join",
    ),
    "stronger_wins_9to1": Basis(
        True,
        "the battle model solved in closed form: at 9:1 the stronger side wins a turn with "
        "p = 0.5 + BATTLE_EDGE x ln 9 = 2/3, and a war is won two turns ahead "
        "(FRONT_DECISIVE), so p^2 / (p^2 + q^2) = 0.8",
        ("wargame.rules.war.BATTLE_EDGE", "wargame.rules.war.FRONT_DECISIVE"),
    ),
    "council_art27": Basis(
        True,
        "re-counts each vote with the rule the adoption function applies (9 of 15, and no "
        "permanent member's 'no' on a substantive draft; none on a procedural one): a check of "
        "the code, not a rate of the model",
        ("wargame.rules.organizations.VOTES_NEEDED",),
    ),
    "outcome_balance": Basis(
        False,
        "each state's outcome follows who got its demands and who backed down (scoring.outcome), "
        "so the share of crises a state wins comes from the players' conduct and the scenario's "
        "objectives and issues, rebalanced so that no state wins almost every crisis",
    ),
    "perpetrator_victory": Basis(
        True,
        "a rule: the outcome of a state whose forces killed part of a population at risk is "
        "demoted from victory to compromise (scoring.outcome), whatever else it achieved",
        ("wargame.scoring.outcome",),
    ),
}


def basis(row_id: str) -> Basis:
    """The row's basis; a row not listed is calibrated (the honest default for a new row)."""
    return BASIS.get(row_id, Basis(False, ""))


def missing_constants() -> list[tuple[str, str]]:
    """(row, constant) for every constant named in `fixed_by` that no longer exists."""
    missing = []
    for row_id, b in BASIS.items():
        for dotted in b.fixed_by:
            module, _, name = dotted.rpartition(".")
            try:
                found = hasattr(importlib.import_module(module), name)
            except ImportError:
                found = False
            if not found:
                missing.append((row_id, dotted))
    return missing
