"""The after-action report as data and as HTML: decisions linked to what they caused, numbers
for people, questions from the session, and a seat's report holding only what it saw."""

from __future__ import annotations

import re

import pytest

from wargame.debrief import DebriefError, build_report, played_from_log
from wargame.debrief.outcomes import decided_turn
from wargame.debrief.questions import GENERAL, WHOLE_CRISIS
from wargame.debrief.report_html import report_html
from wargame.debrief.words import Words, named_number, number

from .conftest import PERSON, SECRET_MESSAGE

IMAGES = {"tension": "chart:tension"}


def text_of(report) -> str:
    return report_html(report, IMAGES)


def test_a_threat_is_linked_to_the_event_it_caused(played):
    report = build_report(played)
    first = report.timeline[0]
    aurelia = next(s for s in first.seats if s.seat == PERSON)
    threat = next(d for d in aurelia.decisions if d.kind == "ThreatenSanctions")
    assert threat.applied and threat.text == "Threaten sanctions: Borduria, trade restrictions"
    assert "SanctionsThreatened" in [e.kind for e in threat.led_to]
    assert aurelia.played_by == "a person" and threat.why == ""


def test_computer_reasons_are_in_plain_words(played):
    report = build_report(played)
    notes = [n for story in report.timeline for s in story.seats for n in s.notes]
    whys = [d.why for story in report.timeline for s in story.seats for d in s.decisions]
    assert any(n.startswith("Weighed ") and "turns ahead" in n for n in notes)
    assert not any("turn(s)" in line or "scored" in line for line in notes + whys)
    assert not any(re.search(r"\b(aurelia|borduria|carpathia|dalmora)\b", w) for w in whys)


def test_numbers_are_written_for_people():
    assert number(0.30000000000000004, 2) == "0.3"
    assert number(10080.0, 0) == "10,080"
    assert named_number("chance of yes", 0.95) == "chance of yes: 95%"
    assert named_number("protection factor", 0.32000000000000006) == "protection factor: 0.32"
    words = Words.__new__(Words)
    assert words.reason("Looked 3 turn(s) ahead over 1 plan(s); this one scored 85.0.") == (
        "Played its one plan 3 turns ahead before committing to it."
    )
    assert words.reason("Looked 2 turn(s) ahead over 4 plan(s); this one scored 85.0.") == (
        "Weighed 4 possible plans by playing each 2 turns ahead, and chose the one that looked "
        "best for its objectives."
    )


def test_the_report_shows_no_float_noise(played):
    html = text_of(build_report(played))
    assert not re.search(r"\d\.\d{5,}", html)


def test_the_score_is_explained_as_it_is_counted(played):
    """Treaties score when tested and kept (case 14.7), not for being in force."""
    html = text_of(build_report(played))
    assert "+ 10 for each call for help honoured and each arms inspection passed" in html
    assert "treaty still kept" not in html


def test_an_objective_is_decided_when_it_last_changed():
    assert decided_turn([True, True, True]) == 0
    assert decided_turn([False, True, False, False]) == 2
    assert decided_turn([False, False, True]) == 2


def test_the_facilitator_report_reveals_every_secret_and_the_seed(played):
    report = build_report(played)
    html = text_of(report)
    for spec in played.scenario.states:
        for objective in spec.objectives:
            assert objective.text.replace("'", "&#x27;") in html or objective.text in html
    assert f"Seed {played.seed}" in html
    assert SECRET_MESSAGE in html
    assert report.questions and all(q.text.endswith("?") for q in report.questions)
    assert all(0 <= q.turn <= len(played.turns) for q in report.questions)


def test_a_quiet_crisis_is_asked_the_general_questions_naming_no_turn(tutorial):
    """With little to ask about, the general questions fill the list: they are about the whole
    crisis, so they name no turn (they named the turn after the last one)."""
    from wargame.debrief.questions import questions
    from wargame.setup import new_game
    from wargame.view import view_for

    start = new_game(tutorial, 1)
    asked = questions([view_for(start, None), view_for(start, None)], [], Words(tutorial))
    assert [q.text for q in asked if q.text in GENERAL] == list(GENERAL)
    assert all(q.turn == WHOLE_CRISIS for q in asked if q.text in GENERAL)


