"""Same game, any store: every seat a computer client over the network, the class served from
PostgreSQL by `wargame serve`'s machinery, ends with the same state_hash as the same game played
locally, and the session in the database verifies (tests/net/test_same_game.py: a file)."""

from __future__ import annotations

import threading

import pytest

from tests.net.helpers import WAIT, local_hash
from wargame.ai import make_player
from wargame.net.robot import play_computer_seat
from wargame.net.server import ClassServer
from wargame.net.serving import ClassSettings, SessionServer
from wargame.persistence import SessionStore
from wargame.persistence.database import Database

LEVELS = {"tutorial_strait": "normal", "northern_sea": "easy"}


@pytest.mark.parametrize("scenario_id", sorted(LEVELS))
def test_networked_game_from_postgresql_ends_as_the_local_one(scenario_id, all_scenarios, pg_url):
    scenario, level = all_scenarios[scenario_id], LEVELS[scenario_id]
    serving = SessionServer(
        Database(pg_url), ClassServer("127.0.0.1", 0), facilitator_password=None
    )
    serving.start()
    try:
        made = serving.create(scenario_id, seed=7, settings=ClassSettings(level=level))
        address = f"127.0.0.1:{serving.server.port}"
        hashes: dict[str, str | None] = {}
        outcomes: dict[str, str] = {}

        def play(seat: str) -> None:
            outcome, game = play_computer_seat(address, seat, made["codes"][seat], level)
            outcomes[seat], hashes[seat] = outcome.reason, game.state_hash

        threads = [threading.Thread(target=play, args=(s,), daemon=True) for s in made["codes"]]
        for t in threads:
            t.start()
        for t in threads:
            t.join(WAIT)
    finally:
        serving.stop()
    assert outcomes == {s: "game_over" for s in made["codes"]}, outcomes
    assert set(hashes.values()) == {local_hash(scenario, 7, level)}
    with SessionStore.open(pg_url, session=made["session"], readonly=True) as store:
        assert store.verify(make_player).ok
    assert Database(pg_url).entry(made["session"]).finished


def test_a_class_taken_over_with_every_seat_in_resolves_its_turn(pg_url):
    """The holder died after the turn's last submission was saved (and acknowledged) but
    before the turn was resolved: the process that takes the class over resolves it."""
    import time

    from wargame.net.host import Reply

    first = SessionServer(Database(pg_url), ClassServer("127.0.0.1", 0), facilitator_password=None)
    first.start()
    made = first.create("tutorial_strait", seed=3, settings=ClassSettings(level="easy"))
    host = first.served[made["session"]].host

    def hand_in_everything() -> Reply:
        for seat in host.match.waiting_for():
            host.match.submit(seat, ())  # saved at once, as the host's acknowledgement requires
        return Reply()

    first.server.call(host, hand_in_everything).result(10)
    first.stop()  # gives the lease back: the next process takes the class at once
    second = SessionServer(Database(pg_url), ClassServer("127.0.0.1", 0), facilitator_password=None)
    second.start()
    try:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            served = second.served.get(made["session"])
            if served is not None and len(served.host.match.history) == 1:
                break
            time.sleep(0.1)
        else:
            raise AssertionError("the taken-over class did not resolve its turn")
    finally:
        second.stop()
    with SessionStore.open(pg_url, session=made["session"], readonly=True) as store:
        assert len(store.load().turns) == 1
