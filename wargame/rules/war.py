"""War itself: how a war begins, who joins it, each turn's battle, and how it ends.

A clash becomes a war in the force phase (military.py); from then on, each turn is a battle whose
odds follow the coalitions' capability ratio with diminishing returns, so the stronger side
usually but not always prevails. A side that has won two more turns than it lost wins the war; a
ceasefire or peace signed by the two ends it without a victor (agreements.py). Allies who honoured
a call fight from the first turn (alliances.py).

This module imports neither the agreements nor the military module, which both use it. Its step
belongs to the military family, as players see it (military.py declares it).

The battle model is tuned to the Correlates of War figures (COW inter-state wars v4.0 with NMC
v7.0): the stronger coalition wins about 65% of wars, about 80% at 9:1 odds.
"""

from __future__ import annotations

import math
from enum import StrEnum

from ..draft import TurnDraft
from ..enums import Rung, Side, Stat, TreatyKind, TreatyStatus, WarEnd
from ..moves import Phase, Step, TurnOrders
from ..state import Dispute, Readings, War
from .power import coalition_strength

BATTLE_EDGE = 0.076  # battle odds per unit of log capability ratio: 9:1 gives 2:1 odds per turn
# (tuned to COW; stronger_wins, stronger_wins_9to1)
# a turn's odds stay within these bounds, so the weaker side always has a chance; they bind only
# beyond about 100:1 (tuned)
BATTLE_ODDS_MIN = 0.15
BATTLE_ODDS_MAX = 0.85
FRONT_STEP = 25.0  # the front moves this far towards the side that wins a turn...
FRONT_DECISIVE = 50.0  # ... and two more turns won than lost decide the war (tuned; stronger_wins)
BATTLE_LOSS_LOSER = 0.06  # share of its forces a side loses in a lost turn (tuned)
BATTLE_LOSS_WINNER = 0.03  # ... in a won turn (tuned)
BATTLE_CASUALTIES = 60  # casualties per unit of capability lost in battle (tuned)
WAR_ECONOMY_COST = 0.02  # share of the economy every belligerent loses each turn (tuned)
WAR_TENSION = 15.0  # tension added when a war breaks out (tuned)
BATTLE_TENSION = 3.0  # tension added by each turn of fighting (tuned)
VICTORY_STABILITY = 5.0  # the winners' stability gained (tuned)
DEFEAT_STABILITY = -12.0  # the losers' stability change (tuned)


class WarEvent(StrEnum):
    BEGAN = "WarBegan"
    JOINED = "WarJoined"
    BATTLE_FOUGHT = "BattleFought"
    ENDED = "WarEnded"


# --- strength and odds -------------------------------------------------------------------------


def side_strength(x: Readings, side: tuple[str, ...], enemy: tuple[str, ...] = ()) -> float:
    return coalition_strength(x, side, enemy)


def battle_odds(strength_a: float, strength_b: float) -> float:
    """Chance side a wins one turn's fighting: diminishing returns on the capability ratio
    (even odds between equals)."""
    edge = 0.5 + BATTLE_EDGE * math.log(strength_a / strength_b)
    return min(BATTLE_ODDS_MAX, max(BATTLE_ODDS_MIN, edge))


def _own_side(
    side_a: tuple[str, ...], side_b: tuple[str, ...], sa: float, sb: float
) -> dict[str, dict[str, float]]:
    """Each belligerent learns its own side's strength (which tells the others' true forces to
    no one else)."""
    mine = {s: {"your side's strength": sa} for s in side_a}
    return mine | {s: {"your side's strength": sb} for s in side_b}


def _balance_numbers(sa: float, sb: float, share: float | None = None) -> dict[str, float]:
    """The true balance of a war, for the facilitator's eyes."""
    numbers = {"attackers' strength": sa, "defenders' strength": sb}
    return numbers if share is None else numbers | {"stronger side's share": share}


def _balance(x: Readings, side_a: tuple[str, ...], side_b: tuple[str, ...]):
    """(attackers' strength, defenders' strength, the stronger side, its share of the two)."""
    sa, sb = side_strength(x, side_a, side_b), side_strength(x, side_b, side_a)
    return sa, sb, Side.A if sa >= sb else Side.B, max(sa, sb) / (sa + sb)


