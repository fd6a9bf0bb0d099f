"""Words for what the engine names with ids: states, treaties, proposals, orders.

Pure Python (no Qt) so the words can be tested on their own. A `Labeller` reads one seat's view
of the state, so it can only describe what that seat may know.
"""

from __future__ import annotations

from typing import Any

from wargame.orders import Order
from wargame.rules.diplomacy import SendMessage
from wargame.state import GameState

TREATY_LABELS = {
    "alliance": "alliance",
    "defense_pact": "defense pact",
    "non_aggression": "non-aggression pact",
    "basing": "basing agreement",
    "intelligence_sharing": "intelligence sharing",
    "joint_exercises": "joint exercises",
    "arms_control": "arms control (cap with verification)",
    "ceasefire": "ceasefire",
    "peace": "peace agreement",
}
MEASURE_LABELS = {
    "trade": "trade restrictions",
    "assets": "asset freeze",
    "financial": "financial penalties",
}
RESOLUTION_LABELS = {
    "condemn": "condemn",
    "sanction": "impose UN sanctions on",
    "authorize_force": "authorize force against",
    "peacekeeping": "send peacekeepers to",
}
BOOL_LABELS = {
    "accept": ("Accept", "Reject"),
    "comply": ("Comply (give in)", "Defy"),
    "honour": ("Honour the commitment", "Decline"),
    "public": ("In public", "In private"),
}
# a status field and the issue field it belongs to (shown together: "Passage...: open")
ISSUE_OF_STATUS = {
    "status": "issue",
    "demand_status": "demand_issue",
    "offer_status": "offer_issue",
}
# order fields that mean nothing at these values, left out of an order's one-line description
SILENT_VALUES = {"payment": (0, 0.0), "public": (True,)}
VOTE_LABELS = {"yes": "Yes", "no": "No", "abstain": "Abstain"}
INDICATORS = ("military", "economy", "stability", "reputation")


def pretty(name: str) -> str:
    return name.replace("_", " ")


