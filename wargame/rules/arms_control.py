"""Arms control: caps with verification, compliance or cheating, inspections and detection.

A member may secretly build beyond its treaty's cap. Each turn it stays over the cap it risks
detection with a probability that rises with the treaty's verification level; an inspection
request adds a second, more intrusive look, and the other members' intelligence-sharing partners
add their eyes. Detection breaks the treaty, wrecks trust with every member and raises tension;
an inspection that finds a member within its cap raises its reputation.

Verification has a price: transparency against security. Every turn a treaty is in force, each
member pays for the verification regime (inspectors, data exchanges, monitoring stations) in
proportion to its level, and inspectors who know where a member's forces are make them less
effective against the other members if it comes to a fight (power.VERIFICATION_EXPOSURE). That
is why states haggle over verification, and why the intrusive regimes are the hardest to agree.

A member may also leave lawfully: it gives notice (the withdrawal clauses of the ABM Treaty,
Art. XV, and the NPT, Art. X), stays bound by the cap until the notice period ends, and then
leaves without a breach: the others are displeased and tension rises, but no obligation is
broken. Cheating, by contrast, is a breach when detected.

Every figure below was set by hand (tuned); none moves a row of `wargame calibrate`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..draft import TurnDraft
from ..enums import Stat, TreatyKind, TreatyStatus
from ..moves import Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..state import GameState, Treaty
from .agreements import breach
from .military import BUILDUP_COST, BUILDUP_GAIN  # cheating is a build-up kept secret

DETECTION_BASE = 0.1  # chance a member over its cap is caught in a turn, at no verification (tuned)
DETECTION_PER_VERIFICATION = 0.5  # ... plus this times the verification level, 0..1 (tuned)
INSPECTION_BASE = 0.1  # an inspection adds this... (tuned)
INSPECTION_PER_VERIFICATION = 0.3  # ... plus this times the verification level (tuned)
INTEL_BONUS = 0.1  # added when another member shares intelligence with partners (tuned)
DETECTION_MAX = 0.95  # no regime is certain to catch a cheat (tuned)
DETECTION_REPUTATION_COST = 10.0  # reputation lost when caught, besides the breach (tuned)
DETECTION_RELATIONS = -15.0  # with every other member, when caught (tuned)
DETECTION_TENSION = 8.0  # (tuned)
CLEARED_REPUTATION = 2.0  # gained when inspectors find a member within its cap (tuned)
CAP_TOLERANCE = 1e-9  # a member exactly at its cap is within it, whatever the rounding
VERIFICATION_UPKEEP = 0.004  # share of its economy each member pays a turn, times the
# verification level (tuned)
NOTICE_TURNS = 2  # turns between notice of withdrawal and leaving (the treaties ask three to six
# months; tuned to a game's short span)
NOTICE_REPUTATION = 1.0  # lawful, but a signal (tuned)
NOTICE_RELATIONS = 5.0  # with every other member (tuned)
NOTICE_TENSION = 3.0  # (tuned)


class ArmsControlEvent(StrEnum):
    CAP_SECRETLY_EXCEEDED = "CapSecretlyExceeded"
    INSPECTION_CLEARED = "InspectionCleared"
    CHEATING_DETECTED = "CheatingDetected"
    CHEATING_UNDETECTED = "CheatingUndetected"
    VERIFICATION_PAID = "VerificationPaid"
    NOTICE_GIVEN = "WithdrawalNoticeGiven"
    WITHDRAWAL_EFFECTIVE = "WithdrawalTookEffect"


def _arms_treaty(state: GameState, treaty_id: str, member: str) -> Treaty | None:
    t = state.treaty(treaty_id)
    if t is None or t.kind != TreatyKind.ARMS_CONTROL or member not in t.members:
        return None
    return t


def detection_chance(verification: float, inspection: bool, intelligence: bool = False) -> float:
    """Chance a member over its cap is caught this turn: rises with verification (0..1)."""
    p = (
        DETECTION_BASE
        + DETECTION_PER_VERIFICATION * verification
        + (INSPECTION_PER_VERIFICATION * verification + INSPECTION_BASE if inspection else 0.0)
        + (INTEL_BONUS if intelligence else 0.0)
    )
    return min(DETECTION_MAX, p)


# --- secretly exceeding a cap ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CheatOnArmsControl(Order):
    treaty: str = ""


def check_cheat(state: GameState, o: CheatOnArmsControl) -> str | None:
    t = _arms_treaty(state, o.treaty, o.actor)
    if t is None:
        return "you are not party to an arms control treaty with that id"
    if t.status != TreatyStatus.ACTIVE:
        return "that treaty is no longer in force; you may build up openly"
    return None


def cheat_candidates(state: GameState, seat: str):
    for t in state.active_treaties(member=seat, kind=TreatyKind.ARMS_CONTROL):
        yield CheatOnArmsControl(seat, treaty=t.id)


def cheat(draft: TurnDraft, o: CheatOnArmsControl) -> None:
    """A build-up hidden from others' estimates: seen only by the cheater."""
    actor = draft.country(o.actor)
    gain = actor.scale(Stat.MILITARY, 1 + BUILDUP_GAIN)
    spent = -actor.scale(Stat.ECONOMY, 1 - BUILDUP_COST)
    actor.hidden_military += gain
    actor.hidden_spending += spent  # off the books: others see neither the forces nor the cost
    draft.emit(
        ArmsControlEvent.CAP_SECRETLY_EXCEEDED,
        f"{draft.name(o.actor)} secretly built forces beyond its treaty cap.",
        (o.actor,),
        {"capability gained": gain, "economy spent": spent},
        visible_to=(o.actor,),
    )


