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

Sanctions name what they demand: an issue at stake and the status wanted (demands.py). A target
that gives in moves the issue to that status; an episode whose demand is met some other way ends
too, as conceded (to an ultimatum) or settled (in a deal). A state that threatens or imposes
sanctions for a demand others already press on the same target joins their episode: one
coalition, as sanctions datasets count multilateral cases. A threat made in public ties the sender's hands: if it
lapses or is withdrawn the sender loses reputation and support at home (audience costs, more in a
democracy); a private threat, known only to the target, costs less. A blanket threat, naming no
issue when the crisis has issues at stake, tells the target nothing it could concede: it costs
reputation when made and twice as much when it lapses.

The figures below were set by hand (tuned) until `wargame calibrate` matched the sanctions rows
(HSE 2007 for imposed sanctions, TIES v4.1 for threats and cost levels); the rows a figure moves
are named beside it. The computer targets decide whether to give in (ai/sanctions.py), so a
figure moves a row through what it costs them to hold out or what it tells them of the senders.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from ..draft import TurnDraft
from ..enums import LIVE_STAGES, CostLevel, Measure, Rung, SanctionsStage, Stat
from ..moves import Answer, Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..scenario import Scenario
from ..state import GameState, Readings, SanctionsEpisode, by_id
from .common import check_other_state, democracy_factor, others, per_scenario
from .demands import change_issue, check_demand, demand_met, demand_of, demand_words, demands_open

# GDP % the target loses per turn per unit of trade dependence on the senders (tuned): sets every
# episode's cost level and what holding out costs a computer target, so it moves every sanctions
# row (success_minor/major/severe, threat_concession, imposition_concession, imposed_success)
BITE = {Measure.TRADE: 6.0, Measure.FINANCIAL: 5.0, Measure.ASSETS: 3.5}
# senders lose this fraction of the bite, scaled by their own dependence on the target (tuned);
# computer senders weigh it before carrying out a threat or keeping sanctions: threat_not_imposed,
# imposed_success
SENDER_PAIN = 0.5
UN_REACH = 1.4  # a Council mandate widens the dependence (fewer loopholes) (tuned): imposed_success
CIVILIAN_HARM = 0.3  # stability lost per GDP % of sanctions cost (shortages, prices) (tuned)
SEVERE_OUTCRY = 0.5  # reputation each sender loses a turn while the cost is severe (tuned)
HEAVY_TRADE = 0.15  # share of a state's trade with a target that makes sanctions on it hurt (tuned)
FRIEND = 30.0  # relations above which a bystander trading heavily with the target chafes (tuned)
FRIEND_STRAIN = 2.0  # relations a chafing friend loses with each sender a turn (tuned)
# cost levels, GDP % per turn: TIES codes minor, major and severe costs to the target; the
# thresholds are tuned so that the levels split the episodes as TIES's do: success_minor,
# success_major, success_severe, success_monotonic
MAJOR_COST = 1.1
SEVERE_COST = 2.2
THREAT_RELATIONS = 5.0  # relations lost with the target by threatening it (tuned)
IMPOSE_RELATIONS = 10.0  # relations each sender loses with the target on imposition (tuned)
JOIN_RELATIONS = 5.0  # relations lost with the target by joining others' sanctions (tuned)
# turns before a threat neither carried out nor withdrawn lapses (tuned): threat_not_imposed
THREAT_LIFETIME = 3
# reputation a sender loses when its threat lapses or is withdrawn (tuned); computer senders weigh
# it before letting a threat lapse, and targets believe such senders less: threat_not_imposed,
# threat_concession
EMPTY_THREAT_COST = 3.0
# stability a sender loses, times its regime factor, when a public threat lapses or is withdrawn:
# the audience cost of an empty threat (Fearon 1994; Tomz 2007) (tuned): threat_not_imposed
EMPTY_THREAT_STABILITY = 2.0
PRIVATE_THREAT_COST = 1.0  # reputation a sender loses when a private threat lapses (tuned)
# a blanket threat (no issue named when the crisis has issues at stake): reputation lost when it
# is made, and the factor on what its lapse costs (tuned)
BLANKET_THREAT_REPUTATION = 1.5
BLANKET_LAPSE_FACTOR = 2.0
# stability a target loses by giving in, times its regime factor: the audience cost of backing
# down (Fearon 1994; value tuned); computer targets do not weigh it, so it moves no row
CONCESSION_COST = 4.0
CONCESSION_REPUTATION = 3.0  # each sender's reputation gained when the target gives in (tuned)
CONCESSION_RELATIONS = 8.0  # each sender's relations with the target when it gives in (tuned)


