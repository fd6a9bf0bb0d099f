"""One seat in a real headless Chromium, the others not yet handed in (so the turn stays open):
keyboard-only play, names for screen readers on every control, orders the host refuses shown with
its reason, and coming back into the seat after a reload or a dropped network."""

from __future__ import annotations

import json

import pytest

from .browser import chromium, handed_in
from .helpers import served
from .proxy import Relay

Keys = pytest.importorskip(
    "selenium.webdriver.common.keys", reason="Selenium is not installed: pip install -e '.[test]'"
).Keys
ME = "aurelia"
INTERACTIVE = {
    "button",
    "checkbox",
    "radio",
    "combobox",
    "textbox",
    "spinbutton",
    "tab",
    "link",
    "listbox",
    "menuitem",
    "switch",
    "slider",
}


@pytest.fixture
def a_class(tutorial, tmp_path):
    with served(tutorial, tmp_path, seed=11) as s:
        yield s


def join(page, s, url: str | None = None) -> None:  # noqa: ANN001
    page.open(url or s.url)
    page.wait(lambda: page.all(f"input[name=seat][value={ME}]"), "the list of seats")
    page.click(f"input[name=seat][value={ME}]")
    page.css("#code").send_keys(s.host.codes[ME])
    page.click("#join-button")
    page.wait(lambda: "Turn 1 of" in page.text("#turn-info"), "the game screen")
    page.wait(lambda: page.all("button.move"), "the orders on offer")


def tab_until(page, wanted, what: str, limit: int = 120) -> None:  # noqa: ANN001
    """Press Tab until the focused element is the one wanted (keyboard only, as a person)."""
    for _ in range(limit):
        if wanted(page.focused()):
            return
        page.keys(Keys.TAB)
    raise AssertionError(f"Tab never reached {what}")


def test_a_turn_can_be_played_with_the_keyboard_alone(a_class):
    s = a_class
    with chromium() as page:
        page.open(s.url)
        page.wait(lambda: page.all(f"input[name=seat][value={ME}]"), "the list of seats")
        tab_until(page, lambda el: el.get_attribute("name") == "seat", "the seats")
        while page.focused().get_attribute("value") != ME:
            page.keys(Keys.ARROW_DOWN)
        page.keys(Keys.SPACE)
        tab_until(page, lambda el: el.get_attribute("id") == "code", "the code")
        page.keys(s.host.codes[ME], Keys.ENTER)
        page.wait(lambda: page.focused().get_attribute("role") == "tab", "the tabs in focus")
        while page.focused().get_attribute("data-tab") != "orders":
            page.keys(Keys.ARROW_RIGHT)
        page.wait(lambda: page.all("button.move"), "the orders on offer")
        tab_until(page, lambda el: "move" in (el.get_attribute("class") or ""), "a move")
        kind = page.focused().get_attribute("data-kind")
        page.keys(Keys.ENTER)
        tab_until(
            page, lambda el: el.get_attribute("type") == "submit", "Add to this turn's orders"
        )
        page.keys(Keys.ENTER)
        page.wait(lambda: page.all(".queued li"), "the order in the list")
        tab_until(page, lambda el: el.get_attribute("id") == "submit", "Submit orders")
        page.keys(Keys.ENTER)
        page.wait(lambda: handed_in(page), "the acknowledgement")
    assert [o.kind for o in s.host.match.pending[ME]] == [kind]


def test_every_control_on_every_screen_has_a_name_for_screen_readers(a_class):
    s = a_class
    with chromium() as page:
        page.open(s.url)
        page.wait(lambda: page.all(f"input[name=seat][value={ME}]"), "the list of seats")
        unnamed = unnamed_controls(page, "join")
        join(page, s)
        for tab in ("situation", "briefing", "news", "orders", "talks"):
            page.click(f"#tab-{tab}")
            if tab == "orders":
                page.click("button.move:not(.unavailable)")
            unnamed += unnamed_controls(page, tab)
        # colour is never the only cue: objectives say met or not in words, lines differ in style
        badges = page.js("return [...document.querySelectorAll('.badge')].map(b => b.textContent)")
        assert badges and all(b.endswith(("Met now", "Not met now")) for b in badges)
        page.click("#tab-situation")
        dashes = page.js(
            "return [...document.querySelectorAll('line.relation')].map(l => "
            "[l.classList.contains('friendly') ? 'friendly' : l.classList.contains('hostile') "
            "? 'hostile' : 'neutral', getComputedStyle(l).strokeDasharray])"
        )
    assert not unnamed, unnamed
    styles = {kind: dash for kind, dash in dashes}
    assert len(set(styles.values())) == len(styles) >= 2, styles