# --- inspections and detection -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RequestInspection(Order):
    treaty: str = ""
    target: str = ""


def check_inspect(state: GameState, o: RequestInspection) -> str | None:
    t = _arms_treaty(state, o.treaty, o.actor)
    if t is None:
        return "you are not party to an arms control treaty with that id"
    if t.status != TreatyStatus.ACTIVE:
        return "that treaty is no longer in force"
    if o.target not in t.members or o.target == o.actor:
        return "you can only ask to inspect another member of the treaty"
    return None


def inspection_candidates(state: GameState, seat: str):
    for t in state.active_treaties(member=seat, kind=TreatyKind.ARMS_CONTROL):
        for other in t.members:
            if other != seat:
                yield RequestInspection(seat, treaty=t.id, target=other)


def detect_cheating(draft: TurnDraft, orders: TurnOrders) -> None:
    """Every member over its cap risks detection, more so when inspected; an inspection of a
    member within its cap clears it. A detected cheat breaks the treaty."""
    inspections = {(o.treaty, o.target) for o in orders.of(RequestInspection)}
    for t in list(draft.treaties):
        if t.kind != TreatyKind.ARMS_CONTROL or t.status != TreatyStatus.ACTIVE:
            continue
        for member in t.members:
            country = draft.country(member)
            over = t.cap is not None and country.military > t.cap + CAP_TOLERANCE
            inspected = (t.id, member) in inspections
            if not over:
                if inspected:
                    gained = country.shift(Stat.REPUTATION, CLEARED_REPUTATION)
                    others = draft.names(m for m in t.members if m != member)
                    draft.emit(
                        ArmsControlEvent.INSPECTION_CLEARED,
                        f"Inspectors found {draft.name(member)} within the cap of its arms "
                        f"control treaty with {others}: a commitment tested and kept.",
                        (member,),
                        {"reputation change": gained},
                    )
                continue
            watchers = [m for m in t.members if m != member]
            intelligence = any(
                draft.active_treaties(member=m, kind=TreatyKind.INTELLIGENCE_SHARING)
                for m in watchers
            )
            p = detection_chance(t.verification or 0.0, inspected, intelligence)
            caught, roll = draft.rng.roll(p)
            if caught:
                _caught(draft, t, member, watchers, inspected, intelligence, p, roll)
                break
            draft.emit(
                ArmsControlEvent.CHEATING_UNDETECTED,
                f"{draft.name(member)}'s forces beyond the cap of {_treaty(draft, t)} went unnoticed this turn.",
                (member,),
                {"chance of detection": p, "roll": roll},
                visible_to=(member,),
            )


