"""Strength and friends: how hard a state can fight, and how much help it can expect.

Shared by the rules (war odds, battles) and by computer players (who ask the same questions of
their own, estimated, view). Every function reads `Readings`: the turn's draft during resolution,
or a GameState.

- Fighting strength is military capability, worn down by a weak home front.
- A guest's forces based on a host's soil fight for the host if it is attacked (a tripwire).
- Allies who exercise together fight better side by side (interoperability).
- An ally's expected help is its strength times its reliability, which observers judge from its
  reputation, its ties to the ally in need and its record of honouring or abandoning calls in
  this crisis. This is the deterrent effect of alliances: attackers count the defender's friends.
- An ally that answered a call with partial help (arms and supplies) adds a share of its
  strength to the invoker's in battle.
- A nuclear-armed ally extends its deterrent over its protege (extended deterrence): the more
  reliable the ally, the more a clash with the protege is feared (military.py).
- Members of a verified arms control treaty know where each other's forces are: they fight
  each other a little less effectively (transparency against security).

Every figure below was set by hand (tuned). Strengths decide battles (rows stronger_wins and
stronger_wins_9to1 of `wargame calibrate`); expected help deters clashes from becoming wars
(mid_war) and weighs in the computer allies' answers (alliance_honoured, pact_honoured). In the
shipped scenarios each figure moves those rows only a little (less than the rows' tolerance when
changed by half).
"""

from __future__ import annotations

from ..enums import DEFENSIVE_KINDS, TreatyKind, TreatyStatus
from ..state import Readings, per_tuple

HOME_FRONT_SHARE = 0.3  # share of a state's strength that a collapsed home front (stability 0)
# takes away (tuned)
BASING_SHARE = 0.15  # share of a guest's forces that fights for its host (tuned; stronger_wins,
# mid_war, weakly)
EXERCISE_BONUS = 0.10  # strength added to partners in joint exercises fighting side by side
# (tuned)

# an ally's reliability, as observers judge it (tuned; mid_war, pact_honoured, weakly)
RELIABILITY_BASE = 0.1
RELIABILITY_PER_REPUTATION = 0.5  # times reputation / 100
RELIABILITY_PER_TIES = 0.3  # times its relations with the protege / 100, when friendly
RELIABILITY_PER_CALL_HONOURED = 0.08  # each call it honoured in this crisis
RELIABILITY_PER_CALL_ABANDONED = 0.2  # taken off for each call it declined within the terms
RELIABILITY_EXERCISES = 0.1  # they exercise together: forces that train together are ready
RELIABILITY_MIN = 0.02
RELIABILITY_MAX = 0.95
PARTIAL_HELP_SHARE = 0.25  # share of an ally's strength its arms and supplies add (tuned)
VERIFICATION_EXPOSURE = 0.1  # strength lost against fellow members, times the verification
# level: inspectors have seen the forces (tuned)


def fighting_strength(x: Readings, sid: str) -> float:
    country = x.country(sid)
    home_front = (1 - HOME_FRONT_SHARE) + HOME_FRONT_SHARE * country.stability / 100
    return max(0.0, country.military) * home_front


def based_forces(x: Readings, host: str, enemy: str) -> float:
    """Guests' forces stationed in the host that would fight an attacker (not the guest itself)."""
    total = 0.0
    for t in x.active_treaties(member=host, kind=TreatyKind.BASING):
        for guest in t.members:
            if guest not in (host, enemy):
                total += BASING_SHARE * fighting_strength(x, guest)
    return total


def exposure(x: Readings, s: str, enemy: tuple[str, ...]) -> float:
    """Share of s's strength lost against `enemy` because a verified arms control treaty with
    one of them has shown where its forces are."""
    levels = [
        t.verification or 0.0
        for t in x.active_treaties(member=s, kind=TreatyKind.ARMS_CONTROL)
        if any(e in t.members for e in enemy)
    ]
    return VERIFICATION_EXPOSURE * max(levels, default=0.0)


def partial_help(x: Readings, side: tuple[str, ...], enemy: tuple[str, ...]) -> float:
    """Strength the side's members receive as arms and supplies from allies who answered their
    calls against this enemy with partial help."""
    total = 0.0
    for inv in x.invocations:
        if inv.invoker in side and inv.against in enemy:
            for ally in inv.partial_by:
                if ally not in side and ally not in enemy:
                    total += PARTIAL_HELP_SHARE * fighting_strength(x, ally)
    return total


def coalition_strength(x: Readings, side: tuple[str, ...], enemy: tuple[str, ...]) -> float:
    """A side's strength in battle: its members, guests' based forces, interoperability, allies'
    arms and supplies, less what verification has exposed."""
    total = partial_help(x, side, enemy) if enemy else 0.0
    for s in side:
        bonus = 1.0
        if any(
            m != s and m in side
            for t in x.active_treaties(member=s, kind=TreatyKind.JOINT_EXERCISES)
            for m in t.members
        ):
            bonus += EXERCISE_BONUS
        if enemy:
            bonus -= exposure(x, s, enemy)
        total += fighting_strength(x, s) * bonus
    hosts = set(side)
    for h in hosts:
        for t in x.active_treaties(member=h, kind=TreatyKind.BASING):
            for guest in t.members:
                if guest not in side and guest not in enemy:
                    total += BASING_SHARE * fighting_strength(x, guest)
    return total or 1.0


