"""Small helpers for the texts players read: lists of names in plain English."""

from __future__ import annotations

from collections.abc import Iterable


def listing(items: Iterable[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def counted(n: int, noun: str) -> str:
    """'1 obligation', '2 obligations' (nouns that take an s)."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


# how an order form names each field, in the desktop app, the browser and the terminal alike (a
# field not listed is named after itself)
FIELD_LABELS = {
    "target": "Target state",
    "against": "Against",
    "to": "With",
    "between": "Between",
    "treaty": "Treaty",
    "measure": "Measure",
    "episode": "Sanctions",
    "proposal": "Proposal",
    "accept": "Your answer",
    "ultimatum": "Ultimatum",
    "comply": "Your answer",
    "mediation": "Offer",
    "invocation": "Call for help",
    "honour": "Your answer",
    "resolution": "The draft would",
    "population": "Population",
    "draft": "Draft resolution",
    "vote": "Your vote",
    "organization": "Organization",
    "demand": "Demand",
    "cap": "Cap on military capability",
    "verification": "Verification (share of cheating caught)",
    "note": "Note (optional)",
    "issue": "Issue at stake",
    "status": "Status demanded",
    "public": "Made",
    "demand_issue": "They concede on",
    "demand_status": "So that it becomes",
    "offer_issue": "You concede on",
    "offer_status": "So that it becomes",
    "payment": "Side payment, % of GDP (less than 0: asked of them)",
    "text": "Message",
}
KIND_FIELD_LABELS = {
    ("ProposeAgreement", "treaty"): "Kind of agreement",
    ("ChangeIssue", "status"): "Your stand",
}


def field_label(kind: str, name: str) -> str:
    """The label of field `name` in the form of an order of `kind`."""
    return KIND_FIELD_LABELS.get(
        (kind, name), FIELD_LABELS.get(name, name.replace("_", " ").capitalize())
    )
