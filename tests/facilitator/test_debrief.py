"""The debrief shows the facilitator's interventions as "Facilitator" in their turn (a seat sees
those whose news reached it), and what-if branches keep them: with the recorded orders a branch
is the session itself, hand-overs and rulings included."""

from __future__ import annotations

from wargame.ai import make_player
from wargame.debrief import build_report, played_from_log, played_from_match
from wargame.debrief.timeline import FACILITATOR_NAME, timeline
from wargame.debrief.whatif import branch
from wargame.facilitator import AdHocInject, Override, SeatControl
from wargame.persistence import SessionStore

from .conftest import argument


def played_session(make_match):  # noqa: ANN001, ANN201
    match = make_match()
    match.intervene(AdHocInject(headline="Cable", text="For Aurelia only.", audience=("aurelia",)))
    match.intervene(argument(0.85))
    match.resolve_turn()
    match.intervene(Override(figure="escalation", value=4, reason="Shots at sea"))
    match.intervene(SeatControl(seat="borduria", to="person"))
    match.submit("borduria", ())
    match.resolve_turn()
    match.intervene(SeatControl(seat="borduria", to="computer", level="easy"))
    match.play_out()
    return match


def test_the_timeline_shows_the_facilitator_first_in_its_turn(make_match):
    played = played_from_match(played_session(make_match))
    first = timeline(played)[0]
    facilitator = first.seats[0]
    assert facilitator.name == FACILITATOR_NAME
    assert [d.text for d in facilitator.decisions] == [
        "Wrote news for Aurelia: \u201cCable\u201d",
        "Ruled on Aurelia's argument \u201cAurelian destroyers escort tankers through the "
        "strait\u201d: very likely (85%), 1 counter-argument",
    ]
    assert facilitator.decisions[0].led_to[0].text == "Cable: For Aurelia only."
    assert not any("Cable" in e.text for e in first.also)  # not repeated on its own
    borduria = timeline(played, "borduria")[0].seats[0]
    assert [d.kind for d in borduria.decisions] == ["argument"]  # the news was not for it
    report = build_report(played, None)
    assert any("ruling" in line for line in report.affairs.injects)
    steps = report.affairs.escalation
    assert any("Shots at sea" in step.why for step in steps)


def test_a_branch_with_the_recorded_orders_is_the_session(make_match, tmp_path):
    match = played_session(make_match)
    path = tmp_path / "s.wargame"
    SessionStore.create(path, match, player_factory=make_player).close()
    with SessionStore.open(path, readonly=True) as store:
        played = played_from_log(store.load())
    for turn in (1, 2, 3):
        future = branch(played, turn, None, None, make_player)
        assert [r.state_hash for r in future.records] == [
            r.state_hash for r in match.history[turn - 1 :]
        ]
