"""A class's keys: each seat's join code and the hash of the token its client holds.

They are kept beside the session file (`crisis.wargame` -> `crisis.wargame-class`), readable by
its owner only, so that a host restarted with `wargame host --resume crisis.wargame` shows the
same codes and lets every client back into its seat by itself. They are not in the session file:
that file is shared, exported and verified, and holds the game, not who may play it.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .codes import new_code, new_token, token_digest, token_matches

KEYS_SUFFIX = "-class"
KEYS_VERSION = 1


class KeysError(ValueError):
    """A keys file that cannot be read or written; the message names it."""


class _KeysFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int = Field(ge=1, le=KEYS_VERSION)
    codes: dict[str, str] = Field(max_length=64)
    tokens: dict[str, str] = Field(max_length=64)  # seat -> sha256 of its current token


def keys_path(session_file: str | os.PathLike[str]) -> Path:
    path = Path(session_file)
    return path.with_name(path.name + KEYS_SUFFIX)


@dataclass
class ClassKeys:
    codes: dict[str, str]
    tokens: dict[str, str] = field(default_factory=dict)
    path: Path | None = None  # where changes are saved; None: kept in memory only

    @classmethod
    def fresh(cls, seats: tuple[str, ...], path: Path | None = None) -> ClassKeys:
        codes: dict[str, str] = {}
        while len(codes) < len(seats):  # distinct codes, so a code never opens two seats
            code = new_code()
            if code not in codes.values():
                codes[seats[len(codes)]] = code
        keys = cls(codes, {}, path)
        keys.save()
        return keys

    @classmethod
    def load_or_create(cls, path: Path, seats: tuple[str, ...]) -> ClassKeys:
        """The keys saved at `path`, or new ones (saved there) when there are none yet."""
        if not path.exists():
            return cls.fresh(seats, path)
        try:
            if path.stat().st_size > 64 * 1024:
                raise KeysError(f"{path} is far larger than a class's keys")
            data = _KeysFile.model_validate_json(path.read_bytes())
        except OSError as exc:
            raise KeysError(f"Cannot read the class keys {path}: {exc.strerror}") from None
        except ValidationError:
            raise KeysError(
                f"{path} does not hold a class's keys; move it away to hand out new codes"
            ) from None
        if set(data.codes) != set(seats):
            raise KeysError(f"{path} holds the keys of another session's seats")
        return cls(dict(data.codes), {s: t for s, t in data.tokens.items() if s in seats}, path)

    def issue_token(self, seat: str) -> str:
        """A new token for the seat; any earlier one stops working."""
        token = new_token()
        self.tokens[seat] = token_digest(token)
        self.save()
        return token

    def token_fits(self, seat: str, token: str) -> bool:
        digest = self.tokens.get(seat)
        return digest is not None and token_matches(digest, token)

    def save(self) -> None:
        if self.path is None:
            return
        data = _KeysFile(version=KEYS_VERSION, codes=self.codes, tokens=self.tokens)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(json.dumps(data.model_dump(), indent=1, sort_keys=True))
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise KeysError(f"Cannot save the class keys to {self.path}: {exc.strerror}") from None
