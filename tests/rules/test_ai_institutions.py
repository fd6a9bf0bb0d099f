"""Computer players and the institutions (wargame/ai/institutions.py): each judgement weighs the
mechanism the rules apply, on the casebook's tiny crisis."""

from dataclasses import replace

from casebook import start, with_relation

from wargame.ai.heuristic import STYLE, _Mind
from wargame.enums import DraftStatus, ResolutionKind, Vote
from wargame.rng import Rng
from wargame.rules.diplomacy import AnswerMediation
from wargame.rules.humanitarian import ExerciseRestraint, GrantAccess, UndertakeReform
from wargame.rules.organizations import CastVote, ConsentToPeacekeepers, TableResolution
from wargame.rules.soft_power import SendAid
from wargame.state import CouncilDraft, Mediation, Population


def _mind(state, seat, doctrine="realist", seed=1):
    return _Mind(state, seat, STYLE[doctrine], Rng(seed))


def test_a_permanent_member_weighs_the_price_of_a_veto():
    """Shielding a lukewarm friend is not worth a veto while atrocities are under way; a close
    friend is."""
    draft = CouncilDraft("r1", "alba", ResolutionKind.CONDEMN, "dara", None, 1)
    folk = Population("folk", "dara", 1000, 0.1, "dara", 1, deaths=100)
    s = replace(start(), turn=2, drafts=(draft,), populations=(folk,))
    lukewarm = with_relation(s, "cora", "dara", 30)
    vote, why = _mind(lukewarm, "cora").council_vote(draft, Vote.NO)
    assert vote == Vote.ABSTAIN and "veto would cost" in why
    close = with_relation(s, "cora", "dara", 95)
    assert _mind(close, "cora", "hawk").council_vote(draft, Vote.NO)[0] == Vote.NO


def test_a_party_abstains_on_a_chapter_vi_draft():
    from wargame.state import Dispute

    d = Dispute("d1", "brin", "alba", 1, 4, last_force=1)
    draft = CouncilDraft("r1", "cora", ResolutionKind.SETTLE, "brin", None, 1)
    s = replace(start(), turn=2, drafts=(draft,), disputes=(d,))
    assert _mind(s, "alba").council_vote(draft, Vote.YES)[0] == Vote.ABSTAIN


def test_votes_given_by_instinct_are_reshaped():
    draft = CouncilDraft("r1", "alba", ResolutionKind.AGENDA, "dara", None, 1)
    s = replace(start(), turn=2, drafts=(draft,))
    mind = _mind(s, "cora")
    mind.give(CastVote("cora", draft="r1", vote=Vote.ABSTAIN), "instinct")
    mind.refine_answers()
    assert mind.decision.orders == [CastVote("cora", draft="r1", vote=Vote.YES)]
    assert "seized of the matter" in mind.decision.reasons[0]


def test_a_host_that_kills_no_one_consents_to_peacekeepers():
    folk = Population("folk", "dara", 1000, 0.1, "brin", 1)
    draft = CouncilDraft("r1", "cora", ResolutionKind.PEACEKEEPING, "dara", "folk", 1)
    s = replace(start(), turn=2, drafts=(draft,), populations=(folk,))
    mind = _mind(s, "dara", "hawk")
    mind.answer_consent_requests()
    assert mind.decision.orders == [ConsentToPeacekeepers("dara", draft="r1", consent=True)]


def test_a_perpetrator_gives_way_as_pressure_grows():
    """Under no pressure a hawkish perpetrator keeps its hands free; condemned, sanctioned and
    facing authorized force, it restrains its forces, lets aid in and reforms more often."""
    folk = Population("folk", "brin", 1000, 0.1, "brin", 1, deaths=100)
    calm = replace(start(), turn=2, populations=(folk,))
    pressed = replace(
        calm,
        drafts=(
            CouncilDraft(
                "r1", "alba", ResolutionKind.CONDEMN, "brin", None, 1, status=DraftStatus.ADOPTED
            ),
            CouncilDraft(
                "r2",
                "alba",
                ResolutionKind.AUTHORIZE_FORCE,
                "brin",
                None,
                1,
                status=DraftStatus.ADOPTED,
            ),
        ),
    )

    def choices(state):
        n = 0
        for seed in range(40):
            mind = _mind(state, "brin", "hawk", seed)
            mind.host_choices()
            n += sum(
                isinstance(o, (ExerciseRestraint, GrantAccess, UndertakeReform))
                for o in mind.decision.orders
            )
        return n

    assert _mind(pressed, "brin").r2p_pressure() > _mind(calm, "brin").r2p_pressure() + 1.5
    assert choices(pressed) > 2 * choices(calm)


def test_no_aid_for_a_government_killing_its_people_behind_closed_doors():
    folk = Population("folk", "brin", 1000, 0.1, "brin", 1)
    s = replace(start(), turn=2, populations=(folk,))
    mind = _mind(s, "alba")
    mind.give(SendAid("alba", target="brin"), "objective: protect the folk")
    mind.drop_complicit_aid()
    assert mind.decision.orders == [] and mind.actions == 0
    opened = replace(s, populations=(folk._replace(access=True),))
    mind = _mind(opened, "alba")
    mind.give(SendAid("alba", target="brin"), "objective: protect the folk")
    mind.drop_complicit_aid()
    assert mind.decision.orders == [SendAid("alba", target="brin")]


def test_a_vetoed_draft_goes_on_the_agenda():
    vetoed = CouncilDraft(
        "r1", "cora", ResolutionKind.CONDEMN, "brin", None, 1, status=DraftStatus.VETOED
    )
    s = replace(start(), turn=2, drafts=(vetoed,))
    tabled = set()
    for seed in range(10):
        mind = _mind(s, "cora", "institutionalist", seed)
        mind.procedural_steps()
        tabled |= {o for o in mind.decision.orders if isinstance(o, TableResolution)}
    assert TableResolution("cora", resolution=ResolutionKind.AGENDA, target="brin") in tabled


def test_a_biased_mediator_without_leverage_is_declined():
    m = Mediation("m1", "dara", ("alba", "brin"), 1)
    biased = with_relation(with_relation(start(), "dara", "brin", 80), "dara", "alba", -20)
    s = replace(biased, turn=2, mediations=(m,))
    mind = _mind(s, "alba")
    mind.give(AnswerMediation("alba", mediation="m1", accept=True), "talk")
    mind.refine_answers()
    assert mind.decision.orders == [AnswerMediation("alba", mediation="m1", accept=False)]
    fair = replace(start(), turn=2, mediations=(m,))
    mind = _mind(fair, "alba")
    mind.give(AnswerMediation("alba", mediation="m1", accept=True), "talk")
    mind.refine_answers()
    assert mind.decision.orders == [AnswerMediation("alba", mediation="m1", accept=True)]
