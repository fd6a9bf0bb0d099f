"""Plain data the way hashes need it: the same on every machine."""

from __future__ import annotations

from typing import Any


def canonical(value: Any) -> Any:
    """Plain data with floats rounded the way hashes need (the same on every machine)."""
    if isinstance(value, float):
        # rounding to 9 places keeps hashes equal across platforms' last-bit float noise
        return round(value, 9) + 0.0
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [canonical(v) for v in value]
    return value
