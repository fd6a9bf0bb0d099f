"""A whole tutorial game with one seat played in a real headless Chromium (Aurelia) and the others
by computer clients over the network: the final state_hash is the one of the same game played
headless, and nothing secret reached the page.

The page is driven as a student would: joining with the seat code, a private message and a threat
of sanctions, a proposal with chosen parties, answers to proposals, a turn passed through the
"no orders?" question, and the first move on offer on the other turns. Dalmora's client also
sends two private notes on the first turn: one to Aurelia (it must reach the page, so the checks
below can fail) and one to Carpathia (it must not).
"""

from __future__ import annotations

import html
import json
import re

import pytest

from wargame.orders import order_from_dict
from wargame.rules.diplomacy import SendMessage

from .browser import chromium, handed_in
from .helpers import headless_hash, robots, served

SEED = 5_550_123_987  # a number that appears nowhere else
LEVEL = "easy"
ME = "aurelia"
TO_ME = "Dalmora's harbours stay open to Aurelian ships whatever happens"
NOT_TO_ME = "Dalmora will quietly sell fuel to Carpathia's fleet"
FROM_ME = "Aurelia asks Borduria to lift the inspections in the strait"
NOTES = {
    "dalmora": [
        SendMessage("dalmora", to=(ME,), text=TO_ME),
        SendMessage("dalmora", to=("carpathia",), text=NOT_TO_ME),
    ]
}


@pytest.fixture(scope="module")
def played(tutorial, tmp_path_factory):
    """Play the game; returns what the page saw and what the host holds."""
    folder = tmp_path_factory.mktemp("browser-game")
    with served(tutorial, folder, SEED, LEVEL) as s, chromium() as page:
        robots(s, [x for x in tutorial.state_ids if x != ME], LEVEL, NOTES)
        page.open(s.url)
        page.wait(lambda: page.all(f"input[name=seat][value={ME}]"), "the list of seats")
        page.click(f"input[name=seat][value={ME}]")
        page.css("#code").send_keys(s.host.codes[ME].lower().replace("-", " "))
        page.click("#join-button")
        snapshots = []
        for turn in range(1, tutorial.turns + 1):
            page.wait(lambda t=turn: f"Turn {t} of" in page.text("#turn-info"), f"turn {turn}")
            page.wait(lambda: page.all("button.move"), "the orders on offer")
            snapshots.append(page.html())
            PLANS.get(turn, first_move_on_offer)(page)
            hand_in(page, turn)
        page.wait(lambda: page.all("#state-hash"), "the end of the game")
        page.wait(lambda: "Debrief for Aurelia" in page.text("#panel-debrief"), "the debrief")
        page.click("#tab-debrief")
        final_html = page.html()
        page.collect()
        yield {
            "page_hash": page.text("#state-hash").strip(),
            "host_hash": _host_hash(s),
            "received": list(page.received),
            "sent": list(page.sent),
            "snapshots": snapshots,
            "final_html": final_html,
            "errors": page.console_errors(),
        }


def _host_hash(s) -> str:  # noqa: ANN001
    from wargame.state import state_hash

    assert s.host.finished
    return state_hash(s.host.match.state)


# --- what the student does ----------------------------------------------------------------------


def message_and_threat(page) -> None:  # noqa: ANN001
    page.click("#tab-talks")
    page.click(".composer input[value=borduria]")
    page.css(".composer textarea").send_keys(FROM_ME)
    page.click(".composer button[type=submit]")
    page.click("#tab-orders")
    open_move(page, "ThreatenSanctions")
    page.click(".order-form button[type=submit]")
    page.wait(lambda: len(page.all(".queued li")) == 2, "two orders in the list")


def proposal(page) -> None:  # noqa: ANN001
    page.click("#tab-talks")
    form = ".propose form"
    kinds = page.all(f"{form} [data-field=treaty] option")
    wanted = next((k for k in kinds if k.get_attribute("value") == '"non_aggression"'), kinds[0])
    page.click(wanted)
    for box in page.all(f"{form} [data-field=to] input[type=checkbox]"):
        if box.is_selected() != (box.get_attribute("value") == "dalmora"):
            page.click(box)
    page.click(f"{form} button[type=submit]")
    page.wait(lambda: len(page.all(".queued li")) == 1, "the proposal in the list")


def answers_and_a_move(page) -> None:  # noqa: ANN001
    page.click("#tab-talks")
    for accept in page.all(".proposals button.primary"):
        page.click(accept)
    first_move_on_offer(page)


def no_orders(page) -> None:  # noqa: ANN001
    """Hand in nothing: the page asks once."""
    page.click("#submit")
    page.wait(lambda: page.css("#confirm-empty").get_attribute("open") is not None, "the question")
    page.click("#confirm-empty button[value=pass]")


def first_move_on_offer(page) -> None:  # noqa: ANN001
    page.click("#tab-orders")
    page.click("button.move:not(.unavailable)")
    page.click(".order-form button[type=submit]")
    page.wait(lambda: page.all(".queued li"), "an order in the list")


PLANS = {1: message_and_threat, 2: proposal, 3: answers_and_a_move, 4: no_orders}


def open_move(page, kind: str) -> None:  # noqa: ANN001
    found = page.all(f"button.move[data-kind={kind}]:not(.unavailable)")
    page.click(found[0] if found else "button.move:not(.unavailable)")
    page.wait(lambda: page.all(".order-form form"), "the order's form")