def alliance_record(x: Readings, ally: str) -> tuple[int, int]:
    """(calls honoured, calls declined within terms) by this ally so far in the crisis."""
    invocations = x.invocations
    if type(invocations) is tuple:  # an immutable state's: every ally's record, counted once
        return per_tuple(invocations, "alliance records", _alliance_records).get(ally, (0, 0))
    honoured = sum(ally in i.honoured_by for i in invocations)
    declined = sum(ally in i.declined_by for i in invocations if i.within_terms)
    return honoured, declined


def _alliance_records(invocations: tuple) -> dict[str, tuple[int, int]]:
    honoured: dict[str, int] = {}
    declined: dict[str, int] = {}
    for i in invocations:
        for ally in set(i.honoured_by):  # a state named twice counts once, as `in` counts it
            honoured[ally] = honoured.get(ally, 0) + 1
        if i.within_terms:
            for ally in set(i.declined_by):
                declined[ally] = declined.get(ally, 0) + 1
    return {a: (honoured.get(a, 0), declined.get(a, 0)) for a in {*honoured, *declined}}


def reliability(x: Readings, ally: str, protege: str) -> float:
    """How likely observers think `ally` is to defend `protege`: its reputation, their ties, its
    record in this crisis, and shared exercises (forces that train together are ready to fight)."""
    reputation = x.country(ally).reputation / 100
    ties = max(0.0, x.relation(ally, protege)) / 100
    honoured, declined = alliance_record(x, ally)
    treaties = x.treaties
    if type(treaties) is tuple:  # an immutable state's: the pairs that exercise, found once
        exercises = (ally, protege) in per_tuple(treaties, "exercise together", _exercise_pairs)
    else:
        exercises = any(
            protege in t.members
            for t in x.active_treaties(member=ally, kind=TreatyKind.JOINT_EXERCISES)
        )
    value = (
        RELIABILITY_BASE
        + RELIABILITY_PER_REPUTATION * reputation
        + RELIABILITY_PER_TIES * ties
        + RELIABILITY_PER_CALL_HONOURED * honoured
        - RELIABILITY_PER_CALL_ABANDONED * declined
        + (RELIABILITY_EXERCISES if exercises else 0.0)
    )
    return min(RELIABILITY_MAX, max(RELIABILITY_MIN, value))


def _exercise_pairs(treaties: tuple) -> frozenset[tuple[str, str]]:
    """(a, b) for every two members (the same one twice included) of a joint exercises treaty in
    force."""
    return frozenset(
        (a, b)
        for t in treaties
        if t.status == TreatyStatus.ACTIVE and t.kind == TreatyKind.JOINT_EXERCISES
        for a in t.members
        for b in t.members
    )


def defenders(x: Readings, protege: str, aggressor: str) -> list[tuple[str, TreatyKind]]:
    """(ally, treaty kind) for every partner bound to defend `protege` against `aggressor`."""
    treaties = x.treaties
    if type(treaties) is tuple:  # an immutable state's: the answer depends on its treaties alone
        asked = per_tuple(treaties, "defenders", lambda _: {})
        answer = asked.get((protege, aggressor))
        if answer is None:
            answer = asked[protege, aggressor] = tuple(_defenders(x, protege, aggressor))
        return list(answer)
    return _defenders(x, protege, aggressor)


def _defenders(x: Readings, protege: str, aggressor: str) -> list[tuple[str, TreatyKind]]:
    out: dict[str, TreatyKind] = {}
    for t in x.active_treaties(member=protege, kind=DEFENSIVE_KINDS):
        if aggressor in t.members:
            continue
        for m in t.members:
            if m != protege and m != aggressor:
                out.setdefault(m, t.kind)
    return sorted(out.items())


def expected_support(
    x: Readings, protege: str, aggressor: str, exclude: tuple[str, ...] = ()
) -> float:
    """Strength an attacker should expect to meet besides the protege's own: reliable allies'
    forces and guests' based forces."""
    treaties = x.treaties
    if type(treaties) is tuple:  # an immutable state's: who stands with whom, found once
        plans = per_tuple(treaties, "support", lambda _: {})
        plan = plans.get((protege, aggressor))
        if plan is None:
            plan = plans[protege, aggressor] = _support_plan(x, protege, aggressor)
    else:
        plan = _support_plan(x, protege, aggressor)
    guests, allies = plan
    total = 0.0  # added up in the order `based_forces`, then `defenders`, give
    for guest in guests:
        total += BASING_SHARE * fighting_strength(x, guest)
    for ally in allies:
        if ally not in exclude:
            total += reliability(x, ally, protege) * fighting_strength(x, ally)
    return total


def _support_plan(
    x: Readings, protege: str, aggressor: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The guests whose forces based on the protege's soil would fight (as `based_forces` counts
    them), and the allies bound to defend it (`defenders`)."""
    guests = tuple(
        guest
        for t in x.active_treaties(member=protege, kind=TreatyKind.BASING)
        for guest in t.members
        if guest not in (protege, aggressor)
    )
    return guests, tuple(ally for ally, _ in _defenders(x, protege, aggressor))


def nuclear_umbrella(x: Readings, protege: str, aggressor: str) -> tuple[float, str | None]:
    """(reliability, ally) of the most reliable nuclear-armed ally bound to defend `protege`
    against `aggressor`: how far its deterrent extends over the protege; (0, None) if none."""
    best: tuple[float, str | None] = (0.0, None)
    for ally, _ in defenders(x, protege, aggressor):
        if x.scenario.state(ally).nuclear:
            best = max(best, (reliability(x, ally, protege), ally))
    return best
