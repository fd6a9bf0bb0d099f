"""Join codes and seat tokens: the secrets that let a person into one seat of one class.

A join code is what the facilitator hands a team (on the projector, a slip of paper): 8 characters
from an alphabet without look-alikes (no 0/O, 1/I/L), shown as two groups of four. That is 31^8,
about 8.5e11 codes per seat; with the host's limit on failed attempts a classroom could not guess
one in years. A seat token is what a client keeps to come back into its seat after a dropped
connection or a restart without typing the code again; the host keeps only its hash.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
TOKEN_BYTES = 32


def new_code() -> str:
    """A fresh join code, e.g. 'K7QX-M2TB'."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalize_code(text: str) -> str:
    """The code as typed, in canonical form: case, spaces and dashes do not matter."""
    raw = "".join(ch for ch in text.upper() if ch not in " -\t")
    return f"{raw[:4]}-{raw[4:]}" if len(raw) == CODE_LENGTH else raw


def codes_match(expected: str, given: str) -> bool:
    """Constant-time comparison, so timing does not tell how much of a guess was right."""
    return hmac.compare_digest(normalize_code(expected).encode(), normalize_code(given).encode())


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_digest(token: str) -> str:
    """What the host stores of a token: enough to recognise it, useless to present."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def token_matches(digest: str, token: str) -> bool:
    return hmac.compare_digest(digest, token_digest(token))
