"""`wargame serve`'s leases: a class this process claims while it renews its leases is not taken
for one it lost (the load benchmark's hang: a class adopted on a client's hello just after a
renewal was dropped at once, and a client seated as it was dropped waited there forever)."""

from __future__ import annotations

import threading
import time

from wargame.net.server import ClassServer
from wargame.net.serving import ClassSettings, SessionServer
from wargame.persistence.database import Database

WAIT = 60.0


def test_a_class_claimed_during_a_renewal_is_kept(pg_url):
    db = Database(pg_url)
    events: list[str] = []
    serving = SessionServer(
        db,
        ClassServer("127.0.0.1", 0),
        facilitator_password=None,
        renew_seconds=0.1,
        on_event=events.append,
    )
    made: dict = {}
    renewals_after = threading.Semaphore(0)
    renew = db.renew

    def renew_then_claim(owner: str, seconds: float) -> set[str]:
        held = renew(owner, seconds)
        if not made:  # as a hello on another thread would: claimed after `held` was read
            made.update(serving.create("tutorial_strait", seed=1, settings=ClassSettings("easy")))
        else:
            renewals_after.release()
        return held

    db.renew = renew_then_claim  # type: ignore[method-assign]
    serving.start()
    try:
        deadline = time.monotonic() + WAIT
        for _ in range(3):  # a few rounds of the lease thread after the claim
            assert renewals_after.acquire(timeout=max(0.0, deadline - time.monotonic()))
        assert made["session"] in serving.served, events
        assert not [e for e in events if "lease lost" in e], events
    finally:
        serving.stop()
