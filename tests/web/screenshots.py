"""Screenshots of every screen of the browser client, at 1024x768 (a projector laptop) and at
800x1280 (a 10-inch tablet held upright), for docs/screenshots/:

    .venv/bin/python -m tests.web.screenshots [FOLDER]

A tutorial class on 127.0.0.1: Aurelia in headless Chromium, Borduria a computer client that
also sends Aurelia a message and a proposal on the first turn, Carpathia a computer client, and
Dalmora one that hands in only when told, so that the screen of a team waiting for the others can
be taken.
"""

from __future__ import annotations

import sys
import tempfile
import threading
from pathlib import Path

from wargame.net.client import SeatClient
from wargame.net.seat import ComputerSeat, SeatGame
from wargame.rules.agreements import ProposeAgreement
from wargame.rules.diplomacy import SendMessage
from wargame.scenario.library import find_scenario

from .browser import LAPTOP, TABLET, chromium, handed_in
from .helpers import robots, served
from .proxy import Relay

ME = "aurelia"
LEVEL = "easy"
ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    scenario = find_scenario("tutorial_strait")
    notes = {
        "borduria": [
            SendMessage(
                "borduria",
                to=(ME,),
                text="Our patrols protect shipping. Sign a non-aggression pact and the "
                "inspections will be brief.",
            ),
            ProposeAgreement("borduria", to=(ME,), treaty="non_aggression"),
        ]
    }
    with (
        tempfile.TemporaryDirectory() as folder,
        served(scenario, Path(folder), 7, LEVEL, deadline=600.0) as s,
    ):
        robots(s, ["borduria", "carpathia"], LEVEL, notes)
        dalmora = HeldSeat(f"127.0.0.1:{s.server.port}", "dalmora", s.host.codes["dalmora"])
        relay = Relay(s.server.port)
        try:
            with chromium(*LAPTOP) as page:
                shots = Shots(page, out)
                tour(page, shots, s, dalmora, relay)
        finally:
            dalmora.client.stop()
            relay.close()
    print(f"{shots.count} screenshots in {out}")


class Shots:
    def __init__(self, page, folder: Path):  # noqa: ANN001
        self.page, self.folder, self.count = page, folder, 0

    def take(self, name: str, scroll_to: str | None = None) -> None:
        """The screen at both sizes, scrolled to the top or to `scroll_to`."""
        for (width, height), size in ((LAPTOP, "1024x768"), (TABLET, "tablet")):
            self.page.size(width, height)
            self.page.js(
                "const el = arguments[0] && document.querySelector(arguments[0]);"
                "if (el) el.scrollIntoView({block: 'start'}); else window.scrollTo(0, 0);",
                scroll_to,
            )
            self.page.screenshot(self.folder / f"web-{name}-{size}.png")
            self.count += 1
        self.page.size(*LAPTOP)


class HeldSeat:
    """A computer client that hands in its orders only when `release()` is called."""

    def __init__(self, address: str, seat: str, code: str):
        self.game, self.computer = SeatGame(seat), ComputerSeat(LEVEL)
        self.go = threading.Event()
        self.client = SeatClient(address, seat, code, on_message=self.received)
        threading.Thread(target=self.client.run, daemon=True).start()

    def received(self, message) -> None:  # noqa: ANN001
        self.game.apply(message)

    def release(self) -> None:
        orders = self.computer.orders(self.game)
        if orders is not None:
            self.client.send(self.game.submission(orders))


def tour(page, shots: Shots, s, dalmora: HeldSeat, relay: Relay) -> None:  # noqa: ANN001
    page.open(f"http://127.0.0.1:{relay.port}/")
    page.wait(lambda: page.all(f"input[name=seat][value={ME}]"), "the seats")
    page.click(f"input[name=seat][value={ME}]")
    page.css("#code").send_keys(s.host.codes[ME])
    shots.take("01-join")
    page.click("#join-button")
    page.wait(lambda: page.all("button.move"), "the game")
    shots.take("02-briefing")
    page.click("#tab-situation")
    shots.take("03-situation-map")
    page.click("#tab-orders")
    page.click("button.move[data-kind=ThreatenSanctions]")
    page.click(".order-form button[type=submit]")
    page.click("button.move[data-kind=ProposeAgreement]")
    shots.take("04-orders", scroll_to=".order-form")
    page.click("#tab-talks")
    page.click(".composer input[value=borduria]")
    page.css(".composer textarea").send_keys("Lift the inspections and we will not sanction you.")
    page.click(".composer button[type=submit]")
    page.click("#submit")
    page.wait(lambda: handed_in(page), "the acknowledgement")
    page.click("#tab-orders")
    shots.take("05-handed-in-waiting")
    dalmora.release()
    page.wait(lambda: "Turn 2 of" in page.text("#turn-info"), "turn 2")
    page.wait(lambda: page.all("button.move"), "the orders on offer")
    page.js(  # the first "Why?" with numbers behind it, opened
        "const all = [...document.querySelectorAll('#panel-news details.why')];"
        "const why = all.find(d => !d.textContent.includes('No dice')) ?? all[0];"
        "why?.setAttribute('open', '')"
    )
    shots.take("06-news-why")
    page.click("#tab-talks")
    shots.take("07-negotiation")
    propose = ".propose form"
    page.click(f"{propose} [data-field=treaty] option[value='\"arms_control\"']")
    cap = page.css(f"{propose} [data-field=cap] input")
    cap.clear()
    cap.send_keys("0")
    page.click(f"{propose} button[type=submit]")
    page.click("#submit")
    page.wait(lambda: page.all(".queued .refused"), "the refusal")
    shots.take("08-order-refused")
    page.click(".queued li button")
    relay.cut()
    page.wait(lambda: "reconnecting" in page.text("#connection"), "the page to notice")
    shots.take("09-reconnecting")
    relay.restore()
    page.wait(lambda: "Connected" in page.text("#connection"), "the page to come back")
    while "Game over" not in page.text("#turn-info"):
        turn = page.text("#turn-info")
        page.wait(lambda: page.all("#submit:not([disabled])"), "the submit button")
        if not page.all(".queued li"):
            page.click("#submit")
            page.wait(lambda: page.css("#confirm-empty").get_attribute("open") is not None, "ask")
            page.click("#confirm-empty button[value=pass]")
        else:
            page.click("#submit")
        page.wait(lambda: handed_in(page), "the acknowledgement")
        dalmora.release()
        page.wait(lambda t=turn: page.text("#turn-info") != t, "the next turn")
    page.wait(lambda: "Debrief for" in page.text("#panel-debrief"), "the debrief")
    shots.take("10-results")
    page.click("#tab-debrief")
    shots.take("11-debrief")


if __name__ == "__main__":
    main(sys.argv[1:])
