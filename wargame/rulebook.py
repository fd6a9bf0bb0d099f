"""The list of moves for players, written from the rules' own declarations.

docs/RULES.md carries this list between two markers (a test keeps it in step); `wargame rules`
prints it in the terminal. Adding a move to a rules module adds it here.
"""

from __future__ import annotations

from .moves import Ruleset
from .rules import STANDARD

BEGIN = "<!-- moves:begin (written by `wargame rules --markdown`; do not edit by hand) -->"
END = "<!-- moves:end -->"


def moves_markdown(rules: Ruleset = STANDARD) -> str:
    """Every move, family by family: what it does, costs, risks and when it can be given."""
    lines = [BEGIN, ""]
    for family in rules.families:
        if not family.moves:
            continue
        lines += [f"**{family.title}**", ""]
        lines += ["| Move | What it does | Costs | Risks | When |", "|---|---|---|---|---|"]
        for move in family.moves:
            h = move.help
            label = move.label + ("" if move.costs_action else " (free)")
            cells = [label, h.what, h.costs, h.risks, h.when]
            lines.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def moves_text(rules: Ruleset = STANDARD) -> str:
    """The same list for the terminal."""
    out = []
    for family in rules.families:
        if not family.moves:
            continue
        out.append(family.title.upper())
        for move in family.moves:
            h = move.help
            out.append(f"  {move.label}{'' if move.costs_action else ' (free)'}")
            out += [f"      {h.what}", f"      Costs: {h.costs}", f"      Risks: {h.risks}"]
            out.append(f"      When: {h.when}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def replace_block(document: str, rules: Ruleset = STANDARD) -> str:
    """`document` with its moves block written afresh."""
    start, end = document.index(BEGIN), document.index(END) + len(END)
    return document[:start] + moves_markdown(rules) + document[end:]
