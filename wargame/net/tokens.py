"""The seat tokens a client keeps, so that a restarted program comes back into its seat.

One small file in the user's data folder (`class-seats.json`, readable by its owner only),
keyed by the host's address and the seat. A token only lets its holder back into the seat it was
given for; a lost or stale one costs nothing (the client joins again with the code).
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from ..paths import data_dir

FILE_NAME = "class-seats.json"
MAX_ENTRIES = 50  # the newest are kept
MAX_BYTES = 256 * 1024


def default_path() -> Path:
    return data_dir() / FILE_NAME


class SeatTokens:
    def __init__(self, path: Path | None = None):
        self.path = path if path is not None else default_path()

    def get(self, url: str, seat: str) -> str | None:
        token = self._read().get(_key(url, seat))
        return token if isinstance(token, str) else None

    def put(self, url: str, seat: str, token: str) -> None:
        """Remember the token (best effort: a client without a writable folder still plays)."""
        entries = self._read()
        entries.pop(_key(url, seat), None)
        entries[_key(url, seat)] = token
        entries = dict(list(entries.items())[-MAX_ENTRIES:])
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(entries, f)
            os.replace(tmp, self.path)

    def _read(self) -> dict[str, str]:
        try:
            if self.path.stat().st_size > MAX_BYTES:
                return {}
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def _key(url: str, seat: str) -> str:
    return f"{url} {seat}"
