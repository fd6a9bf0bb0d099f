"""Where scenarios come from: those shipped with the program (read as package resources, so
they work from a source tree, an installed package or a frozen build) and a user folder where
facilitators can add their own without rebuilding."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..paths import user_scenarios_dir
from .loader import Problem, ScenarioError, load_scenario, parse_scenario_text
from .schema import Scenario


@dataclass(frozen=True)
class Entry:
    source: str  # a path, or "bundled:<file>"
    scenario: Scenario | None
    problems: tuple[Problem, ...] = ()


def bundled_names() -> list[str]:
    files = resources.files("scenarios")
    return sorted(f.name for f in files.iterdir() if f.name.endswith((".yaml", ".yml")))


def load_bundled(name: str) -> Scenario:
    text = (resources.files("scenarios") / name).read_text(encoding="utf-8")
    return parse_scenario_text(text, f"bundled:{name}")


def catalogue(user_dir: Path | None = None) -> list[Entry]:
    """Every scenario on offer, bundled first; broken user files are listed with their problems."""
    entries = []
    for name in bundled_names():
        try:
            entries.append(Entry(f"bundled:{name}", load_bundled(name)))
        except ScenarioError as exc:
            entries.append(Entry(f"bundled:{name}", None, tuple(exc.problems)))
    folder = user_dir if user_dir is not None else user_scenarios_dir()
    if folder.is_dir():
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            try:
                entries.append(Entry(str(path), load_scenario(path)))
            except ScenarioError as exc:
                entries.append(Entry(str(path), None, tuple(exc.problems)))
    return entries


def find_scenario(name_or_path: str) -> Scenario:
    """A file path, or the id / file name of a bundled or user scenario."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") and path.exists():
        return load_scenario(path)
    stem = path.stem if path.suffix in (".yaml", ".yml") else name_or_path
    for name in bundled_names():
        if Path(name).stem == stem:
            return load_bundled(name)
    for entry in catalogue():
        if entry.scenario is not None and entry.scenario.id == stem:
            return entry.scenario
    if path.suffix in (".yaml", ".yml"):
        return load_scenario(path)  # reports "file not found" with the path
    known = ", ".join(Path(n).stem for n in bundled_names())
    raise ScenarioError(
        [Problem(name_or_path, "", f"no such scenario file or id (bundled scenarios: {known})")]
    )