MEASURE_NOUNS = {
    Measure.TRADE: "trade sanctions",
    Measure.FINANCIAL: "financial sanctions",
    Measure.ASSETS: "asset freeze",
}
MEASURE_WORDS = MEASURE_NOUNS | {Measure.ASSETS: "an asset freeze"}  # with the article it needs


class SanctionsEvent(StrEnum):
    THREATENED = "SanctionsThreatened"
    IMPOSED = "SanctionsImposed"
    RETALIATED = "SanctionsRetaliated"  # counter-sanctions
    JOINED = "SanctionsJoined"
    LEFT = "SanctionsLeft"  # one sender of several lifted its own
    LIFTED = "SanctionsLifted"
    THREAT_WITHDRAWN = "ThreatWithdrawn"
    CONCEDED = "SanctionsConceded"
    THREAT_LAPSED = "ThreatLapsed"
    SETTLED = "SanctionsSettled"  # the demand was met another way (an ultimatum, a deal)
    BIT = "SanctionsBit"  # a turn's cost paid


# --- what sanctions cost -----------------------------------------------------------------------


def cost_level(stake: float) -> CostLevel:
    """The level of a cost per turn in % of the target's GDP."""
    if stake >= SEVERE_COST:
        return CostLevel.SEVERE
    if stake >= MAJOR_COST:
        return CostLevel.MAJOR
    return CostLevel.MINOR


def dependence(
    x: Readings, target: str, senders: Sequence[str], un_mandated: bool = False
) -> float:
    """The target's trade dependence on the senders (a UN mandate widens it)."""
    dep = min(1.0, sum([x.trade_share(target, s) for s in senders]))
    return min(1.0, dep * UN_REACH) if un_mandated else dep


def pressure(
    x: Readings, target: str, senders: Sequence[str], measure: str, un_mandated: bool = False
) -> float:
    """GDP % per turn the measures cost (or would cost) the target."""
    return BITE[measure] * dependence(x, target, senders, un_mandated)


def sender_cost(x: Readings, sender: str, target: str, measure: str) -> float:
    """GDP % per turn the sender loses by cutting its own trade with the target."""
    return BITE[measure] * SENDER_PAIN * x.trade_share(sender, target)


def active_episode(x: Readings, sender: str, target: str) -> SanctionsEpisode | None:
    """The episode in which `sender` threatens or sanctions `target`, if any (`x` a GameState or
    a TurnDraft: both hold `sanctions`)."""
    for e in x.live("sanctions"):
        if e.target == target and sender in e.senders and e.stage in LIVE_STAGES:
            return e
    return None


def _live_episodes(state: GameState) -> Iterator[SanctionsEpisode]:
    return (e for e in state.live("sanctions") if e.stage in LIVE_STAGES)


def _check_measure(measure: str) -> str | None:
    if measure not in tuple(Measure):
        return f"unknown measure {measure!r} (expected one of {', '.join(tuple(Measure))})"
    return None


# --- threaten ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ThreatenSanctions(Order):
    target: str = ""
    measure: Measure = Measure.TRADE
    issue: str = ""  # the issue at stake the threat demands a status of ("": a blanket threat)
    status: str = ""  # the status demanded ("": the sender's own wish)
    public: bool = True


def check_threaten(state: GameState, o: ThreatenSanctions) -> str | None:
    if reason := check_other_state(state, o.actor, o.target) or _check_measure(o.measure):
        return reason
    if active_episode(state, o.actor, o.target):
        return "you already threaten or sanction this state"
    return check_demand(state, o.actor, o.target, o.issue, o.status)


def demand_choices(state: Readings, seat: str, target: str) -> list[tuple[str, str]]:
    """The demands a seat may name against a target: each open status of each issue the target
    decides, then the blanket demand ("", "")."""
    return [*((i, s) for i, s in demands_open(state, seat, target)), ("", "")]


def threaten_candidates(state: GameState, seat: str) -> Iterator[ThreatenSanctions]:
    for other in others(state, seat):
        if active_episode(state, seat, other) is None:
            for issue, status in demand_choices(state, seat, other):
                for measure in Measure:
                    for public in (True, False):
                        yield ThreatenSanctions(
                            seat, other, measure, issue=issue, status=status, public=public
                        )


