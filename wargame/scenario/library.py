"""Where scenarios come from: those shipped with the program (read as package resources, so
they work from a source tree, an installed package or a frozen build) and a user folder where
facilitators can add their own without rebuilding.

A scenario is known by its id, so two scenarios on offer never share one: a user file with the
id of a bundled scenario, or two user files with the same id, are refused with both files named
(playing one of them while the list shows the other would be a silent surprise).
"""

from __future__ import annotations

from collections.abc import Callable
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
    taken_id: str = ""  # a valid file refused because its id is taken: that id

    @property
    def reason(self) -> str:
        """Why the entry cannot be played, in one line ("" when it can)."""
        if not self.problems:
            return ""
        first = self.problems[0]
        text = f"{first.path}: {first.message}" if first.path else first.message
        more = len(self.problems) - 1
        return f"{text} (and {more} more problem{'s' if more > 1 else ''})" if more else text


def bundled_names() -> list[str]:
    files = resources.files("scenarios")
    return sorted(f.name for f in files.iterdir() if f.name.endswith((".yaml", ".yml")))


def load_bundled(name: str) -> Scenario:
    text = (resources.files("scenarios") / name).read_text(encoding="utf-8")
    return parse_scenario_text(text, f"bundled:{name}")


def _entry(source: str, load: Callable[[], Scenario]) -> Entry:
    try:
        return Entry(source, load())
    except ScenarioError as exc:
        return Entry(source, None, tuple(exc.problems))


def user_files(user_dir: Path | None = None) -> list[Path]:
    folder = user_dir if user_dir is not None else user_scenarios_dir()
    if not folder.is_dir():
        return []
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def catalogue(user_dir: Path | None = None) -> list[Entry]:
    """Every scenario on offer, bundled first; broken user files are listed with their problems,
    and so are user files whose id is already taken."""
    bundled = [_entry(f"bundled:{n}", lambda n=n: load_bundled(n)) for n in bundled_names()]
    user = [_entry(str(p), lambda p=p: load_scenario(p)) for p in user_files(user_dir)]
    return bundled + _refuse_shared_ids(bundled, user)


def _refuse_shared_ids(bundled: list[Entry], user: list[Entry]) -> list[Entry]:
    """User entries with their id taken (by a bundled scenario or another user file) refused."""
    holders: dict[str, list[str]] = {}
    for entry in (*bundled, *user):
        if entry.scenario is not None:
            holders.setdefault(entry.scenario.id, []).append(entry.source)
    out = []
    for entry in user:
        others = [] if entry.scenario is None else holders[entry.scenario.id]
        if len(others) < 2:
            out.append(entry)
            continue
        sid = entry.scenario.id
        names = ", ".join(other for other in others if other != entry.source)
        message = (
            f"the id {sid!r} is also the id of {names}; each scenario needs its own id "
            f"(change `id:` in this file, or remove one of them)"
        )
        out.append(Entry(entry.source, None, (Problem(entry.source, "id", message),), sid))
    return out


def find_scenario(name_or_path: str) -> Scenario:
    """A file path, or the id / file name of a bundled or user scenario."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") and path.exists():
        return load_scenario(path)
    stem = path.stem if path.suffix in (".yaml", ".yml") else name_or_path
    for name in bundled_names():
        if Path(name).stem == stem:
            return load_bundled(name)
    entries = catalogue()
    for entry in entries:
        if entry.scenario is not None and entry.scenario.id == stem:
            return entry.scenario
    refused = [e for e in entries if stem in (e.taken_id, Path(e.source).stem) and e.problems]
    if refused:  # user files of that id or name that cannot be played: say why
        raise ScenarioError([p for e in refused for p in e.problems])
    if path.suffix in (".yaml", ".yml"):
        return load_scenario(path)  # reports "file not found" with the path
    known = ", ".join(Path(n).stem for n in bundled_names())
    raise ScenarioError(
        [Problem(name_or_path, "", f"no such scenario file or id (bundled scenarios: {known})")]
    )
