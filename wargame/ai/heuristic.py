"""A rule-of-thumb computer player that pursues its state's objectives in its doctrine's style.

It sees only its seat's view. Each turn it first answers what is addressed to it (proposals,
calls for help, ultimatums, votes, sanctions), then answers force with force or with its allies,
then works on its objectives, then fills its remaining actions in its doctrine's manner. Every
choice it makes is recorded with a short reason for the debrief.

Where each part lives (all extend `Mind`, which `_Mind` below puts together):
- mind.py: the Decision being built, the action limit, readings shared by every judgement
  (strength, relations, objective points, the credibility of another state's threats);
- answers.py: proposals, allies' calls for help, ultimatums, mediation offers, Council votes;
- stakes.py: what the issues at stake are worth to the seat, what it could demand of others;
- deals.py: deals with linkage (weigh, accept, reject, counter, propose), messages read;
- sanctions.py: sanctions from both ends (give in or hold out, hit back, threaten, impose, join);
- force.py: answering force, calling on allies, war prospects, deterrence, appeals;
- objectives.py: work on the scenario objectives (coerce, protect, war aims, treaties);
- doctrine.py: the doctrine's own moves with the actions left.

Its judgements weigh the same mechanisms the rules use, never tables of outcomes:
- an ally's call: the cost of abandoning it (the breach's reputation cost, the treaty objectives
  it would fail, the friendship lost) against the cost of honouring it (the aggressor's strength
  against the ally and the invoker, nuclear danger, its own wish to avoid that war);
- sanctions: the target compares what holding out would cost it a turn (the measures' bite,
  discounted at the threat stage by how credible the sender is) with what giving in would cost
  (the demanded issue's worth to it, raised against adversaries and by a public pledge, read
  through its private noise; larger for hawks). Weak targets give in to threats; those still
  resisting after imposition are the resolute ones;
- force: attackers count the defender's reliable allies and based forces (deterrence), nuclear
  arms and their own wish to avoid war; targets answer force according to the balance and their
  doctrine;
- ultimatums: the target weighs the issue's worth against the threat (force: the issuer's
  strength and credibility; sanctions: their bite); the issuer threatens what it is ready to do
  and weighs the audience costs against the cost of carrying it out;
- deals: what the terms give and take, each issue at its worth, a payment at its share of the
  economy; a rejected near-deal is countered.
"""

from __future__ import annotations

from ..legality import check_orders
from ..rng import Rng
from ..view import SeatView
from .answers import AnswerJudgements
from .doctrine import DoctrineMoves
from .institutions import InstitutionJudgements
from .mind import Decision, logistic
from .objectives import ObjectiveMoves
from .styles import DOCTRINES, STYLE


class HeuristicPlayer:
    name = "heuristic"

    def __init__(self, doctrine: str | None = None):
        if doctrine is not None and doctrine not in DOCTRINES:
            raise ValueError(
                f"unknown doctrine {doctrine!r} (expected one of {', '.join(DOCTRINES)})"
            )
        self.doctrine = doctrine

    def decide(self, view: SeatView, rng: Rng) -> Decision:
        assert view.seat is not None
        me = view.seat
        s = view.state
        doctrine = self.doctrine or s.scenario.state(me).doctrine
        mind = _Mind(s, me, STYLE[doctrine], rng, view.private_seed, view.events)
        mind.answer_pending()
        mind.refine_answers()
        mind.respond_to_force()
        mind.read_messages()
        mind.pursue_objectives()
        mind.institution_moves()
        mind.doctrine_moves(doctrine)
        orders = mind.decision.orders
        # drop anything that turned out illegal (e.g. the action limit) rather than waste it
        keep = [i for i, r in enumerate(check_orders(s, me, orders)) if r is None]
        mind.decision.orders = [orders[i] for i in keep]
        mind.decision.reasons = [mind.decision.reasons[i] for i in keep] + mind.notes
        return mind.decision


class _Mind(AnswerJudgements, ObjectiveMoves, DoctrineMoves, InstitutionJudgements):
    """One turn's thinking for one seat: every judgement, from the modules listed above.
    Their method names never clash, so the order of the bases changes nothing."""


__all__ = ["DOCTRINES", "STYLE", "Decision", "HeuristicPlayer", "logistic"]
