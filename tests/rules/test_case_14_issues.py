"""Casebook section 14: issues at stake and scoring (docs/RULES.md)."""

from collections import Counter
from dataclasses import replace

import pytest
from casebook import events, play, start, tutorial_first_turn_legal, with_country
from issues_casebook import issue_scenario, issue_start

from wargame.ai import make_player
from wargame.ai.heuristic import STYLE, _Mind
from wargame.loop import SessionDice, play_turn
from wargame.rng import Rng
from wargame.rules.arms_control import RequestInspection
from wargame.rules.issues import ChangeIssue
from wargame.rules.sanctions import ConcedeToSanctions, ThreatenSanctions
from wargame.scenario.library import bundled_names, load_bundled
from wargame.scoring import score
from wargame.setup import new_game
from wargame.state import Invocation, Population, Treaty, War
from wargame.view import view_for


def test_case_14_1_issues_are_in_the_state_and_every_view():
    """Case 14.1: Each issue at stake starts at its scenario status, decided by its holder; the
    game state records its status and when, by whom and through what it last changed; every seat
    sees every issue (they are public)."""
    s = issue_start()
    assert [(i.id, i.status, i.held_by) for i in s.issues] == [
        ("strait", "closed", "brin"),
        ("base", "hosting", "alba"),
        ("village", "siege", "brin"),
    ]
    for seat in s.ids:
        view = view_for(s, seat).state
        assert view.issues == s.issues
        assert [i.id for i in view.scenario.issues] == ["strait", "base", "village"]


def test_case_14_2_only_the_holder_decides():
    """Case 14.2: Only an issue's holder may change it; it may do so unprompted, at the cost of
    what the issue was worth to it, and every later turn sees the new status."""
    s = issue_start()
    res = play(s, ChangeIssue("brin", issue="strait", status="open"))
    assert res.state.issue("strait").status == "open" and events(res, "IssueChanged")
    assert res.state.issue("strait").changed_turn == 1
    assert play(s, ChangeIssue("alba", issue="strait", status="open")).results[0].status == "void"
    assert play(res.state).state.issue("strait").status == "open"


def test_case_14_3_a_protection_issue_decides_the_toll():
    """Case 14.3: A protection issue at its safe status halts the killings it is about: the
    population's toll falls to a tenth of its threat."""
    s = issue_start()
    besieged = play(s).state.populations[0].deaths
    halted = play(s, ChangeIssue("brin", issue="village", status="lifted")).state
    assert halted.populations[0].threat == pytest.approx(0.005)
    assert halted.populations[0].deaths == pytest.approx(besieged / 10, rel=0.01)


def test_case_14_4_going_back_on_a_concession():
    """Case 14.4: Going back on a status conceded to an ultimatum or to sanctions costs the holder
    6 reputation and 15 relations with the state that obtained it."""
    s = play(issue_start(), ThreatenSanctions("alba", "brin", "trade", issue="strait")).state
    s = play(s, ConcedeToSanctions("brin", episode=s.sanctions[0].id)).state
    res = play(s, ChangeIssue("brin", issue="strait", status="closed"))
    (ev,) = events(res, "ConcessionReneged")
    assert res.state.country("brin").reputation == s.country("brin").reputation - 6
    assert res.state.relation("alba", "brin") == s.relation("alba", "brin") - 15


def test_case_14_5_a_seats_reading_of_worth_is_its_own():
    """Case 14.5: A government's private reading of what an issue is worth to it comes from its
    own key (its view's private seed) and the public stakes: another seat's key changes nothing."""
    s = issue_start()
    mind = _Mind(s, "brin", STYLE["realist"], Rng(1), 11)
    same = _Mind(s, "brin", STYLE["realist"], Rng(99), 11)
    other = _Mind(s, "brin", STYLE["realist"], Rng(1), 12)
    senders = ("alba",)
    assert mind.resolve("strait", "open", senders, "s1") == same.resolve(
        "strait", "open", senders, "s1"
    )
    assert mind.resolve("strait", "open", senders, "s1") != other.resolve(
        "strait", "open", senders, "s1"
    )


def test_case_14_6_objectives_judge_the_issues():
    """Case 14.6: An issue_status objective is met when the issue stands at that status at the end."""
    objective = {
        "id": "open_it",
        "text": "Open the strait.",
        "points": 40,
        "condition": {"type": "issue_status", "issue": "strait", "status": "open"},
    }
    sc = issue_scenario()
    states = [s.model_dump(by_alias=True) for s in sc.states]
    states[0]["objectives"] = [objective]
    s = issue_start(states=states)
    assert score(s, "alba").objective_points == 0
    opened = play(s, ChangeIssue("brin", issue="strait", status="open")).state
    assert score(opened, "alba").objective_points == 40


