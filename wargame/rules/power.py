"""Strength and friends: how hard a state can fight, and how much help it can expect.

Shared by the rules (war odds, battles) and by computer players (who ask the same questions of
their own, estimated, view). Every function works on the turn's draft (during resolution) or a GameState.

- Fighting strength is military capability, worn down by a weak home front.
- A guest's forces based on a host's soil fight for the host if it is attacked (a tripwire).
- Allies who exercise together fight better side by side (interoperability).
- An ally's expected help is its strength times its reliability, which observers judge from its
  reputation, its ties to the ally in need and its record of honouring or abandoning calls in
  this crisis. This is the deterrent effect of alliances: attackers count the defender's friends.
"""

from __future__ import annotations

from ..state import Readings

DEFENSIVE_KINDS = ("alliance", "defense_pact")
BASING_SHARE = 0.15  # share of a guest's forces that fights for its host
EXERCISE_BONUS = 0.10  # strength added to partners in joint exercises fighting side by side

Facts = Readings  # a GameState, or the TurnDraft a turn edits


def attr(x: Facts, sid: str, name: str) -> float:
    return getattr(x.country(sid), name)


def treaties(x: Facts, member: str, kinds: tuple[str, ...] | None = None) -> list:
    return [
        t
        for t in x.treaties
        if t.status == "active" and member in t.members and (kinds is None or t.kind in kinds)
    ]


def fighting_strength(x: Facts, sid: str) -> float:
    return max(0.0, attr(x, sid, "military")) * (0.7 + 0.3 * attr(x, sid, "stability") / 100)


def based_forces(x: Facts, host: str, enemy: str) -> float:
    """Guests' forces stationed in the host that would fight an attacker (not the guest itself)."""
    total = 0.0
    for t in treaties(x, host, ("basing",)):
        for guest in t.members:
            if guest not in (host, enemy):
                total += BASING_SHARE * fighting_strength(x, guest)
    return total


def coalition_strength(x: Facts, side: tuple[str, ...], enemy: tuple[str, ...]) -> float:
    """A side's strength in battle: its members, guests' based forces, interoperability."""
    total = 0.0
    for s in side:
        bonus = 1.0
        if any(
            m != s and m in side for t in treaties(x, s, ("joint_exercises",)) for m in t.members
        ):
            bonus += EXERCISE_BONUS
        total += fighting_strength(x, s) * bonus
    hosts = set(side)
    for h in hosts:
        for t in treaties(x, h, ("basing",)):
            for guest in t.members:
                if guest not in side and guest not in enemy:
                    total += BASING_SHARE * fighting_strength(x, guest)
    return total or 1.0


def alliance_record(x: Facts, ally: str) -> tuple[int, int]:
    """(calls honoured, calls declined within terms) by this ally so far in the crisis."""
    honoured = sum(ally in i.honoured_by for i in x.invocations)
    declined = sum(ally in i.declined_by for i in x.invocations if i.within_terms)
    return honoured, declined


def reliability(x: Facts, ally: str, protege: str) -> float:
    """How likely observers think `ally` is to defend `protege`: its reputation, their ties, its
    record in this crisis, and shared exercises (forces that train together are ready to fight)."""
    rep = attr(x, ally, "reputation") / 100
    ties = max(0.0, x.relation(ally, protege)) / 100
    honoured, declined = alliance_record(x, ally)
    exercises = any(protege in t.members for t in treaties(x, ally, ("joint_exercises",)))
    value = (
        0.1
        + 0.5 * rep
        + 0.3 * ties
        + 0.08 * honoured
        - 0.2 * declined
        + (0.1 if exercises else 0.0)
    )
    return min(0.95, max(0.02, value))


def defenders(x: Facts, protege: str, aggressor: str) -> list[tuple[str, str]]:
    """(ally, treaty kind) for every partner bound to defend `protege` against `aggressor`."""
    out: dict[str, str] = {}
    for t in treaties(x, protege, DEFENSIVE_KINDS):
        if aggressor in t.members:
            continue
        for m in t.members:
            if m != protege and m != aggressor:
                out.setdefault(m, t.kind)
    return sorted(out.items())


def expected_support(
    x: Facts, protege: str, aggressor: str, exclude: tuple[str, ...] = ()
) -> float:
    """Strength an attacker should expect to meet besides the protege's own: reliable allies'
    forces and guests' based forces."""
    total = based_forces(x, protege, aggressor)
    for ally, _ in defenders(x, protege, aggressor):
        if ally not in exclude:
            total += reliability(x, ally, protege) * fighting_strength(x, ally)
    return total
