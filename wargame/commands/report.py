"""`wargame report SESSION --pdf OUT.pdf [--html OUT.html] [--seat STATE]`: the after-action
report of a saved session, ready to print: the timeline of decisions and what they caused, the
charts, the scores and objectives, Council votes, sanctions and treaties, and questions for
discussion. Without --seat it is the facilitator's (every secret, the seed); with --seat only
what that seat saw. The session file is opened read-only and never changed.

The PDF is laid out by Qt (the desktop application's ui.report_writer), loaded only here."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..persistence.sources import add_session_source, session_source


def add_parser(sub) -> None:
    p = sub.add_parser(
        "report",
        help="write a saved session's after-action report (PDF, HTML)",
        description="Write the after-action report of a saved session: the facilitator's "
        "(everything) or, with --seat, one seat's (only what it saw).",
    )
    add_session_source(p)
    p.add_argument("--pdf", metavar="OUT", help="write the report as a PDF file")
    p.add_argument("--html", metavar="OUT", help="write the report as one HTML file")
    p.add_argument("--seat", metavar="STATE", help="only what this seat saw (its id)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..debrief import DebriefError, build_report, played_from_log
    from ..persistence import SessionError, SessionStore
    from ..persistence.textsafe import plain

    if args.pdf is None and args.html is None:
        print(
            "wargame report: say where to write it: --pdf OUT.pdf and/or --html OUT.html",
            file=sys.stderr,
        )
        return 2
    try:
        source = session_source(args)
        label = source.label
        with SessionStore.open(source.target, readonly=True, session=source.session) as store:  # type: ignore[arg-type]
            log = store.load()
        report = build_report(played_from_log(log), args.seat)
    except (SessionError, DebriefError, ValueError) as exc:
        print(f"wargame report: {plain(exc)}", file=sys.stderr)
        return 2
    try:
        from ui.report_writer import ReportWriteError, ensure_app, write_report
    except ImportError as exc:
        print(f"wargame report: the report writer cannot start: {exc}", file=sys.stderr)
        return 1
    ensure_app()
    try:
        written = write_report(
            report,
            Path(args.pdf) if args.pdf else None,
            Path(args.html) if args.html else None,
        )
    except ReportWriteError as exc:
        print(plain(f"wargame report: {exc}"), file=sys.stderr)
        return 2
    whose = "the facilitator's report" if args.seat is None else f"{report.reader}'s report"
    if args.seat is None:
        print(
            "wargame report: this is the facilitator's report: it holds every seat's secrets; "
            "do not hand it to players (use --seat STATE for a player's)",
            file=sys.stderr,
        )
    for path in written:
        print(plain(f"{label}: {whose}, {len(log.turns)} turn(s), written to {path}"))
    return 0
