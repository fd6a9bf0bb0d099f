"""Ended records, archived out of the live state.

A long session piles up records that can no longer change: proposals answered or expired,
mediations declined or over, disputes and wars ended, treaties broken or ended, sanctions
episodes over, Council drafts that failed, ultimatums settled. Rules never touch them again,
so scanning, copying and hashing them at every turn would make turn 200 cost far more than
turn 5 (and `verify` grow as the square of the turns).

Each state therefore keeps, for every kind of record that can end, a `Ledger`: every record in
the order it was made (`full`, what readers of the whole crisis see: scores, the debrief,
views), and the records still live (`live`, with their positions in `full`), which alone a turn
copies, scans and edits. A state's fingerprint covers the live records and the `digest` of the
archive: a chain of hashes, each turn adding the records it archived, so hashing a state costs
the same at turn 200 as at turn 5 while still committing to every record ever made.

Two kinds of record are read for the whole crisis although they never change again: the
regional organizations' calls (SEALED_AS_MADE) and adopted resolutions other than peacekeeping
(SETTLED_LIVE). A turn still reads them, but the fingerprint covers them through the digest from
the turn they are made or settle. A state's snapshot also lists, in full, the records archived or
sealed by the turn that made it, so every record's final form is in the saved log once.

A state built another way (a seat's masked view filters `proposals`, a client decodes a view)
has no ledger matching its tuple: every record of that kind then counts as live, which is what
every state was before archiving, so the rules read it alike.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from .canonical import record_text
from .enums import (
    LIVE_STAGES,
    DraftStatus,
    MediationStatus,
    ProposalStatus,
    ResolutionKind,
    TreatyStatus,
    UltimatumStatus,
)


def _treaty_over(t: Any) -> bool:
    return t.status != TreatyStatus.ACTIVE


def _proposal_over(p: Any) -> bool:
    return p.status != ProposalStatus.OPEN


def _episode_over(e: Any) -> bool:
    return e.stage not in LIVE_STAGES


def _ended(record: Any) -> bool:  # disputes and wars
    return record.ended_turn is not None


def _draft_over(d: Any) -> bool:
    # an adopted draft stays live: its authorization and its peacekeepers still count
    return d.status in (DraftStatus.FAILED, DraftStatus.VETOED)


def _mediation_over(m: Any) -> bool:
    return m.status in (MediationStatus.DECLINED, MediationStatus.ENDED)


def _ultimatum_over(u: Any) -> bool:
    return u.status in (
        UltimatumStatus.COMPLIED,
        UltimatumStatus.ENFORCED,
        UltimatumStatus.BACKED_DOWN,
    )


# the GameState fields whose records end, and when a record of each has ended for good (no rule
# changes it again; invocations and regional calls are read for the whole crisis and stay live)
ARCHIVED: tuple[tuple[str, Callable[[Any], bool]], ...] = (
    ("treaties", _treaty_over),
    ("proposals", _proposal_over),
    ("sanctions", _episode_over),
    ("disputes", _ended),
    ("wars", _ended),
    ("drafts", _draft_over),
    ("mediations", _mediation_over),
    ("ultimatums", _ultimatum_over),
)
ARCHIVED_FIELDS = tuple(name for name, _ in ARCHIVED)


def _resolution_settled(d: Any) -> bool:
    # an adopted resolution never changes again, but rules still read it (an authorization of
    # force, a matter the Council is seized of); a peacekeeping mission's consent and troops do
    return d.status == DraftStatus.ADOPTED and d.kind != ResolutionKind.PEACEKEEPING


# live records that can no longer change: a turn still reads them, but a state's fingerprint
# covers them through the archive's digest from the turn they settle
SETTLED_LIVE: dict[str, Callable[[Any], bool]] = {"drafts": _resolution_settled}


def hashed_live(name: str, live: tuple) -> tuple:
    """The live records of a kind that a state's fingerprint lists in full."""
    settled = SETTLED_LIVE.get(name)
    return live if settled is None else tuple(r for r in live if not settled(r))


# records that never change once made but that rules read in full (every regional call counts in
# later Council votes): a turn keeps them all, but a state's fingerprint covers them through the
# archive's digest from the turn they are made, so hashing does not grow with them
SEALED_AS_MADE = ("regional_calls",)


class Ledger(NamedTuple):
    """One kind of record in a state: all of them, the live ones and where those stand."""

    full: tuple  # every record, in the order made
    live: tuple  # the records that can still change
    where: tuple[int, ...]  # the position in `full` of each live record

    @classmethod
    def all_live(cls, records: tuple) -> Ledger:
        return cls(records, records, tuple(range(len(records))))


class Fingerprint:
    """The archive's digest, chained from the one before: worked out when first read (a state's
    hash reads it; the computer players' simulated turns never do, and would spend a JSON text
    and a hash per archived record on it)."""

    __slots__ = ("_before", "_added", "_digest")

    def __init__(self, before: Fingerprint | None, added: tuple[tuple[str, Any], ...]):
        self._before = before
        self._added = added
        self._digest: str | None = None if added or before is not None else ""

    @property
    def digest(self) -> str:
        if self._digest is None:
            pending: list[Fingerprint] = []  # iteratively: a long session chains 200 of them
            link: Fingerprint | None = self
            while link is not None and link._digest is None:
                pending.append(link)
                link = link._before
            digest = link._digest if link is not None else ""
            for link in reversed(pending):  # (links are never cleared: threads may share them)
                digest = link._digest = chain(digest, link._added)
        assert self._digest is not None
        return self._digest

    def __reduce__(self) -> tuple[Callable[[str], Fingerprint], tuple[str]]:
        return _worked_out, (self.digest,)  # a copy or a pickle carries the value, not the chain


def _worked_out(digest: str) -> Fingerprint:
    fingerprint = Fingerprint(None, ())
    fingerprint._digest = digest
    return fingerprint


class Archive(NamedTuple):
    """A state's ledgers (by field name), the records of SEALED_AS_MADE already in the digest
    (by field name: the state's tuple of them), and the fingerprint of everything archived."""

    ledgers: dict[str, Ledger]
    fingerprint: Fingerprint = Fingerprint(None, ())
    sealed: dict[str, tuple] = {}
    # the records archived (or sealed) by the turn that made this state, in their final form, as
    # (field, record): the state's snapshot lists them, so every record's last form is in the log
    # once, in the turn it ended
    last: tuple[tuple[str, Any], ...] = ()

    @property
    def digest(self) -> str:
        return self.fingerprint.digest

    def sealed_count(self, name: str, records: tuple) -> int:
        """How many of `records` (a state's field `name`) the digest already covers."""
        return len(records) if self.sealed.get(name) is records else 0


def chain(digest: str, archived: Sequence[tuple[str, Any]]) -> str:
    """The archive's fingerprint once `archived` ((field, record) pairs) is added to it."""
    if not archived:
        return digest
    # the canonical JSON of [[name, record as a dict], ...], from each record's remembered text
    text = "[" + ",".join(f"[{json.dumps(name)},{record_text(r)}]" for name, r in archived) + "]"
    return hashlib.sha256(f"{digest}|{text}".encode()).hexdigest()[:32]