# --- a war begins, allies join -----------------------------------------------------------------


def standing_allies(draft: TurnDraft, protege: str, aggressor: str) -> tuple[str, ...]:
    """Allies who answered the protege's call against this aggressor and are bound to fight."""
    out = []
    for inv in draft.invocations:
        if inv.invoker == protege and inv.against == aggressor:
            t = draft.treaties.find(inv.treaty_id)
            for ally in inv.honoured_by:
                if (
                    t is not None
                    and t.status == TreatyStatus.ACTIVE
                    and ally not in out
                    and ally != aggressor
                ):
                    out.append(ally)
    return tuple(out)


def begin_war(
    draft: TurnDraft, d: Dispute, numbers: dict[str, float], secret: dict[str, float]
) -> War:
    """The dispute `d` becomes a war, with the target's standing allies at its side; `numbers`
    and `secret` are the odds that made it one (what states may see, what only the facilitator
    sees). Its first turn of fighting is the clash itself."""
    side_a = (d.initiator,)
    side_b = (d.target, *standing_allies(draft, d.target, d.initiator))
    sa, sb, stronger, share = _balance(draft, side_a, side_b)
    war = War(
        draft.new_id("w"),
        side_a,
        side_b,
        draft.turn,
        stronger_share=share,
        stronger=stronger,
    )
    draft.wars.append(war)
    draft.disputes.replace(d, war_id=war.id, rung=Rung.WAR)
    draft.reach(Rung.WAR)
    draft.shift_tension(WAR_TENSION, among=(*side_a, *side_b))
    joined = side_b[1:]
    allies = (
        f"; {draft.names(joined)} fought at {draft.name(d.target)}'s side as promised."
        if joined
        else "."
    )
    draft.emit(
        WarEvent.BEGAN,
        f"War broke out between {draft.name(d.initiator)} and {draft.name(d.target)}{allies}",
        (*side_a, *side_b),
        numbers,
        private=_own_side(side_a, side_b, sa, sb),
        secret=secret | _balance_numbers(sa, sb, share),
    )
    battle(draft, war)  # the clash that became a war is its first turn of fighting
    return war


def join_war(draft: TurnDraft, war: War, ally: str, side_of: str) -> War:
    """`ally` enters the war at `side_of`'s side; the balance of the two sides is recorded again."""
    if side_of in war.side_a:
        side_a, side_b = (*war.side_a, ally), war.side_b
    else:
        side_a, side_b = war.side_a, (*war.side_b, ally)
    sa, sb, stronger, share = _balance(draft, side_a, side_b)
    war = draft.wars.replace(
        war, side_a=side_a, side_b=side_b, stronger=stronger, stronger_share=share
    )
    draft.emit(
        WarEvent.JOINED,
        f"{draft.name(ally)} entered the war on the side of {draft.name(side_of)}.",
        (ally, side_of),
        private=_own_side(side_a, side_b, sa, sb),
        secret=_balance_numbers(sa, sb, share),
    )
    return war


# --- the fighting ------------------------------------------------------------------------------


def fight_wars(draft: TurnDraft, _orders: TurnOrders) -> None:
    """One turn of fighting for each war begun before this turn."""
    for war in list(draft.wars):
        if war.ended_turn is None and war.started_turn < draft.turn:
            battle(draft, war)


