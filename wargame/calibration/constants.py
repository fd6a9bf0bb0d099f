"""Every tuned constant of the rules and the computer players, read from the code itself.

Each module-level constant holding numbers is listed with its value, what its comment says it is,
where its value comes from (tuned to a calibration row, a published figure, or set by hand) and
the calibration rows it moves (the row ids its comment names, and the rows that hold by
construction because of it). The comments are the source: a constant's own comment (on its line,
and wrapped onto the next comment lines), and the comment heading its group (comment lines just
above a run of constants, which apply to the whole run, up to a blank line).

`wargame calibrate --constants --write docs/CALIBRATION.md` writes the list, after every row's
basis (basis.py), into the document between its markers, so the document says what the code
says.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import io
import pkgutil
import re
import tokenize
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from .basis import BASIS
from .rows import OUTCOME_TARGETS, TARGETS

PACKAGES = ("wargame.rules", "wargame.ai")
MODULES = ("wargame.scoring", "wargame.view", "wargame.legality")
BEGIN = (
    "<!-- constants:begin (written by `wargame calibrate --constants --write "
    "docs/CALIBRATION.md`; do not edit by hand) -->"
)
END = "<!-- constants:end -->"
ROW_IDS = tuple(t.id for t in TARGETS + OUTCOME_TARGETS) + ("success_monotonic",)
WRAPPED = 85  # a commented line this long was wrapped: its comment may go on below
FRAGMENT = 25  # a comment line shorter than this, closing a parenthesis, ends the one above
CITATION = re.compile(r"\b(1[89]\d\d|20\d\d)\b|Art\. ?\d|Charter|\bTIES\b|\bMID\b|\bCOW\b|\bNMC\b")


@dataclass(frozen=True)
class Constant:
    module: str
    name: str
    value: Any
    comment: str  # its own
    group: str  # the comment heading its group

    @property
    def text(self) -> str:
        return f"{self.comment} {self.group}"

    @property
    def origin(self) -> str:
        tuned = re.search(r"\btuned\b", self.text) is not None
        cited = CITATION.search(self.text) is not None
        if tuned and cited:
            return "tuned, after the published source named"
        if tuned:
            return "tuned"
        if cited:
            return "published"
        return "set by hand"

    @property
    def rows(self) -> tuple[str, ...]:
        dotted = f"{self.module}.{self.name}"
        built = [r for r, b in BASIS.items() if dotted in b.fixed_by]
        named = [r for r in ROW_IDS if re.search(rf"\b{r}\b", self.text) and r not in built]
        return (*named, *(f"{r} (fixes it)" for r in built))


def _numeric(value: Any) -> bool:
    """Numbers, or containers (dicts, tuples, dataclasses) of numbers: the tunable values."""
    if isinstance(value, bool | Enum | str):
        return False
    if isinstance(value, int | float):
        return True
    if isinstance(value, dict):
        return bool(value) and all(v is None or _numeric(v) for v in value.values())
    if isinstance(value, tuple | list):
        return bool(value) and all(_numeric(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return all(_numeric(getattr(value, f.name)) for f in dataclasses.fields(value))
    return False


def show(value: Any) -> str:
    """A value as the document shows it: enum keys by their value, dataclasses by their fields."""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{show(k)}: {show(v)}" for k, v in value.items()) + "}"
    if isinstance(value, tuple | list):
        return "(" + ", ".join(show(v) for v in value) + ")"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        return ", ".join(f"{f.name}={show(getattr(value, f.name))}" for f in fields)
    return str(value)


def module_names() -> list[str]:
    names = []
    for package in PACKAGES:
        path = importlib.import_module(package).__path__
        names += [f"{package}.{m.name}" for m in pkgutil.iter_modules(path)]
    return sorted(names) + list(MODULES)


def _comments(source: str) -> dict[int, tuple[str, bool]]:
    """Line number -> (comment text, whether the line holds nothing but the comment)."""
    out = {}
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT:
            alone = tok.line.strip().startswith("#")
            out[tok.start[0]] = (tok.string.lstrip("#").strip(), alone)
    return out


def read_module(module_name: str) -> list[Constant]:
    """The module's numeric constants, with their comments, in the order of the source."""
    module = importlib.import_module(module_name)
    source = Path(module.__file__ or "").read_text(encoding="utf-8")
    lines = source.splitlines()
    comments = _comments(source)
    assigns = []
    for node in ast.parse(source).body:
        target = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        elif isinstance(node, ast.AnnAssign):
            target = node.target
        if isinstance(target, ast.Name) and re.fullmatch(r"[A-Z][A-Z0-9_]*", target.id):
            assigns.append((target.id, node.lineno, node.end_lineno or node.lineno))
    found: list[tuple[str, str, str]] = []  # (name, own comment, group)
    tails: dict[str, str] = {}  # comment lines wrapped from a constant's own comment
    group, previous = "", None  # previous: (name, last line) of the constant above
    for name, first, last in assigns:
        start = previous[1] if previous else 0
        gap = range(start + 1, first)
        blanks = [n for n in gap if not lines[n - 1].strip()]
        alone = [n for n in gap if n in comments and comments[n][1]]
        own = comments.get(first, ("", True))
        own_text = "" if own[1] else own[0]
        if blanks:  # a blank line ends the group; comments above it can only be a wrapped tail
            before = [n for n in alone if n < blanks[0]]
            block = [n for n in alone if n > blanks[-1]]
            tail = _split_block(previous[1], before, comments, lines, True)[0] if previous else []
            group = ""
        elif previous:
            tail, block = _split_block(previous[1], alone, comments, lines, bool(own_text))
        else:
            tail, block = [], alone
        if previous and tail:
            tails[previous[0]] = " ".join(comments[n][0] for n in tail)
        if block:
            group = " ".join(comments[n][0] for n in block)
        found.append((name, own_text, group))
        previous = (name, last)
    result = []
    for name, own_text, grp in found:
        value = getattr(module, name, None)
        if _numeric(value):
            comment = " ".join(x for x in (own_text, tails.get(name, "")) if x)
            result.append(Constant(module_name, name, value, comment, grp))
    return result


