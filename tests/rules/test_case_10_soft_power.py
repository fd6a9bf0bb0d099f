"""Casebook section 10: soft power and public diplomacy (docs/RULES.md)."""

from dataclasses import replace

from casebook import (
    Scripted,
    events,
    every_seat,
    number,
    play,
    start,
    tutorial_first_turn_legal,
    with_country,
)

from wargame.enums import ResolutionKind, Vote
from wargame.rules.organizations import CastVote
from wargame.rules.soft_power import CulturalExchange, PublicDiplomacy, SendAid
from wargame.state import CouncilDraft


def test_case_10_1_public_diplomacy_and_exchanges():
    """Case 10.1: A public diplomacy campaign raises relations with the target by 3 and the
    campaigner's reputation by 1, for 0.3% of its economy; a cultural and educational exchange
    raises relations by 4 and reputation by 0.5, for 0.2% of its economy. Relations gains shrink
    as relations warm: they are multiplied by 1 - relations/100 when relations are friendly."""
    res = play(
        start(), PublicDiplomacy("alba", target="brin"), CulturalExchange("cora", target="dara")
    )
    assert res.state.relation("alba", "brin") == -27 and res.state.country("alba").reputation == 61
    assert res.state.country("alba").economy == 100 * (1 - 0.003)
    assert abs(res.state.relation("cora", "dara") - (20 + 4 * 0.8)) < 1e-9
    assert res.state.country("cora").reputation == 70.5
    assert res.state.country("cora").economy == 400 * (1 - 0.002)


def test_case_10_2_aid_courts_small_states():
    """Case 10.2: Aid gives 1% of the donor's economy (80% arrives), raises the recipient's
    stability by 2 and the donor's reputation by 2, and wins relations of 4 + 60 x (aid / the
    recipient's economy), at most 15, times the warmth factor: a great power's aid buys a small
    state's friendship."""
    res = play(start(), SendAid("cora", target="dara"), SendAid("alba", target="cora"))
    gains = {}
    for e in events(res, "AidSent"):
        share = number(e, "share of the recipient's economy")
        warmth = 1 - max(0, start().relation(*e.actors)) / 100
        assert abs(number(e, "relations change") - min(15, 4 + 60 * share) * warmth) < 1e-5
        gains[e.actors[0]] = number(e, "relations change")
    assert (
        gains["cora"] > 2 * gains["alba"]
    )  # the great power's aid to the small state counts for more


def test_case_10_4_soft_power_has_diminishing_returns():
    """Case 10.4: Each soft-power move (campaign, exchange or aid) earns less reputation than the
    one before: the gain is divided by 1 + 0.5 x the number of such moves the state has made in
    the crisis."""
    s = start()
    gains = []
    for _ in range(3):
        res = play(s, CulturalExchange("cora", target="brin"))
        gains.append(number(events(res, "ExchangeHeld")[0], "reputation change"))
        s = res.state
    assert [round(g, 9) for g in gains] == [0.5, round(0.5 / 1.5, 9), 0.25]
    assert s.country("cora").soft_power_moves == 3


def test_case_10_3_reputation_wins_votes():
    """Case 10.3: Reputation changes how others respond: a bystander on the Council is likelier to
    vote for a draft tabled by a sponsor of good name."""

    def chance(rep):
        s = with_country(
            replace(
                start(),
                turn=2,
                drafts=(CouncilDraft("r1", "cora", ResolutionKind.CONDEMN, "brin", None, 1),),
            ),
            "cora",
            reputation=rep,
        )
        res = play(s, CastVote("cora", draft="r1", vote=Vote.YES), rng=Scripted())
        ev = next(e for e in res.events if e.kind.startswith("Resolution"))
        return number(ev, "Bystander 0: chance of yes")

    assert chance(90) > chance(30)


def test_tutorial_first_turn_legal_orders_are_pinned():
    assert tutorial_first_turn_legal("soft_power") == every_seat(
        {"PublicDiplomacy": 3, "CulturalExchange": 3, "SendAid": 3}
    )
