"""Economic sanctions: threat, imposition, coalitions, costs, concession, retaliation, lifting.

The cost to the target grows with its trade dependence on the senders and with the measure's
bite (a trade embargo bites hardest, an asset freeze least); a Security Council mandate closes
loopholes. Senders pay in proportion to their own dependence on the target. Hard sanctions hurt
the target's civilians (stability falls, and senders' reputation suffers when costs are severe),
and strain a sender's relations with its friends who still trade with the target. A threat that
is neither carried out nor withdrawn lapses after a few turns and costs the sender credibility (an
empty threat). The target may hit back with counter-sanctions on a sender, which end when the
episode they answer ends. Whether the target gives in is its own decision: the rules only make
resisting costly.

The cost level of an episode (minor, major, severe) is set by what its measures, as first
threatened or imposed, inflict or would inflict on the target per turn (its `stake`): the
anticipated cost TIES codes at the threat stage. Senders who join later add to the bite but not
to the episode's level, so that the level says how hard the coercion was from the outset rather
than how much pressure a resisting target later attracted.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..draft import TurnDraft
from ..enums import LIVE_STAGES, Measure, Rung, SanctionsStage
from ..moves import Answer, Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..state import GameState, SanctionsEpisode, by_id, Readings
from .common import check_other_state, democracy_factor, others, per_scenario

# GDP % the target loses per turn per unit of trade dependence on the senders
BITE = {"trade": 6.0, "financial": 5.0, "assets": 3.5}
SENDER_PAIN = 0.5  # senders lose this fraction of the bite, scaled by their own dependence
UN_REACH = 1.4  # a Security Council mandate: every member applies it, so fewer loopholes
CIVILIAN_HARM = 0.3  # stability lost per GDP % of sanctions cost (shortages, prices)
THREAT_LIFETIME = 3  # turns before a threat not carried out lapses
EMPTY_THREAT_COST = 3.0  # reputation a sender loses when its threat lapses
CONCESSION_COST = 4.0  # stability a target loses by giving in (times the audience-cost factor)
COST_LEVELS = ((2.2, "severe"), (1.1, "major"), (0.0, "minor"))  # GDP % per turn
HEAVY_TRADE = 0.15  # share of a state's trade with a target that makes sanctions on it hurt


# --- orders ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ThreatenSanctions(Order):
    target: str = ""
    measure: Measure = Measure.TRADE


@dataclass(frozen=True, slots=True)
class ImposeSanctions(Order):
    target: str = ""
    measure: Measure = Measure.TRADE


@dataclass(frozen=True, slots=True)
class JoinSanctions(Order):
    episode: str = ""


@dataclass(frozen=True, slots=True)
class LiftSanctions(Order):
    episode: str = ""


@dataclass(frozen=True, slots=True)
class ConcedeToSanctions(Order):
    episode: str = ""


def cost_level(stake: float) -> str:
    """minor / major / severe for a cost per turn in % of the target's GDP."""
    for floor, name in COST_LEVELS:
        if stake >= floor:
            return name
    raise StopIteration  # as next() on no match did (stake is never below 0: the last floor)


def trade_share(x: Readings, a: str, b: str) -> float:
    """Share of a's trade that goes to b."""
    return x.scenario.trade_shares.get((a, b), 0.0)


def dependence(
    x: Readings,
    target: str,
    senders: tuple[str, ...] | list[str],
    un_mandated: bool = False,
) -> float:
    """The target's trade dependence on the senders (a UN mandate widens it)."""
    dep = min(1.0, sum([trade_share(x, target, s) for s in senders]))
    return min(1.0, dep * UN_REACH) if un_mandated else dep


def pressure(
    x: Readings, target: str, senders, measure: str, un_mandated: bool = False
) -> float:
    """GDP % per turn the measures cost (or would cost) the target."""
    return BITE[measure] * dependence(x, target, senders, un_mandated)


def sender_cost(x: Readings, sender: str, target: str, measure: str) -> float:
    """GDP % per turn the sender loses by cutting its own trade with the target."""
    return BITE[measure] * SENDER_PAIN * trade_share(x, sender, target)


