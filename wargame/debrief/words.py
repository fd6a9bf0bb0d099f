"""Words and numbers for people: names instead of ids, numbers without float noise, orders and
computer players' reasons in plain words. Pure Python; used by the debrief, the report and the
handouts (the GUI has its own labeller for forms in ui/labels.py)."""

from __future__ import annotations

import math
import re
from typing import Any

from ..enums import TREATY_WORDS, Rung
from ..orders import Order
from ..rules.diplomacy import SendMessage
from ..scenario import Scenario
from ..state import GameState, by_id
from ..wording import listing

MEASURE_WORDS = {
    "trade": "trade restrictions",
    "assets": "asset freeze",
    "financial": "financial penalties",
}
RESOLUTION_WORDS = {
    "condemn": "condemn",
    "sanction": "impose UN sanctions on",
    "authorize_force": "authorize force against",
    "peacekeeping": "send peacekeepers to",
}
ANSWER_WORDS = {
    "accept": ("accept", "reject"),
    "comply": ("comply", "defy"),
    "honour": ("honour it", "decline"),
}
# order fields that name a record of the state, and where the state keeps those records
REFERENCES = {
    "proposal": "proposals",
    "episode": "sanctions",
    "ultimatum": "ultimatums",
    "mediation": "mediations",
    "invocation": "invocations",
    "draft": "drafts",
}
# numbers whose names say they are shares of one: shown as percentages
_SHARE = re.compile(r"chance|probability|share|\broll\b|verification", re.IGNORECASE)
_LOOKED_AHEAD = re.compile(
    r"Looked (\d+) turn\(s\) ahead over (\d+) plan\(s\); this one scored (-?[\d.]+)\.?"
)
MESSAGE_PREVIEW = 140


def number(value: float, decimals: int = 1) -> str:
    """A figure as people write it: 1,234 or 12.5 or 0.32, never 0.30000000000000004."""
    if not math.isfinite(value):
        return str(value)
    rounded = round(value, decimals)
    if rounded == int(rounded):
        return f"{int(rounded):,}"
    return f"{rounded:,.{decimals}f}".rstrip("0").rstrip(".")


def percent(share: float) -> str:
    """0.345 -> '35%'; small shares keep a decimal: 0.004 -> '0.4%'."""
    pct = share * 100
    if 0 < abs(pct) < 1:
        return f"{number(pct, 1)}%"
    return f"{number(pct, 0)}%"


def named_number(name: str, value: float) -> str:
    """'chance of yes: 95%', 'deaths: 3,840', 'economy lost, %: 1'."""
    if _SHARE.search(name) and 0.0 <= value <= 1.0:
        return f"{name}: {percent(value)}"
    decimals = 0 if abs(value) >= 100 else 2 if abs(value) < 1 else 1
    return f"{name}: {number(value, decimals)}"


def signed(value: float, decimals: int = 1) -> str:
    text = number(value, decimals)
    return text if text.startswith("-") or text == "0" else f"+{text}"


def rung_words(rung: int) -> str:
    return Rung(rung).words


