"""Casebook section 7: arms control (docs/RULES.md)."""

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

from wargame.rules.agreements import BreakTreaty
from wargame.rules.arms_control import (
    CheatOnArmsControl,
    GiveNotice,
    RequestInspection,
    detection_chance,
)
from wargame.rules.military import BuildUp
from wargame.rules.power import coalition_strength, exposure
from wargame.state import Treaty


def _capped(cap=52.0, verification=0.5, **extra):
    treaties = (
        Treaty("t1", "arms_control", ("alba", "brin"), 0, cap=cap, verification=verification),
        *extra.get("more", ()),
    )
    return replace(start(), treaties=treaties)


def test_case_7_1_caps_bind_open_build_ups():
    """Case 7.1: A build-up that would take a member above its treaty's cap is not allowed (void)."""
    res = play(_capped(), BuildUp("alba"))
    assert res.results[0].status == "void" and "cap" in res.results[0].reason


def test_case_7_2_detection_rises_with_verification():
    """Case 7.2: A member over its cap is caught each turn with chance 0.1 + 0.5 x verification,
    plus 0.3 x verification + 0.1 when another member requests an inspection, plus 0.1 when
    another member shares intelligence with partners; at most 0.95. The chance rises with
    verification."""
    chances = [detection_chance(v / 10, False) for v in range(11)]
    assert chances == sorted(chances) and chances[0] == 0.1 and abs(chances[10] - 0.6) < 1e-12
    assert abs(detection_chance(0.5, True) - (0.1 + 0.25 + 0.15 + 0.1)) < 1e-12
    assert detection_chance(1.0, True, True) == 0.95
    res = play(
        _capped(verification=0.8), CheatOnArmsControl("alba", treaty="t1"), rng=Scripted(0.99)
    )
    assert number(events(res, "CheatingUndetected")[0], "chance of detection") == detection_chance(
        0.8, False
    )


def test_case_7_3_detected_cheating_breaks_the_treaty():
    """Case 7.3: A member caught over its cap breaks the treaty, loses 10 reputation (and the
    breach's 12), 15 relations with the other members, and tension rises by 8."""
    res = play(
        _capped(),
        CheatOnArmsControl("alba", treaty="t1"),
        RequestInspection("brin", treaty="t1", target="alba"),
        rng=Scripted(0.0),
    )
    after = res.state
    assert events(res, "CheatingDetected") and after.treaties[0].status == "broken"
    assert (
        after.country("alba").reputation == 60 - 10 - 12
        and after.country("alba").hidden_military == 0
    )


def test_case_7_4_undetected_cheating_stays_secret():
    """Case 7.4: Cheating that goes undetected is seen only by the cheater, and others' estimates
    of its forces leave out what it hid."""
    from wargame.view import view_for

    res = play(
        _capped(verification=0.0), CheatOnArmsControl("alba", treaty="t1"), rng=Scripted(0.99)
    )
    assert all(
        e.visible_to == ("alba",)
        for e in res.events
        if e.kind in ("CapSecretlyExceeded", "CheatingUndetected")
    )
    seen = view_for(res.state, "brin").state.country("alba").military
    assert seen < 50 * 1.16 and res.state.country("alba").hidden_military > 0


def test_case_7_5_a_clean_inspection_builds_trust():
    """Case 7.5: An inspection that finds a member within its cap raises its reputation by 2."""
    res = play(_capped(cap=100), RequestInspection("brin", treaty="t1", target="alba"))
    assert events(res, "InspectionCleared") and res.state.country("alba").reputation == 62


def test_case_7_6_intelligence_partners_help_catch_cheats():
    """Case 7.6: ... a member sharing intelligence with partners adds 0.1 to the chance of catching
    the other members."""
    s = _capped(more=(Treaty("t2", "intelligence_sharing", ("brin", "dara"), 0),))
    s = with_country(s, "alba", military=60)
    (ev,) = events(play(s, rng=Scripted(0.99)), "CheatingUndetected")
    assert abs(number(ev, "chance of detection") - detection_chance(0.5, False, True)) < 1e-12


def test_case_7_7_verification_has_a_price():
    """Case 7.7: Verification has a price, transparency against security: every turn a treaty is
    in force each member pays 0.4% x the verification level of its economy, and fights the other
    members with 10% x the verification level less strength (inspectors have seen its forces)."""
    res = play(_capped(cap=100, verification=0.5))
    (ev,) = events(res, "VerificationPaid")
    assert abs(number(ev, "share of each member's economy") - 0.002) < 1e-12
    assert res.state.country("alba").economy == 100 * (1 - 0.002)
    assert ev.visible_to == ("alba", "brin")
    s = _capped(cap=100, verification=0.5)
    assert exposure(s, "alba", ("brin",)) == 0.05 and exposure(s, "alba", ("cora",)) == 0
    free = _capped(cap=100, verification=0.0)
    assert coalition_strength(s, ("alba",), ("brin",)) == 0.95 * coalition_strength(
        free, ("alba",), ("brin",)
    )


def test_case_7_8_lawful_withdrawal_is_no_breach():
    """Case 7.8: A member may give notice of withdrawal: it loses 1 reputation and 5 relations with
    the other members, tension rises by 3, the cap binds it for two more turns, and then it leaves
    without a breach (no broken obligation). Breaking the treaty at once is a breach."""
    res = play(_capped(cap=100), GiveNotice("alba", treaty="t1"))
    assert res.state.treaties[0].notice == (("alba", 3),) and events(res, "WithdrawalNoticeGiven")
    assert res.state.country("alba").reputation == 59 and res.state.relation("alba", "brin") == -35
    bound = play(with_country(res.state, "alba", military=98), BuildUp("alba"))
    assert bound.results[0].status == "void"
    left = play(bound.state)
    (t,) = left.state.treaties
    assert t.status == "ended" and t.broken_by is None and events(left, "WithdrawalTookEffect")
    assert left.state.country("alba").obligations_broken == 0
    assert play(left.state, BuildUp("alba")).results[0].status == "applied"
    broken = play(_capped(cap=100), BreakTreaty("alba", treaty="t1"))
    assert broken.state.country("alba").obligations_broken == 1


def test_tutorial_first_turn_legal_orders_are_pinned():
    assert tutorial_first_turn_legal("arms_control") == every_seat({})
