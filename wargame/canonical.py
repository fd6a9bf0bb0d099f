"""Plain data the way hashes need it: the same on every machine."""

from __future__ import annotations

import json
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


def canonical_text(value: Any) -> str:
    """`value` as canonical JSON: rounded as `canonical` rounds, keys sorted, no spaces."""
    return json.dumps(canonical(value), sort_keys=True, separators=(",", ":"))


# Most records are the same objects from one state to the next (a treaty in force for a hundred
# turns), so each record's canonical JSON is kept by the record: a snapshot or the archive's
# fingerprint then encodes only what a turn changed. The entry holds its record, so that its id
# is not reused while the entry lives; past KEPT_RECORD_TEXTS they are all forgotten.
KEPT_RECORD_TEXTS = 1 << 14
_RECORD_TEXTS: dict[int, tuple[Any, str]] = {}


def record_text(record: Any) -> str:
    """`canonical_text(record._asdict())` of a record (a named tuple), worked out once."""
    entry = _RECORD_TEXTS.get(id(record))
    if entry is None or entry[0] is not record:
        if len(_RECORD_TEXTS) >= KEPT_RECORD_TEXTS:
            _RECORD_TEXTS.clear()
        entry = (record, canonical_text(record._asdict()))
        _RECORD_TEXTS[id(record)] = entry
    return entry[1]