@pytest.mark.parametrize("seat", ["borduria", "carpathia", "dalmora", "aurelia"])
def test_a_seat_report_holds_none_of_the_others_secrets(log, played, seat):
    report = build_report(played, seat)
    html = text_of(report)
    own = {o.text for o in played.scenario.state(seat).objectives}
    for spec in played.scenario.states:
        for objective in spec.objectives:
            if spec.id != seat and objective.secret and objective.text not in own:
                assert objective.text not in html, (seat, objective.text)
    # the seat's own reasons, from any turn, may be in its report (another seat may give the same
    # words, such as "keep pace with our rivals")
    own_reasons = {r.split(": ", 1)[-1] for t in log.turns for r in t.reasons.get(seat, ())}
    for turn in log.turns:
        for event in turn.events:
            if not event.visible_for(seat):
                assert event.text not in html, (seat, event.text)
            for who, _name, _value in event.private:
                if who != seat:
                    assert f"known to {played.scenario.state_names[who]} only" not in html
        for other, reasons in turn.reasons.items():
            for reason in reasons:
                if other != seat and ": " in reason and reason.split(": ", 1)[1] not in own_reasons:
                    assert reason.split(": ", 1)[1] not in html or reason.endswith(
                        "the draft touches our friends and rivals"
                    )
    # the private message went from Aurelia to Borduria only
    assert (SECRET_MESSAGE in html) == (seat in (PERSON, "borduria"))
    assert [o.seat for o in report.outcomes] == [seat]


def test_a_seat_sees_the_seed_only_when_the_game_is_over(unfinished_file, played):
    from wargame.persistence import SessionStore

    with SessionStore.open(unfinished_file, readonly=True) as store:
        unfinished = played_from_log(store.load())
    assert build_report(unfinished, "borduria").seed is None
    assert build_report(unfinished).seed == unfinished.seed
    assert build_report(played, "borduria").seed == played.seed


def test_a_seat_that_is_not_in_the_session_is_refused(played):
    with pytest.raises(DebriefError, match="'atlantis' is not a seat"):
        build_report(played, "atlantis")


def test_a_tampered_log_is_refused(log):
    import dataclasses

    turns = list(log.turns)
    turns[1] = dataclasses.replace(turns[1], state_hash="0" * 32)
    with pytest.raises(DebriefError, match="turn 2 does not replay"):
        played_from_log(dataclasses.replace(log, turns=tuple(turns)))


def test_each_sanctions_episode_is_told_as_it_ended():
    """A threat still standing when the crisis ended is no empty threat, and a demand met in a
    deal is no failure of the sanctions: the questions and the sanctions list say which."""
    from dataclasses import replace

    from wargame.debrief.affairs import sanctions_records
    from wargame.debrief.questions import questions
    from wargame.scenario.library import find_scenario
    from wargame.setup import new_game
    from wargame.state import SanctionsEpisode
    from wargame.view import view_for

    scenario = find_scenario("tutorial_strait")
    episodes = (
        SanctionsEpisode("s1", ("aurelia",), "borduria", "trade", 1, stage="dropped", ended_turn=3),
        SanctionsEpisode("s2", ("carpathia",), "borduria", "trade", 5, stage="threatened"),
        SanctionsEpisode(
            "s3", ("dalmora",), "borduria", "assets", 2, stage="settled", ended_turn=4
        ),
    )
    final = replace(new_game(scenario, 1), turn=7, sanctions=episodes)
    asked = [q.text for q in questions([view_for(final, None)], [], Words(scenario))]
    assert any("Aurelia threatened" in q and "empty threat" in q for q in asked)
    assert any("still stood when the crisis ended" in q for q in asked)
    assert not any("Carpathia threatened" in q and "empty threat" in q for q in asked)
    assert any("met Dalmora's demand in a deal on turn 4" in q for q in asked)
    ends = {r.title.split(":")[0]: r.steps[-1] for r in sanctions_records(final, Words(scenario))}
    assert ends == {
        "Aurelia": "the threat was dropped on turn 3",
        "Carpathia": "the threat still stood at the end",
        "Dalmora": "its demand was met in a deal on turn 4",
    }


def test_a_demanded_status_reads_as_an_item_of_the_order():
    from wargame.rules.sanctions import ThreatenSanctions
    from wargame.scenario.library import find_scenario

    words = Words(find_scenario("tutorial_strait"))
    threat = ThreatenSanctions(
        "aurelia", target="carpathia", measure="trade", issue="harbour_exercises",
        status="suspended", public=False,
    )  # fmt: skip
    assert words.order(threat).endswith("far from Bordurian waters, in private")


def test_the_council_is_reported_only_where_the_scenario_seats_one(played):
    from wargame.ai import make_player
    from wargame.debrief import played_from_match
    from wargame.match import Match
    from wargame.scenario.library import find_scenario

    assert "The Security Council" not in text_of(build_report(played))  # the tutorial
    delta = find_scenario("river_delta")
    match = Match(delta, 3, {s: make_player("easy") for s in delta.state_ids})
    match.resolve_turn()
    assert "The Security Council</h2>" in text_of(build_report(played_from_match(match)))