def is_blanket(x: Readings, issue: str | None) -> bool:
    """A demand naming no issue when the crisis has issues at stake."""
    return not issue and bool(x.scenario.issues)


def threaten(draft: TurnDraft, o: ThreatenSanctions) -> None:
    if active_episode(draft, o.actor, o.target) is not None:
        return  # a second threat against the same state this turn adds nothing
    stake = pressure(draft, o.target, (o.actor,), o.measure)
    issue, demand = demand_of(draft, o.actor, o.issue, o.status)
    e = SanctionsEpisode(
        draft.new_id("s"),
        (o.actor,),
        o.target,
        Measure(o.measure),
        threatened_turn=draft.turn,
        stake=stake,
        issue=issue,
        demand=demand,
        public=o.public,
    )
    draft.sanctions.append(e)
    draft.shift_relation(o.actor, o.target, -THREAT_RELATIONS)
    draft.reach(Rung.COERCION)
    numbers = {
        "target's trade dependence on sender": draft.trade_share(o.target, o.actor),
        "cost if imposed, % of GDP per turn": stake,
        "sender's own cost, % of GDP per turn": sender_cost(draft, o.actor, o.target, o.measure),
    }
    if is_blanket(draft, issue):
        numbers["reputation change (a blanket threat)"] = draft.country(o.actor).shift(
            Stat.REPUTATION, -BLANKET_THREAT_REPUTATION
        )
    how = "publicly threatened" if o.public else "privately warned"
    draft.emit(
        SanctionsEvent.THREATENED,
        f"{draft.name(o.actor)} {how} {draft.name(o.target)} with {MEASURE_WORDS[o.measure]} "
        f"unless it concedes {demand_words(draft, issue, demand)} (a "
        f"{cost_level(stake)} cost if imposed).",
        (o.actor, o.target),
        numbers,
        visible_to=None if o.public else (o.actor, o.target),
    )


# --- impose ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImposeSanctions(Order):
    target: str = ""
    measure: Measure = Measure.TRADE
    issue: str = ""  # the demand ("": a threat's own, or a blanket demand without a threat)
    status: str = ""


def check_impose(state: GameState, o: ImposeSanctions) -> str | None:
    if reason := check_other_state(state, o.actor, o.target) or _check_measure(o.measure):
        return reason
    e = active_episode(state, o.actor, o.target)
    if e is not None and e.stage == SanctionsStage.IMPOSED:
        return "your sanctions on this state are already in force"
    return check_demand(state, o.actor, o.target, o.issue, o.status)


def impose_candidates(state: GameState, seat: str) -> Iterator[ImposeSanctions]:
    for other in others(state, seat):
        existing = active_episode(state, seat, other)
        if existing is None:
            for issue, status in demand_choices(state, seat, other):
                for measure in Measure:
                    yield ImposeSanctions(seat, other, measure, issue=issue, status=status)
        elif existing.stage == SanctionsStage.THREATENED:
            for measure in Measure:  # carrying out the threat: its demand stands
                yield ImposeSanctions(seat, target=other, measure=measure)