def unnamed_controls(page, screen: str) -> list[str]:  # noqa: ANN001
    tree = page.driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    out = []
    for node in tree:
        role = node.get("role", {}).get("value")
        if node.get("ignored") or role not in INTERACTIVE:
            continue
        if not str(node.get("name", {}).get("value", "")).strip():
            out.append(f"{screen}: a {role} without a name")
    return out


def test_terms_the_host_refuses_are_shown_with_its_reason(a_class):
    s = a_class
    with chromium() as page:
        join(page, s)
        page.click("#tab-talks")
        form = ".propose form"
        page.click(f"{form} [data-field=treaty] option[value='\"arms_control\"']")
        cap = page.css(f"{form} [data-field=cap] input")
        cap.clear()
        cap.send_keys("0")
        page.click(f"{form} button[type=submit]")
        page.click("#submit")
        page.wait(lambda: page.all(".queued .refused"), "the refusal")
        assert "cap above zero" in page.text(".queued")
        assert ME not in s.host.match.pending  # nothing of it was kept
        page.click(".queued button")  # remove it, and hand in the rest (nothing)
        page.click("#submit")
        page.click("#confirm-empty button[value=pass]")
        page.wait(lambda: handed_in(page), "the acknowledgement")
    assert s.host.match.pending[ME] == ()


def test_a_reloaded_page_comes_back_into_its_seat_without_the_code(a_class):
    s = a_class
    with chromium() as page:
        join(page, s)
        page.click("#tab-orders")
        page.click("button.move:not(.unavailable)")
        page.click(".order-form button[type=submit]")
        drafted = page.text(".queued")
        page.driver.refresh()  # a closed lid, a discarded tab, a student's F5
        page.wait(lambda: "Turn 1 of" in page.text("#turn-info"), "the game screen again")
        page.collect()
        hellos = [m for m in map(json.loads, page.sent) if m["type"] == "hello"]
        assert hellos[-1]["code"] is None and hellos[-1]["token"]
        page.click("#tab-orders")
        assert page.text(".queued") == drafted  # the draft was kept in this browser
    assert s.host.connected(ME) is False or s.host.client_of(ME) == "web browser"


def test_a_dropped_network_is_survived_back_into_the_seat(a_class):
    s = a_class
    relay = Relay(s.server.port)
    try:
        with chromium() as page:
            join(page, s, f"http://127.0.0.1:{relay.port}/")
            relay.cut()
            page.wait(lambda: "reconnecting" in page.text("#connection"), "the page to notice")
            relay.restore()
            page.wait(lambda: "Connected" in page.text("#connection"), "the page to come back")
            page.click("#tab-orders")
            page.click("button.move:not(.unavailable)")
            page.click(".order-form button[type=submit]")
            page.click("#submit")
            page.wait(lambda: handed_in(page), "the acknowledgement")
            page.collect()
            welcomes = [m for m in map(json.loads, page.received) if m["type"] == "welcome"]
        assert len(welcomes) == 2 and welcomes[0]["token"] == welcomes[1]["token"]
        assert relay.accepted >= 2
        assert len(s.host.match.pending[ME]) == 1
    finally:
        relay.close()


def test_the_facilitators_pause_and_news_reach_the_page(a_class):
    """The white cell during a turn: a pause shows at the top; news written on the spot for this
    seat appears in its news, and the host sends the seat a fresh guide with its new view."""
    from wargame.facilitator import AdHocInject, ClockChange

    s = a_class
    news = "Fishing boats report a Bordurian frigate aground at the mouth of the strait"
    with chromium() as page:
        join(page, s)
        s.call(s.host.intervene, ClockChange(action="pause"))
        page.wait(lambda: "Paused by the facilitator" in page.text("#deadline"), "the pause")
        inject = AdHocInject(headline="A frigate aground", text=news, audience=(ME,))
        s.call(s.host.intervene, inject)
        page.click("#tab-news")
        page.wait(lambda: news in page.text("#panel-news"), "the facilitator's news")
        page.collect()
    kinds = [json.loads(f)["type"] for f in page.received]
    assert "update" in kinds and "guide" in kinds[kinds.index("update") :]
