"""Casebook section 8: international organizations (docs/RULES.md)."""

from dataclasses import replace

from casebook import (
    BYSTANDERS,
    Scripted,
    events,
    every_seat,
    number,
    play,
    scenario,
    start,
    tutorial_first_turn_legal,
    with_relation,
)
from issues_casebook import issue_start

from wargame.calibration.records import crisis_record
from wargame.enums import DraftStatus, ResolutionKind, Vote
from wargame.rng import Rng
from wargame.rules.military import Attack
from wargame.rules.organizations import (
    CastVote,
    ConsentToPeacekeepers,
    ContributeTroops,
    RegionalAppeal,
    TableResolution,
    adopted,
    bystander_reasons,
    council,
    vote_reasons,
)
from wargame.state import CouncilDraft, Dispute, Population


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


def test_case_8_17_un_sanctions_demand_what_their_sponsors_want_most():
    """Case 8.17: Council sanctions name what would lift them: the change their sponsors want
    most (their stakes summed) on an issue the target decides; a blanket demand only when they
    want nothing of it."""

    def sanctioned(*co_sponsors: str):
        draft = CouncilDraft("r1", "cora", ResolutionKind.SANCTION, "brin", None, 1)
        s = replace(issue_start(), turn=2, drafts=(draft._replace(co_sponsors=co_sponsors),))
        votes = {"cora": Vote.YES, "alba": Vote.YES, "brin": Vote.ABSTAIN}
        (e,) = _vote(replace(s, next_id=10), votes, 7).state.sanctions
        return e.un_mandated, e.issue, e.demand

    assert sanctioned() == (True, "village", "lifted")  # Cora: the village 0.5, the strait 0.2
    assert sanctioned("alba") == (True, "strait", "open")  # with Alba: the strait 1.2


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


def test_case_8_9_a_veto_that_blocks_a_majority_costs_standing():
    """Case 8.9: A permanent member whose veto blocks a draft nine or more members backed loses 3
    reputation (8 while a population at risk is being killed) and 5 relations with the draft's
    sponsors; a "no" on a draft without nine votes costs nothing."""
    res = _vote(_tabled(), {"cora": Vote.YES, "alba": Vote.YES, "brin": Vote.NO}, 7)
    assert res.state.drafts[0].status == "vetoed" and events(res, "VetoCast")
    assert res.state.country("brin").reputation == 47
    assert res.state.relation("brin", "cora") == -25
    dying = replace(
        _tabled(),
        populations=(Population("folk", "brin", 1000, 0.1, "brin", 1, deaths=100),),
    )
    res = _vote(dying, {"cora": Vote.YES, "alba": Vote.YES, "brin": Vote.NO}, 7)
    assert res.state.country("brin").reputation == 42
    res = _vote(_tabled(), {"cora": Vote.YES, "alba": Vote.YES, "brin": Vote.NO}, 6)
    assert res.state.drafts[0].status == "vetoed" and not events(res, "VetoCast")
    assert res.state.country("brin").reputation == 50


def test_case_8_10_no_veto_on_a_procedural_draft():
    """Case 8.10: Putting a situation on the agenda is procedural (Art. 27(2)): nine votes adopt
    it, and a permanent member's "no" is no veto. The state whose conduct goes on the agenda
    loses 2 reputation."""
    s = _tabled(ResolutionKind.AGENDA)
    res = _vote(s, {"cora": Vote.YES, "alba": Vote.YES, "brin": Vote.NO}, 7)
    assert res.state.drafts[0].status == "adopted" and events(res, "ResolutionAdopted")
    assert not events(res, "VetoCast") and res.state.country("brin").reputation == 48
    (vote,) = crisis_record(res.state)["council_votes"]
    assert vote["permanent_no"] == ["brin"]


