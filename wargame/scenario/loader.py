"""Reading scenario files: YAML (safe_load only) validated into a `Scenario`.

Whatever a file holds, loading either returns a Scenario or raises `ScenarioError` listing every
problem as (file, field path, what was expected). Nothing here lets a traceback reach the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .schema import Scenario, cross_reference_problems

MAX_FILE_BYTES = 2_000_000
MAX_YAML_EVENTS = 200_000  # bounds work on pathological files (alias bombs, endless lists)
MAX_DEPTH = 32


@dataclass(frozen=True)
class Problem:
    source: str
    path: str  # e.g. "states[2].economy"; "" for the whole file
    message: str

    def __str__(self) -> str:
        where = f"{self.source}: {self.path}" if self.path else self.source
        return f"{where}: {self.message}"


class ScenarioError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def field_path(loc: tuple[Any, ...]) -> str:
    """('states', 2, 'economy') -> 'states[2].economy'; pydantic's union tags are dropped."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif isinstance(part, str) and (part.startswith("function-") or "[" in part):
            continue
        else:
            out += f".{part}" if out else str(part)
    return out


def describe(error: dict[str, Any]) -> str:
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "missing":
        return "is required but missing"
    if error["type"] == "extra_forbidden":
        return "is not a known field (check the spelling; see docs/SCENARIOS.md)"
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
    problems = [Problem(source, path, msg) for path, msg in cross_reference_problems(scenario)]
    if problems:
        raise ScenarioError(problems)
    return scenario


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """Nodes the document holds once aliases are expanded (an alias bomb is small on disk)."""
    known = memo.get(id(node))
    if known is not None:
        return known
    size = 1
    if isinstance(node, yaml.SequenceNode):
        size += sum(_expanded_size(child, memo) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size += sum(_expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value)
    memo[id(node)] = size
    return size


def _check_yaml_shape(text: str, source: str) -> None:
    events = depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        events += 1
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise ScenarioError(
                    [
                        Problem(
                            source,
                            "",
                            f"the file is nested more than {MAX_DEPTH} levels deep; a scenario never is",
                        )
                    ]
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if events > MAX_YAML_EVENTS:
            raise ScenarioError([Problem(source, "", "the file is too large to be a scenario")])
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is not None and _expanded_size(root, {}) > MAX_YAML_EVENTS:
        raise ScenarioError(
            [
                Problem(
                    source,
                    "",
                    "the file expands (through YAML aliases) to more data than a scenario can hold",
                )
            ]
        )


def parse_scenario_text(text: str, source: str = "<scenario>") -> Scenario:
    try:
        _check_yaml_shape(text, source)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ScenarioError(
            [Problem(source, where, f"not valid YAML: {exc.problem or exc}")]
        ) from None
    except yaml.YAMLError as exc:
        raise ScenarioError([Problem(source, "", f"not valid YAML: {exc}")]) from None
    except RecursionError:
        raise ScenarioError(
            [Problem(source, "", "the file is nested too deeply to be a scenario")]
        ) from None
    return parse_scenario(data, source)


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
