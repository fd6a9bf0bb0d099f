"""Hand-built crisis records (the shape `wargame.calibration.records.crisis_record` writes), so the
rows and the report can be checked on known numbers without playing games."""

from __future__ import annotations

from typing import Any


def episode(cost: str, conceded: bool, threatened: bool = True, imposed: bool = False) -> dict:
    return {
        "cost": cost,
        "conceded": conceded,
        "conceded_at": ("imposition" if imposed else "threat") if conceded else None,
        "threatened": threatened,
        "imposed": imposed,
        "pivotal": conceded,
        "retaliation": False,
    }


def record(scenario: str, sanctions=(), disputes=(), wars=(), invocations=(), votes=()) -> dict:
    out: dict[str, Any] = {
        "scenario": scenario,
        "sanctions": list(sanctions),
        "disputes": list(disputes),
        "wars": list(wars),
        "invocations": list(invocations),
        "council_votes": list(votes),
    }
    return out


def disputes(n: int, wars: int) -> list[dict]:
    """n disputes of which `wars` became (reciprocated) wars."""
    return [{"war": i < wars, "reciprocated": True} for i in range(n)]


def calls(kind: str, honoured: int, declined: int) -> list[dict]:
    answers = [{"honoured": True}] * honoured + [{"honoured": False}] * declined
    return [{"kind": kind, "within_terms": True, "answers": answers}]