def _split_block(
    previous_end: int,
    block: list[int],
    comments: dict[int, tuple[str, bool]],
    lines: list[str],
    next_has_own: bool,
) -> tuple[list[int], list[int]]:
    """Comment lines between two constants: (those that continue the first one's comment, those
    that head the second one's group).

    A comment goes on below its line when that line was wrapped (long, and not closed by a
    parenthesis or a full stop), up to the first line that closes a parenthesis; a closed comment
    may still be followed by a short fragment such as "takes away (tuned)". If nothing is left
    for the next constant and it has no comment of its own, the whole block heads it instead."""
    own = comments.get(previous_end, ("", True))
    if own[1] or not block:
        return [], block
    first = comments[block[0]][0]
    fragment = len(first) < FRAGMENT and first.endswith(")")
    closed = own[0].endswith((")", "."))
    if closed or len(lines[previous_end - 1]) < WRAPPED:
        cut = 1 if fragment else 0
    else:
        ends = (i + 1 for i, n in enumerate(block) if comments[n][0].endswith(")"))
        cut = next(ends, len(block))
    tail, rest = block[:cut], block[cut:]
    if not rest and not next_has_own:
        return [], block
    return tail, rest


def all_constants() -> list[Constant]:
    return [c for name in module_names() for c in read_module(name)]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").strip() or "-"


def constants_markdown() -> str:
    """The list, one table per module."""
    out = []
    for name in module_names():
        constants = read_module(name)
        if not constants:
            continue
        out += [f"#### `{name}`", ""]
        out += [
            "| constant | value | what it is | value from | rows it moves |",
            "|---|---|---|---|---|",
        ]
        group = None
        for c in constants:
            if c.group and c.group != group:
                out.append(f"| | | *{_cell(c.group)}* | | |")
            group = c.group
            rows = ", ".join(c.rows) or "none named"
            out.append(
                f"| `{c.name}` | {_cell(show(c.value))} | {_cell(c.comment)} | {c.origin} | {rows} |"
            )
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def basis_markdown() -> str:
    """Every row with its basis: calibrated, or holding by construction and why."""
    out = ["| row | basis | why | fixed by |", "|---|---|---|---|"]
    for row_id in ROW_IDS:
        b = BASIS.get(row_id)
        if b is None:
            out.append(f"| `{row_id}` | calibrated | - | - |")
            continue
        label = "by construction" if b.by_construction else "calibrated"
        fixed = ", ".join(f"`{c}`" for c in b.fixed_by) or "-"
        out.append(f"| `{row_id}` | {label} | {_cell(b.why)} | {fixed} |")
    return "\n".join(out) + "\n"


def generated_markdown() -> str:
    """The part of docs/CALIBRATION.md written from the code: rows' bases, then constants."""
    return (
        "### Every row's basis\n\n"
        f"{basis_markdown()}\n"
        "### Every tuned constant\n\n"
        f"{constants_markdown()}"
    )


def write_constants(path: Path) -> bool:
    """Rewrite the list between the markers of `path`; True when the file changed."""
    text = path.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        raise ValueError(f"{path} has no constants markers ({BEGIN} ... {END})")
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    new = f"{head}{BEGIN}\n\n{generated_markdown()}\n{END}{tail}"
    if new == text:
        return False
    path.write_text(new, encoding="utf-8")
    return True
