"""The white cell of a hosted class, without sockets: interventions through the host reach every
connected seat at once (each its own view), the pause holds the turn, the deadline and hand-overs
are on the record, and the saved class verifies."""

from __future__ import annotations

import pytest

from wargame.ai import make_player
from wargame.facilitator import (
    AdHocInject,
    ClockChange,
    Effects,
    InterventionRefused,
    SeatControl,
)
from wargame.match import Match
from wargame.net.host import ClassHost
from wargame.net.keys import ClassKeys, keys_path
from wargame.net.protocol import PROTOCOL_VERSION, Hello, Submit, parse_host_message
from wargame.net.seat import SeatGame
from wargame.orders import order_from_dict
from wargame.persistence import SessionStore

LEVEL = "easy"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def hosted(tutorial, tmp_path, clock):
    path = tmp_path / "class.wargame"
    match = Match(tutorial, 7, {"dalmora": make_player(LEVEL)}, player_factory=make_player)
    store = SessionStore.create(path, match, player_factory=make_player)
    keys = ClassKeys.fresh(match.human_seats, keys_path(path))
    host = ClassHost(match, keys, level=LEVEL, clock=clock, wall_clock=lambda: 0.0)
    conns = {}
    for i, seat in enumerate(host.seats, 1):
        host.connect(i, Hello(protocol=PROTOCOL_VERSION, seat=seat, code=host.codes[seat]))
        conns[seat] = i
    yield host, conns, path
    store.close()


def messages(reply, conn: int, kind: str) -> list:
    found = [parse_host_message(o.text) for o in reply.send if o.conn == conn]
    return [m for m in found if m.type == kind]


def submit(host, conn, orders=()):  # noqa: ANN001, ANN201
    turn = host.match.state.turn
    return host.receive(conn, Submit(id=1, turn=turn, orders=[o.to_dict() for o in orders]))


def verified(path) -> bool:  # noqa: ANN001
    with SessionStore.open(path, readonly=True) as store:
        return store.verify(make_player).ok


def test_news_reaches_each_seat_at_once_as_its_own_view(hosted):
    host, conns, path = hosted
    news = AdHocInject(headline="Cable", text="Carpathia wavers.", audience=("aurelia",))
    reply = host.intervene(news)
    (update,) = messages(reply, conns["aurelia"], "update")
    assert update.turn == 1 and update.submitted is None and not update.withdrawn
    assert update.view["events"][-1]["text"] == "Cable: Carpathia wavers."
    (other,) = messages(reply, conns["borduria"], "update")
    assert other.view["events"] == []  # not for Borduria
    host.disconnect(conns["aurelia"])  # a client that comes back gets the news in its welcome
    again = Hello(protocol=PROTOCOL_VERSION, seat="aurelia", code=host.codes["aurelia"])
    game = SeatGame("aurelia")
    game.apply(messages(host.connect(9, again), 9, "welcome")[0])
    assert game.view.events[-1].text == "Cable: Carpathia wavers."
    assert verified(path)


def test_a_seat_is_told_when_its_orders_were_made_impossible(hosted):
    host, conns, _ = hosted
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
    submit(host, conns["aurelia"], [demand])
    ruling = AdHocInject(
        headline="Open",
        text="The strait opens.",
        effects=Effects(issues=({"issue": "strait", "status": "open"},)),
    )
    reply = host.intervene(ruling)
    (update,) = messages(reply, conns["aurelia"], "update")
    assert update.withdrawn and update.submitted is None
    game = SeatGame("aurelia")
    game.submitted = (demand,)
    game.turn, game.views = 1, [None]  # type: ignore[list-item]
    game.apply(update)
    assert game.submitted is None and game.needs_orders


def test_a_paused_class_waits_and_the_seats_are_told(hosted, clock):
    host, conns, _ = hosted
    host.set_deadline(120.0, "pass")
    reply = host.intervene(ClockChange(action="pause"))
    (status,) = messages(reply, conns["aurelia"], "status")
    assert status.deadline.paused and status.deadline.seconds_left == 120.0
    for seat in ("aurelia", "borduria", "carpathia"):
        submit(host, conns[seat])
    clock.now += 500
    assert not host.match.history and not host.deadline_due()
    reply = host.intervene(ClockChange(action="resume"))
    assert messages(reply, conns["aurelia"], "turn") and len(host.match.history) == 1
    assert host.deadline().seconds_left == 120.0 and not host.deadline().paused


def test_the_deadline_and_hand_overs_are_on_the_record(hosted, clock):
    host, conns, path = hosted
    host.set_deadline(60.0, "computer")
    submit(host, conns["aurelia"])
    clock.now += 61
    reply = host.tick()
    assert messages(reply, conns["aurelia"], "turn")
    kinds = [a.kind for a in host.match.history[0].interventions]
    assert kinds == ["clock", "deadline"]
    assert set(host.match.history[0].reasons) >= {"borduria", "carpathia"}
    host.set_autoplay("carpathia", True)
    assert host.autoplay == {"carpathia"}
    with pytest.raises(InterventionRefused, match="no join code"):
        host.intervene(SeatControl(seat="dalmora", to="person"))
    submit(host, conns["carpathia"])  # its people came back in time: their orders count
    submit(host, conns["aurelia"])
    submit(host, conns["borduria"])
    assert len(host.match.history) == 2
    assert verified(path)


def test_a_class_resumed_after_a_hand_over_keeps_its_codes(hosted, tmp_path):
    host, _conns, path = hosted
    host.set_autoplay("borduria", True)
    from wargame.net.hosting import resume_session

    host.match.recorder.close()  # the host stops
    match, store = resume_session(path)
    try:
        assert match.people_seats == ("aurelia", "borduria", "carpathia")
        assert "borduria" in match.computer
        keys = ClassKeys.load_or_create(keys_path(path), match.people_seats)
        again = ClassHost(match, keys, level=LEVEL)
        assert again.autoplay == {"borduria"} and "borduria" in again.codes
    finally:
        store.close()