def battle(draft: TurnDraft, war: War) -> None:
    """One turn's fighting: the odds follow the coalitions' strength; two more won turns than
    lost decide the war."""
    sa, sb = (
        side_strength(draft, war.side_a, war.side_b),
        side_strength(draft, war.side_b, war.side_a),
    )
    p = battle_odds(sa, sb)
    won, roll = draft.rng.roll(p)
    front = war.front + (FRONT_STEP if won else -FRONT_STEP)
    winners, losers = (war.side_a, war.side_b) if won else (war.side_b, war.side_a)
    for s in (*war.side_a, *war.side_b):
        country = draft.country(s)
        dead = country.military * (BATTLE_LOSS_LOSER if s in losers else BATTLE_LOSS_WINNER)
        country.shift(Stat.MILITARY, -dead)
        country.casualties += int(dead * BATTLE_CASUALTIES)
        country.scale(Stat.ECONOMY, 1 - WAR_ECONOMY_COST)
    war = draft.wars.replace(war, front=front)
    draft.reach(Rung.WAR)
    draft.shift_tension(BATTLE_TENSION, among=(*war.side_a, *war.side_b))
    draft.emit(
        WarEvent.BATTLE_FOUGHT,
        f"{draft.names(winners)} had the better of the fighting against {draft.names(losers)} "
        "this turn.",
        (*war.side_a, *war.side_b),
        {"roll": roll, "front (+ favours attackers)": front},
        private=_own_side(war.side_a, war.side_b, sa, sb),
        secret=_balance_numbers(sa, sb) | {"attackers' chance": p},
    )
    if abs(front) >= FRONT_DECISIVE:
        end_war(draft, war, Side.A if front > 0 else Side.B, WarEnd.VICTORY)


# --- the end of a war --------------------------------------------------------------------------


def _names(draft: TurnDraft, side: tuple[str, ...]) -> str:
    return draft.names(side)


def end_war(draft: TurnDraft, war: War, winner: Side, how: WarEnd) -> None:
    """The war ends; with a victor, the winners rally and the losers have backed down."""
    draft.wars.replace(war, ended_turn=draft.turn, winner=winner, ended_by=how)
    for d in list(draft.disputes):
        if d.war_id == war.id and d.ended_turn is None:
            draft.disputes.replace(d, ended_turn=draft.turn)
    if winner in (Side.A, Side.B):
        winners, losers = (war.side_a, war.side_b) if winner == Side.A else (war.side_b, war.side_a)
        for s in winners:
            draft.country(s).shift(Stat.STABILITY, VICTORY_STABILITY)
        for s in losers:
            loser = draft.country(s)
            loser.shift(Stat.STABILITY, DEFEAT_STABILITY)
            loser.backed_down += 1
        text = f"{_names(draft, winners)} won the war against {_names(draft, losers)}."
    else:
        text = (
            f"The war between {_names(draft, war.side_a)} and {_names(draft, war.side_b)} "
            "ended without a victor."
        )
    draft.emit(
        WarEvent.ENDED,
        text,
        (*war.side_a, *war.side_b),
        {"front": war.front},
        secret={"stronger side's share": war.stronger_share},
    )


def end_hostilities(draft: TurnDraft, parties: tuple[str, ...], how: WarEnd) -> None:
    """A signed ceasefire or peace ends the wars and disputes among its parties (`how` is the
    settlement's kind: ceasefire or peace)."""
    for war in list(draft.wars):
        if (
            war.ended_turn is None
            and set(war.side_a) & set(parties)
            and set(war.side_b) & set(parties)
        ):
            draft.wars.replace(war, ended_turn=draft.turn, winner=Side.DRAW, ended_by=how)
            draft.emit(
                WarEvent.ENDED,
                f"The war between {_names(draft, war.side_a)} and {_names(draft, war.side_b)} "
                f"ended in a {'peace treaty' if how == WarEnd.PEACE else how}.",
                (*war.side_a, *war.side_b),
                {"front": war.front},
            )
    for d in list(draft.disputes):
        if d.ended_turn is None and d.initiator in parties and d.target in parties:
            draft.disputes.replace(d, ended_turn=draft.turn)


def settlement_kind(x: Readings, a: str, b: str) -> TreatyKind | None:
    """What a third party (a mediator, a restraining ally, the Security Council) puts to two
    states: a ceasefire to states at war, else a non-aggression pact; None when the two already
    have one in force."""
    at_war = x.war_between(a, b) is not None
    settling = (
        (TreatyKind.CEASEFIRE,)
        if at_war
        else (TreatyKind.NON_AGGRESSION, TreatyKind.CEASEFIRE, TreatyKind.PEACE)
    )
    if any({a, b} <= set(t.members) for t in x.active_treaties(kind=settling)):
        return None
    return TreatyKind.CEASEFIRE if at_war else TreatyKind.NON_AGGRESSION


WARS = Step(Phase.WARS, fight_wars)  # wars already under way fight before new clashes start