def active_episode(state_or_board, sender: str, target: str) -> SanctionsEpisode | None:
    for e in state_or_board.sanctions:
        if e.target == target and sender in e.senders and e.stage in ("threatened", "imposed"):
            return e
    return None


def check_threaten(state: GameState, o: ThreatenSanctions) -> str | None:
    if reason := check_other_state(state, o.actor, o.target):
        return reason
    if o.measure not in tuple(Measure):
        return f"unknown measure {o.measure!r} (expected one of {', '.join(tuple(Measure))})"
    if active_episode(state, o.actor, o.target):
        return "you already threaten or sanction this state"
    return None


def check_impose(state: GameState, o: ImposeSanctions) -> str | None:
    if reason := check_other_state(state, o.actor, o.target):
        return reason
    if o.measure not in tuple(Measure):
        return f"unknown measure {o.measure!r} (expected one of {', '.join(tuple(Measure))})"
    e = active_episode(state, o.actor, o.target)
    if e is not None and e.stage == "imposed":
        return "your sanctions on this state are already in force"
    return None


def _episode(state: GameState, ident: str) -> SanctionsEpisode | None:
    return by_id(state.sanctions, ident)


def check_join(state: GameState, o: JoinSanctions) -> str | None:
    e = _episode(state, o.episode)
    if e is None or e.stage not in ("threatened", "imposed"):
        return "no sanctions with that id are in force or threatened"
    if o.actor == e.target:
        return "you cannot join sanctions against yourself"
    if o.actor in e.senders:
        return "you are already one of the senders"
    return None


def check_lift(state: GameState, o: LiftSanctions) -> str | None:
    e = _episode(state, o.episode)
    if e is None or o.actor not in e.senders or e.stage not in ("threatened", "imposed"):
        return "you have no sanctions or threat with that id to lift"
    return None


def check_concede(state: GameState, o: ConcedeToSanctions) -> str | None:
    e = _episode(state, o.episode)
    if e is None or e.target != o.actor or e.stage not in ("threatened", "imposed"):
        return "no sanctions or threat with that id are aimed at you"
    return None


# --- phases ------------------------------------------------------------------------------------


def settle_sanctions_orders(board: TurnDraft, orders: TurnOrders) -> None:
    """Concessions first (they end episodes), then lifts, threats, impositions and joins. A sender
    whose target gives in this turn does not go on to threaten or sanction it again this turn."""
    satisfied: set[tuple[str, str]] = set()
    for o in orders.of(ConcedeToSanctions):
        e = board.find(board.sanctions, o.episode)
        if e.stage in ("threatened", "imposed"):
            concede(board, e)
            satisfied.update((x, e.target) for x in e.senders)
    for o in orders.of(LiftSanctions):
        e = board.find(board.sanctions, o.episode)
        if e.stage not in ("threatened", "imposed"):
            continue
        senders = tuple(s for s in e.senders if s != o.actor)
        if senders:
            board.replace_in(board.sanctions, e, senders=senders)
            board.emit(
                "SanctionsLeft",
                f"{board.name(o.actor)} left the sanctions on {board.name(e.target)}.",
                (o.actor, e.target),
            )
        else:
            stage = "lifted" if e.stage == "imposed" else "dropped"
            board.replace_in(board.sanctions, e, stage=stage, ended_turn=board.turn)
            board.bump(o.actor, "backed_down")
            if stage == "dropped":
                board.adjust(
                    o.actor, "reputation", -EMPTY_THREAT_COST
                )  # a withdrawn threat was an empty one
            board.emit(
                "SanctionsLifted" if stage == "lifted" else "ThreatWithdrawn",
                f"{board.name(o.actor)} {'lifted its sanctions on' if stage == 'lifted' else 'withdrew its threat against'} "
                f"{board.name(e.target)} without a concession.",
                (o.actor, e.target),
                {"cost suffered by the target, % of GDP": e.cost},
            )
            _end_retaliation(board, e)
    for o in orders.of(ThreatenSanctions):
        if (o.actor, o.target) in satisfied:
            continue
        stake = pressure(board, o.target, (o.actor,), o.measure)
        e = SanctionsEpisode(
            board.new_id("s"),
            (o.actor,),
            o.target,
            o.measure,
            threatened_turn=board.turn,
            stake=stake,
        )
        board.sanctions.append(e)
        board.shift_relation(o.actor, o.target, -5)
        board.reach(Rung.COERCION)
        board.emit(
            "SanctionsThreatened",
            f"{board.name(o.actor)} threatened {board.name(o.target)} with {o.measure} sanctions "
            f"unless it changes course (id {e.id}; a {cost_level(stake)} cost if imposed).",
            (o.actor, o.target),
            {
                "target's trade dependence on sender": board.trade_share(o.target, o.actor),
                "cost if imposed, % of GDP per turn": stake,
                "sender's own cost, % of GDP per turn": sender_cost(
                    board, o.actor, o.target, o.measure
                ),
            },
        )
    for o in orders.of(ImposeSanctions):
        if (o.actor, o.target) not in satisfied:
            impose(board, o.actor, o.target, o.measure)
    for o in orders.of(JoinSanctions):
        e = board.find(board.sanctions, o.episode)
        if e.stage in ("threatened", "imposed") and o.actor not in e.senders:
            senders = (*e.senders, o.actor)
            board.replace_in(board.sanctions, e, senders=senders)
            board.shift_relation(o.actor, e.target, -5)
            board.emit(
                "SanctionsJoined",
                f"{board.name(o.actor)} joined the sanctions on {board.name(e.target)}: the coalition now has "
                f"{len(senders)} members.",
                (o.actor, e.target),
                {
                    "cost to the target, % of GDP per turn": pressure(
                        board, e.target, senders, e.measure, e.un_mandated
                    )
                },
            )


