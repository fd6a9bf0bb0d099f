"""One plain record per finished crisis: what happened, in the terms the calibration targets use.

Everything here is a pure function of the final GameState (which keeps the whole history:
sanctions episodes, disputes, wars, invocations, drafts), so a record can be recomputed from a
saved game and tested on small hand-built states.
"""

from __future__ import annotations

from typing import Any

from ..enums import PROCEDURAL_KINDS, Rung
from ..rules.sanctions import cost_level
from ..scoring import is_perpetrator, scores
from ..state import GameState, SanctionsEpisode

SETTLEMENT_KINDS = ("ceasefire", "peace", "non_aggression", "arms_control")


def crisis_record(state: GameState) -> dict[str, Any]:
    """The record of one crisis (see docs/RULES.md, "Calibration", for every field)."""
    sc = state.scenario
    total = sum(c.military for c in state.countries) or 1.0
    start_total = sum(s.military for s in sc.states) or 1.0
    final_scores = scores(state)
    states = {}
    for c in state.countries:
        spec = sc.state(c.id)
        states[c.id] = {
            "outcome": final_scores[c.id].outcome,
            "score": final_scores[c.id].total,
            "regime": spec.regime,
            "nuclear": spec.nuclear,
            "great_power": spec.great_power,
            "capability_share": round(c.military / total, 4),
            "initial_capability_share": round(spec.military / start_total, 4),
            "attacked": c.attacked,
            "reciprocated": c.reciprocated,
            "stability": round(c.stability, 2),
            "reputation": round(c.reputation, 2),
            "obligations_broken": c.obligations_broken,
            "perpetrator": is_perpetrator(state, c.id),
        }
    return {
        "scenario": sc.id,
        "seed": state.seed,
        "turns": state.turn - 1,
        "max_escalation": _rung_name(state.max_escalation),
        "final_escalation": state.rung_name,
        "tension": round(state.tension, 2),
        "war": bool(state.wars),
        "mediated": any(set(m.accepted_by) == set(m.parties) for m in state.mediations),
        "formal_agreement": any(
            t.signed_turn >= 1 and t.kind in SETTLEMENT_KINDS for t in state.treaties
        ),
        "agreements": [
            {
                "kind": t.kind,
                "members": list(t.members),
                "turn": t.signed_turn,
                "mediator": t.mediator,
            }
            for t in state.treaties
            if t.signed_turn >= 1
        ],
        "states": states,
        "sanctions": [_episode(state, e) for e in state.sanctions],
        "invocations": [_invocation(state, i) for i in state.invocations],
        "disputes": [
            {
                "initiator": d.initiator,
                "target": d.target,
                "reciprocated": d.reciprocated,
                "war": d.war_id is not None,
                "highest_rung": _rung_name(d.rung),
            }
            for d in state.disputes
        ],
        "wars": [_war(w) for w in state.wars],
        "council_votes": [_vote(state, d) for d in state.drafts if d.status != "tabled"],
        "issues": [
            {"id": i.id, "status": i.status, "changed_turn": i.changed_turn, "via": i.via}
            for i in state.issues
        ],
    }


def _rung_name(rung: int) -> str:
    return Rung(rung).word


def _episode(state: GameState, e: SanctionsEpisode) -> dict[str, Any]:
    conceded_at = None
    if e.stage == "conceded":
        conceded_at = "imposition" if e.imposed_turn is not None else "threat"
    return {
        "id": e.id,
        "senders": list(e.senders),
        "target": e.target,
        "measure": e.measure,
        "threatened": e.threatened_turn is not None,
        "imposed": e.imposed_turn is not None,
        "cost": cost_level(e.stake),
        "stake": round(e.stake, 4),
        "cumulative_cost": round(e.cost, 4),
        "conceded": e.stage == "conceded",
        "conceded_at": conceded_at,
        "stage": e.stage,
        "un_mandated": e.un_mandated,
        "issue": e.issue,  # what it demanded (None: a blanket demand)
        "demand": e.demand,
        "public": e.public,
        "retaliation": e.retaliation_for is not None,
        "pivotal": e.stage == "conceded" and not _force_between(state, e),
    }


def _force_between(state: GameState, e: SanctionsEpisode) -> bool:
    """Did a sender use force against the target, or fight a war with it, while the episode ran?
    Then sanctions were not the only pressure, and a concession cannot be put down to them
    (HSE's "pivotal": sanctions rather than companion military action made the difference)."""
    start = e.threatened_turn if e.threatened_turn is not None else (e.imposed_turn or 0)
    end = e.ended_turn if e.ended_turn is not None else state.turn
    for d in state.disputes:
        if e.target not in (d.initiator, d.target):
            continue
        other = d.initiator if d.target == e.target else d.target
        overlaps = d.started_turn <= end and (d.ended_turn is None or d.ended_turn >= start)
        if other in e.senders and overlaps:
            if d.war_id is not None or (d.initiator == other and d.rung >= Rung.LIMITED_FORCE):
                return True
    return False


def _invocation(state: GameState, inv) -> dict[str, Any]:
    treaty = state.treaty(inv.treaty_id)
    return {
        "id": inv.id,
        "treaty": inv.treaty_id,
        "kind": treaty.kind if treaty else None,
        "invoker": inv.invoker,
        "against": inv.against,
        "turn": inv.turn,
        "within_terms": inv.within_terms,
        "answers": [{"ally": a, "honoured": True} for a in inv.honoured_by]
        + [{"ally": a, "honoured": False} for a in inv.declined_by],
    }


def _war(w) -> dict[str, Any]:
    decided = w.winner in ("a", "b")
    return {
        "id": w.id,
        "side_a": list(w.side_a),
        "side_b": list(w.side_b),
        "started_turn": w.started_turn,
        "ended_turn": w.ended_turn,
        "ended_by": w.ended_by,
        "winner": w.winner,
        "stronger_share": round(w.stronger_share, 4),
        "stronger": w.stronger,
        "stronger_won": (w.winner == w.stronger) if decided and w.stronger else None,
    }


def _vote(state: GameState, d) -> dict[str, Any]:
    council = state.scenario.organizations.security_council
    permanent = council.permanent if council else ()
    votes = dict(d.votes)
    yes = sum(v == "yes" for v in votes.values())
    permanent_no = sorted(m for m in permanent if votes.get(m) == "no")
    # Art. 27(2): a procedural decision needs the nine votes only; 27(3): a substantive one
    # also no permanent member's "no" (then a "no" is a veto)
    procedural = d.kind in PROCEDURAL_KINDS
    veto = bool(permanent_no) and not procedural
    art27 = len(votes) == 15 and yes >= 9 and not veto
    return {
        "draft": d.id,
        "kind": d.kind,
        "seats": len(votes),
        "yes": yes,
        "no": sum(v == "no" for v in votes.values()),
        "abstain": sum(v == "abstain" for v in votes.values()),
        "permanent_no": permanent_no,
        "procedural": procedural,
        "status": d.status,
        "art27_ok": art27 == (d.status == "adopted") and ((d.status == "vetoed") == veto),
    }
