"""`wargame --self-test`: open the main window offscreen, play one turn of the tutorial against
computer players through the real widgets and worker thread, save the session and open it again.
Prints what failed and returns 1, or returns 0."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from pathlib import Path

from .app_factory import create_app, create_window, dispose_window, temporary_settings
from .screenshots import wait_until

TUTORIAL = "tutorial_strait"


def run_self_test() -> int:
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        old_data = os.environ.get("WARGAME_DATA_DIR")
        os.environ["WARGAME_DATA_DIR"] = tmp
        try:
            create_app()
            _check(Path(tmp), failures)
        except Exception:  # noqa: BLE001 - report everything that went wrong
            failures.append(traceback.format_exc())
        finally:
            if old_data is None:
                os.environ.pop("WARGAME_DATA_DIR", None)
            else:
                os.environ["WARGAME_DATA_DIR"] = old_data
    if failures:
        for failure in failures:
            print(f"self-test: FAILED: {failure}", file=sys.stderr)
        return 1
    print("self-test: ok (window, one tutorial turn, save and reopen, the manual)")
    return 0


def _check(tmp: Path, failures: list[str]) -> None:
    window = create_window(settings=temporary_settings(tmp), ask_before_closing=False)
    window.show()
    presenter = window.presenter
    window.new_game()
    wait_until(lambda: window.setup_page.loaded, 30)  # the scenarios are read on the worker
    if not window.setup_page.select_scenario(TUTORIAL):
        failures.append("the tutorial is not in the scenario list")
        return
    window.setup_page.start_button.click()
    wait_until(lambda: window.page() == "play", 30)
    page = window.play_page
    if not page.orders.select_kind("CulturalExchange"):
        failures.append("the orders panel has no cultural exchange")
    page.orders.form.add_button.click()
    if presenter.match is None or not presenter.queued:
        failures.append("an order could not be queued from the orders panel")
    page.submit.click()
    wait_until(
        lambda: (
            not presenter.busy
            and presenter.match is not None
            and presenter.match.state.turn == 2
            and window.page() == "play"
        ),
        60,
    )
    match = presenter.match
    if not match.history or not match.history[0].events:
        failures.append("turn 1 produced no events")
    if "Turn 2" not in page.turn.text():
        failures.append(f"the header does not show turn 2: {page.turn.text()!r}")
    if presenter.files is None:
        print("self-test: session files are not available; skipping save and reopen")
    else:
        path = tmp / "self-test.wargame"
        if not presenter.save_as(path):
            failures.append(f"saving the session to {path} failed")
            return
        expected = match.state
        presenter.close()  # the file is reopened as a person would: after leaving the session
        window.open_session(str(path))
        wait_until(
            lambda: (
                presenter.match is not match
                and presenter.match is not None
                and window.page() == "play"
            ),
            30,
        )
        from wargame.state import state_hash

        if state_hash(presenter.match.state) != state_hash(expected):
            failures.append("the reopened session is not the saved one")
    _check_manual(window, failures)
    presenter.close()
    window.close()
    presenter.runner.wait(5000)
    dispose_window(window)


def _check_manual(window, failures: list[str]) -> None:  # noqa: ANN001 - MainWindow
    """F1's manual is shipped and opens (the frozen app carries its documents)."""
    from .resources import MANUAL_DOCUMENTS, manual_documents

    present = {path.name for path, _ in manual_documents()}
    missing = [name for name, _ in MANUAL_DOCUMENTS if name not in present]
    if missing:
        failures.append(f"the manual's documents are missing: {', '.join(missing)}")
        return
    manual = window.show_manual()
    if "How to play" not in manual.page.toPlainText():
        failures.append("the manual did not open at its first page")
    manual.close()
