"""`wargame verify FILE`: derive a saved session again and check that the file tells the truth.

Every saved turn is derived again as live play derives it: each computer seat's orders and
reasons are decided again by its player from that seat's view and the seed, each person's orders
must be legal and the ones that seat submitted, and results, events and the state are recomputed
from the stored scenario; the facilitator's interventions (a line each, before their turn's) are
made again and must reach the state each saved. Prints one line per turn and the first turn and
seat that differ; exits
0 only when everything reproduces, 1 when something does not, 2 when the file cannot be opened.
The file is opened read-only and never changed. Text from the file is printed with control and
bidirectional characters removed, so a file cannot forge or hide a line.
"""

from __future__ import annotations

import argparse
import sys

from ..persistence.sources import add_session_source, session_source


def add_parser(sub) -> None:
    p = sub.add_parser(
        "verify",
        help="check that a saved session replays exactly",
        description="Derive every turn of a saved session again, computer decisions included, "
        "and check it against the file (exit 0 when all match).",
    )
    add_session_source(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..ai import make_player  # the commands choose the players; persistence never does
    from ..persistence import SessionError, SessionStore  # sqlalchemy loads only when needed
    from ..persistence.textsafe import plain

    try:
        source = session_source(args)
        target, label = source.target, source.label
        with SessionStore.open(target, readonly=True, session=source.session) as store:  # type: ignore[arg-type]
            log = store.load()
            proof = store.verify(make_player)
    except (SessionError, ValueError) as exc:
        print(f"wargame verify: {plain(exc)}", file=sys.stderr)
        return 2
    sc = log.scenario
    print(
        plain(f"{label}: {sc.title}, seed {log.seed}, {len(log.turns)} of {sc.turns} turns saved")
    )
    entries = facilitator_lines(log)
    for check in proof.checks:
        for line in entries.pop(check.turn, ()):
            print(plain(line))
        if check.ok:
            print(plain(f"turn {check.turn}: ok {check.stored_hash}"))
        elif check.seat is None and check.replayed_hash is not None:
            print(
                plain(
                    f"turn {check.turn}: MISMATCH saved {check.stored_hash} "
                    f"replayed {check.replayed_hash}: {check.problem}"
                )
            )
        else:
            print(plain(f"{check.where}: MISMATCH {check.problem}"))
    for lines in entries.values():  # the turn in progress
        for line in lines:
            print(plain(line))
    if log.pending and proof.ok:
        seats = ", ".join(sorted(log.pending))
        print(plain(f"turn {log.next_turn}: in progress, orders saved from {seats}"))
    if proof.state is not None and log.turns:
        print_scores(proof.state, len(log.turns))
    first = proof.first_problem
    if first is not None:
        bad = sum(not c.ok for c in proof.checks)
        print(
            plain(f"{bad} of {len(proof.checks)} check(s) failed; first difference: {first.where}")
        )
        if log.rules_edition is None:
            print(
                "this session records no edition of the rules: it was saved by a version before "
                "they were recorded, whose rules may differ; the version that saved it can verify it"
            )
        return 1
    print(
        f"all {len(log.turns)} turn(s) replay exactly: every computer seat's orders derived "
        "again from its view and the seed, every result, event and state reproduced"
    )
    return 0


def facilitator_lines(log) -> dict[int, list[str]]:  # noqa: ANN001 - a SessionLog
    """The facilitator's interventions, one line each, by turn (made again by the check)."""
    from ..facilitator import describe
    from ..setup import new_game

    state = new_game(log.scenario, log.seed)  # names the states and injects
    return {
        turn: [
            f"turn {turn}: facilitator: {describe(i.intervention, state)} [{i.state_hash}]"
            for i in stored
        ]
        for turn, stored in sorted(log.interventions.items())
    }


def print_scores(state, turns: int) -> None:
    """The scores the verified log leads to, recomputed from the replayed state."""
    from ..persistence.textsafe import plain
    from ..scoring import scores

    parts = [
        f"{state.scenario.state(sid).name} {score.total}" for sid, score in scores(state).items()
    ]
    print(plain(f"scores after turn {turns}, recomputed: {', '.join(parts)}"))
