"""The lookups kept by immutable tuple (archive.py's live records, indexes by id, by seat, by
member) give what a scan of every record gives, on every state of long played games; and a
snapshot written piece by piece is the text `json.dumps` writes of the whole."""

from __future__ import annotations

import functools
import hashlib
import json
import pickle
from dataclasses import replace
from pathlib import Path

import pytest

from wargame.ai import make_player
from wargame.ai.heuristic import STYLE, _Mind
from wargame.archive import ARCHIVED, Archive, Ledger, chain
from wargame.canonical import canonical
from wargame.enums import DEFENSIVE_KINDS, TreatyKind
from wargame.rng import Rng
from wargame.rules import power
from wargame.scenario import parse_scenario
from wargame.scenario.loader import read_yaml
from wargame.state import SCANNED_UP_TO, GameState, by_id, canonical_json
from wargame.view import masked_state, seen_proposals, seen_sanctions

from .helpers import every_state

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
RECORD_FIELDS = (
    "treaties",
    "proposals",
    "sanctions",
    "disputes",
    "wars",
    "invocations",
    "populations",
    "drafts",
    "mediations",
    "ultimatums",
    "issues",
)


@functools.cache
def every_turn(name: str, turns: int, seed: int, doctrine: str) -> tuple[GameState, ...]:
    """Every state of a long all-computer game (hawks use force; institutionalists table drafts
    and mediate), so that every kind of record piles up past the lengths indexes start at."""
    path = SCENARIOS / name
    data = read_yaml(path.read_text(encoding="utf-8"), str(path))
    data["turns"] = turns
    scenario = parse_scenario(data, str(path))
    return every_state(
        scenario, seed, {s: make_player("easy", doctrine) for s in scenario.state_ids}
    )


GAMES = [
    ("northern_sea.yaml", 80, 1, "hawk"),
    ("northern_sea.yaml", 200, 3, "institutionalist"),
    ("river_delta.yaml", 60, 3, "hawk"),
]


def scanned(records, ident):
    return next((r for r in records if r.id == ident), None)


@pytest.mark.parametrize("game", GAMES)
def test_records_found_by_id_are_those_a_scan_finds(game):
    longest = 0
    for state in every_turn(*game):
        for name in RECORD_FIELDS:
            records = getattr(state, name)
            longest = max(longest, len(records))
            for ident in [r.id for r in records[-8:]] + ["nothing-by-that-id"]:
                assert by_id(records, ident) is scanned(records, ident)
        for t in state.treaties[:5]:
            assert state.treaty(t.id) is scanned(state.treaties, t.id)
    assert longest > SCANNED_UP_TO  # the index was used, not only the scan


def test_a_record_id_given_twice_finds_the_first():
    state = every_turn(*GAMES[0])[-1]
    first = state.proposals[0]
    doubled = (first, *state.proposals[1:], first._replace(note="a later copy"))
    assert by_id(doubled, first.id) is first


@pytest.mark.parametrize("game", GAMES)
def test_live_records_in_order_are_those_a_scan_of_every_record_keeps(game):
    for state in every_turn(*game):
        for name, over in ARCHIVED:
            every = getattr(state, name)
            assert list(state.current(name)) == [r for r in every if not over(r)]
        assert state.active_wars() == [w for w in state.wars if w.ended_turn is None]
        for d in state.disputes[-5:]:
            found = next(
                (
                    x
                    for x in state.disputes
                    if x.ended_turn is None and {x.initiator, x.target} == {d.initiator, d.target}
                ),
                None,
            )
            assert state.open_dispute(d.initiator, d.target) is found


def test_a_record_made_live_again_is_read_in_the_order_made():
    """A record archived and then changed after all is listed last among the live ones; the
    live records in order still follow the order of every record."""
    state = next(s for s in every_turn(*GAMES[0]) if len(s.current("disputes")) >= 2)
    ledger = state.ledger("disputes")
    last = len(ledger.live) - 1
    order = [last, *range(last)]  # the latest first: as a revived record would stand
    shuffled = Ledger(
        ledger.full,
        tuple(ledger.live[i] for i in order),
        tuple(ledger.where[i] for i in order),
    )
    archive = state.archive._replace(ledgers={**state.archive.ledgers, "disputes": shuffled})
    revived = replace(state, archive=archive)
    assert list(revived.current("disputes")) == list(state.current("disputes"))


@pytest.mark.parametrize("game", GAMES)
def test_a_seat_sees_the_proposals_and_sanctions_a_scan_shows_it(game):
    for state in every_turn(*game)[::7]:
        # some threats made private, so that seats see different episodes
        sanctions = tuple(e._replace(public=i % 3 != 0) for i, e in enumerate(state.sanctions))
        for seat in state.ids:
            assert seen_proposals(state.proposals, seat) == tuple(
                p for p in state.proposals if seat == p.proposer or seat in p.recipients
            )
            assert seen_sanctions(sanctions, seat) == tuple(
                e for e in sanctions if e.public or seat == e.target or seat in e.senders
            )
            view = masked_state(state, seat)
            # a view's records are its own tuples: they all count as live there (archive.py)
            assert view.proposals is not state.proposals or not state.proposals
            assert view.ledger("proposals").live == view.proposals


