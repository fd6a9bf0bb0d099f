"""Casebook section 8: international organizations (docs/RULES.md)."""

from dataclasses import replace

from casebook import (
    Scripted,
    events,
    every_seat,
    play,
    start,
    tutorial_first_turn_legal,
    with_relation,
)

from wargame.calibration.records import crisis_record
from wargame.enums import DraftStatus, ResolutionKind, Vote
from wargame.rng import Rng
from wargame.rules.military import Attack
from wargame.rules.organizations import CastVote, RegionalAppeal, TableResolution, adopted
from wargame.state import CouncilDraft


def _tabled(kind=ResolutionKind.CONDEMN, target="brin"):
    return replace(
        start(), turn=2, drafts=(CouncilDraft("r1", "cora", kind, target, None, 1),), next_id=10
    )


def _vote(s, players, bystander_yes):
    """Players' votes as given; the first `bystander_yes` bystanders vote yes, the rest abstain."""
    draws = [0.0] * bystander_yes + [0.6] * (12 - bystander_yes)
    orders = [CastVote(m, draft="r1", vote=v) for m, v in players.items()]
    return play(s, *orders, rng=Scripted(*draws))


def test_case_8_1_drafts_are_tabled_by_members_and_voted_next_turn():
    """Case 8.1: Only Security Council members table drafts; a draft is voted on in the turn after
    it is tabled."""
    res = play(
        start(),
        TableResolution("cora", resolution=ResolutionKind.CONDEMN, target="brin"),
        TableResolution("dara", resolution=ResolutionKind.CONDEMN, target="brin"),
    )
    assert [r.status for r in res.results] == ["applied", "void"] and len(res.state.drafts) == 1
    draft = res.state.drafts[0]
    early = play(
        start(),
        TableResolution("cora", resolution=ResolutionKind.CONDEMN, target="brin"),
        CastVote("alba", draft=draft.id, vote=Vote.YES),
    )
    assert next(r for r in early.results if r.order.kind == "CastVote").status == "void"
    voted = play(res.state, CastVote("alba", draft=draft.id, vote=Vote.YES))
    assert voted.results[0].status == "applied" and voted.state.drafts[0].status != "tabled"


def test_case_8_2_a_permanent_members_no_is_a_veto():
    """Case 8.2: A draft with 9 yes votes and a permanent member's "no" fails: it is vetoed."""
    res = _vote(_tabled(), {"cora": Vote.YES, "alba": Vote.YES, "brin": Vote.NO}, 7)
    assert res.state.drafts[0].status == "vetoed" and events(res, "ResolutionVetoed")
    assert adopted({**{f"x{i}": "yes" for i in range(9)}, "p": "no"}, ("p",)) == (
        False,
        "vetoed by p",
    )


def test_case_8_3_an_abstention_does_not_block():
    """Case 8.3: A draft with 9 yes votes and a permanent member's abstention passes."""
    res = _vote(_tabled(), {"cora": Vote.YES, "alba": Vote.YES, "brin": Vote.ABSTAIN}, 7)
    assert res.state.drafts[0].status == "adopted" and events(res, "ResolutionAdopted")


def test_case_8_4_nine_votes_are_needed():
    """Case 8.4: A draft with 8 yes votes and no veto fails."""
    res = _vote(_tabled(), {"cora": Vote.YES, "alba": Vote.YES, "brin": Vote.ABSTAIN}, 6)
    assert res.state.drafts[0].status == "failed"


def test_case_8_5_every_vote_obeys_article_27():
    """Case 8.5: Every vote the engine resolves obeys Art. 27: a draft is adopted exactly when 9 or
    more of the 15 members vote yes and no permanent member votes no."""
    for seed in range(60):
        votes = {
            "cora": Vote.YES,
            "alba": (Vote.YES, Vote.ABSTAIN)[seed % 2],
            "brin": (Vote.NO, Vote.ABSTAIN, Vote.YES)[seed % 3],
        }
        s = replace(_tabled(), seed=seed)
        res = play(s, *[CastVote(m, draft="r1", vote=v) for m, v in votes.items()], rng=Rng(seed))
        (vote,) = crisis_record(res.state)["council_votes"]
        assert vote["seats"] == 15 and vote["art27_ok"]


def test_case_8_6_un_sanctions():
    """Case 8.6: An adopted sanctions resolution imposes sanctions by every state, with a UN
    mandate that widens the target's dependence by 40%."""
    res = _vote(
        _tabled(ResolutionKind.SANCTION),
        {"cora": Vote.YES, "alba": Vote.YES, "brin": Vote.ABSTAIN},
        7,
    )
    (e,) = res.state.sanctions
    assert e.un_mandated and e.stage == "imposed" and set(e.senders) == {"alba", "cora", "dara"}
    assert abs(e.stake - 6 * min(1.0, 0.6 * 1.4)) < 1e-9


def test_case_8_7_authorized_force_is_legitimate():
    """Case 8.7: Force against a state the Council has authorized force against costs no
    reputation."""
    s = replace(
        start(),
        drafts=(
            CouncilDraft(
                "r1",
                "cora",
                ResolutionKind.AUTHORIZE_FORCE,
                "brin",
                None,
                1,
                status=DraftStatus.ADOPTED,
            ),
        ),
    )
    res = play(s, Attack("alba", target="brin"))
    assert (
        res.state.country("alba").reputation == 60
        and "authorization" in events(res, "ForceUsed")[0].text
    )


def test_case_8_8_regional_condemnation():
    """Case 8.8: A regional organization condemns a state when most of its other members are
    closer to the appellant than to the accused; the accused loses 5 reputation."""
    res = play(start(), RegionalAppeal("alba", organization="league", target="brin"))
    assert events(res, "RegionalCondemnation") and res.state.country("brin").reputation == 45
    friendly = with_relation(start(), "dara", "brin", 60)
    assert events(
        play(friendly, RegionalAppeal("alba", organization="league", target="brin")),
        "RegionalAppealFailed",
    )


def test_tutorial_first_turn_legal_orders_are_pinned():
    assert tutorial_first_turn_legal("organizations") == every_seat({})
