"""The host's game side without sockets: seats, codes and tokens, orders, deadline, resolution."""

from __future__ import annotations

import pytest

from wargame.ai import make_player
from wargame.match import Match
from wargame.net.host import ClassHost, Refused
from wargame.net.keys import ClassKeys, keys_path
from wargame.net.protocol import (
    PROTOCOL_VERSION,
    Hello,
    Submit,
    parse_host_message,
)
from wargame.persistence import SessionStore
from wargame.rules.diplomacy import SendMessage

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
def make_host(tutorial, tmp_path, clock):
    stores = []

    def make(**options) -> ClassHost:
        path = tmp_path / f"c{len(stores)}.wargame"
        match = Match(tutorial, 7)
        stores.append(SessionStore.create(path, match))
        keys = ClassKeys.fresh(match.human_seats, keys_path(path))
        return ClassHost(match, keys, level=LEVEL, clock=clock, wall_clock=lambda: 0.0, **options)

    yield make
    for store in stores:
        store.close()


def hello(host: ClassHost, seat: str, **kw) -> Hello:
    if "code" not in kw and "token" not in kw:
        kw["code"] = host.codes[seat]
    return Hello(protocol=PROTOCOL_VERSION, seat=seat, **kw)


def messages(reply, conn: int) -> list:
    return [parse_host_message(o.text) for o in reply.send if o.conn == conn]


def of_type(reply, conn: int, kind: str) -> list:
    return [m for m in messages(reply, conn) if m.type == kind]


def seat_all(host: ClassHost) -> dict[str, int]:
    conns = {}
    for i, seat in enumerate(host.seats, 1):
        host.connect(i, hello(host, seat))
        conns[seat] = i
    return conns


def submit(host, conn, orders=(), turn=None, ident=1):  # noqa: ANN001, ANN201
    turn = host.match.state.turn if turn is None else turn
    return host.receive(conn, Submit(id=ident, turn=turn, orders=[o.to_dict() for o in orders]))


# --- joining -------------------------------------------------------------------------------------


def test_a_seat_joins_with_its_code_and_gets_its_own_views(make_host):
    host = make_host()
    reply = host.connect(1, hello(host, "aurelia", code=host.codes["aurelia"].lower()))
    (welcome,) = of_type(reply, 1, "welcome")
    assert welcome.seat == "aurelia" and welcome.turn == 1 and not welcome.finished
    assert [v["seat"] for v in welcome.views] == ["aurelia"]  # the start; no turn played yet
    assert welcome.token and welcome.submitted is None
    assert of_type(reply, 1, "status")[0].seats[0].connected


@pytest.mark.parametrize(
    "change, code",
    [
        ({"code": "AAAA-AAAA"}, "wrong_code"),
        ({"seat": "atlantis"}, "unknown_seat"),
        ({"protocol": PROTOCOL_VERSION + 1}, "version"),
        ({"code": None, "token": "not-a-token"}, "bad_token"),
    ],
)
def test_a_hello_with_the_wrong_key_is_refused(make_host, change, code):
    host = make_host()
    fields = {"protocol": PROTOCOL_VERSION, "seat": "aurelia", "code": host.codes["aurelia"]}
    fields.update(change)
    with pytest.raises(Refused) as refused:
        host.connect(1, Hello(**fields))
    assert refused.value.error.code == code
    assert not host.connected("aurelia")


def test_codes_of_another_seat_do_not_open_this_one(make_host):
    host = make_host()
    with pytest.raises(Refused):
        host.connect(1, hello(host, "aurelia", code=host.codes["borduria"]))


def test_a_seat_the_computer_plays_cannot_be_joined(tutorial, tmp_path):
    match = Match(tutorial, 7, {"borduria": make_player(LEVEL)})
    host = ClassHost(match, ClassKeys.fresh(match.human_seats))
    assert "borduria" not in host.codes
    with pytest.raises(Refused) as refused:
        host.connect(1, Hello(protocol=PROTOCOL_VERSION, seat="borduria", code="ABCD-EFGH"))
    assert refused.value.error.code == "computer_seat"


