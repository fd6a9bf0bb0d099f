"""The view-models and the presenter without a window: what a seat's screen is built from."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ui.debrief import debrief
from ui.game_setup import COMPUTER, PERSON, GameSetup, SeatChoice, default_setup
from ui.order_catalog import choices, make_order
from ui.presenter import SessionPresenter
from ui.tasks import SyncTaskRunner
from ui.viewmodels import seat_screen
from wargame.debrief.why_outcome import why_outcome
from wargame.debrief.words import Words
from wargame.match import Match
from wargame.orders import ORDER_TYPES
from wargame.rules.military import BuildUp, Disarm
from wargame.scoring import score
from wargame.view import view_for

ROOT = Path(__file__).resolve().parents[2]


def _screen(match: Match, seat: str):
    past = [view_for(r.state, seat, r.events) for r in match.history]
    from wargame.setup import new_game

    return seat_screen(
        match.view(seat), past, view_for(new_game(match.scenario, match.seed), seat), hot_seat=False
    )


def test_a_seat_screen_shows_only_the_seats_view(tutorial):
    match = Match(tutorial, 7, ("borduria", "carpathia", "dalmora"))
    screen = _screen(match, "aurelia")
    assert screen.seat_name == "Aurelia" and screen.turn == 1 and screen.turns == 6
    assert [o.secret for o in screen.dashboard.objectives] == [False, False, True]
    assert {(e.a, e.b, e.kind) for e in screen.map[1]} == {("aurelia", "carpathia", "alliance")}
    intel = {row.state_id: row for row in screen.dashboard.intel}
    assert set(intel) == {"borduria", "carpathia", "dalmora"}
    assert (
        intel["borduria"].military_estimate
        == match.view("aurelia").state.country("borduria").military
    )
    assert {k.kind for k in screen.catalog} == set(ORDER_TYPES) - {"SendMessage"}
    assert screen.timeline == ()
    # the score and outcome as things stand, and why that outcome, from the seat's own view
    view = match.view("aurelia")
    outcome = score(view.state, "aurelia").outcome
    assert screen.dashboard.standing.startswith("If the game ended now: ")
    assert screen.dashboard.standing.endswith(f"points, {outcome}.")
    assert screen.dashboard.standing_why == why_outcome(view.state, "aurelia", Words(tutorial))


def test_forms_choices_cascade_from_legal_orders(tutorial):
    match = Match(tutorial, 7, ("borduria", "carpathia", "dalmora"))
    catalog = {k.kind: k for k in _screen(match, "aurelia").catalog}
    sanctions = catalog["ThreatenSanctions"]
    assert choices(sanctions, "target", {}) == ["borduria", "carpathia", "dalmora"]
    order = make_order(sanctions, {"target": "dalmora", "measure": "financial"})
    assert (order.target, order.measure) == ("dalmora", "financial")
    assert make_order(catalog["BuildUp"], {}) == BuildUp("aurelia")
    assert make_order(catalog["Disarm"], {}) == Disarm("aurelia")
    assert catalog["InvokeAlliance"].unavailable.startswith("Not possible now")


def test_the_presenter_plays_a_turn_and_explains_a_refused_order(qtbot, tutorial):
    presenter = SessionPresenter(SyncTaskRunner())
    shown, rejected, resolved = [], [], []
    presenter.sig_seat_shown.connect(shown.append)
    presenter.sig_orders_rejected.connect(rejected.append)
    presenter.sig_turn_resolved.connect(resolved.append)
    setup = GameSetup(
        tutorial,
        (
            SeatChoice("aurelia", PERSON),
            *(SeatChoice(s, COMPUTER, "dove") for s in ("borduria", "carpathia", "dalmora")),
        ),
        9,
    )
    presenter.start(setup)
    assert shown[-1].seat == "aurelia"
    assert presenter.queue_order(BuildUp("aurelia"))
    assert not presenter.queue_order(BuildUp("aurelia"))
    assert rejected == [["Military build-up: the same order was given twice"]]
    presenter.submit()
    assert resolved == [1] and shown[-1].turn == 2
    assert shown[-1].timeline[0].turn == 1 and any(
        e.kind == "ForcesBuiltUp" for e in shown[-1].timeline[0].events
    )


def test_the_debrief_reveals_scores_and_reasons(tutorial):
    match = default_setup(tutorial).build()
    match.computer["aurelia"] = match.computer["borduria"]  # all computer, to play it out
    match.play_out()
    d = debrief(match)
    assert d.turns_played == 6 and len(d.scores) == 4
    assert any(o.secret for row in d.scores for o in row.objectives)
    assert d.reasons and d.reasons[0][0] == 1


def test_the_start_screen_does_not_load_pyqtgraph(tmp_path):
    """Start-up stays lean: pyqtgraph (and numpy) come only with the first game screen."""
    code = (
        "import sys; from ui.app import create_app, create_window, temporary_settings; from pathlib import Path; "
        "app = create_app(); w = create_window(settings=temporary_settings(Path(sys.argv[1]))); w.show(); app.processEvents(); "
        "print('pyqtgraph' in sys.modules, 'numpy' in sys.modules)"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "WARGAME_DATA_DIR": str(tmp_path), "HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )
    assert out.stdout.split() == ["False", "False"], out.stderr
