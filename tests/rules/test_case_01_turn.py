"""Casebook section 1: the turn (docs/RULES.md)."""

from casebook import events, play, start

from wargame.rules.alliances import InvokeAlliance
from wargame.rules.diplomacy import BackChannel, SendMessage
from wargame.rules.military import Attack, BuildUp, MobilizeForces
from wargame.rules.soft_power import PublicDiplomacy
from wargame.state import state_hash


def test_case_1_1_void_orders_are_recorded_with_a_reason():
    """Case 1.1: An order that breaks a rule is not carried out: it is recorded as void with the
    reason, and the rest of the turn goes ahead."""
    s = start()
    res = play(
        s,
        InvokeAlliance("alba", treaty="nothing", against="brin"),
        BackChannel("alba", target="brin"),
    )
    void = [r for r in res.results if r.status == "void"]
    assert len(void) == 1 and "alliance" in void[0].reason
    assert events(res, "OrderVoided") and events(res, "BackChannelOpened")


def test_case_1_2_four_actions_a_turn_messages_free():
    """Case 1.2: A state may take at most four actions a turn; messages and answers are free."""
    s = start()
    orders = [
        SendMessage("alba", to=("brin",), text="hello"),
        BuildUp("alba"),
        BackChannel("alba", target="brin"),
        PublicDiplomacy("alba", target="dara"),
        MobilizeForces("alba", target="brin"),
        Attack("alba", target="brin"),
    ]
    res = play(s, *orders)
    assert [r.status for r in res.results] == ["applied"] * 5 + ["void"]


def test_case_1_3_resolution_is_a_pure_function():
    """Case 1.3: Resolution is a pure function of the state, the orders and the seed: the same
    inputs give the same next state and the same events."""
    s = start()
    orders = (Attack("brin", target="alba"), Attack("alba", target="brin"), BuildUp("cora"))
    a, b = play(s, *orders), play(s, *orders)
    assert state_hash(a.state) == state_hash(b.state)
    assert a.events == b.events