def impose(
    board: TurnDraft,
    sender: str,
    target: str,
    measure: str,
    *,
    un_mandated: bool = False,
    senders: tuple[str, ...] = (),
) -> SanctionsEpisode:
    e = active_episode(board, sender, target)
    senders = senders or (sender,)
    answered = next(
        (
            x
            for x in board.sanctions
            if x.target == sender
            and target in x.senders
            and x.stage == "imposed"
            and x.retaliation_for is None
        ),
        None,
    )
    retaliation = (
        answered.id if answered is not None and not un_mandated and len(senders) == 1 else None
    )
    if e is not None and e.stage == "threatened":
        all_senders = tuple(dict.fromkeys((*e.senders, *senders)))
        stake = (
            e.stake
            if measure == e.measure and not un_mandated
            else pressure(board, target, all_senders, measure, un_mandated)
        )
        e = board.replace_in(
            board.sanctions,
            e,
            stage="imposed",
            imposed_turn=board.turn,
            measure=measure,
            senders=all_senders,
            un_mandated=un_mandated,
            stake=stake,
        )
    else:
        stake = pressure(board, target, senders, measure, un_mandated)
        e = SanctionsEpisode(
            board.new_id("s"),
            senders,
            target,
            measure,
            threatened_turn=None,
            imposed_turn=board.turn,
            stage="imposed",
            un_mandated=un_mandated,
            stake=stake,
            retaliation_for=retaliation,
        )
        board.sanctions.append(e)
    for s in senders:
        board.shift_relation(s, target, -10)
    board.reach(Rung.COERCION)
    dep = dependence(board, target, e.senders, un_mandated)
    if e.retaliation_for:
        text = (
            f"{board.name(sender)} hit back at {board.name(target)} with counter-sanctions ({measure}; id {e.id}): "
            f"they last as long as the sanctions they answer."
        )
        kind = "SanctionsRetaliated"
    else:
        text = (
            f"{', '.join(board.name(s) for s in e.senders)} imposed {measure} sanctions on {board.name(target)}"
            f"{' under a Security Council mandate' if un_mandated else ''} (id {e.id}; a {cost_level(e.stake)} cost)."
        )
        kind = "SanctionsImposed"
    board.emit(
        kind,
        text,
        (*e.senders, target),
        {
            "target's trade dependence on senders": dep,
            "bite of the measure": BITE[measure],
            "cost to the target, % of GDP per turn": e.stake,
        },
    )
    return e


