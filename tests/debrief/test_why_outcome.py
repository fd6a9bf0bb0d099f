"""Why each state's outcome is what it is (RULES.md 3.12), in words: the branch of the rule that
decided it, the issues and retreats behind it, and the outcome the score gives, never another."""

from __future__ import annotations

from dataclasses import replace

import pytest

from wargame.ai import make_player
from wargame.debrief.why_outcome import why_outcome
from wargame.debrief.words import Words
from wargame.match import Match
from wargame.scenario.library import find_scenario
from wargame.scoring import score
from wargame.setup import new_game
from wargame.state import Population, SanctionsEpisode


@pytest.fixture(scope="module")
def strait_opened(tutorial):
    """Aurelia's sanctions made Borduria open the strait: Aurelia got its demand, Borduria gave
    way, Dalmora (which wanted it open but demanded nothing) saw nothing change for itself."""
    start = new_game(tutorial, 1)
    issues = tuple(
        i._replace(status="open", changed_turn=3, changed_by="aurelia", via="s1")
        if i.id == "strait"
        else i
        for i in start.issues
    )
    episode = SanctionsEpisode(
        "s1",
        ("aurelia",),
        "borduria",
        "trade",
        1,
        stage="conceded",
        ended_turn=3,
        issue="strait",
    )
    return replace(start, turn=7, issues=issues, sanctions=(episode,))


def test_each_branch_names_what_decided_it(strait_opened, tutorial):
    words = Words(tutorial)
    aurelia = why_outcome(strait_opened, "aurelia", words)
    assert "Aurelia got its way on Passage through the Narrow Strait, as it demanded" in aurelia
    borduria = why_outcome(strait_opened, "borduria", words)
    assert "gave way on Passage through the Narrow Strait" in borduria
    assert "gave in to sanctions by Aurelia" in borduria and "got nothing in return" in borduria
    dalmora = why_outcome(strait_opened, "dalmora", words)
    assert dalmora.startswith("Nothing changed on the issues Dalmora cared about")


def test_a_perpetrator_is_told_why_it_has_no_victory(strait_opened, tutorial):
    assert score(strait_opened, "aurelia").outcome == "victory"
    killed = Population("villagers", "borduria", 1000, 0.5, "aurelia", 1, deaths=10)
    ending = replace(strait_opened, populations=(killed,))
    text = why_outcome(ending, "aurelia", Words(tutorial))
    assert score(ending, "aurelia").outcome == "compromise"
    assert "a victory (60% or more)" in text and text.endswith(
        "no such state ends in victory: a compromise."
    )


@pytest.mark.parametrize(
    "scenario_id", ["tutorial_strait", "amber_coast", "iron_pass", "river_delta"]
)
def test_the_words_give_the_outcome_the_score_gives(scenario_id):
    scenario = find_scenario(scenario_id)
    match = Match(scenario, 3, {s: make_player("easy") for s in scenario.state_ids})
    match.play_out()
    words = Words(scenario)
    for seat in scenario.state_ids:
        text = why_outcome(match.state, seat, words)
        outcome = score(match.state, seat).outcome
        # the outcome given: "a defeat (a compromise needs 75% or more)", or a victory taken
        # away at the end ("...: a compromise.")
        assert f"a {outcome} (" in text or text.endswith(f": a {outcome}."), (seat, text)
        assert words.name(seat) in text
