"""Each intervention applied to a state: its changes within the game's bounds, its events and who
sees them, its own dice, and a clear reason when it cannot be made."""

from __future__ import annotations

import pytest

from wargame.enums import DraftStatus, Rung, TreatyStatus
from wargame.facilitator import (
    AdHocInject,
    Effects,
    FacilitatorEvent,
    FireInject,
    InterventionRefused,
    Override,
    ScheduleInject,
    apply,
    check,
    intervention_from_data,
    odds_for,
    odds_words,
    to_data,
)
from wargame.facilitator.records import InterventionFormatError
from wargame.scoring import score
from wargame.setup import new_game
from wargame.state import state_hash
from wargame.view import public_view, view_for

from .conftest import argument, every_kind


@pytest.fixture
def start(tutorial):
    return new_game(tutorial, 7)


def test_a_library_inject_fired_now_happens_once_as_scripted(start):
    made = apply(start, FireInject(inject="markets_fall"), 0)
    assert "markets_fall" in made.state.fired_injects
    (event,) = made.events
    assert event.kind == "InjectOccurred" and event.text.startswith("Markets fall:")
    assert made.state.country("aurelia").economy == start.country("aurelia").economy - 3
    assert made.state.turn == start.turn  # between turns: still the same turn
    assert "already happened" in check(made.state, FireInject(inject="markets_fall"))
    with pytest.raises(InterventionRefused, match="no inject 'flood'"):
        apply(start, FireInject(inject="flood"), 0)


def test_news_for_chosen_states_reaches_only_them(start):
    news = AdHocInject(
        headline="Secret cable",
        text="Carpathia will not fight for the strait.",
        audience=("aurelia",),
        effects=Effects(tension=5),
    )
    made = apply(start, news, 0)
    assert made.state.tension == start.tension + 5
    assert made.events[0].kind == FacilitatorEvent.NEWS
    assert view_for(made.state, "aurelia", made.events).events
    assert not view_for(made.state, "borduria", made.events).events
    assert not public_view(made.state, made.events).events


def test_figures_stay_within_their_bounds(start):
    news = AdHocInject(
        headline="Collapse",
        text="The regime totters.",
        effects=Effects(
            indicators=({"state": "borduria", "attribute": "stability", "delta": -100},)
        ),
    )
    made = apply(start, news, 0)
    assert made.state.country("borduria").stability == 0.0
    assert (
        dict(made.events[0].numbers)["Borduria: stability change"]
        == -start.country("borduria").stability
    )


def test_an_argument_rolls_its_own_seeded_dice(start):
    first = apply(start, argument(), 0)
    again = apply(start, argument(), 0)
    assert first.state_hash == again.state_hash and first.events == again.events
    numbers = dict(first.events[0].numbers)
    assert numbers["chance of success"] == 0.7
    roll = numbers["roll (succeeds below the chance)"]
    succeeded = roll < 0.7
    relations = first.state.relation("aurelia", "borduria") - start.relation("aurelia", "borduria")
    assert (relations == -10) == succeeded
    text = first.events[0].text
    assert "Aurelia argued" in text and "Borduria countered" in text
    assert ("it succeeded" if succeeded else "it failed") in text
    # another place in the turn draws from another stream: the rolls over many places vary
    rolls = {
        dict(apply(start, argument(), p).events[0].numbers)["roll (succeeds below the chance)"]
        for p in range(8)
    }
    assert len(rolls) == 8


def test_odds_follow_the_suggested_table():
    assert odds_for("Likely") == 0.7 and odds_words(0.68) == "likely"
    assert odds_words(0.05) == "almost impossible"
    with pytest.raises(ValueError, match="not in the odds table"):
        odds_for("probable-ish")


def test_a_secret_figure_is_overridden_for_its_owner_only(start):
    made = apply(start, Override(figure="military", state="aurelia", value=150, reason="Typo"), 0)
    assert made.state.country("aurelia").military == 150
    (event,) = made.events
    assert event.visible_to == ("aurelia",) and "Reason: Typo" in event.text
    quiet = apply(
        start,
        Override(figure="tension", value=10, reason="Calm after talks", announce=False),
        0,
    )
    assert quiet.state.tension == 10 and quiet.events[0].visible_to == ()
    assert not public_view(quiet.state, quiet.events).events