def concede(board: TurnDraft, e: SanctionsEpisode) -> None:
    at_threat = e.stage == "threatened"
    board.replace_in(board.sanctions, e, stage="conceded", ended_turn=board.turn)
    cost = CONCESSION_COST * democracy_factor(e.target, board.scenario)
    board.adjust(e.target, "stability", -cost)
    board.bump(e.target, "backed_down")
    for s in e.senders:
        board.adjust(s, "reputation", 3)
        board.shift_relation(s, e.target, 8)
    board.emit(
        "SanctionsConceded",
        f"{board.name(e.target)} gave in to {'the threat of ' if at_threat else ''}sanctions from "
        f"{', '.join(board.name(s) for s in e.senders)}.",
        (e.target, *e.senders),
        {
            "cost suffered, % of GDP": e.cost,
            "cost level (1 minor, 2 major, 3 severe)": 1
            + [n for _, n in reversed(COST_LEVELS)].index(cost_level(e.stake)),
            "target stability change (audience cost)": -cost,
            "senders' reputation change": 3,
        },
    )
    _end_retaliation(board, e)


def _end_retaliation(board: TurnDraft, e: SanctionsEpisode) -> None:
    for r in list(board.sanctions):
        if r.retaliation_for == e.id and r.stage in ("threatened", "imposed"):
            board.replace_in(board.sanctions, r, stage="lifted", ended_turn=board.turn)
            board.emit(
                "SanctionsLifted",
                f"{board.name(r.senders[0])} ended its counter-sanctions on {board.name(r.target)}.",
                (*r.senders, r.target),
            )


def apply_sanction_costs(board: TurnDraft, _orders: TurnOrders) -> None:
    """Each turn in force: the target and the senders pay; allies who trade with the target chafe."""
    heavy_traders = per_scenario(board.scenario, "heavy traders", _heavy_traders)
    for e in list(board.sanctions):
        if (
            e.stage == "threatened"
            and e.threatened_turn is not None
            and board.turn - e.threatened_turn >= THREAT_LIFETIME
        ):
            board.replace_in(board.sanctions, e, stage="dropped", ended_turn=board.turn)
            for s in e.senders:
                board.adjust(s, "reputation", -EMPTY_THREAT_COST)
                board.bump(s, "backed_down")
            board.emit(
                "ThreatLapsed",
                f"The sanctions threat against {board.name(e.target)} was never carried out: "
                f"{', '.join(board.name(s) for s in e.senders)} made an empty threat.",
                (*e.senders, e.target),
                {"senders' reputation change": -EMPTY_THREAT_COST},
            )
            continue
        if e.stage != "imposed":
            continue
        target, senders, bite = e.target, e.senders, BITE[e.measure]
        dep = dependence(board, target, senders, e.un_mandated)
        pct = bite * dep
        board.scale(target, "economy", 1 - pct / 100)
        civilian = pct * CIVILIAN_HARM
        board.adjust(target, "stability", -civilian)
        total = e.cost + pct
        board.replace_in(board.sanctions, e, cost=total)
        level = cost_level(pct)
        # bystanders who trade heavily with the target (the same for every sender)
        partners = [f for f in heavy_traders[target] if f not in senders]
        for s in senders:
            own = sender_cost(board, s, target, e.measure)
            board.scale(s, "economy", 1 - own / 100)
            if level == "severe":
                board.adjust(s, "reputation", -0.5)  # civilian harm is noticed abroad
            for friend in partners:
                if board.relation(friend, s) > 30:
                    board.shift_relation(friend, s, -2)
        board.emit(
            "SanctionsBit",
            f"Sanctions cost {board.name(target)} {pct:.1f}% of its economy this turn "
            f"({total:.1f}% so far; a {level} cost).",
            (target, *senders),
            {
                "dependence on senders": dep,
                "bite": bite,
                "GDP % lost this turn": pct,
                "civilian harm (stability)": civilian,
            },
        )