def hand_in(page, turn: int) -> None:  # noqa: ANN001
    """Hand in the turn's orders (a plan that handed in nothing has already passed) and wait for
    the host: its acknowledgement, or the next turn or the end when the others were all in."""
    if page.all(".queued li"):
        page.click("#submit")
    page.wait(
        lambda: (
            handed_in(page)
            or f"Turn {turn + 1} of" in page.text("#turn-info")
            or page.all("#state-hash")
        ),
        "the host's acknowledgement",
    )
    assert not page.all(".queued .refused"), page.text(".queue")


# --- the checks ---------------------------------------------------------------------------------


def test_the_browser_game_ends_as_the_same_game_played_headless(played, tutorial):
    orders = acknowledged_orders(played["sent"], played["received"])
    assert sorted(orders) == list(range(1, tutorial.turns + 1))
    assert any(o.kind == "SendMessage" for o in orders[1]) and len(orders[1]) == 2
    assert [o.kind for o in orders[2]] == ["ProposeAgreement"]
    assert orders[2][0].to == ("dalmora",)
    assert orders[4] == []
    expected = headless_hash(tutorial, SEED, LEVEL, ME, [orders[t] for t in sorted(orders)], NOTES)
    assert played["host_hash"] == expected
    assert played["page_hash"] == expected
    game_over = [m for m in map(json.loads, played["received"]) if m["type"] == "game_over"]
    assert [m["state_hash"] for m in game_over] == [expected]


def acknowledged_orders(sent: list[str], received: list[str]) -> dict[int, list]:
    """Per turn, the orders of the page's last submission the host acknowledged."""
    submissions = {m["id"]: m for m in map(json.loads, sent) if m["type"] == "submit"}
    orders = {}
    for message in map(json.loads, received):
        if message["type"] == "ack":
            submitted = submissions[message["id"]]
            orders[submitted["turn"]] = [order_from_dict(o) for o in submitted["orders"]]
    return orders


def test_the_page_got_its_guides_and_debrief_and_no_script_failed(played, tutorial):
    types = [json.loads(f)["type"] for f in played["received"]]
    assert types.count("guide") == tutorial.turns + 1  # with the welcome, then each turn
    assert types.count("debrief") == 1
    assert played["errors"] == []


def secrets_of_others(scenario) -> dict[str, str]:  # noqa: ANN001
    """What Aurelia may never see, by what it is: other seats' secret objectives (their ids, and
    their texts unless Aurelia has an objective worded the same) and private briefings, and the
    note Dalmora sent Carpathia."""
    visible = {o.text for spec in scenario.states for o in spec.objectives if spec.id == ME}
    visible |= {o.text for spec in scenario.states for o in spec.objectives if not o.secret}
    found = {"private note to Carpathia": NOT_TO_ME}
    for spec in scenario.states:
        if spec.id == ME:
            continue
        found[f"{spec.id}'s briefing"] = spec.briefing.strip().splitlines()[0]
        for o in spec.objectives:
            if o.secret and o.text not in visible:
                found[f"{spec.id}'s secret objective {o.id}"] = o.text
    return found


def secret_ids(scenario) -> dict[str, str]:  # noqa: ANN001
    return {
        f"{spec.id}'s secret objective id": f'"{o.id}"'
        for spec in scenario.states
        if spec.id != ME
        for o in spec.objectives
        if o.secret
    }


def test_no_secret_of_another_seat_reaches_the_page(played, tutorial):
    frames = "\n".join(played["received"])
    as_text = "\n".join(json.dumps(json.loads(f), ensure_ascii=False) for f in played["received"])
    pages = [html.unescape(p) for p in [*played["snapshots"], played["final_html"]]]
    leaks = [
        f"{what} in the page's messages"
        for what, text in secrets_of_others(tutorial).items()
        if json.dumps(text)[1:-1] in as_text
    ]
    leaks += [
        f"{what} in the page's messages"
        for what, ident in secret_ids(tutorial).items()
        if ident in frames
    ]
    leaks += [
        f"{what} on the page"
        for what, text in secrets_of_others(tutorial).items()
        if any(text in p for p in pages)
    ]
    assert not leaks, leaks
    # the checks can fail: what was meant for Aurelia is there, in the messages and on the page
    # (the news of turn 1, shown at turn 2), and so is Aurelia's own secret objective
    assert TO_ME in as_text
    assert TO_ME in pages[1]
    own = next(o for o in tutorial.state("aurelia").objectives if o.secret)
    assert own.text in pages[0]


def test_the_seed_reaches_the_page_only_after_the_end(played):
    received = played["received"]
    end = next(i for i, f in enumerate(received) if json.loads(f).get("finished") is True)
    assert json.loads(received[end])["type"] == "turn"  # the last turn's results, then the end
    assert not [f for f in received[:end] if str(SEED) in f]
    assert not [p for p in played["snapshots"] if str(SEED) in p]
    assert str(SEED) in played["final_html"]  # the debrief reveals it, for the class discussion


def test_the_results_say_why_the_outcome_is_what_it_is(played):
    shown = re.search(r'<p class="outcome-why">(Why \w+: [^<]+)</p>', played["final_html"])
    assert shown, "the results give the rule that decided the outcome"
    assert "objective points" in shown.group(1) or "a compromise (part won" in shown.group(1)