def test_overrides_reverse_outcomes(start, tutorial):
    treaty = start.treaties[0]
    broken = apply(
        start, Override(record="treaty", subject=treaty.id, status="broken", reason="x"), 0
    )
    assert broken.state.treaty(treaty.id).status == TreatyStatus.BROKEN
    restored = apply(
        broken.state,
        Override(record="treaty", subject=treaty.id, status="active", reason="Misread"),
        0,
    )
    assert restored.state.treaty(treaty.id).status == TreatyStatus.ACTIVE
    assert restored.state.treaty(treaty.id).broken_by is None
    rung = apply(start, Override(figure="escalation", value=4, reason="Shots fired"), 0)
    assert rung.state.escalation == Rung.LIMITED_FORCE and rung.state.max_escalation == 4
    assert "limited force" in rung.events[0].text
    for bad, why in (
        (Override(figure="escalation", value=9, reason="x"), "whole number from 0"),
        (Override(record="draft", subject="d99", status="adopted", reason="x"), "no draft"),
        (Override(figure="relation", state="aurelia", reason="x", value=3), "other state"),
        (
            Override(record="treaty", subject=treaty.id, status="melted", reason="x"),
            "can be active",
        ),
    ):
        assert why in check(start, bad)
    assert DraftStatus.ADOPTED in ("adopted",)


def test_an_objective_changes_the_scenario_and_the_score(start):
    objective = {
        "id": "calm_waters",
        "text": "Keep the crisis below military signalling",
        "points": 15,
        "secret": True,
        "condition": {"type": "escalation_at_most", "rung": "coercion"},
    }
    news = AdHocInject(
        headline="New instructions",
        text="The cabinet changes course.",
        audience=("aurelia",),
        effects=Effects(objectives=({"state": "aurelia", "objective": objective},)),
    )
    made = apply(start, news, 0)
    assert made.state.scenario.digest != start.scenario.digest
    assert made.state_hash != state_hash(start)
    assert (
        score(made.state, "aurelia").possible_points == score(start, "aurelia").possible_points + 15
    )
    told = [e for e in made.events if e.kind == FacilitatorEvent.OBJECTIVE]
    assert told and told[0].visible_to == ("aurelia",)
    # another seat's view knows nothing of a secret objective
    borduria = view_for(made.state, "borduria", made.events).state.scenario.state("aurelia")
    assert all(o.id != "calm_waters" for o in borduria.objectives)
    bad = objective | {"condition": {"type": "treaty_with", "kind": "alliance", "with": "atlantis"}}
    refused = AdHocInject(
        headline="x",
        text="y",
        effects=Effects(objectives=({"state": "aurelia", "objective": bad},)),
    )
    assert "does not fit the scenario" in check(start, refused)


def test_an_issue_at_stake_can_be_ruled_on(start):
    issue = start.issues[0]
    spec = start.scenario.issue(issue.id)
    other = next(s for s in spec.outcomes if s != issue.status)
    made = apply(
        start,
        AdHocInject(
            headline="Ruling",
            text="The court rules.",
            effects=Effects(issues=({"issue": issue.id, "status": other},)),
        ),
        0,
    )
    assert made.state.issue(issue.id).status == other
    assert "was so ruled by the facilitator" in made.events[-1].text
    wrong = AdHocInject(
        headline="x", text="y", effects=Effects(issues=({"issue": issue.id, "status": "melted"},))
    )
    assert "cannot be 'melted'" in check(start, wrong)


def test_a_schedule_is_checked_against_the_game(start):
    assert "turn 1 to 6" in check(start, ScheduleInject(inject="markets_fall", turn=9))
    assert check(start, ScheduleInject(inject="markets_fall", turn=3)) is None


def test_every_kind_round_trips_through_its_data():
    for iv in every_kind():
        assert intervention_from_data(to_data(iv)) == iv
    with pytest.raises(InterventionFormatError, match="odds"):
        intervention_from_data(to_data(argument()) | {"odds": 1.5})
    with pytest.raises(InterventionFormatError, match="headline"):
        intervention_from_data({"kind": "inject", "headline": "", "text": "x"})
    with pytest.raises(InterventionFormatError):
        intervention_from_data({"kind": "inject", "headline": "x\x1b[2J", "text": "x"})
    with pytest.raises(InterventionFormatError):
        intervention_from_data(["not", "a", "mapping"])