def _caught(
    draft: TurnDraft,
    t: Treaty,
    member: str,
    watchers: list[str],
    inspected: bool,
    intelligence: bool,
    p: float,
    roll: float,
) -> None:
    country = draft.country(member)
    country.hidden_military = 0.0
    country.hidden_spending = 0.0  # the secret budget is public now too
    reputation = country.shift(Stat.REPUTATION, -DETECTION_REPUTATION_COST)
    draft.shift_tension(DETECTION_TENSION, among=(member, *watchers))
    for m in watchers:
        draft.shift_relation(member, m, DETECTION_RELATIONS)
    draft.emit(
        ArmsControlEvent.CHEATING_DETECTED,
        f"{draft.name(member)} was caught exceeding the arms cap of {_treaty(draft, t)}.",
        (member, *t.members),
        {
            "verification": t.verification or 0.0,
            "inspection": float(inspected),
            "intelligence partners watching": float(intelligence),
            "chance of detection": p,
            "roll": roll,
            "reputation change": reputation,
            "relations change with members": DETECTION_RELATIONS,
        },
    )
    breach(draft, t, member, why="was caught cheating on")


# --- the price of verification -----------------------------------------------------------------


def pay_for_verification(draft: TurnDraft, _orders: TurnOrders) -> None:
    """Each member of a treaty in force pays for its verification regime, by its level."""
    for t in draft.treaties:
        if t.kind != TreatyKind.ARMS_CONTROL or t.status != TreatyStatus.ACTIVE:
            continue
        share = VERIFICATION_UPKEEP * (t.verification or 0.0)
        if share <= 0:
            continue
        for member in t.members:
            draft.country(member).scale(Stat.ECONOMY, 1 - share)
        draft.emit(
            ArmsControlEvent.VERIFICATION_PAID,
            f"Verification under {_treaty(draft, t)} cost each member "
            f"{share:.2%} of its economy (inspectors, data exchanges, monitoring).",
            t.members,
            {"verification": t.verification or 0.0, "share of each member's economy": share},
            visible_to=t.members,
        )


# --- lawful withdrawal -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GiveNotice(Order):
    treaty: str = ""


def check_notice(state: GameState, o: GiveNotice) -> str | None:
    t = _arms_treaty(state, o.treaty, o.actor)
    if t is None:
        return "you are not party to an arms control treaty with that id"
    if t.status != TreatyStatus.ACTIVE:
        return "that treaty is no longer in force"
    if any(member == o.actor for member, _ in t.notice):
        return "you have already given notice of withdrawal from that treaty"
    return None


def notice_candidates(state: GameState, seat: str):
    for t in state.active_treaties(member=seat, kind=TreatyKind.ARMS_CONTROL):
        yield GiveNotice(seat, treaty=t.id)


def give_notice(draft: TurnDraft, o: GiveNotice) -> None:
    t = draft.treaties.find(o.treaty)
    effective = draft.turn + NOTICE_TURNS
    draft.treaties.replace(t, notice=(*t.notice, (o.actor, effective)))
    reputation = draft.country(o.actor).shift(Stat.REPUTATION, -NOTICE_REPUTATION)
    for m in t.members:
        draft.shift_relation(o.actor, m, -NOTICE_RELATIONS)
    tension = draft.shift_tension(NOTICE_TENSION, among=t.members)
    draft.emit(
        ArmsControlEvent.NOTICE_GIVEN,
        f"{draft.name(o.actor)} gave notice of its withdrawal from {_treaty(draft, t)}, "
        f"as its withdrawal clause allows: it stays bound by the cap until turn {effective}, "
        "then leaves without breaking the treaty.",
        (o.actor, *t.members),
        {
            "turn it takes effect": effective,
            "reputation change": reputation,
            "relations change with members": -NOTICE_RELATIONS,
            "tension change": tension,
        },
    )


