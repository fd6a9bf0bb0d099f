"""Reading scenario files: YAML (safe types only) validated into a `Scenario`.

Whatever a file holds, loading either returns a Scenario or raises `ScenarioError` listing every
problem as (file, field path, what was expected). Nothing here lets a traceback reach the user.

Each file is parsed once, by libyaml's C parser when PyYAML has it (about five times faster than
the pure-Python one, which is the fallback). The parser's events are composed into a node graph by
PyYAML's own composer, with limits checked as it goes: a file nested absurdly deep, with too many
values, or expanding through aliases into more data than a scenario can hold is refused before
it takes time or memory to build. (libyaml's composer would build all of it first: 300 MB and
4 s for a hostile 2 MB file.) The safe constructor then turns the nodes into Python data.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from yaml.composer import Composer
from yaml.events import AliasEvent, MappingStartEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode

from .consistency import consistency_problems
from .schema import CONTROL_CHARACTERS, Condition, Scenario

MAX_FILE_BYTES = 2_000_000
# Values in the document, aliases expanded (alias bombs, endless lists). A 200-state scenario
# with ten relations per state holds about 33,000.
MAX_NODES = 100_000
MAX_DEPTH = 32  # lists and mappings inside each other
MERGE_TAG = "tag:yaml.org,2002:merge"
TOO_DEEP = f"the file is nested more than {MAX_DEPTH} levels deep; a scenario never is"
LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"  # libyaml's own limit, 1000 levels

# pydantic names the member of a discriminated union in an error's location: drop it.
CONDITION_TYPES = frozenset(
    typing.get_args(member.model_fields["type"].annotation)[0]
    for member in typing.get_args(typing.get_args(Condition)[0])
)


@dataclass(frozen=True)
class Problem:
    source: str
    path: str  # e.g. "states[2].economy"; "" for the whole file
    message: str

    def __str__(self) -> str:
        where = f"{self.source}: {self.path}" if self.path else self.source
        return visible(f"{where}: {self.message}")


def visible(text: str) -> str:
    """Text safe to print: control characters (a file name could hold a terminal escape
    sequence) written as escapes instead."""
    return CONTROL_CHARACTERS.sub(lambda m: m.group().encode("unicode_escape").decode(), text)


class ScenarioError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def field_path(loc: tuple[Any, ...]) -> str:
    """('states', 2, 'economy') -> 'states[2].economy'; pydantic's union tags are dropped."""
    out = ""
    previous: Any = None
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif isinstance(part, str) and (
            part.startswith("function-")
            or "[" in part
            or (previous == "condition" and part in CONDITION_TYPES)
        ):
            continue
        else:
            out += f".{part}" if out else str(part)
        previous = part
    return out


def describe(error: dict[str, Any]) -> str:
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "missing":
        return "is required but missing"
    if error["type"] == "extra_forbidden":
        return "is not a known field (check the spelling; see docs/SCENARIOS.md)"
    if error["type"] == "finite_number":
        message = "must be an ordinary number, not infinity or NaN (not-a-number)"
    got = error.get("input")
    if error["type"] not in ("missing",) and not isinstance(got, dict | list):
        shown = repr(got)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        return f"{message} (got {shown})"
    return message


def parse_scenario(data: Any, source: str = "<scenario>") -> Scenario:
    """Validate already-parsed YAML data; raise ScenarioError with every problem found."""
    if not isinstance(data, dict):
        kind = "nothing" if data is None else type(data).__name__
        raise ScenarioError(
            [Problem(source, "", f"expected a mapping of scenario fields, found {kind}")]
        )
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        # a list whose items failed is also reported as "too short"; the item errors say it better
        item_locs = [e["loc"] for e in errors if e["type"] != "too_short"]
        errors = [
            e
            for e in errors
            if not (
                e["type"] == "too_short"
                and any(
                    loc[: len(e["loc"])] == e["loc"] and len(loc) > len(e["loc"])
                    for loc in item_locs
                )
            )
        ]
        raise ScenarioError(
            [Problem(source, field_path(e["loc"]), describe(e)) for e in errors]
        ) from None
    problems = [Problem(source, path, msg) for path, msg in consistency_problems(scenario)]
    if problems:
        raise ScenarioError(problems)
    return scenario


class _Refused(Exception):
    """The document cannot be a scenario (what, and where when known)."""

    def __init__(self, message: str, node_or_mark: Any = None):
        super().__init__(message)
        mark = getattr(node_or_mark, "start_mark", node_or_mark)
        self.where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""


