"""The casebook scenario with issues at stake: a strait Brin closes, a base Alba hosts, and a
village Brin's militias threaten, with what each is worth to whom."""

from __future__ import annotations

from typing import Any

from casebook import scenario, start

STRAIT = {
    "id": "strait",
    "name": "Passage through the strait",
    "kind": "access",
    "held_by": "brin",
    "status": "closed",
    "outcomes": {"closed": "Brin searches every ship.", "open": "Ships pass freely."},
    "stakes": [
        {"state": "alba", "wants": "open", "worth": 1.0},
        {"state": "brin", "wants": "closed", "worth": 0.5},
        {"state": "cora", "wants": "open", "worth": 0.2},
    ],
}
BASE = {
    "id": "base",
    "name": "Cora's base in Alba",
    "kind": "basing",
    "held_by": "alba",
    "status": "hosting",
    "outcomes": {
        "hosting": "Cora's ships use Alba's port.",
        "closed": "The port is closed to them.",
    },
    "stakes": [
        {"state": "alba", "wants": "hosting", "worth": 0.3},
        {"state": "brin", "wants": "closed", "worth": 0.6},
    ],
}
VILLAGE = {
    "id": "village",
    "name": "The siege of the hill villages",
    "kind": "protection",
    "held_by": "brin",
    "status": "siege",
    "outcomes": {
        "siege": "Brin's militias besiege the villages.",
        "lifted": "The siege is lifted.",
    },
    "stakes": [
        {"state": "brin", "wants": "siege", "worth": 0.8},
        {"state": "cora", "wants": "lifted", "worth": 0.5},
    ],
    "population": "villagers",
    "safe_status": "lifted",
}
VILLAGERS = {
    "id": "villagers",
    "name": "The hill villagers",
    "in_state": "brin",
    "people": 100000,
    "threat": 0.05,
    "perpetrator": "brin",
}


def issue_scenario(**changes: Any):
    """The casebook scenario with the three issues (and the villagers at risk)."""
    data = {"issues": [STRAIT, BASE, VILLAGE], "populations": [VILLAGERS]}
    return scenario(**(data | changes))


def issue_start(seed: int = 1, **changes: Any):
    return start(issue_scenario(**changes), seed)