class Words:
    """Names for the ids of one scenario: states, Council members, populations, organizations."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        names = dict(scenario.state_names)
        council = scenario.organizations.security_council
        if council is not None:
            names.update({b.id: b.name for b in council.bystanders})
        for org in scenario.organizations.regional:
            names.setdefault(org.id, org.name)
        for pop in scenario.populations:
            names.setdefault(pop.id, pop.name)
        self.names = names
        # longest ids first, so that "north" never eats part of "north_sea"
        ids = sorted(names, key=len, reverse=True)
        self._ids = re.compile(r"\b(" + "|".join(map(re.escape, ids)) + r")\b") if ids else None

    def name(self, ident: str | None) -> str:
        if ident is None:
            return ""
        return self.names.get(ident, ident.replace("_", " "))

    def names_of(self, ids: tuple[str, ...] | list[str]) -> str:
        return listing([self.name(i) for i in ids])

    def ids_to_names(self, text: str) -> str:
        """Replace bare ids in engine text ('court pellonia away from estmark') with names."""
        if self._ids is None:
            return text
        return self._ids.sub(lambda m: self.names[m.group(1)], text)

    def reason(self, text: str) -> str:
        """A computer player's reason in plain words."""
        found = _LOOKED_AHEAD.fullmatch(text.strip())
        if found:
            depth, plans, _score = found.groups()
            turns_words = "one turn" if depth == "1" else f"{depth} turns"
            if plans == "1":  # sessions saved before the look-ahead skipped a lone plan
                return f"Played its one plan {turns_words} ahead before committing to it."
            return (
                f"Weighed {plans} possible plans by playing each {turns_words} ahead, and chose "
                "the one that looked best for its objectives."
            )
        return self.ids_to_names(text)

    def order(self, order: Order, state: GameState | None = None) -> str:
        """One line for an order: 'Threaten sanctions: Borduria, trade restrictions'. With the
        state the order was given in, what it refers to (a proposal, a draft...) is described."""
        if isinstance(order, SendMessage):
            what = "Public statement to" if order.public else "Private message to"
            text = " ".join(order.text.split())
            if len(text) > MESSAGE_PREVIEW:
                text = text[: MESSAGE_PREVIEW - 1] + "\u2026"
            return f"{what} {self.names_of(order.to)}: \u201c{text}\u201d"
        if order.kind == "TableResolution":
            d = order.to_dict()
            aim = (
                self.name(d.get("population") or d.get("target"))
                if (d.get("population") or d.get("target"))
                else ""
            )
            what = RESOLUTION_WORDS.get(d["resolution"], str(d["resolution"]))
            return f"{order.label}: to {what} {aim}".rstrip()
        parts = []
        for field, value in order.to_dict().items():
            if field in ("kind", "actor") or value in ("", None, [], ()):
                continue
            if field == "public" and value is True:
                continue  # threats are public unless said otherwise
            if field == "payment" and not value:
                continue
            parts.append(self._value(order, field, value, state))
        return order.label + (": " + ", ".join(parts) if parts else "")

    def issue_words(self, issue_id: str, status: str | None = None) -> str:
        """An issue at stake by its name, with a status in the scenario's words."""
        spec = self.scenario.issue(issue_id)
        if spec is None:
            return issue_id.replace("_", " ")
        if status is None:
            return spec.name
        return f"{spec.name}: {spec.outcomes.get(status, status)}"

    def _value(self, order: Order, field: str, value: Any, state: GameState | None) -> str:
        if field == "public":
            return "in private"
        if field in ("issue", "demand_issue", "offer_issue"):
            prefix = {"demand_issue": "asking ", "offer_issue": "offering "}.get(field, "")
            return prefix + self.issue_words(value)
        if field in ("status", "demand_status", "offer_status"):
            issue = getattr(order, field.replace("status", "issue") if "_" in field else "issue")
            spec = self.scenario.issue(issue) if issue else None
            words = spec.outcomes.get(value, value) if spec is not None else str(value)
            return words.rstrip(".")  # a sentence in the scenario; here an item of a list
        if field == "threat":
            return "threatening " + (
                "force" if value == "force" else MEASURE_WORDS.get(value, value)
            )
        if field == "payment":
            return f"a side payment of {number(value)}"
        if isinstance(value, bool):
            yes, no = ANSWER_WORDS.get(field, ("yes", "no"))
            return yes if value else no
        if field in ("target", "against", "beneficiary", "population", "organization"):
            return self.name(value)
        if field in ("to", "between"):
            return self.names_of(tuple(value))
        if field == "treaty":
            if order.kind == "ProposeAgreement":
                return TREATY_WORDS.get(value, str(value).replace("_", " "))
            treaty = state.treaty(value) if state is not None else None
            if treaty is None:
                return f"treaty {value}"
            others = [m for m in treaty.members if m != order.actor]
            return f"the {TREATY_WORDS.get(treaty.kind, treaty.kind)} with {self.names_of(others)}"
        if field == "measure":
            return MEASURE_WORDS.get(value, value)
        if field == "resolution":
            return RESOLUTION_WORDS.get(value, str(value).replace("_", " "))
        if field == "verification" and isinstance(value, float):
            return f"verification {percent(value)}"
        if field == "cap" and isinstance(value, float):
            return f"cap {number(value)}"
        if isinstance(value, float):
            return number(value)
        if field in REFERENCES:
            found = None
            if state is not None:
                found = by_id(getattr(state, REFERENCES[field]), value)
            return self.record(field, found) if found is not None else f"{field} {value}"
        return self.ids_to_names(str(value))

    def record(self, field: str, r: Any) -> str:
        """What an answer or a vote refers to, in words."""
        if field == "proposal":
            kind = TREATY_WORDS.get(r.kind, r.kind)
            return f"the {kind} proposed by {self.name(r.proposer)} on turn {r.turn}"
        if field == "episode":
            return f"{self.names_of(r.senders)}'s {MEASURE_WORDS.get(r.measure, r.measure)} on {self.name(r.target)}"
        if field == "ultimatum":
            return f"{self.name(r.issuer)}'s ultimatum (\u201c{r.demand}\u201d)"
        if field == "mediation":
            return f"{self.name(r.mediator)}'s offer to mediate"
        if field == "invocation":
            return f"{self.name(r.invoker)}'s call for help against {self.name(r.against)}"
        if field == "draft":
            return self.draft(r)
        return str(r.id)

    def draft(self, d: Any) -> str:
        what = RESOLUTION_WORDS.get(d.kind, d.kind)
        target = self.name(d.population or d.target) if (d.population or d.target) else ""
        return f"{self.name(d.sponsor)}'s draft to {what} {target}".rstrip()
