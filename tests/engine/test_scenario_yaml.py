"""Reading YAML: one parse per file, libyaml's C parser or the pure-Python fallback with the
same results, hostile files refused by both, and the shipped scenarios unchanged."""

import json
from pathlib import Path

import pytest
import yaml

from wargame.scenario import ScenarioError, load_scenario, loader
from wargame.scenario.loader import MAX_DEPTH, read_yaml

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
SNAPSHOTS = Path(__file__).resolve().parent / "scenario_snapshots"
SHIPPED = sorted(SCENARIOS.glob("*.yaml"))

LOADERS = [
    pytest.param(
        "FastLoader",
        marks=pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML without C"),
    ),
    "PurePythonLoader",
]


@pytest.fixture(params=LOADERS)
def yaml_loader(request, monkeypatch):
    """Run the test with each loader in turn (as if PyYAML had, or lacked, libyaml)."""
    cls = getattr(loader, request.param)
    monkeypatch.setattr(loader, "YAML_LOADER", cls)
    return cls


@pytest.fixture
def small_limit(monkeypatch):
    """A lower value limit, so that reaching it takes milliseconds (the mechanism is the same)."""
    monkeypatch.setattr(loader, "MAX_NODES", 3000)
    return 3000


def test_the_c_parser_is_used_when_pyyaml_has_it():
    if hasattr(yaml, "CSafeLoader"):
        assert loader.YAML_LOADER is loader.FastLoader
        assert issubclass(loader.FastLoader, yaml.CSafeLoader)
    else:
        assert loader.YAML_LOADER is loader.PurePythonLoader


@pytest.mark.parametrize("path", [SNAPSHOTS / f"{p.stem}.json" for p in SHIPPED], ids=str)
def test_shipped_scenarios_load_exactly_as_before(path, yaml_loader):
    """The snapshots were taken before the stricter checks and the new loader: nothing moved."""
    scenario = load_scenario(SCENARIOS / f"{path.stem}.yaml")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert scenario.model_dump(mode="json", by_alias=True) == expected


FEATURES = """\
defaults: &defaults {military: 40, economy: 1.5e2, nuclear: false}
quoted: "a: b"
folded: >-
  one
  two
literal: |
  line one
  line two
numbers: [0x1F, 1_000, -.5, 12:30, 2024-01-02]
state:
  <<: *defaults
  economy: 90
again: *defaults
empty: ~
"""


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_c_and_python_loaders_read_the_same_data(path, monkeypatch):
    text = path.read_text(encoding="utf-8")
    results = []
    for name in ("FastLoader", "PurePythonLoader"):
        if hasattr(loader, name):
            monkeypatch.setattr(loader, "YAML_LOADER", getattr(loader, name))
            results.append(read_yaml(text))
    assert results[0] == yaml.safe_load(text)
    assert all(result == results[0] for result in results)


def test_yaml_features_read_as_pyyaml_safe_load_reads_them(yaml_loader):
    data = read_yaml(FEATURES)
    assert data == yaml.safe_load(FEATURES)
    assert data["state"] == {"military": 40, "economy": 90, "nuclear": False}


def test_each_file_is_parsed_once(monkeypatch, yaml_loader):
    made = []

    class Counting(yaml_loader):
        def __init__(self, stream):
            made.append(stream)
            super().__init__(stream)

    monkeypatch.setattr(loader, "YAML_LOADER", Counting)
    for name in ("parse", "compose", "load", "safe_load"):  # no second reading on the side
        monkeypatch.setattr(yaml, name, None)
    load_scenario(SCENARIOS / "northern_sea.yaml")
    assert len(made) == 1


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def alias_bomb(levels: int) -> str:
    lines = ["a0: &a0 [x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


HOSTILE = [
    ("flow nesting", nested(5000), "", f"nested more than {MAX_DEPTH} levels deep"),
    ("block nesting", "- " * 2000 + "x\n", "", f"nested more than {MAX_DEPTH} levels deep"),
    ("one level too deep", nested(MAX_DEPTH + 1), "line 1, column 33", "nested more than"),
    ("alias bomb", alias_bomb(24), "line 7, column 20", "expands (through YAML aliases)"),
    ("endless list", "[" + "a," * 3000 + "a]", "line 1, column 6000", "too large"),
    ("alias to itself", "a: &a [x, *a]\n", "line 1, column 11", "refers to the list or mapping"),
    ("key given twice", "title: A\nturns: 3\ntitle: B\n", "line 3, column 1", "'title' is given"),
    ("undefined alias", "a: *nowhere\n", "line 1, column 4", "not valid YAML: found undefined"),
    ("two documents", "a: 1\n---\nb: 2\n", "line 2, column 1", "not valid YAML: expected a"),
    ("python object", "!!python/object/apply:os.system ['echo hi']\n", "line 1", "not valid"),
]


@pytest.mark.parametrize(
    ("text", "where", "words"), [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE]
)
def test_hostile_yaml_is_refused_by_either_loader(yaml_loader, small_limit, text, where, words):
    with pytest.raises(ScenarioError) as info:
        read_yaml(text, "bad.yaml")
    [problem] = info.value.problems
    assert problem.source == "bad.yaml"
    assert problem.path.startswith(where)
    assert words in problem.message


def test_the_limits_leave_room_for_any_real_scenario(yaml_loader, small_limit):
    innermost = read_yaml(nested(MAX_DEPTH))
    for _ in range(MAX_DEPTH - 1):
        innermost = innermost[0]
    assert innermost == []
    assert len(read_yaml("[" + "a," * (small_limit - 2) + "a]")) == small_limit - 1
    assert read_yaml(alias_bomb(6))["a5"][0][0][0][0][0] == ["x", "x", "x"]
    merged = read_yaml("a: &a {x: 1}\nb:\n  <<: *a\n  <<: *a\n")  # merge keys may repeat
    assert merged["b"] == {"x": 1}


def test_a_key_given_twice_names_both_lines(yaml_loader):
    with pytest.raises(ScenarioError) as info:
        read_yaml("title: A\nstates:\n  - {id: a, name: b, id: c}\n", "bad.yaml")
    [problem] = info.value.problems
    assert problem.path == "line 3, column 22"
    assert problem.message == (
        "'id' is given twice in the same block (first on line 3); "
        "the second would silently replace the first"
    )