def test_case_8_11_identical_drafts_merge():
    """Case 8.11: Members who table the same draft in the same turn co-sponsor one draft, voted on
    once; a draft the Council has already adopted cannot be tabled again."""
    res = play(
        start(),
        TableResolution("cora", resolution=ResolutionKind.CONDEMN, target="brin"),
        TableResolution("alba", resolution=ResolutionKind.CONDEMN, target="brin"),
    )
    (d,) = res.state.drafts
    assert {d.sponsor, *d.co_sponsors} == {"alba", "cora"} and len(d.co_sponsors) == 1
    assert events(res, "DraftCosponsored")
    done = replace(start(), drafts=(d._replace(status=DraftStatus.ADOPTED),))
    again = play(done, TableResolution("alba", resolution=ResolutionKind.CONDEMN, target="brin"))
    assert again.results[0].status == "void" and "already adopted" in again.results[0].reason


def test_case_8_12_peacekeepers_need_consent_and_troops():
    """Case 8.12: An adopted peacekeeping mandate deploys only while the host consents and at least
    one state has contributed a contingent (2 capability points); without the host's consent
    nothing deploys, and peacekeepers leave when it withdraws its consent."""
    folk = Population("folk", "brin", 100000, 0.05, "brin", 1)
    mandate = CouncilDraft(
        "r1", "cora", ResolutionKind.PEACEKEEPING, "brin", "folk", 1, status=DraftStatus.ADOPTED
    )
    s = replace(start(), turn=2, populations=(folk,), drafts=(mandate,), next_id=10)
    refused = play(
        s,
        ConsentToPeacekeepers("brin", draft="r1", consent=False),
        ContributeTroops("alba", draft="r1"),
    )
    assert not refused.state.populations[0].peacekeepers
    assert events(refused, "PeacekeepingConsentRefused")
    assert refused.state.country("alba").military == 48
    consented = play(refused.state, ConsentToPeacekeepers("brin", draft="r1", consent=True))
    assert consented.state.populations[0].peacekeepers and events(consented, "PeacekeepersDeployed")
    left = play(consented.state, ConsentToPeacekeepers("brin", draft="r1", consent=False))
    assert not left.state.populations[0].peacekeepers and events(left, "PeacekeepersWithdrawn")
    other = play(s, ConsentToPeacekeepers("alba", draft="r1", consent=True))
    assert other.results[0].status == "void"


def test_case_8_13_parties_abstain_under_chapter_vi():
    """Case 8.13: A call on the parties to settle is a Chapter VI decision: the parties to the
    dispute abstain (a party's yes or no is void, and counts as an abstention). Adopted, it puts a
    non-aggression pact (a ceasefire, at war) to the two parties, with the sponsor as guarantor."""
    d = Dispute("d1", "brin", "alba", 1, 4, last_force=1)
    s = replace(_tabled(ResolutionKind.SETTLE), disputes=(d,))
    orders = [CastVote(m, draft="r1", vote=v) for m, v in (("alba", Vote.YES), ("brin", Vote.NO))]
    orders.append(CastVote("cora", draft="r1", vote=Vote.YES))
    res = play(s, *orders, rng=Scripted(*[0.0] * 7 + [0.99] * 5))
    assert {r.order.actor: r.status for r in res.results} == {
        "cora": "applied",
        "alba": "void",
        "brin": "void",
    }
    votes = dict(res.state.drafts[0].votes)
    assert votes["brin"] == "abstain" and votes["alba"] == "abstain"
    assert res.state.drafts[0].status == "failed"  # only cora and 7 bystanders: alba's yes is void
    res = play(s, orders[-1], rng=Scripted(*[0.0] * 8 + [0.99] * 4))
    assert res.state.drafts[0].status == "adopted"
    (p,) = res.state.proposals
    assert p.mediated and p.proposer == "cora" and set(p.recipients) == {"alba", "brin"}


def _with_friend(**interests):
    """The casebook scenario with permanent bystander 0 given these interests."""
    bystanders = [dict(b) for b in BYSTANDERS]
    bystanders[0]["interests"] = interests
    council = {
        "permanent": ["cora", "brin", "by0", "by1", "by2"],
        "elected": ["alba"],
        "bystanders": bystanders,
    }
    return scenario(organizations={"security_council": council})


