"""Casebook section 16: tension by region, and ended records archived (docs/RULES.md)."""

import json
from dataclasses import replace

import pytest
from casebook import BASE, play, scenario, start

from wargame.ai import make_player
from wargame.draft import TurnDraft
from wargame.enums import ProposalStatus
from wargame.loop import SessionDice, play_turn
from wargame.rng import Rng
from wargame.rules.agreements import AnswerProposal, ProposeAgreement
from wargame.rules.military import MobilizeForces, war_chance
from wargame.scenario import ScenarioError
from wargame.scenario.library import load_bundled
from wargame.setup import new_game
from wargame.state import canonical_json, state_hash

REGIONS = {"alba": "west", "dara": "west", "brin": "east", "cora": "south"}


def _geography(regional: bool = True, **west) -> dict:
    square = [[0, 0], [0.3, 0], [0.3, 0.3], [0, 0.3]]
    return {
        "regional_tension": regional,
        "regions": [
            {"id": "west", "name": "The West", "area": square, **west},
            {"id": "east", "name": "The East", "area": square},
            {"id": "south", "name": "The South", "area": square},
        ],
    }


def _states(regions: dict[str, str]) -> list[dict]:
    return [dict(s, region=regions[s["id"]]) if s["id"] in regions else s for s in BASE["states"]]


def _regional(**west):
    return start(scenario(states=_states(REGIONS), geography=_geography(**west)))


def test_case_16_1_tension_kept_by_region():
    """Case 16.1: A scenario may keep tension by region (geography.regional_tension): each region
    starts at its own tension, or the scenario's, and the world's tension is the regions' average
    weighted by their number of states. A scenario that does not ask for it keeps one tension,
    whatever regions its map has."""
    s = _regional(tension=70)
    assert s.regional_tension == (70.0, 30.0, 30.0)
    assert s.tension_by_region() == {"west": 70.0, "east": 30.0, "south": 30.0}
    assert s.tension == pytest.approx(0.5 * 70 + 0.25 * 30 + 0.25 * 30)
    plain = start(scenario(states=_states(REGIONS), geography=_geography(regional=False)))
    assert plain.regional_tension == () and plain.tension == 30.0
    assert plain.tension_by_region() == {}


def test_case_16_2_a_move_heats_the_regions_of_the_states_it_concerns():
    """Case 16.2: With tension by region, a move raises or lowers the tension of the regions of the
    states it concerns (a show of force: the regions of the two states, +5), not the others'."""
    s = _regional()
    res = play(s, MobilizeForces("alba", target="dara"))
    west, east, south = res.state.regional_tension
    assert west == 35.0  # +5 for the show of force, no easing: something happened there
    assert (east, south) == (27.0, 27.0)  # nothing happened there: each eased by 3
    assert res.state.tension == pytest.approx(0.5 * 35 + 0.25 * 27 + 0.25 * 27)


def test_case_16_3_war_risk_reads_the_hotter_region():
    """Case 16.3: With tension by region, the chance that a clash becomes war reads the tension of
    the hotter of the two states' regions; without it, the world's tension."""
    s = replace(_regional(), regional_tension=(80.0, 20.0, 10.0), tension=47.5)
    assert war_chance(s, "alba", "brin")["tension factor"] == pytest.approx(0.5 + 0.8)
    assert war_chance(s, "brin", "cora")["tension factor"] == pytest.approx(0.5 + 0.2)
    world = replace(start(), tension=47.5)
    assert war_chance(world, "brin", "cora")["tension factor"] == pytest.approx(0.5 + 0.475)


def test_case_16_4_a_quiet_region_cools():
    """Case 16.4: With tension by region, each region that nothing heated during a turn cools by 3;
    a move that names no state (a facilitator's change of the world's tension) moves every region
    alike."""
    s = _regional()
    res = play(s)
    assert res.state.regional_tension == (27.0, 27.0, 27.0)
    draft = TurnDraft(s, Rng(1))
    draft.tension = s.tension + 10
    assert draft.regional_tension == [40.0, 40.0, 40.0] and draft.tension == 40.0


def test_case_16_5_tension_by_region_needs_every_state_in_a_region():
    """Case 16.5: Tension by region needs at least two regions and every state in one; otherwise
    the scenario is refused, with the field path."""
    partial = {"alba": "west", "dara": "west", "brin": "east"}
    with pytest.raises(ScenarioError, match=r"states\[2\]\.region"):
        scenario(states=_states(partial), geography=_geography())
    one = {"regional_tension": True, "regions": _geography()["regions"][:1]}
    with pytest.raises(ScenarioError, match="at least two regions"):
        scenario(states=_states(dict.fromkeys(REGIONS, "west")), geography=one)


def test_case_16_6_ended_records_leave_the_live_state():
    """Case 16.6: A record that can no longer change (a proposal answered or expired, a mediation
    declined or over, a dispute or war ended, a treaty broken or ended, a sanctions episode over,
    a failed or vetoed draft, a settled ultimatum) leaves the live records after the turn it
    ends: later turns neither scan nor copy it, the snapshot of the turn it ended lists it once
    in its final form, and later snapshots hold only a running fingerprint of every record
    archived; scores and the debrief still read every record, in the order made."""
    s = play(start(), ProposeAgreement("alba", to=("dara",))).state
    offer = s.proposals[0]
    assert s.ledger("proposals").live == (offer,)
    ended = play(s, AnswerProposal("dara", proposal=offer.id, accept=False)).state
    rejected = ended.proposals[0]
    assert rejected.status == ProposalStatus.REJECTED and rejected.id == offer.id
    assert ended.ledger("proposals").live == ()
    assert list(TurnDraft(ended, Rng(1)).proposals) == []
    assert TurnDraft(ended, Rng(1)).proposals.find(offer.id) == rejected  # still found by id
    snapshot = json.loads(canonical_json(ended))
    assert snapshot["proposals"] == [] and snapshot["archived"] == ended.archive.digest
    assert snapshot["ended_this_turn"]["proposals"][0]["status"] == "rejected"
    later = play(ended).state
    assert later.proposals == (rejected,) and later.archive.digest == ended.archive.digest
    assert offer.id not in canonical_json(later)
    # the fingerprint commits to what was archived: another archived record, another hash
    other = play(s, AnswerProposal("dara", proposal=offer.id, accept=True)).state
    assert state_hash(other) != state_hash(ended)


@pytest.mark.parametrize("name", ["river_delta.yaml", "crisis_committee.yaml"])
def test_case_16_7_archiving_changes_no_outcome(name):
    """Case 16.7: Archiving changes no outcome: a crisis played with every record kept live ends
    in the same state, with the same events, as the same crisis played with ended records
    archived."""
    scenario_ = load_bundled(name)
    players = {seat: make_player("easy") for seat in scenario_.state_ids}
    dice = SessionDice(5)
    archived = everything = new_game(scenario_, 5)
    events_a = events_e = ()
    archived_count = 0
    while not archived.finished:
        a = play_turn(archived, events_a, {}, players, dice)
        e = play_turn(everything, events_e, {}, players, dice)
        assert a.events == e.events and a.orders == e.orders
        archived, events_a = a.state, a.events
        everything, events_e = replace(e.state, archive=None), e.events  # nothing archived
        archived_count = sum(
            len(archived.ledger(n).full) - len(archived.ledger(n).live)
            for n in ("proposals", "mediations", "disputes", "treaties", "sanctions")
        )
        assert archived == everything
    assert archived_count > 0  # the crisis did end records, and they left the live state
