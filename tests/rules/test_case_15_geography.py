"""Casebook section 15: geography and reach (docs/RULES.md)."""

from dataclasses import replace

import pytest
from casebook import BASE, events, play, scenario, start

from wargame.enums import DraftStatus, ResolutionKind, TreatyKind
from wargame.rules.alliances import attacked_by
from wargame.rules.geography import in_reach, proximity
from wargame.rules.humanitarian import Intervene
from wargame.rules.military import Attack, MobilizeForces, war_chance
from wargame.scenario import ScenarioError
from wargame.state import CouncilDraft, Dispute, Treaty, War

GEOGRAPHY = {
    "regions": [
        {"id": "west", "name": "The West", "area": [[0, 0], [0.6, 0], [0.6, 0.6], [0, 0.6]]},
        {"id": "east", "name": "The East", "area": [[0.7, 0], [1, 0], [1, 0.6], [0.7, 0.6]]},
    ],
    "sea_lanes": [{"id": "lane", "name": "Lane", "path": [[0, 0.7], [1, 0.7]]}],
    "rivers": [{"id": "river", "name": "River", "path": [[0.5, 0], [0.5, 1]]}],
    "zones": [{"id": "zone", "name": "Zone", "area": [[0.4, 0.4], [0.6, 0.4], [0.5, 0.6]]}],
    "borders": [["alba", "dara"], ["dara", "brin"]],
}
REGIONS = {"alba": "west", "dara": "west", "brin": "east"}
REACH = {"brin": "local", "dara": "local"}  # alba: regional; cora, a great power: global


def _mapped():
    states = []
    for spec in BASE["states"]:
        spec = dict(spec)
        if spec["id"] in REGIONS:
            spec["region"] = REGIONS[spec["id"]]
        if spec["id"] in REACH:
            spec["reach"] = REACH[spec["id"]]
        states.append(spec)
    return start(scenario(states=states, geography=GEOGRAPHY))


def test_case_15_1_without_geography_everyone_is_within_reach():
    """Case 15.1: A scenario without geography puts every state within every other's reach, and
    proximity changes nothing."""
    s = start()
    assert all(in_reach(s, a, b) for a in s.ids for b in s.ids)
    assert war_chance(s, "alba", "brin")["proximity factor"] == 1.0


def test_case_15_2_force_needs_reach():
    """Case 15.2: A state can show or use force only against a state within its reach: a global
    power anywhere; a regional one its neighbours, its own region and states within 0.35 of it on
    the map; a local one its neighbours only. By default a great power's reach is global and any
    other state's regional. Force beyond reach is void, with the reason."""
    s = _mapped()
    reach = {a: sorted(b for b in s.ids if b != a and in_reach(s, a, b)) for a in s.ids}
    assert reach == {
        "alba": ["dara"],
        "brin": ["dara"],
        "cora": ["alba", "brin", "dara"],
        "dara": ["alba", "brin"],
    }
    res = play(s, Attack("alba", target="brin"), MobilizeForces("brin", target="alba"))
    assert [r.status for r in res.results] == ["void", "void"]
    assert "beyond Alba's reach" in res.results[0].reason
    assert play(s, Attack("cora", target="brin")).results[0].status == "applied"


def test_case_15_3_self_defence_and_war_need_no_reach():
    """Case 15.3: A state may always answer force used against it, and fight a war it is already
    in, whatever its reach."""
    d = Dispute("d1", "cora", "brin", 1, 4, last_force=1)
    hit = replace(_mapped(), turn=2, disputes=(d,))
    assert attacked_by(hit, "brin", "cora")[0]
    assert play(hit, Attack("brin", target="cora")).results[0].status == "applied"
    war = War("w1", ("alba",), ("brin",), 1)
    at_war = replace(_mapped(), turn=2, wars=(war,))
    assert play(at_war, Attack("alba", target="brin")).results[0].status == "applied"


def test_case_15_4_bases_extend_reach():
    """Case 15.4: A basing treaty extends a state's reach to everything within its reach from its
    partner's soil (power projection from bases)."""
    s = _mapped()
    based = replace(s, treaties=(Treaty("b1", TreatyKind.BASING, ("alba", "dara"), 0),))
    assert not in_reach(s, "alba", "brin") and in_reach(based, "alba", "brin")


def test_case_15_5_neighbours_fight_more_readily():
    """Case 15.5: The chance that a clash becomes war is multiplied by 1.6 between neighbours, 1
    within a region or within 0.35 on the map, and 0.5 between distant states."""
    s = _mapped()
    assert proximity(s.scenario, "alba", "dara") == "neighbours"
    assert war_chance(s, "alba", "dara")["proximity factor"] == 1.6
    assert war_chance(s, "cora", "brin")["proximity factor"] == 0.5
    assert proximity(s.scenario, "alba", "brin") == "distant"


def test_case_15_6_interventions_need_reach():
    """Case 15.6: A humanitarian intervention needs the population's host within the intervener's
    reach."""
    folk = [
        {
            "id": "folk",
            "name": "The Folk",
            "in_state": "brin",
            "people": 1000,
            "threat": 0.1,
            "perpetrator": "brin",
        }
    ]
    states = [
        dict(spec, **({"reach": "local"} if spec["id"] == "alba" else {}))
        for spec in BASE["states"]
    ]
    s = start(scenario(states=states, geography=GEOGRAPHY, populations=folk))
    res = play(s, Intervene("alba", population="folk"), Intervene("cora", population="folk"))
    assert [r.status for r in res.results] == ["void", "applied"]
    assert events(res, "InterventionSucceeded") or events(res, "InterventionFailed")
    force = CouncilDraft(
        "r1", "cora", ResolutionKind.AUTHORIZE_FORCE, "brin", None, 1, status=DraftStatus.ADOPTED
    )
    assert (
        play(replace(s, drafts=(force,)), Intervene("alba", population="folk")).results[0].status
        == "void"
    )


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        ({"region": "north"}, "states[0].region", "unknown region 'north'"),
        ({"borders": [["alba", "alba"]]}, "geography.borders[0]", "does not border itself"),
        ({"borders": [["alba", "atlantis"]]}, "geography.borders[0]", "unknown state 'atlantis'"),
        (
            {"borders": [["alba", "dara"], ["dara", "alba"]]},
            "geography.borders[1]",
            "already given in geography.borders[0]",
        ),
    ],
)
def test_case_15_7_maps_are_checked(change, path, words):
    """Case 15.7: A scenario's map is checked like the rest of the file: a state in an unknown
    region, a border with an unknown state, a state bordering itself or a border given twice is
    refused with its field path."""
    states = [dict(spec) for spec in BASE["states"]]
    geography = dict(GEOGRAPHY)
    if "region" in change:
        states[0]["region"] = change["region"]
    else:
        geography["borders"] = change["borders"]
    with pytest.raises(ScenarioError) as info:
        scenario(states=states, geography=geography)
    problems = [(p.path, p.message) for p in info.value.problems]
    assert any(p == path and words in m for p, m in problems), problems
