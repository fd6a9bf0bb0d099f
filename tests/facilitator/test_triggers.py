"""Scripted injects gain triggers: deaths, Council votes, sanctions steps, and injects kept for
the facilitator alone. A scenario that does not use them keeps its fingerprint."""

from __future__ import annotations

import dataclasses

import pytest

from wargame.draft import TurnDraft
from wargame.enums import DraftStatus, SanctionsStage
from wargame.match import Match
from wargame.rng import Rng
from wargame.rules.escalation import due, fire_injects
from wargame.scenario import ScenarioError, parse_scenario
from wargame.scenario.schema import Trigger
from wargame.setup import new_game
from wargame.state import CouncilDraft, Population, SanctionsEpisode


def test_unused_triggers_leave_the_scenario_data_and_digest_alone(tutorial):
    data = tutorial.model_dump(mode="json", by_alias=True)
    assert all(
        set(inj["when"]) == {"turn", "tension_at_least", "escalation_at_least"}
        for inj in data["injects"]
    )
    assert parse_scenario(data).digest == tutorial.digest


def test_deaths_trigger(tutorial):
    draft = TurnDraft(new_game(tutorial, 7), Rng(1))
    assert not due(draft, Trigger(deaths_at_least=100))
    draft.populations.append(Population("delta", "borduria", 1000, 0.1, None, 1, deaths=150))
    assert due(draft, Trigger(deaths_at_least=100))


def test_a_council_vote_triggers_in_the_turn_it_is_taken(tutorial):
    tabled = CouncilDraft("d1", "aurelia", "condemn", "borduria", None, 1)
    start = dataclasses.replace(new_game(tutorial, 7), drafts=(tabled,))
    draft = TurnDraft(start, Rng(1))
    assert not due(draft, Trigger(council_vote="any"))
    draft.drafts.replace(draft.drafts[0], status=DraftStatus.VETOED)
    assert due(draft, Trigger(council_vote="vetoed")) and due(draft, Trigger(council_vote="any"))
    assert not due(draft, Trigger(council_vote="adopted"))
    later = TurnDraft(dataclasses.replace(start, drafts=tuple(draft.drafts)), Rng(1))
    assert not due(later, Trigger(council_vote="vetoed"))  # a vote counts in its own turn


def test_a_sanctions_step_triggers_and_the_inject_happens(tutorial):
    data = tutorial.model_dump(mode="json", by_alias=True)
    data["injects"][1]["when"] = {"sanctions": "imposed"}
    scenario = parse_scenario(data)
    draft = TurnDraft(new_game(scenario, 7), Rng(1))
    episode = SanctionsEpisode("s1", ("aurelia",), "borduria", "trade", None, 1)
    draft.sanctions.append(episode._replace(stage=SanctionsStage.IMPOSED))
    assert due(draft, Trigger(sanctions="imposed")) and not due(draft, Trigger(sanctions="lifted"))
    fire_injects(draft, None)  # type: ignore[arg-type]
    assert "markets_fall" in draft.fired_injects
    assert draft.events[-1].text.startswith("Markets fall")


def test_a_manual_inject_never_fires_by_itself(tutorial):
    data = tutorial.model_dump(mode="json", by_alias=True)
    data["injects"][1]["when"] = {"manual": True, "tension_at_least": 0}
    scenario = parse_scenario(data)
    match = Match(scenario, 7, {})
    while not match.finished:
        for seat in match.waiting_for():
            match.submit(seat, ())
        match.resolve_turn()
    assert "markets_fall" not in match.state.fired_injects
    assert "tanker_seized" in match.state.fired_injects


def test_a_trigger_without_a_condition_is_refused(tutorial):
    data = tutorial.model_dump(mode="json", by_alias=True)
    data["injects"][0]["when"] = {}
    with pytest.raises(ScenarioError, match="manual: true"):
        parse_scenario(data)
    data["injects"][0]["when"] = {"council_vote": "passed"}
    with pytest.raises(ScenarioError, match="council_vote"):
        parse_scenario(data)