@pytest.mark.parametrize("game", GAMES)
def test_a_snapshot_is_the_text_json_dumps_writes(game):
    for state in every_turn(*game):
        whole = canonical(state.to_data(live_only=True))
        assert canonical_json(state) == json.dumps(whole, sort_keys=True, separators=(",", ":"))


class _Listed:
    """A state whose records are lists, as a turn's working copy holds them: read by scans."""

    def __init__(self, state: GameState):
        self.state = state
        self.treaties = list(state.treaties)
        self.invocations = list(state.invocations)

    def __getattr__(self, name):
        return getattr(self.state, name)

    def active_treaties(self, member=None, kind=None):
        return type(self.state).active_treaties(self, member, kind)


def support_as_summed(x, protege, aggressor, exclude):
    """`expected_support` as it was written: based forces, then each reliable ally's."""
    total = power.based_forces(x, protege, aggressor)
    for ally, _ in power.defenders(x, protege, aggressor):
        if ally not in exclude:
            total += power.reliability(x, ally, protege) * power.fighting_strength(x, ally)
    return total


@pytest.mark.parametrize("game", GAMES)
def test_alliance_figures_by_tuple_are_those_the_scans_give(game):
    for state in every_turn(*game)[::5]:
        listed = _Listed(state)
        for ally in state.ids:
            assert power.alliance_record(state, ally) == power.alliance_record(listed, ally)
            for protege in state.ids:
                assert power.reliability(state, ally, protege) == power.reliability(
                    listed, ally, protege
                )
                assert power.defenders(state, protege, ally) == power.defenders(
                    listed, protege, ally
                )
                for exclude in ((), (state.ids[0],)):
                    expected = support_as_summed(state, protege, ally, exclude)
                    assert power.expected_support(state, protege, ally, exclude) == expected
                    assert power.expected_support(listed, protege, ally, exclude) == expected


def test_remembered_treaty_answers_are_copies():
    state = next(s for s in every_turn(*GAMES[1]) if s.active_treaties())
    member = state.active_treaties()[0].members[0]
    first = state.active_treaties(member)
    first.clear()
    assert state.active_treaties(member)
    assert state.active_treaties(member, DEFENSIVE_KINDS) == state.active_treaties(
        member, list(DEFENSIVE_KINDS)
    )
    assert state.active_treaties(member, TreatyKind.ALLIANCE) == [
        t for t in state.active_treaties(member) if t.kind == TreatyKind.ALLIANCE
    ]


def test_a_minds_remembered_points_are_those_counted():
    state = every_turn(*GAMES[0])[10]
    for seat in state.ids:
        mind = _Mind(state, seat, STYLE["realist"], Rng(1))
        for obj in mind.spec.objectives:
            c = obj.condition
            counted = sum(o.points for o in mind.spec.objectives if o.condition.type == c.type)
            assert mind.points(c.type) == counted == mind.points(c.type)  # again: remembered
        assert mind.points("avoid_war", with_=(None, "nobody")) == sum(
            o.points
            for o in mind.spec.objectives
            if o.condition.type == "avoid_war" and o.condition.with_ in (None, "nobody")
        )
        assert mind.points("avoid_war", with_=[None]) == mind.points("avoid_war", with_=(None,))
        for other in state.ids:
            assert mind.strength(other) == max(1.0, power.fighting_strength(state, other))


def test_archives_shared_by_views_are_the_states():
    """A view shares its state's archive: its wars and disputes are the state's live ones."""
    state = every_turn(*GAMES[0])[-1]
    view = masked_state(state, state.ids[0])
    assert isinstance(view.archive, Archive)
    assert view.current("disputes") == state.current("disputes")


@pytest.mark.parametrize("game", GAMES[:2])
def test_the_archive_fingerprint_is_that_of_the_whole_json_text(game):
    """`chain` writes the archived records from each record's remembered text: the same text,
    and so the same fingerprint, as `json.dumps` of all of them at once."""
    chained = 0
    for before, after in zip(every_turn(*game), every_turn(*game)[1:], strict=False):
        archived = after.archive.last
        if not archived:
            continue
        text = json.dumps(
            canonical([[name, record._asdict()] for name, record in archived]),
            sort_keys=True,
            separators=(",", ":"),
        )
        digest = before.archive.digest if before.archive is not None else ""
        whole = hashlib.sha256(f"{digest}|{text}".encode()).hexdigest()[:32]
        assert chain(digest, archived) == whole == after.archive.digest
        chained += 1
    assert chained


def test_a_fingerprint_first_read_at_the_end_is_the_one_read_every_turn():
    """The archive's digest is worked out when first read: a game whose states' digests are
    first read at its last turn (as after a look-ahead's simulated turns, which never read
    them) gives every state the digest of a game read turn by turn; a copy carries the value."""
    game = ("northern_sea.yaml", 60, 4, "hawk")
    read_every_turn = [s.archive.digest for s in every_turn(*game)[1:]]
    every_turn.cache_clear()
    states = every_turn(*game)
    unread = [s.archive.fingerprint._digest for s in states[1:]]
    assert None in unread  # nothing was worked out while playing
    last = states[-1]
    assert pickle.loads(pickle.dumps(last)).archive.digest == last.archive.digest
    assert [s.archive.digest for s in states[1:]] == read_every_turn
    assert len(set(read_every_turn)) > 10  # the digest moved as records were archived
