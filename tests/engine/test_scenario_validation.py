"""The validator refuses nonsense scenarios, each problem with its field path and a clear message.

Every case starts from the shipped northern_sea scenario (valid) and breaks one thing."""

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from wargame.scenario import ScenarioError, parse_scenario, parse_scenario_text
from wargame.scenario.schema import ATTRIBUTE_RANGE

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
BASE = yaml.safe_load((SCENARIOS / "northern_sea.yaml").read_text(encoding="utf-8"))
# northern_sea: states valdoria, korvania, meridia, estmark, halvland, pellonia, sarnovia; Council
# permanent [valdoria, korvania, meridia, astrakand, gorvina] (the last two bystanders), elected
# [halvland, pellonia], ten bystanders; 10 turns.


def problems_after(change: Callable[[dict], Any]) -> list[tuple[str, str]]:
    data = copy.deepcopy(BASE)
    change(data)
    with pytest.raises(ScenarioError) as info:
        parse_scenario(data, "t.yaml")
    return [(p.path, p.message) for p in info.value.problems]


def put(*path_and_value: Any) -> Callable[[dict], None]:
    """A change setting data[p0][p1]...[pn] = value."""
    *path, value = path_and_value

    def change(data: dict) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def append(section: str, item: Any) -> Callable[[dict], None]:
    return lambda data: data[section].append(copy.deepcopy(item))


def condition(state: int, objective: int, **fields: Any) -> Callable[[dict], None]:
    return put("states", state, "objectives", objective, "condition", fields)


COUNCIL = ("organizations", "security_council")

