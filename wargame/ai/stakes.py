"""What the issues at stake are worth to the seat, and what it could demand of others: the
readings every judgement of coercion and bargaining shares.

An issue's worth to a state is its stake in the scenario (the cost, in % of its GDP a turn, it
would bear rather than give up the status it wants) plus what its own objectives ride on it. The
seat reads it through a small private noise drawn from its own key (its view's `private_seed`):
how much a government will really bear is its own secret, and no other seat can recompute it.

How hard a target resists a demand (its resolve) is that worth, read through its relations with
the senders: adversaries resist more, because they expect conflict to come again and fear that
conceding strengthens a rival (Drezner 2003, "The Hidden Hand of Economic Coercion").
"""

from __future__ import annotations

import math

from ..rng import Rng, derive_seed
from .mind import Mind, logistic, per_scenario

POINT_WORTH = 0.01  # % of GDP a turn that one objective point riding on an issue is worth (tuned)
FACE_WORTH = 0.15  # giving in on an issue a state has no stake in still costs it face (tuned)
# a blanket demand names nothing: the target cannot tell what would satisfy the sender, and
# giving in to it is open-ended humiliation (tuned): threat_concession, imposed_success
BLANKET_WORTH = 1.0
WORTH_NOISE = 0.7  # spread (lognormal sigma) of a government's private reading of its resolve
# conflict expectations: resolve is multiplied by exp(-DREZNER x relations with the senders/100),
# so a target facing an adversary (-50) resists 1.5 times as hard, a friend (+50) 0.67 (tuned)
DREZNER = 0.8
# how an issue's worth (what the state would bear a turn rather than give it up) becomes resolve
# against one turn of sanctions: a government expects some of its loss back later (a concession
# can be renegotiated) (tuned): threat_concession, success_minor/major/severe
RESOLVE_SCALE = 0.6
# the chance that the leaders hold a demand non-negotiable (their rule, their honour staked on
# it): logistic(VITAL_BIAS + VITAL_STAKES x ln(worth / VITAL_REFERENCE) - VITAL_HOSTILITY x
# relations/100); such a demand is worth VITAL_FACTOR times more to them (tuned): imposed_success,
# imposition_concession, success_major, success_severe, success_monotonic (a larger factor puts
# vital demands beyond any cost, and success no longer rises with it: 6 until rules edition 9)
VITAL_BIAS = -0.8
VITAL_STAKES = 1.0
VITAL_HOSTILITY = 1.5
VITAL_REFERENCE = 0.5
VITAL_FACTOR = 3.0