def _heavy_traders(scenario) -> dict[str, tuple[str, ...]]:
    """For each state, the others that send it at least HEAVY_TRADE of their trade (in scenario
    order): friends who chafe when its trade is cut."""
    shares = scenario.trade_shares
    ids = scenario.state_ids
    return {
        t: tuple(f for f in ids if f != t and shares.get((f, t), 0.0) >= HEAVY_TRADE) for t in ids
    }


def threaten_candidates(state: GameState, seat: str):
    for other in others(state, seat):
        if active_episode(state, seat, other) is None:
            for measure in Measure:
                yield ThreatenSanctions(seat, target=other, measure=measure)


def impose_candidates(state: GameState, seat: str):
    for other in others(state, seat):
        existing = active_episode(state, seat, other)
        if existing is None or existing.stage == SanctionsStage.THREATENED:
            for measure in Measure:
                yield ImposeSanctions(seat, target=other, measure=measure)


def _live_episodes(state: GameState):
    return (e for e in state.sanctions if e.stage in LIVE_STAGES)


def join_candidates(state: GameState, seat: str):
    for e in _live_episodes(state):
        if seat != e.target and seat not in e.senders:
            yield JoinSanctions(seat, episode=e.id)


def lift_candidates(state: GameState, seat: str):
    for e in _live_episodes(state):
        if seat in e.senders:
            yield LiftSanctions(seat, episode=e.id)


def concede_candidates(state: GameState, seat: str):
    for e in _live_episodes(state):
        if seat == e.target:
            yield ConcedeToSanctions(seat, episode=e.id)


SANCTIONS = Step(Phase.SANCTIONS, settle_sanctions_orders)
COSTS = Step(Phase.SANCTIONS_COSTS, apply_sanction_costs)

FAMILY = Family(
    "sanctions",
    "Economic sanctions",
    moves=(
        Move(
            ThreatenSanctions,
            "Threaten sanctions",
            check_threaten,
            threaten_candidates,
            SANCTIONS,
            MoveHelp(
                what="Warn a state that you will impose trade, asset or financial sanctions unless it changes course.",
                costs="One action. Relations with the target fall a little.",
                risks="A threat costs less than imposing, and targets give in more often at this stage. Threats you never carry out make later threats less credible.",
                when="Not against a state you are already sanctioning.",
            ),
        ),
        Move(
            ImposeSanctions,
            "Impose sanctions",
            check_impose,
            impose_candidates,
            SANCTIONS,
            MoveHelp(
                what="Impose sanctions: trade restrictions, asset freezes or financial penalties.",
                costs="One action. Your own economy pays too, more if you trade a lot with the target.",
                risks="The target suffers more the more it depends on trade with you and your partners, and may give in. Civilians suffer, allies who trade with the target may resent it, and the target may retaliate.",
                when="Not if you already impose sanctions on that state.",
            ),
        ),
        Move(
            JoinSanctions,
            "Join others' sanctions",
            check_join,
            join_candidates,
            SANCTIONS,
            MoveHelp(
                what="Join sanctions that other states have threatened or imposed.",
                costs="One action. You share the economic cost.",
                risks="Coalitions hurt the target more than one state alone, but your relations with the target fall.",
                when="Only when others are sanctioning a state.",
            ),
        ),
        Move(
            LiftSanctions,
            "Lift sanctions",
            check_lift,
            lift_candidates,
            SANCTIONS,
            MoveHelp(
                what="End your sanctions (or withdraw your threat) without getting a concession.",
                costs="One action.",
                risks="Backing down without a concession counts as a retreat.",
                when="Only for sanctions you are part of.",
            ),
        ),
        Move(
            ConcedeToSanctions,
            "Give in to sanctions",
            check_concede,
            concede_candidates,
            SANCTIONS,
            MoveHelp(
                what="Give in to the sanctions against you: the senders get what they asked for and the sanctions end.",
                costs="One action. Your domestic support falls because you backed down.",
                risks="The senders' reputation rises and relations with them improve.",
                when="Only when you are the target of sanctions.",
            ),
            answer=Answer("episode", None, "Sanctions"),
        ),
    ),
    steps=(SANCTIONS, COSTS),
)