class Labeller:
    def __init__(self, state: GameState):
        self.state = state
        self.scenario = state.scenario

    # --- single things ------------------------------------------------------------------------

    def name(self, state_id: str) -> str:
        try:
            return self.scenario.state(state_id).name
        except KeyError:
            return state_id

    def names(self, ids: tuple[str, ...] | list[str]) -> str:
        names = [self.name(i) for i in ids]
        if len(names) <= 1:
            return "".join(names)
        return ", ".join(names[:-1]) + " and " + names[-1]

    def treaty(self, treaty_id: str, seat: str | None = None) -> str:
        t = self.state.treaty(treaty_id)
        if t is None:
            return treaty_id
        others = [m for m in t.members if m != seat]
        return f"{TREATY_LABELS.get(t.kind, pretty(t.kind))} with {self.names(others)}"

    def proposal(self, proposal_id: str) -> str:
        p = next((p for p in self.state.proposals if p.id == proposal_id), None)
        if p is None:
            return proposal_id
        terms = (
            f" (cap {p.cap:g}, verification {p.verification:.0%})"
            if p.cap is not None and p.verification is not None
            else ""
        )
        return (
            f"{self.name(p.proposer)} proposes a {TREATY_LABELS.get(p.kind, pretty(p.kind))}{terms}"
        )

    def episode(self, episode_id: str) -> str:
        e = next((e for e in self.state.sanctions if e.id == episode_id), None)
        if e is None:
            return episode_id
        return f"{self.names(e.senders)} against {self.name(e.target)}: {MEASURE_LABELS.get(e.measure, e.measure)} ({e.stage})"

    def ultimatum(self, ultimatum_id: str) -> str:
        u = next((u for u in self.state.ultimatums if u.id == ultimatum_id), None)
        return (
            ultimatum_id if u is None else f"{self.name(u.issuer)} demands: \u201c{u.demand}\u201d"
        )

    def mediation(self, mediation_id: str) -> str:
        m = next((m for m in self.state.mediations if m.id == mediation_id), None)
        if m is None:
            return mediation_id
        return f"{self.name(m.mediator)} offers to mediate between {self.names(m.parties)}"

    def invocation(self, invocation_id: str) -> str:
        i = next((i for i in self.state.invocations if i.id == invocation_id), None)
        if i is None:
            return invocation_id
        terms = "within the treaty's terms" if i.within_terms else "outside the treaty's terms"
        return f"{self.name(i.invoker)} calls for help against {self.name(i.against)} ({terms})"

    def draft(self, draft_id: str) -> str:
        d = next((d for d in self.state.drafts if d.id == draft_id), None)
        if d is None:
            return draft_id
        return f"{self.name(d.sponsor)}'s draft to {RESOLUTION_LABELS.get(d.kind, d.kind)} {self.name(d.target or '')}".rstrip()

    def population(self, population_id: str) -> str:
        spec = next((p for p in self.scenario.populations if p.id == population_id), None)
        return population_id if spec is None else f"{spec.name} in {self.name(spec.in_state)}"

    def organization(self, org_id: str) -> str:
        org = next((o for o in self.scenario.organizations.regional if o.id == org_id), None)
        return org_id if org is None else org.name

    def issue(self, issue_id: str) -> str:
        """An issue at stake by its name (scenarios without issues have none)."""
        spec = self._issue(issue_id)
        return issue_id if spec is None else str(getattr(spec, "name", issue_id))

    def issue_status(self, issue_id: str, status: str) -> str:
        """A status of an issue in words: 'open: ships of every flag pass freely'."""
        if not status:
            return "as you want it"
        spec = self._issue(issue_id)
        outcome = (getattr(spec, "outcomes", None) or {}).get(status, "") if spec else ""
        return f"{pretty(status)}: {outcome}" if outcome else pretty(status)

    def _issue(self, issue_id: str):  # noqa: ANN202 - the scenario's issue, if any
        return next(
            (i for i in getattr(self.scenario, "issues", ()) or () if i.id == issue_id), None
        )

    # --- order fields and whole orders --------------------------------------------------------

    def value(self, kind: str, field: str, value: Any, seat: str | None = None) -> str:
        """How to show one value of an order field in a form or a list."""
        if isinstance(value, bool):
            yes, no = BOOL_LABELS.get(field, ("Yes", "No"))
            return yes if value else no
        if field in ("target", "against", "beneficiary"):
            return self.name(value)
        if field in ("to", "between"):
            return self.names(tuple(value))
        if field == "treaty":
            return (
                TREATY_LABELS.get(value, pretty(value))
                if kind == "ProposeAgreement"
                else self.treaty(value, seat)
            )
        lookups = {
            "measure": lambda v: MEASURE_LABELS.get(v, v),
            "resolution": lambda v: RESOLUTION_LABELS.get(v, pretty(v)),
            "vote": lambda v: VOTE_LABELS.get(v, v),
            "proposal": self.proposal,
            "episode": self.episode,
            "ultimatum": self.ultimatum,
            "mediation": self.mediation,
            "invocation": self.invocation,
            "draft": self.draft,
            "population": self.population,
            "organization": self.organization,
        }
        if field in lookups:
            return lookups[field](value)
        if field in ("issue", "demand_issue", "offer_issue"):
            return self.issue(value) if value else "none"
        if field in ("status", "demand_status", "offer_status"):
            return value if not value else pretty(str(value))
        if field == "verification" and isinstance(value, float):
            return f"{value:.0%}"
        if isinstance(value, float):
            return f"{value:g}"
        return str(value)

    def order(self, order: Order) -> str:
        """One line for a queued order: 'Threaten sanctions: Borduria, trade restrictions'."""
        if isinstance(order, SendMessage):
            what = "Public statement to" if order.public else "Message to"
            text = order.text if len(order.text) <= 60 else order.text[:57] + "..."
            return f"{what} {self.names(order.to)}: \u201c{text}\u201d"
        parts = []
        for field, value in order.to_dict().items():
            if field in ("kind", "actor") or value in ("", None, [], ()):
                continue
            if value in SILENT_VALUES.get(field, ()):
                continue
            if isinstance(value, list):
                value = tuple(value)
            words = self.value(order.kind, field, value, order.actor)
            issue = ISSUE_OF_STATUS.get(field)
            if issue is not None and parts and getattr(order, issue, "") not in ("", None):
                parts[-1] = f"{parts[-1]}: {words}"  # an issue and the status asked: one part
                continue
            parts.append(words)
        return order.label + (": " + ", ".join(parts) if parts else "")
