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
    # a bargain over the issues at stake (concessions, a side payment); it binds while in force
    DEAL = "deal"

    @property
    def words(self) -> str:
        """As players call it: "non-aggression pact"."""
        return TREATY_WORDS[self]


TREATY_WORDS = {
    TreatyKind.ALLIANCE: "alliance",
    TreatyKind.DEFENSE_PACT: "defense pact",
    TreatyKind.NON_AGGRESSION: "non-aggression pact",
    TreatyKind.BASING: "basing agreement",
    TreatyKind.INTELLIGENCE_SHARING: "intelligence-sharing agreement",
    TreatyKind.JOINT_EXERCISES: "joint exercises agreement",
    TreatyKind.ARMS_CONTROL: "arms control treaty",
    TreatyKind.CEASEFIRE: "ceasefire",
    TreatyKind.PEACE: "peace agreement",
    TreatyKind.DEAL: "deal",
}

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
    SETTLED = "settled"  # its demand was met by a deal: the target bargained rather than gave in


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
    AGENDA = "agenda"  # put the situation on the Council's agenda: a procedural vote
    SETTLE = "settle"  # call on the parties to settle (Chapter VI): the parties abstain

    @property
    def words(self) -> str:
        """In plain words: "authorize force"."""
        return RESOLUTION_WORDS.get(self, self.value.replace("_", " "))


RESOLUTION_WORDS = {
    ResolutionKind.AGENDA: "put on its agenda",
    ResolutionKind.SETTLE: "call for a settlement of",
}
# UN Charter Art. 27(2): procedural matters need nine votes, and a permanent member's "no" is no
# veto; Art. 27(3): in decisions under Chapter VI a party to a dispute abstains
PROCEDURAL_KINDS = (ResolutionKind.AGENDA,)
CHAPTER_VI_KINDS = (ResolutionKind.SETTLE,)


class AllyHelp(StrEnum):
    """How an ally answers a call: fight at its side, send arms and supplies only (partial help),
    or, declining, restrain the invoker and press both sides to a ceasefire."""

    FULL = "full"
    PARTIAL = "partial"
    RESTRAIN = "restrain"


class Reach(StrEnum):
    """How far a state can project force: anywhere, its own region, or its neighbours only."""

    LOCAL = "local"
    REGIONAL = "regional"
    GLOBAL = "global"


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


class IssueKind(StrEnum):
    """What an issue at stake is about (scenario files write these words)."""

    ACCESS = "access"  # passage, transit, markets
    TERRITORY = "territory"
    PROTECTION = "protection"  # a population's safety: killings stopped or not
    INSPECTIONS = "inspections"
    BASING = "basing"
    LEADERSHIP = "leadership"  # a leader's or a government's fate
    POLICY = "policy"


class Threat(StrEnum):
    """What an ultimatum threatens if it is defied: force, or sanctions of a measure (the issuer
    must carry out that threat, or one at least as hard, for the ultimatum to count as enforced)."""

    FORCE = "force"
    TRADE = "trade"
    FINANCIAL = "financial"
    ASSETS = "assets"


class OrderStatus(StrEnum):
    """What became of an order: carried out, or void (illegal, with the reason)."""

    APPLIED = "applied"
    VOID = "void"