def impose(
    draft: TurnDraft,
    sender: str,
    target: str,
    measure: str,
    *,
    un_mandated: bool = False,
    senders: tuple[str, ...] = (),
    issue: str | None = None,
    demand: str | None = None,
) -> SanctionsEpisode:
    """`sender` (or, under a Council mandate, every one of `senders`) imposes `measure` on
    `target`, demanding `demand` on `issue` (None: a threat's own demand, else a blanket one):
    carrying out its threat if it made one, else as a new episode, which counts as
    counter-sanctions when the target's own sanctions on the sender are in force."""
    measure = Measure(measure)
    e = active_episode(draft, sender, target)
    senders = senders or (sender,)
    answered = next(
        (
            x
            for x in draft.sanctions
            if x.target == sender
            and target in x.senders
            and x.stage == SanctionsStage.IMPOSED
            and x.retaliation_for is None
        ),
        None,
    )
    retaliation = (
        answered.id if answered is not None and not un_mandated and len(senders) == 1 else None
    )
    if e is not None and e.stage == SanctionsStage.THREATENED:
        all_senders = tuple(dict.fromkeys((*e.senders, *senders)))
        stake = (
            e.stake
            if measure == e.measure and not un_mandated
            else pressure(draft, target, all_senders, measure, un_mandated)
        )
        if issue is not None:
            e = draft.sanctions.replace(e, issue=issue, demand=demand)
        e = draft.sanctions.replace(
            e,
            stage=SanctionsStage.IMPOSED,
            imposed_turn=draft.turn,
            measure=measure,
            senders=all_senders,
            un_mandated=un_mandated,
            stake=stake,
            public=True,  # imposed sanctions are in the open
        )
    else:
        stake = pressure(draft, target, senders, measure, un_mandated)
        e = SanctionsEpisode(
            draft.new_id("s"),
            senders,
            target,
            measure,
            threatened_turn=None,
            imposed_turn=draft.turn,
            stage=SanctionsStage.IMPOSED,
            un_mandated=un_mandated,
            stake=stake,
            retaliation_for=retaliation,
            issue=issue,
            demand=demand,
        )
        draft.sanctions.append(e)
    for s in senders:
        draft.shift_relation(s, target, -IMPOSE_RELATIONS)
    draft.reach(Rung.COERCION)
    dep = dependence(draft, target, e.senders, un_mandated)
    if e.retaliation_for:
        kind = SanctionsEvent.RETALIATED
        text = (
            f"{draft.name(sender)} hit back at {draft.name(target)} with counter-sanctions "
            f"({measure}): they last as long as the sanctions they answer."
        )
    else:
        kind = SanctionsEvent.IMPOSED
        mandate = " under a Security Council mandate" if un_mandated else ""
        text = (
            f"{draft.names(e.senders)} imposed {MEASURE_WORDS[measure]} on "
            f"{draft.name(target)}{mandate}, demanding {demand_words(draft, e.issue, e.demand)} "
            f"(a {cost_level(e.stake)} cost)."
        )
    draft.emit(
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


# --- join --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class JoinSanctions(Order):
    episode: str = ""


def check_join(state: GameState, o: JoinSanctions) -> str | None:
    e = by_id(state.sanctions, o.episode)
    if e is None or e.stage not in LIVE_STAGES:
        return "no sanctions with that id are in force or threatened"
    if o.actor == e.target:
        return "you cannot join sanctions against yourself"
    if o.actor in e.senders:
        return "you are already one of the senders"
    return None


def join_candidates(state: GameState, seat: str) -> Iterator[JoinSanctions]:
    for e in _live_episodes(state):
        if seat != e.target and seat not in e.senders:
            yield JoinSanctions(seat, episode=e.id)


def join(draft: TurnDraft, o: JoinSanctions) -> None:
    e = draft.sanctions.find(o.episode)
    if e.stage not in LIVE_STAGES or o.actor in e.senders:
        return
    senders = (*e.senders, o.actor)
    draft.sanctions.replace(e, senders=senders)
    draft.shift_relation(o.actor, e.target, -JOIN_RELATIONS)
    draft.emit(
        SanctionsEvent.JOINED,
        f"{draft.name(o.actor)} joined the sanctions on {draft.name(e.target)}: the coalition "
        f"now has {len(senders)} members.",
        (o.actor, e.target),
        {
            "cost to the target, % of GDP per turn": pressure(
                draft, e.target, senders, e.measure, e.un_mandated
            )
        },
    )


# --- lift --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LiftSanctions(Order):
    episode: str = ""


def check_lift(state: GameState, o: LiftSanctions) -> str | None:
    e = by_id(state.sanctions, o.episode)
    if e is None or o.actor not in e.senders or e.stage not in LIVE_STAGES:
        return "you have no sanctions or threat with that id to lift"
    return None


def lift_candidates(state: GameState, seat: str) -> Iterator[LiftSanctions]:
    for e in _live_episodes(state):
        if seat in e.senders:
            yield LiftSanctions(seat, episode=e.id)


def lift(draft: TurnDraft, o: LiftSanctions) -> None:
    """The sender leaves the episode; the last sender to leave ends it without a concession, a
    retreat (and, for a threat, an empty one)."""
    e = draft.sanctions.find(o.episode)
    if e.stage not in LIVE_STAGES:
        return
    senders = tuple(s for s in e.senders if s != o.actor)
    if senders:
        draft.sanctions.replace(e, senders=senders)
        draft.emit(
            SanctionsEvent.LEFT,
            f"{draft.name(o.actor)} left the sanctions on {draft.name(e.target)}.",
            (o.actor, e.target),
        )
        return
    imposed = e.stage == SanctionsStage.IMPOSED
    draft.sanctions.replace(
        e,
        stage=SanctionsStage.LIFTED if imposed else SanctionsStage.DROPPED,
        ended_turn=draft.turn,
    )
    actor = draft.country(o.actor)
    actor.backed_down += 1
    numbers = {"cost suffered by the target, % of GDP": e.cost}
    if not imposed:  # a withdrawn threat was an empty one
        numbers |= empty_threat(draft, o.actor, e)
    what = "lifted its sanctions on" if imposed else "withdrew its threat against"
    draft.emit(
        SanctionsEvent.LIFTED if imposed else SanctionsEvent.THREAT_WITHDRAWN,
        f"{draft.name(o.actor)} {what} {draft.name(e.target)} without a concession.",
        (o.actor, e.target),
        numbers,
        visible_to=None if e.public else (o.actor, e.target),
    )
    _end_retaliation(draft, e)


def empty_threat_cost(x: Readings, sender: str, e: SanctionsEpisode) -> tuple[float, float]:
    """(reputation, stability) a sender loses when its threat lapses or is withdrawn: the
    audience cost of a public threat (stability times the regime factor), less for a private
    one, twice as much for a blanket one."""
    if e.public:
        reputation = EMPTY_THREAT_COST
        stability = EMPTY_THREAT_STABILITY * democracy_factor(sender, x.scenario)
    else:
        reputation, stability = PRIVATE_THREAT_COST, 0.0
    factor = BLANKET_LAPSE_FACTOR if is_blanket(x, e.issue) else 1.0
    return reputation * factor, stability * factor


def empty_threat(draft: TurnDraft, sender: str, e: SanctionsEpisode) -> dict[str, float]:
    reputation, stability = empty_threat_cost(draft, sender, e)
    country = draft.country(sender)
    return {
        "reputation change": country.shift(Stat.REPUTATION, -reputation),
        "stability change (audience cost)": country.shift(Stat.STABILITY, -stability),
    }


def _end_retaliation(draft: TurnDraft, e: SanctionsEpisode) -> None:
    """Counter-sanctions end with the episode they answer."""
    for r in list(draft.sanctions):
        if r.retaliation_for == e.id and r.stage in LIVE_STAGES:
            draft.sanctions.replace(r, stage=SanctionsStage.LIFTED, ended_turn=draft.turn)
            draft.emit(
                SanctionsEvent.LIFTED,
                f"{draft.name(r.senders[0])} ended its counter-sanctions on "
                f"{draft.name(r.target)}.",
                (*r.senders, r.target),
            )


# --- concede -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConcedeToSanctions(Order):
    episode: str = ""


def check_concede(state: GameState, o: ConcedeToSanctions) -> str | None:
    e = by_id(state.sanctions, o.episode)
    if e is None or e.target != o.actor or e.stage not in LIVE_STAGES:
        return "no sanctions or threat with that id are aimed at you"
    return None


def concede_candidates(state: GameState, seat: str) -> Iterator[ConcedeToSanctions]:
    for e in _live_episodes(state):
        if seat == e.target:
            yield ConcedeToSanctions(seat, episode=e.id)


def concede(draft: TurnDraft, e: SanctionsEpisode) -> None:
    """The target gives in: the episode ends and the issue demanded takes the status asked."""
    at_threat = e.stage == SanctionsStage.THREATENED
    draft.sanctions.replace(e, stage=SanctionsStage.CONCEDED, ended_turn=draft.turn)
    cost = CONCESSION_COST * democracy_factor(e.target, draft.scenario)
    target = draft.country(e.target)
    target.shift(Stat.STABILITY, -cost)
    target.backed_down += 1
    for s in e.senders:
        draft.country(s).shift(Stat.REPUTATION, CONCESSION_REPUTATION)
        draft.shift_relation(s, e.target, CONCESSION_RELATIONS)
    rank = 1 + list(CostLevel).index(cost_level(e.stake))  # CostLevel runs minor to severe
    if e.issue is not None and e.demand is not None:
        change_issue(draft, e.issue, e.demand, e.senders[0], e.id, "gave in to sanctions")
    draft.emit(
        SanctionsEvent.CONCEDED,
        f"{draft.name(e.target)} gave in to {'the threat of ' if at_threat else ''}sanctions "
        f"from {draft.names(e.senders)}: "
        f"{demand_words(draft, e.issue, e.demand)}.",
        (e.target, *e.senders),
        {
            "cost suffered, % of GDP": e.cost,
            "cost level (1 minor, 2 major, 3 severe)": rank,
            "target stability change (audience cost)": -cost,
            "senders' reputation change": CONCESSION_REPUTATION,
        },
    )
    _end_retaliation(draft, e)


# --- the turn's sanctions orders, settled together ---------------------------------------------


def settle_sanctions_orders(draft: TurnDraft, orders: TurnOrders) -> None:
    """Concessions first (they end episodes), then lifts, threats, impositions and joins. A sender
    whose target gives in this turn does not go on to threaten or sanction it again this turn."""
    satisfied: set[tuple[str, str]] = set()
    for o in orders.of(ConcedeToSanctions):
        e = draft.sanctions.find(o.episode)
        if e.stage in LIVE_STAGES:
            concede(draft, e)
            satisfied.update((x, e.target) for x in e.senders)
    for o in orders.of(LiftSanctions):
        lift(draft, o)
    for o in orders.of(ThreatenSanctions):
        if (o.actor, o.target) not in satisfied:
            issue, demand = demand_of(draft, o.actor, o.issue, o.status)
            ally = same_demand(draft, o.target, issue, demand, LIVE_STAGES)
            if demand_met(draft, issue, demand):
                continue  # conceded already this turn
            if ally is not None and active_episode(draft, o.actor, o.target) is None:
                join(draft, JoinSanctions(o.actor, episode=ally.id))
            else:
                threaten(draft, o)
    for o in orders.of(ImposeSanctions):
        if (o.actor, o.target) not in satisfied:
            issue, demand = demand_of(draft, o.actor, o.issue, o.status)
            ally = same_demand(draft, o.target, issue, demand, (SanctionsStage.IMPOSED,))
            if demand_met(draft, issue, demand):
                continue
            if ally is not None and active_episode(draft, o.actor, o.target) is None:
                join(draft, JoinSanctions(o.actor, episode=ally.id))
            else:
                impose(draft, o.actor, o.target, o.measure, issue=issue, demand=demand)
    for o in orders.of(JoinSanctions):
        join(draft, o)


def same_demand(
    x: Readings, target: str, issue: str | None, demand: str | None, stages: tuple
) -> SanctionsEpisode | None:
    """Another live episode pressing the same demand on the target: a new threat or sanction
    for it joins that coalition rather than open a parallel episode."""
    if issue is None:
        return None
    for e in x.sanctions:
        if (
            e.target == target
            and e.stage in stages
            and e.issue == issue
            and e.demand == demand
            and e.retaliation_for is None
        ):
            return e
    return None


# --- every turn: lapsed threats, costs paid ----------------------------------------------------


def apply_sanction_costs(draft: TurnDraft, _orders: TurnOrders) -> None:
    """Each turn in force: the target and the senders pay; allies who trade with the target chafe.
    Threats left hanging too long lapse."""
    heavy_traders = per_scenario(draft.scenario, "heavy traders", _heavy_traders)
    for ident in [e.id for e in draft.sanctions]:
        e = draft.sanctions.find(ident)  # afresh: settling an episode ends its counter-sanctions
        if e.stage in LIVE_STAGES and demand_met(draft, e.issue, e.demand):
            _settled(draft, e)
        elif (
            e.stage == SanctionsStage.THREATENED
            and e.threatened_turn is not None
            and draft.turn - e.threatened_turn >= THREAT_LIFETIME
        ):
            _lapse(draft, e)
        elif e.stage == SanctionsStage.IMPOSED:
            _bite(draft, e, heavy_traders[e.target])


def _settled(draft: TurnDraft, e: SanctionsEpisode) -> None:
    """The demand was met another way, and the sanctions end: the target conceded it to other
    pressure (an ultimatum, another episode), which counts as giving in; or it traded it in a
    deal, a bargain rather than a concession (settled)."""
    issue = draft.issue(e.issue) if e.issue else None
    by_deal = issue is not None and issue.via is not None and draft.treaty(issue.via) is not None
    stage = SanctionsStage.SETTLED if by_deal else SanctionsStage.CONCEDED
    draft.sanctions.replace(e, stage=stage, ended_turn=draft.turn)
    how = "in a deal" if by_deal else "by other pressure"
    draft.emit(
        SanctionsEvent.SETTLED,
        f"{draft.names(e.senders)} ended the sanctions on "
        f"{draft.name(e.target)}: their demand is met {how} "
        f"({demand_words(draft, e.issue, e.demand)}).",
        (*e.senders, e.target),
        visible_to=None if e.public else (*e.senders, e.target),
    )
    _end_retaliation(draft, e)


def _lapse(draft: TurnDraft, e: SanctionsEpisode) -> None:
    draft.sanctions.replace(e, stage=SanctionsStage.DROPPED, ended_turn=draft.turn)
    numbers: dict[str, float] = {}
    for s in e.senders:
        draft.country(s).backed_down += 1
        numbers = empty_threat(draft, s, e)
    draft.emit(
        SanctionsEvent.THREAT_LAPSED,
        f"The sanctions threat against {draft.name(e.target)} was never carried out: "
        f"{draft.names(e.senders)} made an empty threat.",
        (*e.senders, e.target),
        numbers,
        visible_to=None if e.public else (*e.senders, e.target),
    )


def _bite(draft: TurnDraft, e: SanctionsEpisode, heavy_traders: tuple[str, ...]) -> None:
    target, senders, bite = e.target, e.senders, BITE[e.measure]
    dep = dependence(draft, target, senders, e.un_mandated)
    pct = bite * dep
    victim = draft.country(target)
    victim.scale(Stat.ECONOMY, 1 - pct / 100)
    civilian = pct * CIVILIAN_HARM
    victim.shift(Stat.STABILITY, -civilian)
    total = e.cost + pct
    draft.sanctions.replace(e, cost=total)
    level = cost_level(pct)
    # bystanders who trade heavily with the target (the same for every sender)
    partners = [f for f in heavy_traders if f not in senders]
    for s in senders:
        sender = draft.country(s)
        sender.scale(Stat.ECONOMY, 1 - sender_cost(draft, s, target, e.measure) / 100)
        if level == CostLevel.SEVERE:
            sender.shift(Stat.REPUTATION, -SEVERE_OUTCRY)  # civilian harm is noticed abroad
        for friend in partners:
            if draft.relation(friend, s) > FRIEND:
                draft.shift_relation(friend, s, -FRIEND_STRAIN)
    draft.emit(
        SanctionsEvent.BIT,
        f"Sanctions cost {draft.name(target)} {pct:.1f}% of its economy this turn "
        f"({total:.1f}% so far; a {level} cost).",
        (target, *senders),
        {
            "dependence on senders": dep,
            "bite": bite,
            "GDP % lost this turn": pct,
            "civilian harm (stability)": civilian,
        },
    )


def _heavy_traders(scenario: Scenario) -> dict[str, tuple[str, ...]]:
    """For each state, the others that send it at least HEAVY_TRADE of their trade (in scenario
    order): friends who chafe when its trade is cut."""
    shares = scenario.trade_shares
    ids = scenario.state_ids
    return {
        t: tuple(f for f in ids if f != t and shares.get((f, t), 0.0) >= HEAVY_TRADE) for t in ids
    }


SANCTIONS = Step(Phase.SANCTIONS, settle_sanctions_orders)
COSTS = Step(Phase.SANCTIONS_COSTS, apply_sanction_costs)

FAMILY = Family(
    "sanctions",
    "Economic sanctions",
    events=SanctionsEvent,
    moves=(
        Move(
            ThreatenSanctions,
            "Threaten sanctions",
            check_threaten,
            threaten_candidates,
            SANCTIONS,
            MoveHelp(
                what="Warn a state that you will impose trade, asset or financial sanctions "
                "unless it changes course.",
                costs="One action. Relations with the target fall a little.",
                risks="A threat costs less than imposing, and targets give in more often at this "
                "stage. Threats you never carry out make later threats less credible.",
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
                costs="One action. Your own economy pays too, more if you trade a lot with the "
                "target.",
                risks="The target suffers more the more it depends on trade with you and your "
                "partners, and may give in. Civilians suffer, allies who trade with the target "
                "may resent it, and the target may retaliate.",
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
                risks="Coalitions hurt the target more than one state alone, but your relations "
                "with the target fall.",
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
                what="Give in to the sanctions against you: the senders get what they asked for "
                "and the sanctions end.",
                costs="One action. Your domestic support falls because you backed down.",
                risks="The senders' reputation rises and relations with them improve.",
                when="Only when you are the target of sanctions.",
            ),
            answer=Answer("episode", None, "Sanctions"),
        ),
    ),
    steps=(SANCTIONS, COSTS),
)