class _BoundedComposer(Composer):
    """PyYAML's composer, refusing while it builds a document nested more than MAX_DEPTH deep,
    with more than MAX_NODES values, expanding through aliases past MAX_NODES, holding an alias
    to the collection it is in, or giving one key twice in a mapping."""

    def _reset_limits(self) -> None:
        self._depth = 0
        self._nodes = 0
        self._sizes: dict[int, int] = {}  # id(node) -> values it holds once aliases are expanded
        self._open: list[int] = [0]  # expanded sizes of the children so far, innermost last

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        event = self.peek_event()
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _Refused("the file is too large to be a scenario", event)
        alias = type(event) is AliasEvent
        collection = type(event) in (MappingStartEvent, SequenceStartEvent)
        if collection:
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise _Refused(TOO_DEEP, event)
        self._open.append(0)
        node = super().compose_node(parent, index)
        children = self._open.pop()
        self._depth -= collection
        if alias:
            size = self._sizes.get(id(node))
            if size is None:
                raise _Refused("an alias (*name) refers to the list or mapping it is in", event)
        else:
            size = self._sizes[id(node)] = 1 + children
            if isinstance(node, MappingNode):
                _refuse_repeated_keys(node)
        self._open[-1] += size
        if self._open[-1] > MAX_NODES:
            raise _Refused(
                "the file expands (through YAML aliases) to more data than a scenario can hold",
                event,
            )
        return node


def _refuse_repeated_keys(node: MappingNode) -> None:
    """YAML keeps the last of two equal keys and drops the first without a word: refuse."""
    seen: dict[tuple[str, str], ScalarNode] = {}
    for key, _ in node.value:
        if not isinstance(key, ScalarNode) or key.tag == MERGE_TAG:
            continue
        first = seen.setdefault((key.tag, key.value), key)
        if first is not key:
            raise _Refused(
                f"{key.value!r} is given twice in the same block (first on line "
                f"{first.start_mark.line + 1}); the second would silently replace the first",
                key,
            )


class PurePythonLoader(_BoundedComposer, yaml.SafeLoader):
    def __init__(self, stream: str):
        yaml.SafeLoader.__init__(self, stream)
        self._reset_limits()


if hasattr(yaml, "CSafeLoader"):

    class FastLoader(_BoundedComposer, yaml.CSafeLoader):
        """libyaml's C parser (events), the bounded composer (nodes), the safe constructor."""

        def __init__(self, stream: str):
            yaml.CSafeLoader.__init__(self, stream)
            Composer.__init__(self)  # CSafeLoader composes in C and so never sets this up
            self._reset_limits()

    YAML_LOADER: type[_BoundedComposer] = FastLoader
else:  # PyYAML built without libyaml
    YAML_LOADER = PurePythonLoader


def read_yaml(text: str, source: str = "<scenario>") -> Any:
    """The data of a one-document YAML text, parsed once; ScenarioError if it cannot be one."""
    loader = YAML_LOADER(text)
    try:
        node = loader.get_single_node()
        return None if node is None else loader.construct_document(node)
    except _Refused as exc:
        raise ScenarioError([Problem(source, exc.where, str(exc))]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        if exc.problem == LIBYAML_TOO_DEEP:  # its scanner, reading ahead, can stop first
            raise ScenarioError([Problem(source, where, TOO_DEEP)]) from None
        what = ", ".join(part for part in (exc.context, exc.problem) if part) or str(exc)
        raise ScenarioError([Problem(source, where, f"not valid YAML: {what}")]) from None
    except yaml.YAMLError as exc:
        raise ScenarioError([Problem(source, "", f"not valid YAML: {exc}")]) from None
    finally:
        loader.dispose()


def parse_scenario_text(text: str, source: str = "<scenario>") -> Scenario:
    return parse_scenario(read_yaml(text, source), source)


def load_scenario(path: str | Path) -> Scenario:
    path = Path(path)
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ScenarioError(
                [
                    Problem(
                        source,
                        "",
                        f"file is {size:,} bytes; a scenario is at most {MAX_FILE_BYTES:,}",
                    )
                ]
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ScenarioError([Problem(source, "", "file not found")]) from None
    except IsADirectoryError:
        raise ScenarioError([Problem(source, "", "is a folder, not a scenario file")]) from None
    except OSError as exc:
        raise ScenarioError([Problem(source, "", f"cannot be read: {exc.strerror}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ScenarioError(
            [Problem(source, "", f"not a text file (invalid UTF-8 at byte {exc.start})")]
        ) from None
    if "\x00" in text:
        raise ScenarioError([Problem(source, "", "not a text file (contains NUL bytes)")])
    return parse_scenario_text(text, source)