def test_case_14_7_treaties_score_only_when_tested():
    """Case 14.7: A treaty earns points only when it is tested and kept: 10 for each call for help
    the state honoured and each arms control inspection it passed; a treaty merely in force earns
    nothing, and each broken obligation costs 15."""
    s = replace(start(), treaties=(Treaty("t1", "alliance", ("alba", "cora"), 0),))
    assert score(s, "cora").obligation_points == 0
    called = Invocation("i1", "t1", "alba", "brin", 1, ("cora",), True, honoured_by=("cora",))
    assert score(replace(s, invocations=(called,)), "cora").obligation_points == 10
    capped = replace(
        start(), treaties=(Treaty("t2", "arms_control", ("alba", "brin"), 0, cap=60.0),)
    )
    inspected = play(capped, RequestInspection("brin", treaty="t2", target="alba"))
    (cleared,) = events(inspected, "InspectionCleared")
    assert "a commitment tested and kept" in cleared.text
    assert score(inspected.state, "alba").obligation_points == 10
    broken = with_country(s, "cora", obligations_broken=1)
    assert score(broken, "cora").obligation_points == -15


def test_case_14_8_perpetrators_cannot_win():
    """Case 14.8: A state whose forces killed a population at risk loses 1 point per 1% of that
    population killed (at most 45) and cannot end in victory, whatever else it achieved."""
    sc = issue_scenario()
    states = [x.model_dump(by_alias=True) for x in sc.states]
    states[1]["objectives"] = [
        {
            "id": "beat_dara",
            "text": "Win a war against Dara.",
            "points": 50,
            "condition": {"type": "win_war", "against": "dara"},
        }
    ]
    s = issue_start(states=states)
    killed = replace(
        s, populations=(Population("villagers", "brin", 100000, 0.05, "brin", 1, deaths=12000),)
    )
    assert score(killed, "brin").obligation_points == -12
    won = War("w1", ("brin",), ("dara",), 1, winner="a", ended_turn=2)
    victor = replace(s, wars=(won,))
    assert score(victor, "brin").outcome == "victory"
    assert score(replace(killed, wars=(won,)), "brin").outcome == "compromise"


def test_case_14_9_outcomes_follow_demands_and_retreats():
    """Case 14.9: The outcome follows who got its demands and who backed down (the ICB
    definitions): victory for a state that got or held what it demanded without backing down
    (with 60% or more of its objective points); compromise when it got some and gave some;
    defeat when it backed down without getting anything; stalemate when nothing changed."""
    objective = {
        "id": "open_it",
        "text": "Open the strait.",
        "points": 60,
        "condition": {"type": "issue_status", "issue": "strait", "status": "open"},
    }
    sc = issue_scenario()
    states = [s.model_dump(by_alias=True) for s in sc.states]
    peace = {"id": "peace", "text": "Avoid war.", "points": 40, "condition": {"type": "avoid_war"}}
    states[0]["objectives"] = [objective, peace]
    s = play(issue_start(states=states), ThreatenSanctions("alba", "brin", "trade", issue="strait"))
    assert score(s.state, "alba").outcome == "stalemate"
    conceded = play(s.state, ConcedeToSanctions("brin", episode=s.state.sanctions[0].id)).state
    assert score(conceded, "alba").outcome == "victory"
    assert score(conceded, "brin").outcome == "defeat"
    swap = play(conceded, ChangeIssue("alba", issue="base", status="closed")).state
    assert score(swap, "alba").outcome == "compromise"


def test_case_14_10_the_status_quo_meets_little():
    """Case 14.10: In every shipped scenario, the status quo at the start meets at most 40% of
    each seat's objective points: a seat must act to score."""
    for name in bundled_names():
        state = new_game(load_bundled(name))
        shares = [
            score(state, seat).objective_points / score(state, seat).possible_points
            for seat in state.ids
        ]
        assert max(shares) <= 0.4, (name, shares)
        assert sum(shares) / len(shares) <= 0.4


def _crisis_outcomes(name: str, seed: int) -> tuple:
    scenario = load_bundled(name)
    players = {s: make_player("easy") for s in scenario.state_ids}
    state, evs, dice = new_game(scenario, seed), (), SessionDice(seed)
    while not state.finished:
        record = play_turn(state, evs, {}, players, dice)
        state, evs = record.state, record.events
    return state, {seat: score(state, seat).outcome for seat in state.ids}


def test_perpetrators_never_end_in_victory_in_computer_played_crises():
    """The crises with populations at risk, played by the computer: whoever's forces killed
    people never ends in victory, and the perpetrators did kill in some of them."""
    killers = Counter()
    for name in ("river_delta.yaml", "northern_sea.yaml"):
        for seed in range(1, 9):
            state, outcomes = _crisis_outcomes(name, seed)
            for p in state.populations:
                if p.perpetrator and p.deaths:
                    killers[p.perpetrator] += 1
                    assert outcomes[p.perpetrator] != "victory", (name, seed)
    assert killers["ondara"] and killers["sarnovia"]


def test_tutorial_first_turn_legal_orders_are_pinned():
    # Borduria decides the strait, Carpathia its fleet exercises: one other status each
    assert tutorial_first_turn_legal("issues") == {
        "aurelia": {},
        "borduria": {"ChangeIssue": 1},
        "carpathia": {"ChangeIssue": 1},
        "dalmora": {},
    }
