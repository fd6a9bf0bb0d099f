"""`wargame handouts SCENARIO --pdf OUT.pdf [--html OUT.html]`: printable handouts for before
class: the facilitator's sheet (every state's objectives, the scripted events, the seed) and one
briefing sheet per seat (its briefing, its public and secret objectives, its figures, every move
with its costs), each sheet starting on a new page. Laid out by Qt (ui.report_writer)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub) -> None:
    p = sub.add_parser(
        "handouts",
        help="write printable briefing sheets for a scenario (PDF, HTML)",
        description="Write a scenario's handouts: the facilitator's sheet, then one briefing "
        "sheet per seat with its secret objectives (cut them apart before class).",
    )
    p.add_argument("scenario", help="a scenario file, or the id of a bundled scenario")
    p.add_argument("--pdf", metavar="OUT", help="write the handouts as a PDF file")
    p.add_argument("--html", metavar="OUT", help="write the handouts as one HTML file")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..debrief.handouts import handouts_html
    from ..scenario import ScenarioError
    from ..scenario.library import find_scenario

    if args.pdf is None and args.html is None:
        print(
            "wargame handouts: say where to write them: --pdf OUT.pdf and/or --html OUT.html",
            file=sys.stderr,
        )
        return 2
    try:
        scenario = find_scenario(args.scenario)
    except ScenarioError as exc:
        print(f"wargame handouts: {exc}", file=sys.stderr)
        return 2
    text = handouts_html(scenario)
    try:
        from ui.report_writer import ReportWriteError, ensure_app, write_pdf, write_text
    except ImportError as exc:
        print(f"wargame handouts: the PDF writer cannot start: {exc}", file=sys.stderr)
        return 1
    written = []
    try:
        if args.pdf:
            ensure_app()
            written.append(write_pdf(text, Path(args.pdf), f"Handouts: {scenario.title}"))
        if args.html:
            written.append(write_text(text, Path(args.html)))
    except ReportWriteError as exc:
        print(f"wargame handouts: {exc}", file=sys.stderr)
        return 2
    sheets = len(scenario.states) + 1
    for path in written:
        print(
            f"{scenario.title}: {sheets} sheets (the facilitator's and one per seat) written to {path}"
        )
    return 0
