"""Interventions through the match: shown at once, logged with their turn, and replayed exactly;
seats handed over and back, deadlines, the pause and the facilitator's plan of injects."""

from __future__ import annotations

import pytest

from wargame.facilitator import (
    AdHocInject,
    ClockChange,
    DeadlineReached,
    Effects,
    FireInject,
    InterventionRefused,
    ScheduleInject,
    SeatControl,
)
from wargame.match import HandedPlayer, Match, replay
from wargame.orders import order_from_dict
from wargame.rules.diplomacy import SendMessage

from .conftest import argument, every_kind


def interventions_of(match: Match) -> dict[int, list]:
    made: dict[int, list] = {}
    for record in match.history:
        made[record.turn] = [a.intervention for a in record.interventions]
    return made


def test_an_intervention_is_news_at_once_and_leads_its_turns_record(make_match):
    match = make_match(people=("aurelia",))
    news = AdHocInject(headline="Storm", text="A storm closes the strait.")
    match.intervene(news)
    assert match.view("aurelia").events[-1].text == "Storm: A storm closes the strait."
    match.submit("aurelia", ())
    record = match.resolve_turn()
    assert record.events[0].text == "Storm: A storm closes the strait."
    assert [a.intervention for a in record.interventions] == [news]
    assert match.interventions == []


def play_on(match: Match) -> None:
    """People pass until the game ends."""
    while not match.finished:
        for seat in match.waiting_for():
            match.submit(seat, ())
        match.resolve_turn()


def test_a_match_with_every_kind_replays_to_the_same_hashes(make_match):
    match = make_match(people=("aurelia",))
    for iv in every_kind():  # Carpathia is given to a person among them
        match.intervene(iv)
    match.submit("aurelia", ())
    match.submit("carpathia", ())
    match.resolve_turn()
    match.intervene(argument(0.3, by=None))
    play_on(match)
    records = replay(
        match.scenario, match.seed, [r.orders for r in match.history], interventions_of(match)
    )
    assert [r.state_hash for r in records] == [r.state_hash for r in match.history]
    assert [r.events for r in records] == [r.events for r in match.history]


def test_orders_an_intervention_makes_impossible_are_withdrawn(make_match):
    match = make_match(people=("aurelia", "borduria"))
    talk = SendMessage("borduria", to=("aurelia",), text="Let us talk.")
    demand = order_from_dict(
        {
            "kind": "IssueUltimatum",
            "actor": "aurelia",
            "target": "borduria",
            "demand": "",
            "issue": "strait",
            "status": "open",
            "threat": "force",
        }
    )
    match.submit("aurelia", (demand,))
    match.submit("borduria", (talk,))
    ruling = AdHocInject(
        headline="The strait reopens",
        text="Borduria's court lifts the searches.",
        effects=Effects(issues=({"issue": "strait", "status": "open"},)),
    )
    made = match.intervene(ruling)
    # demanding what now stands is no longer an order the game takes: Aurelia hands in again
    assert made.withdrawn == ("aurelia",)
    assert match.waiting_for() == ("aurelia",) and match.pending == {"borduria": (talk,)}


def test_a_seat_is_handed_to_the_computer_and_back(make_match):
    match = make_match(people=("aurelia",))
    assert match.waiting_for() == ("aurelia",)
    match.intervene(SeatControl(seat="aurelia", to="computer"))
    assert isinstance(match.computer["aurelia"], HandedPlayer)
    assert match.computer["aurelia"].level == "normal"  # filled in, so the log says it
    assert match.interventions[-1].intervention.level == "normal"
    assert match.waiting_for() == () and match.people_seats == ("aurelia",)
    with pytest.raises(InterventionRefused, match="already plays"):
        match.intervene(SeatControl(seat="aurelia", to="computer"))
    match.intervene(SeatControl(seat="aurelia", to="person"))
    assert match.waiting_for() == ("aurelia",)


def test_at_the_deadline_late_seats_pass_or_the_computer_stands_in(make_match):
    match = make_match(people=("aurelia", "borduria"))
    with pytest.raises(InterventionRefused, match="not the ones named"):
        match.intervene(DeadlineReached(at_deadline="pass", seats=("aurelia",)))
    match.intervene(DeadlineReached(at_deadline="pass", seats=("aurelia", "borduria")))
    assert match.pending == {"aurelia": (), "borduria": ()}
    match.resolve_turn()
    match.intervene(DeadlineReached(at_deadline="computer", seats=("aurelia", "borduria")))
    assert set(match.stand_ins) == {"aurelia", "borduria"} and match.waiting_for() == ()
    record = match.resolve_turn()
    assert {o.actor for o in record.orders} >= {"aurelia"} or record.reasons
    assert "aurelia" in record.reasons  # the computer decided, with its reasons
    assert match.stand_ins == {} and match.waiting_for() == ("aurelia", "borduria")


def test_a_paused_game_is_not_resolved(make_match):
    match = make_match()
    match.intervene(ClockChange(action="pause"))
    with pytest.raises(RuntimeError, match="paused"):
        match.resolve_turn()
    with pytest.raises(InterventionRefused, match="already paused"):
        match.intervene(ClockChange(action="pause"))
    match.intervene(ClockChange(action="resume"))
    match.resolve_turn()


def test_a_planned_inject_fires_at_the_start_of_its_turn(make_match):
    match = make_match()
    match.intervene(ScheduleInject(inject="markets_fall", turn=2))
    assert match.schedule == {"markets_fall": 2}
    match.resolve_turn()
    fired = match.interventions[-1].intervention
    assert fired == FireInject(inject="markets_fall", scheduled=True)
    assert "markets_fall" in match.state.fired_injects and match.schedule == {}
    assert any(e.text.startswith("Markets fall") for e in match.view("aurelia").events)


def test_a_plan_can_be_cancelled_and_a_scripted_trigger_may_come_first(make_match):
    match = make_match()
    match.intervene(ScheduleInject(inject="markets_fall", turn=3))
    match.intervene(ScheduleInject(inject="markets_fall", turn=3, cancel=True))
    match.intervene(ScheduleInject(inject="tanker_seized", turn=3))  # its own trigger is turn 2
    match.resolve_turn()
    match.resolve_turn()  # turn 2: the tanker is seized by itself
    assert match.schedule == {} and match.interventions == []
    assert "markets_fall" not in match.state.fired_injects


def test_news_after_the_game_is_refused(make_match):
    match = make_match()
    match.play_out()
    with pytest.raises(InterventionRefused, match="game is over"):
        match.intervene(AdHocInject(headline="x", text="y", effects=Effects(tension=1)))
