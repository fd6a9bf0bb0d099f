"""Scenario files: shipped ones are valid; bad ones give every problem with its field path."""

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from wargame.scenario import ScenarioError, load_scenario, parse_scenario, parse_scenario_text

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def tutorial_data() -> dict:
    return yaml.safe_load((SCENARIOS / "tutorial_strait.yaml").read_text())


def problems_of(data) -> list[tuple[str, str]]:
    with pytest.raises(ScenarioError) as info:
        parse_scenario(data, "t.yaml")
    return [(p.path, p.message) for p in info.value.problems]


def test_every_shipped_scenario_is_valid(all_scenarios):
    assert len(all_scenarios) >= 3
    for scenario in all_scenarios.values():
        assert scenario.turns >= 1


def test_rich_scenarios_have_what_the_design_asks(all_scenarios):
    """At least two scenarios with 6+ states, great powers, an alliance, a Security Council, a
    population at risk and trade ties worth sanctioning."""

    def rich(s) -> bool:
        return (
            len(s.states) >= 6
            and any(st.great_power for st in s.states)
            and any(t.kind in ("alliance", "defense_pact") for t in s.treaties)
            and s.organizations.security_council is not None
            and bool(s.populations)
            and any(t.share >= 0.2 for t in s.trade)
        )

    assert sum(rich(s) for s in all_scenarios.values()) >= 2


def test_wrong_value_is_reported_with_its_path():
    data = tutorial_data()
    data["states"][2]["economy"] = "lots"
    assert problems_of(data)[0][0] == "states[2].economy"


def test_every_problem_is_reported_not_just_the_first():
    data = tutorial_data()
    data["states"][0]["stability"] = 500
    data["states"][1]["regime"] = "monarchy"
    del data["turns"]
    paths = [p for p, _ in problems_of(data)]
    assert {"states[0].stability", "states[1].regime", "turns"} <= set(paths)


def test_unknown_field_is_a_problem_not_silently_ignored():
    data = tutorial_data()
    data["states"][0]["militray"] = 3
    path, message = problems_of(data)[0]
    assert path == "states[0].militray" and "not a known field" in message


def test_reference_to_an_unknown_state_names_the_field():
    data = tutorial_data()
    data["relations"][0]["between"] = ["aurelia", "atlantis"]
    path, message = problems_of(data)[0]
    assert path == "relations[0].between" and "atlantis" in message


def test_security_council_needs_fifteen_seats():
    data = tutorial_data()
    data["organizations"] = {
        "security_council": {"permanent": ["carpathia"], "elected": ["aurelia"]}
    }
    path, message = problems_of(data)[0]
    assert path == "organizations.security_council" and "15 seats" in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "found nothing"),
        (b"\x00\x01\xff\xfe", "not a text file"),
        (b"- just\n- a list\n", "expected a mapping"),
        (b"!!python/object/apply:os.system ['echo hi']\n", "not valid YAML"),
        (b"title: [unclosed\n", "not valid YAML"),
        (b"[" * 5000 + b"]" * 5000, "nested more than"),
        (
            b"a: &a [x, x]\n"
            + b"".join(
                b"a%d: &a%d [*a%s, *a%s, *a%s]\n"
                % (
                    i,
                    i,
                    b"" if i == 1 else b"%d" % (i - 1),
                    b"" if i == 1 else b"%d" % (i - 1),
                    b"" if i == 1 else b"%d" % (i - 1),
                )
                for i in range(1, 25)
            ),
            "expands",
        ),
    ],
)
def test_hostile_files_give_a_clear_message(tmp_path, content, expected):
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert expected in str(info.value)
    assert str(path) in str(info.value)


def test_huge_file_is_refused_before_parsing(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"a" * 2_100_000)
    with pytest.raises(ScenarioError, match="at most"):
        load_scenario(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ScenarioError, match="file not found"):
        load_scenario(tmp_path / "nope.yaml")
    with pytest.raises(ScenarioError, match="folder"):
        load_scenario(tmp_path)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_either_loads_or_raises_a_scenario_error(text):
    try:
        parse_scenario_text(text, "fuzz.yaml")
    except ScenarioError as exc:
        assert exc.problems and all(p.source == "fuzz.yaml" for p in exc.problems)


@settings(max_examples=60, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
        max_leaves=20,
    )
)
def test_any_data_either_loads_or_raises_a_scenario_error(data):
    try:
        parse_scenario({"states": data} if isinstance(data, list) else data, "fuzz.yaml")
    except ScenarioError as exc:
        assert exc.problems