def test_case_8_14_bystanders_vote_by_their_interests():
    """Case 8.14: A bystander is 0.6 less likely to vote for a draft aimed at a friend (0.25 more
    for one aimed at a rival; 0.15 more when a friend sponsors it, 0.2 less when a rival does), 0.2
    less for authorizing force, 0.05 less for sanctions, 0.2 more for a procedural draft. A
    permanent bystander vetoes only when its friends or rivals are at stake; otherwise it
    abstains rather than vote no."""
    plain = _tabled()
    friendly = replace(
        start(_with_friend(friends=["brin"])),
        turn=2,
        drafts=plain.drafts,
        next_id=10,
    )
    reasons = dict(bystander_reasons(friendly, council(friendly).bystanders[0], plain.drafts[0]))
    assert reasons["Brin is its friend"] == -0.6
    force = plain.drafts[0]._replace(kind=ResolutionKind.AUTHORIZE_FORCE)
    assert (
        dict(bystander_reasons(plain, council(plain).bystanders[0], force))[
            "force against a sovereign state"
        ]
        == -0.2
    )
    orders = [CastVote("cora", draft="r1", vote=Vote.YES)]
    indifferent = play(plain, *orders, rng=Scripted(0.99))
    assert dict(indifferent.state.drafts[0].votes)["by0"] == "abstain"
    vetoing = play(friendly, *orders, rng=Scripted(0.99))
    assert dict(vetoing.state.drafts[0].votes)["by0"] == "no"
    assert vetoing.state.drafts[0].status == "vetoed"


def test_case_8_15_every_vote_says_why():
    """Case 8.15: The event of every vote lists the members by their vote (yes, no, abstain)
    and, for the members no player leads, the strongest of their reasons that pointed the way
    each voted; a vote against the balance of its reasons says so, with its chance of yes. A
    permanent member's "no" is marked as a veto."""
    s = replace(_tabled(), scenario=_with_friend(friends=["brin"]))
    res = play(s, CastVote("brin", draft="r1", vote=Vote.NO), rng=Scripted(0.99))
    (ev,) = [e for e in res.events if e.kind == "ResolutionVetoed"]
    assert "no (2): Brin (veto); Bystander 0 (veto) (Brin is its friend)" in ev.text
    assert "abstain (2): Cora (did not vote); Alba (did not vote)" in ev.text
    for b in BYSTANDERS:
        assert f"{b['name']} " in ev.text and number(ev, f"{b['name']}: chance of yes") > 0
    # the reasons that pointed the way it voted, never those for the other vote
    mixed = [("the evidence", 0.3), ("Brin is its friend", -0.6), ("its leaning", 0.1)]
    assert vote_reasons(mixed, Vote.YES, 0.5) == "the evidence; its leaning"
    assert vote_reasons(mixed, Vote.NO, 0.5) == "Brin is its friend"
    assert vote_reasons(mixed[:1], Vote.NO, 0.95) == "against the odds: chance of yes 0.95"
    assert vote_reasons([], Vote.ABSTAIN, 0.3) == "no strong view"


def test_case_8_16_members_follow_regional_calls():
    """Case 8.16: A regional organization's call weighs on the Council: once it has condemned a
    state, bystanders are 0.15 likelier to vote for drafts against it (twice that for those of its
    region); once it has declined to, 0.1 less likely. Only its latest call on the state counts,
    once: condemning it again adds nothing."""
    res = play(start(), RegionalAppeal("alba", organization="league", target="brin"))
    assert res.state.regional_calls[0].condemned
    d = CouncilDraft("r1", "cora", ResolutionKind.CONDEMN, "brin", None, 2)
    bystander = council(res.state).bystanders[3]
    reasons = bystander_reasons(res.state, bystander, d)
    assert dict(reasons)["the League condemned it"] == 0.15
    # asked again (every turn, say), it condemns again, and its weight on the Council is the same
    again = play(res.state, RegionalAppeal("alba", organization="league", target="brin"))
    assert [c.condemned for c in again.state.regional_calls] == [True, True]
    assert bystander_reasons(again.state, bystander, d) == reasons


def test_tutorial_first_turn_legal_orders_are_pinned():
    assert tutorial_first_turn_legal("organizations") == every_seat({})
