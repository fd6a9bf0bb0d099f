"""Order types: what a seat can do in a turn.

Orders are plain typed data, named in the imperative. Whether an order is legal, and what it does,
is decided by the rules module of its family (see `rules/`). Orders travel as dicts
({"kind": "ImposeSanctions", "actor": ..., ...}) in the session log and between processes.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass
from typing import Any, ClassVar

MEASURES = ("trade", "assets", "financial")
RESOLUTION_KINDS = ("condemn", "sanction", "authorize_force", "peacekeeping")
VOTES = ("yes", "no", "abstain")
MAX_ACTIONS_PER_TURN = 4  # messages are free; everything else counts
MAX_MESSAGE_CHARS = 2000


@dataclass(frozen=True, slots=True)
class Order:
    actor: str
    family: ClassVar[str] = ""
    costs_action: ClassVar[bool] = True
    label: ClassVar[str] = ""

    @property
    def kind(self) -> str:
        return type(self).__name__

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            data[f.name] = list(value) if isinstance(value, tuple) else value
        return data

    def targets(self) -> tuple[str, ...]:
        """The states this order is aimed at (for the map and for legality)."""
        out = []
        for name in ("target", "against", "beneficiary"):
            value = getattr(self, name, None)
            if isinstance(value, str):
                out.append(value)
        for name in ("to", "between"):
            out.extend(getattr(self, name, ()) or ())
        return tuple(out)


# --- diplomacy ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SendMessage(Order):
    to: tuple[str, ...] = ()
    text: str = ""
    public: bool = False
    family: ClassVar[str] = "diplomacy"
    costs_action: ClassVar[bool] = False
    label: ClassVar[str] = "Send a message"


@dataclass(frozen=True, slots=True)
class BackChannel(Order):
    target: str = ""
    family: ClassVar[str] = "diplomacy"
    label: ClassVar[str] = "Open back-channel (Track II) talks"


@dataclass(frozen=True, slots=True)
class IssueUltimatum(Order):
    target: str = ""
    demand: str = ""
    family: ClassVar[str] = "diplomacy"
    label: ClassVar[str] = "Issue a public ultimatum"


@dataclass(frozen=True, slots=True)
class AnswerUltimatum(Order):
    ultimatum: str = ""
    comply: bool = False
    family: ClassVar[str] = "diplomacy"
    costs_action: ClassVar[bool] = False
    label: ClassVar[str] = "Answer an ultimatum"


@dataclass(frozen=True, slots=True)
class OfferMediation(Order):
    between: tuple[str, ...] = ()
    family: ClassVar[str] = "diplomacy"
    label: ClassVar[str] = "Offer to mediate"


@dataclass(frozen=True, slots=True)
class AnswerMediation(Order):
    mediation: str = ""
    accept: bool = True
    family: ClassVar[str] = "diplomacy"
    costs_action: ClassVar[bool] = False
    label: ClassVar[str] = "Answer an offer of mediation"


# --- agreements --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProposeAgreement(Order):
    to: tuple[str, ...] = ()
    treaty: str = "non_aggression"  # one of TREATY_KINDS
    cap: float | None = None
    verification: float | None = None
    note: str = ""
    family: ClassVar[str] = "agreements"
    label: ClassVar[str] = "Propose an agreement"

    def __post_init__(self) -> None:
        # terms are floats whoever builds the order (220 and 220.0 must resolve and hash alike)
        for name in ("cap", "verification"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, bool) and isinstance(value, int):
                object.__setattr__(self, name, float(value))


@dataclass(frozen=True, slots=True)
class AnswerProposal(Order):
    proposal: str = ""
    accept: bool = True
    family: ClassVar[str] = "agreements"
    costs_action: ClassVar[bool] = False
    label: ClassVar[str] = "Answer a proposal"


@dataclass(frozen=True, slots=True)
class BreakTreaty(Order):
    treaty: str = ""
    family: ClassVar[str] = "agreements"
    label: ClassVar[str] = "Withdraw from a treaty"


# --- sanctions ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ThreatenSanctions(Order):
    target: str = ""
    measure: str = "trade"
    family: ClassVar[str] = "sanctions"
    label: ClassVar[str] = "Threaten sanctions"


@dataclass(frozen=True, slots=True)
class ImposeSanctions(Order):
    target: str = ""
    measure: str = "trade"
    family: ClassVar[str] = "sanctions"
    label: ClassVar[str] = "Impose sanctions"


@dataclass(frozen=True, slots=True)
class JoinSanctions(Order):
    episode: str = ""
    family: ClassVar[str] = "sanctions"
    label: ClassVar[str] = "Join others' sanctions"


@dataclass(frozen=True, slots=True)
class LiftSanctions(Order):
    episode: str = ""
    family: ClassVar[str] = "sanctions"
    label: ClassVar[str] = "Lift sanctions"


@dataclass(frozen=True, slots=True)
class ConcedeToSanctions(Order):
    episode: str = ""
    family: ClassVar[str] = "sanctions"
    label: ClassVar[str] = "Give in to sanctions"


# --- alliances ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InvokeAlliance(Order):
    treaty: str = ""
    against: str = ""
    family: ClassVar[str] = "alliances"
    label: ClassVar[str] = "Invoke an alliance"


@dataclass(frozen=True, slots=True)
class AnswerInvocation(Order):
    invocation: str = ""
    honour: bool = True
    family: ClassVar[str] = "alliances"
    costs_action: ClassVar[bool] = False
    label: ClassVar[str] = "Answer an ally's call"


# --- military and great power competition ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MobilizeForces(Order):
    target: str = ""
    family: ClassVar[str] = "military"
    label: ClassVar[str] = "Mobilize forces (show of force)"


@dataclass(frozen=True, slots=True)
class Attack(Order):
    target: str = ""
    family: ClassVar[str] = "military"
    label: ClassVar[str] = "Use military force"


@dataclass(frozen=True, slots=True)
class BuildUp(Order):
    family: ClassVar[str] = "military"
    label: ClassVar[str] = "Military build-up"


@dataclass(frozen=True, slots=True)
class Disarm(Order):
    family: ClassVar[str] = "military"
    label: ClassVar[str] = "Reduce forces"


@dataclass(frozen=True, slots=True)
class ProxySupport(Order):
    target: str = ""
    family: ClassVar[str] = "military"
    label: ClassVar[str] = "Covert support for the target's opponents"


# --- arms control ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CheatOnArmsControl(Order):
    treaty: str = ""
    family: ClassVar[str] = "arms_control"
    label: ClassVar[str] = "Secretly exceed an arms cap"


@dataclass(frozen=True, slots=True)
class RequestInspection(Order):
    treaty: str = ""
    target: str = ""
    family: ClassVar[str] = "arms_control"
    label: ClassVar[str] = "Request an inspection"


# --- international organizations ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TableResolution(Order):
    resolution: str = "condemn"  # one of RESOLUTION_KINDS
    target: str = ""
    population: str = ""
    family: ClassVar[str] = "organizations"
    label: ClassVar[str] = "Table a Security Council draft"


@dataclass(frozen=True, slots=True)
class CastVote(Order):
    draft: str = ""
    vote: str = "abstain"
    family: ClassVar[str] = "organizations"
    costs_action: ClassVar[bool] = False
    label: ClassVar[str] = "Vote on a draft resolution"


@dataclass(frozen=True, slots=True)
class RegionalAppeal(Order):
    organization: str = ""
    target: str = ""
    family: ClassVar[str] = "organizations"
    label: ClassVar[str] = "Ask a regional organization to condemn"


# --- humanitarian ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Intervene(Order):
    population: str = ""
    family: ClassVar[str] = "humanitarian"
    label: ClassVar[str] = "Humanitarian intervention"


# --- soft power --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PublicDiplomacy(Order):
    target: str = ""
    family: ClassVar[str] = "soft_power"
    label: ClassVar[str] = "Public diplomacy campaign"


@dataclass(frozen=True, slots=True)
class CulturalExchange(Order):
    target: str = ""
    family: ClassVar[str] = "soft_power"
    label: ClassVar[str] = "Cultural and educational exchange"


@dataclass(frozen=True, slots=True)
class SendAid(Order):
    target: str = ""
    family: ClassVar[str] = "soft_power"
    label: ClassVar[str] = "Send aid"


ORDER_TYPES: dict[str, type[Order]] = {
    cls.__name__: cls
    for cls in (
        SendMessage,
        BackChannel,
        IssueUltimatum,
        AnswerUltimatum,
        OfferMediation,
        AnswerMediation,
        ProposeAgreement,
        AnswerProposal,
        BreakTreaty,
        ThreatenSanctions,
        ImposeSanctions,
        JoinSanctions,
        LiftSanctions,
        ConcedeToSanctions,
        InvokeAlliance,
        AnswerInvocation,
        MobilizeForces,
        Attack,
        BuildUp,
        Disarm,
        ProxySupport,
        CheatOnArmsControl,
        RequestInspection,
        TableResolution,
        CastVote,
        RegionalAppeal,
        Intervene,
        PublicDiplomacy,
        CulturalExchange,
        SendAid,
    )
}


class OrderFormatError(ValueError):
    """An order dict that does not describe an order (unknown kind, missing or mistyped field)."""


def order_from_dict(data: Any) -> Order:
    if not isinstance(data, dict):
        raise OrderFormatError(f"an order must be a mapping, got {type(data).__name__}")
    kind = data.get("kind")
    cls = ORDER_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise OrderFormatError(f"unknown order kind {kind!r}")
    hints = _type_hints(cls)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            if f.default is dataclasses.MISSING:
                raise OrderFormatError(f"{kind}: field {f.name!r} is required")
            continue
        values[f.name] = _coerce(kind, f.name, hints[f.name], data[f.name])
    extra = set(data) - {"kind"} - {f.name for f in dataclasses.fields(cls)}
    if extra:
        raise OrderFormatError(f"{kind}: unknown field(s) {', '.join(sorted(extra))}")
    return cls(**values)


@functools.cache
def _type_hints(cls: type[Order]) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _coerce(kind: str, name: str, hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in typing.get_args(hint):
            return None
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
        origin = typing.get_origin(hint)
    if origin is tuple:
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise OrderFormatError(f"{kind}.{name}: expected a list of state ids")
        return tuple(value)
    if hint is bool:
        if not isinstance(value, bool):
            raise OrderFormatError(f"{kind}.{name}: expected true or false")
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise OrderFormatError(f"{kind}.{name}: expected a number")
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise OrderFormatError(f"{kind}.{name}: expected text")
        return value
    raise OrderFormatError(f"{kind}.{name}: unsupported field type")