# (what is wrong, the change, the field path reported, words the message must hold)
REFUSED = [
    # treaties
    (
        "self-alliance",
        put("treaties", 0, "members", ["valdoria", "valdoria"]),
        "treaties[0].members",
        "a treaty needs at least two different states; found only 'valdoria'",
    ),
    (
        "duplicate treaty member",
        put("treaties", 0, "members", ["valdoria", "estmark", "valdoria"]),
        "treaties[0].members",
        "'valdoria' is listed more than once",
    ),
    (
        "duplicate treaty id",
        put("treaties", 1, "id", "strand_alliance"),
        "treaties[1].id",
        "id 'strand_alliance' is already used by treaties[0]",
    ),
    (
        "treaty id the engine uses for new treaties",
        put("treaties", 0, "id", "t1"),
        "treaties[0].id",
        "kept for treaties signed during the game",
    ),
    # trade
    (
        "self-trade",
        put("trade", 0, "to", "valdoria"),
        "trade[0].to",
        "a state cannot trade with itself ('valdoria')",
    ),
    (
        "trade shares above the whole",
        put("trade", 1, "share", 0.95),  # valdoria: 0.5 - 0.25 + 0.95
        "trade",
        "the trade shares of 'valdoria' add up to 1.2 (trade[0], trade[1], trade[2]",
    ),
    (
        "trade pair given twice",
        append("trade", {"from": "valdoria", "to": "korvania", "share": 0.01}),
        "trade[41]",
        "trade from 'valdoria' to 'korvania' is already given in trade[0]",
    ),
    # relations
    (
        "relation pair given twice",
        append("relations", {"between": ["korvania", "valdoria"], "value": 10}),
        f"relations[{len(BASE['relations'])}].between",
        "the pair 'korvania'-'valdoria' is already given in relations[0]",
    ),
    (
        "inject changing a state's relations with itself",
        put("injects", 0, "relation_effects", 0, "between", ["sarnovia", "sarnovia"]),
        "injects[0].relation_effects[0].between",
        "a state cannot have relations with itself",
    ),
    # ids
    (
        "duplicate inject id",
        put("injects", 1, "id", "saltmarsh_crackdown"),
        "injects[1].id",
        "id 'saltmarsh_crackdown' is already used by injects[0]",
    ),
    (
        "duplicate objective id within a state",
        put("states", 0, "objectives", 1, "id", "word_is_good"),
        "states[0].objectives[1].id",
        "id 'word_is_good' is already used by states[0].objectives[0]",
    ),
    (
        "duplicate population id",
        append("populations", BASE["populations"][0]),
        "populations[1].id",
        "id 'vell' is already used by populations[0]",
    ),
    (
        "duplicate regional organization id",
        put("organizations", "regional", 1, "id", "northern_sea_council"),
        "organizations.regional[1].id",
        "id 'northern_sea_council' is already used by organizations.regional[0]",
    ),
    # the Security Council
    (
        "bystander with a state's id",
        put(*COUNCIL, "bystanders", 1, "id", "estmark"),
        "organizations.security_council.bystanders[1].id",
        "id 'estmark' is already used by states[3]; a bystander is a Council member that is not",
    ),
    (
        "two bystanders with one id",
        put(*COUNCIL, "bystanders", 1, "id", "astrakand"),
        "organizations.security_council.bystanders[1].id",
        "id 'astrakand' is already used by organizations.security_council.bystanders[0]",
    ),
    (
        "a state both permanent and elected",
        put(*COUNCIL, "elected", ["halvland", "valdoria"]),
        "organizations.security_council.elected[1]",
        "'valdoria' already holds a seat (organizations.security_council.permanent[0])",
    ),
    (
        "a permanent seat given twice",
        put(*COUNCIL, "permanent", ["valdoria", "korvania", "valdoria", "astrakand", "gorvina"]),
        "organizations.security_council.permanent[2]",
        "'valdoria' already holds a seat",
    ),
    # regional organizations
    (
        "duplicate member of a regional organization",
        put("organizations", "regional", 1, "members", ["korvania", "pellonia", "korvania"]),
        "organizations.regional[1].members",
        "'korvania' is listed more than once",
    ),
    (
        "regional organization of one state",
        put("organizations", "regional", 1, "members", ["korvania", "korvania"]),
        "organizations.regional[1].members",
        "an organization needs at least two different states",
    ),
    # objectives pointing at their own state
    (
        "win_war against oneself",
        condition(0, 2, type="win_war", against="valdoria"),
        "states[0].objectives[2].condition.against",
        "'valdoria' is the objective's own state; a state cannot win a war against itself",
    ),
    (
        "relations_at_least with oneself",
        condition(2, 2, type="relations_at_least", value=35, **{"with": "meridia"}),
        "states[2].objectives[2].condition.with",
        "a state has no relations with itself",
    ),
    (
        "treaty_with oneself",
        condition(3, 0, type="treaty_with", kind="alliance", **{"with": "estmark"}),
        "states[3].objectives[0].condition.with",
        "a state cannot make a treaty with itself",
    ),
    (
        "sanctions_conceded by oneself",
        condition(3, 1, type="sanctions_conceded", target="estmark"),
        "states[3].objectives[1].condition.target",
        "a state cannot sanction itself",
    ),
    (
        "avoid_war with oneself",
        condition(0, 2, type="avoid_war", **{"with": "valdoria"}),
        "states[0].objectives[2].condition.with",
        "a state cannot be at war with itself",
    ),
    # absurd magnitudes
    (
        "inject effect of 1e308",
        put("injects", 0, "effects", 0, "delta", 1e308),
        "injects[0].effects[0].delta",
        "a change of reputation must be between -100 and 100",
    ),
    (
        "inject effect beyond the attribute's range",
        put(
            "injects",
            0,
            "effects",
            0,
            {"state": "sarnovia", "attribute": "military", "delta": 2500},
        ),
        "injects[0].effects[0].delta",
        "a change of military must be between -2000 and 2000 (military is kept between 0 and 2000)",
    ),
    (
        "relation effect of 1e308",
        put("injects", 0, "relation_effects", 0, "delta", -1e308),
        "injects[0].relation_effects[0].delta",
        "greater than or equal to -200",
    ),
    (
        "inject tension of 1e308",
        put("injects", 0, "tension", 1e308),
        "injects[0].tension",
        "less than or equal to 100",
    ),
    (
        "attribute threshold of 1e308",
        condition(0, 3, type="attribute_at_least", attribute="economy", value=1e308),
        "states[0].objectives[3].condition.value",
        "an economy threshold must be between 0 and 20000",
    ),
    (
        "arms control cap of 1e308",
        put("treaties", 2, "cap", 1e308),
        "treaties[2].cap",
        "less than or equal to 2000",
    ),
    (
        "a population larger than the world",
        put("populations", 0, "people", 10**400),
        "populations[0].people",
        "less than or equal to 10000000000",
    ),
    # events that can never happen
    (
        "inject on a turn after the last",
        put("injects", 0, "when", {"turn": 11}),
        "injects[0].when.turn",
        "turn 11 never comes: the scenario has 10 turns",
    ),
    (
        "population at risk only after the last turn",
        put("populations", 0, "active_from", 12),
        "populations[0].active_from",
        "turn 12 never comes: the scenario has 10 turns",
    ),
    # text
    (
        "terminal escape sequence in a name",
        put("states", 0, "name", "Valdoria\x1b[2J"),
        "states[0].name",
        "contains the control character U+001B at position 8",
    ),
    (
        "bidirectional override in a title",
        put("title", "Crisis \u202egnirehtaG"),
        "title",
        "contains the control character U+202E",
    ),
]


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [case[1:] for case in REFUSED],
    ids=[case[0] for case in REFUSED],
)
def test_nonsense_is_refused_with_its_field_path(change, path, words):
    problems = problems_after(change)
    assert len(problems) == 1, problems
    assert problems[0][0] == path
    assert words in problems[0][1]