def withdrawals_fall_due(draft: TurnDraft, _orders: TurnOrders) -> None:
    """Notices whose period has run: the member leaves; a treaty left with one member ends."""
    for t in list(draft.treaties):
        if t.status != TreatyStatus.ACTIVE or not t.notice:
            continue
        leaving = [m for m, turn in t.notice if turn <= draft.turn and m in t.members]
        if not leaving:
            continue
        remaining = tuple(m for m in t.members if m not in leaving)
        notice = tuple((m, turn) for m, turn in t.notice if m not in leaving)
        if len(remaining) >= 2:
            draft.treaties.replace(t, members=remaining, notice=notice)
        else:
            draft.treaties.replace(t, status=TreatyStatus.ENDED, notice=notice)
        draft.emit(
            ArmsControlEvent.WITHDRAWAL_EFFECTIVE,
            f"{draft.names(leaving)} left {_treaty(draft, t)} "
            "lawfully, at the end of the notice period"
            + (
                "; the treaty stays in force among the others."
                if len(remaining) >= 2
                else "; the treaty has ended."
            ),
            (*leaving, *remaining),
        )


# notices falling due, then cheating, then detection (a member who cheats this turn may be caught
# at once), then the price of verification
NOTICES_DUE = Step(Phase.ARMS_CONTROL, withdrawals_fall_due)
NOTICES = Step(Phase.ARMS_CONTROL, name="give_notice")  # each order in turn, by its `apply`
CHEATING = Step(Phase.ARMS_CONTROL)  # each order in turn, by its move's `apply`
DETECTION = Step(Phase.ARMS_CONTROL, detect_cheating)
UPKEEP = Step(Phase.ARMS_CONTROL, pay_for_verification)

FAMILY = Family(
    "arms_control",
    "Arms control",
    events=ArmsControlEvent,
    moves=(
        Move(
            CheatOnArmsControl,
            "Secretly exceed an arms cap",
            check_cheat,
            cheat_candidates,
            CHEATING,
            MoveHelp(
                what="Secretly build forces beyond your arms control cap.",
                costs="One action.",
                risks="You may be caught: the better the verification, the likelier. Being "
                "caught wrecks trust and raises tension.",
                when="Only when you are party to an arms control treaty.",
            ),
            apply=cheat,
        ),
        Move(
            RequestInspection,
            "Request an inspection",
            check_inspect,
            inspection_candidates,
            DETECTION,
            MoveHelp(
                what="Ask for an inspection of another member of an arms control treaty.",
                costs="One action.",
                risks="Raises the chance of catching a cheat. A clean report raises the "
                "inspected state's reputation.",
                when="Only when you are party to an arms control treaty.",
            ),
        ),
        Move(
            GiveNotice,
            "Give notice of withdrawal (lawful)",
            check_notice,
            notice_candidates,
            NOTICES,
            MoveHelp(
                what="Leave an arms control treaty lawfully, by its withdrawal clause: you give "
                f"notice now and leave {NOTICE_TURNS} turns later.",
                costs="One action. A little reputation; relations with the other members fall "
                "and tension rises.",
                risks="Unlike cheating or breaking the treaty, it is no breach: no obligation is "
                "broken. The cap binds you until you leave.",
                when="Only when you are party to an arms control treaty.",
            ),
            apply=give_notice,
        ),
    ),
    steps=(NOTICES_DUE, NOTICES, CHEATING, DETECTION, UPKEEP),
)


def _treaty(draft: TurnDraft, t: Treaty) -> str:
    """How players know an arms control treaty: by its members (scenario treaties have ids only)."""
    return f"the arms control treaty between {draft.names(t.members)}"
