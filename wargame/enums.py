"""The game's closed vocabularies: kinds, statuses, stages, votes and measures.

Each is a `StrEnum` (or an `IntEnum` for the ordered escalation ladder), so a member compares equal
to its plain value, is written to JSON and hashed as that value, and scenario files and saved
sessions keep the words they always had. Rules compare members, never string literals.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Rung(IntEnum):
    """The escalation ladder, lowest first. A state's `escalation` is a rung's position."""

    PEACE = 0
    PROTEST = 1
    COERCION = 2
    MILITARY_SIGNALLING = 3
    LIMITED_FORCE = 4
    WAR = 5
    NUCLEAR_THREAT = 6

    @property
    def word(self) -> str:
        """The rung as scenario files write it: "military_signalling"."""
        return self.name.lower()

    @property
    def words(self) -> str:
        """The rung in plain words: "military signalling"."""
        return self.word.replace("_", " ")

    @classmethod
    def named(cls, word: str) -> Rung:
        return cls[word.upper()]


ESCALATION_RUNGS = tuple(r.word for r in Rung)


class Regime(StrEnum):
    DEMOCRACY = "democracy"
    HYBRID = "hybrid"
    AUTOCRACY = "autocracy"


class Doctrine(StrEnum):
    HAWK = "hawk"
    DOVE = "dove"
    REALIST = "realist"
    INSTITUTIONALIST = "institutionalist"


class TreatyKind(StrEnum):
    ALLIANCE = "alliance"
    DEFENSE_PACT = "defense_pact"
    NON_AGGRESSION = "non_aggression"
    BASING = "basing"
    INTELLIGENCE_SHARING = "intelligence_sharing"
    JOINT_EXERCISES = "joint_exercises"
    ARMS_CONTROL = "arms_control"
    CEASEFIRE = "ceasefire"
    PEACE = "peace"

    @property
    def words(self) -> str:
        """In plain words: "non aggression"."""
        return self.value.replace("_", " ")


DEFENSIVE_KINDS = (TreatyKind.ALLIANCE, TreatyKind.DEFENSE_PACT)
SETTLEMENT_KINDS = (TreatyKind.CEASEFIRE, TreatyKind.PEACE)


class CasusFoederis(StrEnum):
    """When an alliance obliges its members: only when a member is attacked, or in any clash."""

    DEFENSIVE = "defensive"
    ANY = "any"


class TreatyStatus(StrEnum):
    ACTIVE = "active"
    BROKEN = "broken"
    ENDED = "ended"


class ProposalStatus(StrEnum):
    OPEN = "open"
    SIGNED = "signed"
    REJECTED = "rejected"
    EXPIRED = "expired"


class Measure(StrEnum):
    """What sanctions cut: all trade, the target's assets abroad, or its access to finance."""

    TRADE = "trade"
    ASSETS = "assets"
    FINANCIAL = "financial"


class SanctionsStage(StrEnum):
    THREATENED = "threatened"
    IMPOSED = "imposed"
    CONCEDED = "conceded"
    LIFTED = "lifted"
    DROPPED = "dropped"


LIVE_STAGES = (SanctionsStage.THREATENED, SanctionsStage.IMPOSED)  # still pressing on the target


class CostLevel(StrEnum):
    """How hard sanctions bite, as TIES codes the cost to the target."""

    MINOR = "minor"
    MAJOR = "major"
    SEVERE = "severe"


class ResolutionKind(StrEnum):
    CONDEMN = "condemn"
    SANCTION = "sanction"
    AUTHORIZE_FORCE = "authorize_force"
    PEACEKEEPING = "peacekeeping"

    @property
    def words(self) -> str:
        """In plain words: "authorize force"."""
        return self.value.replace("_", " ")


class Vote(StrEnum):
    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"


class DraftStatus(StrEnum):
    """A Security Council draft: tabled, then adopted, failed or vetoed."""

    TABLED = "tabled"
    ADOPTED = "adopted"
    FAILED = "failed"
    VETOED = "vetoed"


class MediationStatus(StrEnum):
    OFFERED = "offered"
    ACTIVE = "active"
    DECLINED = "declined"
    ENDED = "ended"


class UltimatumStatus(StrEnum):
    PENDING = "pending"
    COMPLIED = "complied"
    DEFIED = "defied"  # awaiting enforcement
    ENFORCED = "enforced"
    BACKED_DOWN = "backed_down"


class Side(StrEnum):
    """A war's sides: "a" the attackers, "b" the defenders; a draw has no winner."""

    A = "a"
    B = "b"
    DRAW = "draw"


class WarEnd(StrEnum):
    VICTORY = "victory"
    CEASEFIRE = "ceasefire"
    PEACE = "peace"
    EXHAUSTION = "exhaustion"


class Stat(StrEnum):
    """A country's figures that rules raise and lower, each kept within its bounds.
    The value is the attribute's name on a country record."""

    MILITARY = "military"
    ECONOMY = "economy"
    STABILITY = "stability"
    REPUTATION = "reputation"
    BUILDUP = "buildup"

    @property
    def bounds(self) -> tuple[float, float]:
        return STAT_BOUNDS[self]


STAT_BOUNDS = {
    Stat.MILITARY: (0.0, 2000.0),
    Stat.ECONOMY: (1.0, 20000.0),
    Stat.STABILITY: (0.0, 100.0),
    Stat.REPUTATION: (0.0, 100.0),
    Stat.BUILDUP: (0.0, 10.0),
}
RELATION_BOUNDS = (-100.0, 100.0)
TENSION_BOUNDS = (0.0, 100.0)


class OrderStatus(StrEnum):
    """What became of an order: carried out, or void (illegal, with the reason)."""

    APPLIED = "applied"
    VOID = "void"