def test_the_token_brings_the_client_back_and_survives_a_host_restart(make_host, tmp_path):
    host = make_host()
    (welcome,) = of_type(host.connect(1, hello(host, "aurelia")), 1, "welcome")
    host.disconnect(1)
    back = of_type(host.connect(2, hello(host, "aurelia", token=welcome.token)), 2, "welcome")
    assert back[0].token == welcome.token
    assert welcome.token not in host.keys.path.read_text()  # only its hash is kept
    reloaded = ClassKeys.load_or_create(host.keys.path, host.seats)
    assert reloaded.codes == host.codes and reloaded.token_fits("aurelia", welcome.token)


def test_a_second_client_with_the_code_is_refused_by_default(make_host):
    host = make_host()
    host.connect(1, hello(host, "aurelia"))
    with pytest.raises(Refused) as refused:
        host.connect(2, hello(host, "aurelia"))
    assert refused.value.error.code == "seat_taken" and refused.value.error.retry


def test_a_second_client_with_the_code_replaces_the_first_when_the_facilitator_chose_so(
    make_host,
):
    host = make_host(replace_duplicates=True)
    (first,) = of_type(host.connect(1, hello(host, "aurelia")), 1, "welcome")
    reply = host.connect(2, hello(host, "aurelia"))
    assert [parse_host_message(o.text).code for o in reply.close if o.conn == 1] == ["replaced"]
    assert of_type(reply, 2, "welcome")
    assert not host.keys.token_fits("aurelia", first.token)  # the first cannot come back
    host.disconnect(1)  # the replaced connection closing does not unseat the new one
    assert host.connected("aurelia")


# --- orders and turns ----------------------------------------------------------------------------


def test_orders_are_acknowledged_once_saved_and_the_turn_resolves_when_all_are_in(make_host):
    host = make_host()
    conns = seat_all(host)
    ack = of_type(submit(host, conns["aurelia"]), conns["aurelia"], "ack")
    assert ack and ack[0].turn == 1
    with SessionStore.open(host.keys.path.with_name("c0.wargame"), readonly=True) as saved:
        assert saved.load().pending == {"aurelia": ()}
    replies = [submit(host, conns[s]) for s in ("borduria", "carpathia", "dalmora")]
    for seat, conn in conns.items():
        (turn,) = of_type(replies[-1], conn, "turn")
        assert turn.turn == 2 and turn.view["seat"] == seat
    assert len(host.match.history) == 1


def test_another_seats_orders_are_refused_and_nothing_is_kept(make_host, tutorial):
    host = make_host()
    conns = seat_all(host)
    forged = SendMessage("borduria", to=("aurelia",), text="hello")
    (rejected,) = of_type(submit(host, conns["aurelia"], [forged]), conns["aurelia"], "rejected")
    assert rejected.reasons[0].index == 0 and "belongs to borduria" in rejected.reasons[0].reason
    assert "aurelia" not in host.match.pending


@pytest.mark.parametrize(
    "order, words",
    [
        ({"kind": "LaunchMissiles", "actor": "aurelia"}, "unknown order kind"),
        ({"kind": "SendMessage", "actor": "aurelia", "to": "borduria", "text": 5}, "SendMessage"),
    ],
)
def test_malformed_orders_are_refused_with_the_reason(make_host, order, words):
    host = make_host()
    conns = seat_all(host)
    reply = host.receive(conns["aurelia"], Submit(id=4, turn=1, orders=[order]))
    (rejected,) = of_type(reply, conns["aurelia"], "rejected")
    assert rejected.id == 4 and words in rejected.reasons[0].reason


def test_orders_for_another_turn_are_refused(make_host):
    host = make_host()
    conns = seat_all(host)
    (rejected,) = of_type(submit(host, conns["aurelia"], turn=3), conns["aurelia"], "rejected")
    assert "it is turn 1" in rejected.reasons[0].reason


def test_a_seat_may_change_its_orders_until_the_turn_resolves(make_host):
    host = make_host()
    conns = seat_all(host)
    message = SendMessage("aurelia", to=("borduria",), text="talk?")
    submit(host, conns["aurelia"], [message])
    submit(host, conns["aurelia"], [], ident=2)
    assert host.match.pending["aurelia"] == ()


