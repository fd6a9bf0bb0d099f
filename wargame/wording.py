"""Small helpers for the texts players read: lists of names in plain English."""

from __future__ import annotations

from collections.abc import Iterable


def listing(items: Iterable[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
