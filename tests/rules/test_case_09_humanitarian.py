"""Casebook section 9: humanitarian intervention and R2P (docs/RULES.md)."""

from dataclasses import replace

from casebook import (
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

from wargame.enums import DraftStatus, ResolutionKind, Rung, TreatyKind
from wargame.rules.humanitarian import (
    AssistCapacity,
    ExerciseRestraint,
    GrantAccess,
    Intervene,
    UndertakeReform,
)
from wargame.rules.organizations import bystander_reasons, council
from wargame.rules.soft_power import SendAid
from wargame.state import CouncilDraft, Treaty

FOLK = [
    {
        "id": "folk",
        "name": "The Folk",
        "in_state": "brin",
        "people": 100000,
        "threat": 0.05,
        "perpetrator": "brin",
    }
]


def _crisis(**fields):
    return start(scenario(populations=FOLK), **fields)


def _bystander():
    return council(_crisis()).bystanders[5]


def test_case_9_1_the_toll_and_lives_saved():
    """Case 9.1: Each turn a population at risk loses its threat share of the people still alive;
    protecting forces cut the toll to 15%, a fully manned peacekeeping mission to 40%, aid to its
    host to 80% once the host lets aid workers in. Each turn's event says how many lives
    protection saved."""
    res = play(_crisis())
    assert res.state.populations[0].deaths == 5000
    folk = _crisis().populations[0]
    opened = replace(_crisis(), populations=(folk._replace(access=True),))
    aided = play(opened, SendAid("cora", target="brin"))
    (ev,) = events(aided, "CiviliansKilled")
    assert aided.state.populations[0].deaths == 4000 and number(ev, "lives saved") == 1000
    mission = CouncilDraft(
        "r1",
        "cora",
        ResolutionKind.PEACEKEEPING,
        "brin",
        "folk",
        1,
        status=DraftStatus.ADOPTED,
        consent=True,
        troops=("alba",),  # one contingent: 2 of the 2 (at least) a mission needs
    )
    guarded = replace(
        _crisis(drafts=(mission,)),
        populations=(folk._replace(protected_by=("cora",), peacekeepers=True),),
    )
    assert play(guarded).state.populations[0].deaths == int(5000 * 0.15 * 0.4)
    # once the danger is down to under one life a turn, the news does not report "0 killed"
    calm = replace(_crisis(), populations=(folk._replace(threat=0.000005, protected_by=("cora",)),))
    quiet = play(calm)
    assert quiet.state.populations[0].deaths == 0
    assert not events(quiet, "CiviliansKilled") and not events(quiet, "CiviliansProtected")


def test_case_9_2_intervention_is_a_use_of_force():
    """Case 9.2: Intervening is a use of force against the perpetrator: it opens (or raises) a
    militarized dispute at limited force, which the perpetrator may answer."""
    res = play(_crisis(), Intervene("cora", population="folk"), rng=Scripted(0.0))
    (d,) = res.state.disputes
    assert (d.initiator, d.target, d.rung) == ("cora", "brin", Rung.LIMITED_FORCE)
    assert res.state.country("brin").attacked


def test_case_9_3_unauthorized_intervention_costs_legitimacy():
    """Case 9.3: Without Security Council authorization an intervention costs 8 reputation, 20
    relations with the host and 25 with the perpetrator; with force authorized against the host or
    the perpetrator the intervener gains 4 reputation. Enforcement needs that authorization: a
    peacekeeping mandate is not one."""
    res = play(_crisis(), Intervene("cora", population="folk"), rng=Scripted(0.0))
    assert res.state.country("cora").reputation == 62
    assert number(events(res, "InterventionSucceeded")[0], "reputation change (unauthorized)") == -8
    mandate = CouncilDraft(
        "r1", "cora", ResolutionKind.PEACEKEEPING, "brin", "folk", 1, status=DraftStatus.ADOPTED
    )
    res = play(_crisis(drafts=(mandate,)), Intervene("cora", population="folk"), rng=Scripted(0.0))
    assert res.state.country("cora").reputation == 62
    force = CouncilDraft(
        "r1", "cora", ResolutionKind.AUTHORIZE_FORCE, "brin", None, 1, status=DraftStatus.ADOPTED
    )
    res = play(_crisis(drafts=(force,)), Intervene("cora", population="folk"), rng=Scripted(0.0))
    assert res.state.country("cora").reputation == 74


def test_case_9_4_missions_can_fail():
    """Case 9.4: The mission succeeds with chance 0.35 + 0.3 x the intervener's share of the two
    sides' forces, +0.15 with a mandate, +0.1 operating from a base, between 0.1 and 0.9. A failed
    mission costs the intervener 150 casualties and provokes reprisals: the toll that turn is 1.5
    times higher."""
    res = play(_crisis(), Intervene("alba", population="folk"), rng=Scripted(0.99))
    (ev,) = events(res, "InterventionFailed")
    assert abs(number(ev, "chance of success") - (0.35 + 0.3 * 0.5)) < 1e-9
    assert res.state.country("alba").casualties >= 150
    assert res.state.populations[0].deaths == int(5000 * 1.5)
    based = _crisis(treaties=(Treaty("t1", TreatyKind.BASING, ("alba", "dara"), 0),))
    (ev,) = events(
        play(based, Intervene("alba", population="folk"), rng=Scripted(0.99)), "InterventionFailed"
    )
    assert abs(number(ev, "chance of success") - 0.6) < 1e-9


def test_case_9_5_protection_lasts():
    """Case 9.5: A successful intervention protects the population from then on."""
    s = play(_crisis(), Intervene("cora", population="folk"), rng=Scripted(0.0)).state
    before = s.populations[0].deaths
    after = play(s).state.populations[0].deaths
    assert after - before == int((100000 - before) * 0.05 * 0.15)


def test_case_9_6_restraint_is_the_hosts_own_choice():
    """Case 9.6: Pillar I: the host or the perpetrator may order restraint: that turn's toll falls
    to 30%; it loses 1 stability and gains 1 reputation. Other states cannot order it."""
    res = play(_crisis(), ExerciseRestraint("brin", population="folk"))
    assert res.state.populations[0].deaths == int(5000 * 0.3)
    (ev,) = events(res, "RestraintOrdered")
    assert number(ev, "stability change") == -1 and res.state.country("brin").reputation == 51
    assert play(_crisis(), ExerciseRestraint("cora", population="folk")).results[0].status == "void"


def test_case_9_7_access_makes_aid_save_lives():
    """Case 9.7: Aid sent to a government that is killing its people without letting aid workers
    in saves no lives and costs the donor 3 reputation (it props the government up); once the host
    grants access (+2 reputation, -1 stability), aid cuts the toll and earns the donor standing."""
    closed = play(_crisis(), SendAid("cora", target="brin"))
    assert closed.state.populations[0].deaths == 5000
    assert closed.state.country("cora").reputation == 67
    assert "props it up" in events(closed, "AidSent")[0].text
    opened = play(_crisis(), GrantAccess("brin", population="folk")).state
    assert opened.populations[0].access and opened.country("brin").reputation == 52
    aided = play(opened, SendAid("cora", target="brin"))
    assert aided.state.country("cora").reputation == 72
    assert aided.state.populations[0].deaths - opened.populations[0].deaths == int(
        (100000 - 5000) * 0.05 * 0.8
    )


def test_case_9_8_reform_lowers_the_threat_for_good():
    """Case 9.8: Each reform (two at most) multiplies the population's threat by 0.6, for 4
    stability and +3 reputation."""
    res = play(_crisis(), UndertakeReform("brin", population="folk"))
    (p,) = res.state.populations
    assert abs(p.threat - 0.03) < 1e-12 and p.reforms == 1 and p.deaths == int(100000 * 0.03)
    (ev,) = events(res, "ReformUndertaken")
    assert number(ev, "stability change") == -4 and res.state.country("brin").reputation == 53
    done = replace(_crisis(), populations=(p._replace(reforms=2),))
    assert play(done, UndertakeReform("brin", population="folk")).results[0].status == "void"


def test_case_9_9_capacity_building_needs_access():
    """Case 9.9: Pillar II: another state may help build the host's capacity to protect (the
    threat is multiplied by 0.85, for 0.5% of its economy), but only where the host has let aid
    workers in."""
    assert play(_crisis(), AssistCapacity("cora", population="folk")).results[0].status == "void"
    folk = _crisis().populations[0]
    opened = replace(_crisis(), populations=(folk._replace(access=True),))
    res = play(opened, AssistCapacity("cora", population="folk"))
    assert abs(res.state.populations[0].threat - 0.05 * 0.85) < 1e-12
    assert res.state.country("cora").economy == 400 * 0.995


def test_case_9_10_intervention_breaks_treaties_and_brings_backlash():
    """Case 9.10: Pillar III: an intervention is force, so it breaks the treaties the intervener
    shares with the perpetrator; a successful one against a government shakes it (stability -8),
    its friends (relations above 30) lose 10 relations with the intervener, and each such
    intervention makes Council members 0.1 less likely to vote to authorize force."""
    pact = Treaty("n1", TreatyKind.NON_AGGRESSION, ("cora", "brin"), 0)
    friendly = with_relation(_crisis(treaties=(pact,)), "dara", "brin", 50)
    res = play(friendly, Intervene("cora", population="folk"), rng=Scripted(0.0))
    assert res.state.treaties[0].status == "broken"
    assert res.state.country("brin").stability <= 60 + 3 - 8
    assert res.state.relation("dara", "cora") == 20 - 10 - 3  # backlash, and force unauthorized
    (ev,) = events(res, "RegimeChangeBacklash")
    assert "Dara" in ev.text
    draft = CouncilDraft("r9", "alba", ResolutionKind.AUTHORIZE_FORCE, "brin", None, 2)
    before = dict(bystander_reasons(friendly, _bystander(), draft))
    after = dict(bystander_reasons(res.state, _bystander(), draft))
    assert after["backlash after interventions against a government"] == -0.1
    assert "backlash after interventions against a government" not in before


def test_tutorial_first_turn_legal_orders_are_pinned():
    assert tutorial_first_turn_legal("humanitarian") == every_seat({})