# --- absent seats and the deadline ---------------------------------------------------------------


def test_seats_handed_to_the_computer_play_as_computer_seats_would(make_host, tutorial):
    host = make_host()
    conns = seat_all(host)
    for seat in ("borduria", "carpathia", "dalmora"):
        host.set_autoplay(seat, True)
    submit(host, conns["aurelia"])
    local = Match(
        tutorial, 7, {s: make_player(LEVEL) for s in ("borduria", "carpathia", "dalmora")}
    )
    local.submit("aurelia", ())
    assert host.match.history[0].orders == local.resolve_turn().orders


def test_at_the_deadline_seats_without_orders_pass(make_host, clock):
    host = make_host(deadline=120.0, at_deadline="pass")
    conns = seat_all(host)
    message = SendMessage("aurelia", to=("borduria",), text="talk?")
    submit(host, conns["aurelia"], [message])
    assert host.deadline().seconds_left == 120.0
    clock.now += 119
    assert not host.deadline_due() and not host.tick().send
    clock.now += 2
    reply = host.tick()
    assert of_type(reply, conns["dalmora"], "turn")
    assert host.match.history[0].orders == (message,)
    assert host.deadline().seconds_left == 120.0  # the next turn's clock


def test_at_the_deadline_the_computer_can_play_the_missing_seats(make_host, clock, tutorial):
    host = make_host(deadline=60.0, at_deadline="computer")
    seat_all(host)
    clock.now += 61
    host.tick()
    local = Match(tutorial, 7, {s: make_player(LEVEL) for s in tutorial.state_ids})
    assert host.match.history[0].orders == local.resolve_turn().orders


# --- restarting the host -------------------------------------------------------------------------


def test_a_restarted_host_has_the_acknowledged_orders_and_the_same_codes(tutorial, tmp_path):
    path = tmp_path / "class.wargame"
    match = Match(tutorial, 7)
    message = SendMessage("aurelia", to=("borduria",), text="meet at noon")
    with SessionStore.create(path, match):
        host = ClassHost(match, ClassKeys.fresh(match.human_seats, keys_path(path)))
        host.connect(1, hello(host, "aurelia"))
        assert host.receive(1, Submit(id=1, turn=1, orders=[message.to_dict()])).send
        codes = host.codes
    with SessionStore.open(path) as store:
        resumed = store.resume(make_player)
        keys = ClassKeys.load_or_create(keys_path(path), resumed.human_seats)
        again = ClassHost(resumed, keys)
    assert again.codes == codes
    (welcome,) = of_type(again.connect(5, hello(again, "aurelia")), 5, "welcome")
    assert welcome.submitted == [message.to_dict()]


def test_guides_owed_after_a_turn_let_the_next_orders_in_between(make_host):
    """Behind a server the guides are made one call at a time after the results: a browser that
    has its guide hands in at once and is acknowledged before the rest of the class's guides."""
    host = make_host()
    host.defer_guides = True  # as the class server sets it
    conns = {}
    for i, seat in enumerate(host.seats, 1):
        host.connect(i, hello(host, seat, guide=True))
        conns[seat] = i
    last = [submit(host, conns[s]) for s in host.seats][-1]
    assert all(of_type(last, c, "turn") for c in conns.values())  # the results at once
    assert not any(of_type(last, c, "guide") for c in conns.values()) and host.owes_guides
    first, *others = host.seats
    (guide,) = of_type(host.make_owed_guide(), conns[first], "guide")
    ack = of_type(submit(host, conns[first], ident=2), conns[first], "ack")
    assert ack and ack[0].turn == 2  # taken before the other seats' guides are made
    for seat in others:
        assert len(of_type(host.make_owed_guide(), conns[seat], "guide")) == 1
    assert not host.owes_guides


def test_without_a_server_the_guides_come_with_the_results(make_host):
    host = make_host()
    conns = {}
    for i, seat in enumerate(host.seats, 1):
        host.connect(i, hello(host, seat, guide=True))
        conns[seat] = i
    last = [submit(host, conns[s]) for s in host.seats][-1]
    assert all(len(of_type(last, c, "guide")) == 1 for c in conns.values())
    assert not host.owes_guides