class StakeJudgements(Mind):
    # --- names -----------------------------------------------------------------------------------

    def issue_name(self, issue_id: str | None) -> str:
        spec = self.s.scenario.issue(issue_id) if issue_id else None
        return spec.name if spec is not None else "nothing in particular"

    # --- worth -----------------------------------------------------------------------------------

    def objective_points_on(self, issue_id: str, status: str) -> int:
        """Points of this seat's objectives that want the issue at `status`."""
        return sum(
            o.points
            for o in self._objectives.get("issue_status", ())
            if o.condition.issue == issue_id and o.condition.status == status
        )

    def value_of(self, issue_id: str, status: str) -> float:
        """What the issue standing at `status` is worth to this seat, % of GDP a turn. It
        depends on the scenario alone (the stakes and the seat's objectives), so it is worked out
        once per scenario: every demand and deal of every decision weighs it again."""
        worths = per_scenario(self.s.scenario, "worths", lambda _: {})
        key = (self.me, issue_id, status)
        found = worths.get(key)
        if found is None:
            found = worths[key] = self._reckon_value(issue_id, status)
        return found

    def _reckon_value(self, issue_id: str, status: str) -> float:
        spec = self.s.scenario.issue(issue_id)
        if spec is None:
            return 0.0
        stake = spec.stake(self.me)
        value = stake.worth if stake is not None and stake.wants == status else 0.0
        return value + POINT_WORTH * self.objective_points_on(issue_id, status)

    def loss_if(self, issue_id: str, status: str) -> float:
        """What the issue moving from its present status to `status` would cost this seat a
        turn (negative: a gain)."""
        now = self.s.issue(issue_id)
        if now is None:
            return 0.0
        return self.value_of(issue_id, now.status) - self.value_of(issue_id, status)

    def private_draws(self, *key: object) -> tuple[float, float]:
        """Two private uniform draws of this government, stable for the key."""
        rng = Rng(derive_seed(self.private_seed, "worth", *key))
        return max(rng.random(), 1e-12), rng.random()

    def private_factor(self, *key: object) -> float:
        """This government's private reading of a worth: lognormal around 1, stable for the key."""
        u1, u2 = self.private_draws(*key)
        z = math.sqrt(-2.0 * math.log(u1)) * math.cos(2 * math.pi * u2)
        return math.exp(WORTH_NOISE * z)

    def vital_chance(self, base: float, relations: float) -> float:
        """The chance that the leaders hold a demand to be non-negotiable: likelier the more the
        issue is worth to them and the more hostile the senders."""
        x = (
            VITAL_BIAS
            + VITAL_STAKES * math.log(max(base, 1e-6) / VITAL_REFERENCE)
            - VITAL_HOSTILITY * relations / 100
        )
        return logistic(x)

    def resolve(
        self, issue_id: str | None, status: str | None, senders: tuple[str, ...], key: str
    ) -> float:
        """How much giving in to this demand would cost us, as we weigh it (% of GDP a turn):
        the issue's worth to us (face alone if we have no stake; more for a blanket demand),
        raised against adversaries and lowered for friends (conflict expectations), read
        through our private noise."""
        public, vital_p = self.public_resolve(issue_id, status, senders)
        vital = self.private_draws("vital", key)[0] < vital_p
        return public * self.private_factor(key) * (VITAL_FACTOR if vital else 1.0)

    def public_resolve(
        self, issue_id: str | None, status: str | None, senders: tuple[str, ...]
    ) -> tuple[float, float]:
        """The resolve anyone who knows the stakes could work out, before the government's
        private reading (its noise, and whether it holds the demand non-negotiable), and the
        chance that it does hold it so."""
        if issue_id is None or status is None:
            base = BLANKET_WORTH
        else:
            base = max(FACE_WORTH, self.loss_if(issue_id, status))
        relations = sum(self.rel(x) for x in senders) / max(1, len(senders))
        resolve = RESOLVE_SCALE * base * math.exp(-DREZNER * relations / 100)
        return resolve, self.vital_chance(base, relations)

    # --- demands ---------------------------------------------------------------------------------

    def demands_on(self, target: str) -> list[tuple[str, str, float]]:
        """What we could demand of `target`: (issue, status, gain to us a turn), best first, for
        every issue it decides whose status we would rather see changed."""
        out = []
        for issue in self.s.issues:
            if issue.held_by != target:
                continue
            spec = self.s.scenario.issue(issue.id)
            for status in spec.outcomes:
                gain = -self.loss_if(issue.id, status)
                if status != issue.status and gain > 0:
                    out.append((issue.id, status, gain))
        return sorted(out, key=lambda d: -d[2])

    def best_demand(self, target: str) -> tuple[str, str, float] | None:
        demands = self.demands_on(target)
        return demands[0] if demands else None

    def pressing(self, target: str) -> bool:
        """Do we already press this demand (or any) on the target: a live threat, sanctions or
        an open ultimatum?"""
        s, me = self.s, self.me
        return any(
            e.target == target and me in e.senders and e.stage in ("threatened", "imposed")
            for e in s.sanctions
        ) or any(
            u.issuer == me and u.target == target and u.status in ("pending", "defied")
            for u in s.ultimatums
        )