def test_a_duplicate_state_id_names_the_first_use():
    problems = problems_after(put("states", 6, "id", "valdoria"))
    assert ("states[6].id", "id 'valdoria' is already used by states[0]") in problems


def test_objective_ids_may_repeat_across_states():
    """Scores list each state's objectives on their own: only the owner's ids must differ."""
    data = copy.deepcopy(BASE)
    data["states"][1]["objectives"][0]["id"] = "word_is_good"  # also valdoria's first objective
    scenario = parse_scenario(data, "t.yaml")
    assert scenario.states[1].objectives[0].id == scenario.states[0].objectives[0].id


def test_trade_shares_adding_up_to_exactly_one_pass():
    data = copy.deepcopy(BASE)
    valdoria = [t for t in data["trade"] if t["from"] == "valdoria"]
    valdoria[0]["share"] += 1 - sum(t["share"] for t in valdoria)  # decimals: 0.56+0.25+...
    parse_scenario(data, "t.yaml")


# Every float field: NaN, infinity and minus infinity are refused where they stand.
FLOAT_FIELDS = [
    ("tension",),
    ("states", 0, "military"),
    ("states", 0, "economy"),
    ("states", 0, "stability"),
    ("states", 0, "reputation"),
    ("states", 0, "position", 1),
    ("states", 0, "objectives", 3, "condition", "value"),
    ("states", 2, "objectives", 2, "condition", "value"),
    ("relations", 0, "value"),
    ("trade", 0, "share"),
    ("treaties", 2, "cap"),
    ("treaties", 2, "verification"),
    ("organizations", "security_council", "bystanders", 0, "leaning"),
    ("populations", 0, "threat"),
    ("injects", 0, "effects", 0, "delta"),
    ("injects", 0, "relation_effects", 0, "delta"),
    ("injects", 0, "tension"),
    ("injects", 2, "when", "tension_at_least"),
]


def written(path: tuple) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
@pytest.mark.parametrize("path", FLOAT_FIELDS, ids=written)
def test_every_number_must_be_finite(path, value):
    problems = problems_after(put(*path, value))
    assert len(problems) == 1, problems
    assert problems[0][0] == written(path)
    assert "not infinity or NaN" in problems[0][1]


@pytest.mark.parametrize("spelling", [".nan", ".inf", "-.inf", ".NaN", "+.Inf"])
def test_yaml_spellings_of_nan_and_infinity_are_refused(spelling):
    text = (SCENARIOS / "tutorial_strait.yaml").read_text(encoding="utf-8")
    text = text.replace("tension: 8\n", f"tension: {spelling}\n", 1)
    with pytest.raises(ScenarioError) as info:
        parse_scenario_text(text, "t.yaml")
    [problem] = info.value.problems
    assert problem.path == "injects[0].tension" and "not infinity or NaN" in problem.message


def test_attribute_ranges_are_the_engines():
    from wargame.enums import STAT_BOUNDS

    assert ATTRIBUTE_RANGE == {str(k): v for k, v in STAT_BOUNDS.items() if k in ATTRIBUTE_RANGE}
