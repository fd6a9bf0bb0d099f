"""The `wargame` command line.

With no arguments it opens the desktop GUI. Each subcommand lives in its own module under
`wargame/commands/` with `add_parser(subparsers)` and `run(args) -> int`; register it in
COMMANDS. Errors a user can cause are printed as one clear message and an exit code, never a
traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS = (
    "wargame.commands.validate",
    "wargame.commands.play",
    "wargame.commands.tournament",
    "wargame.commands.scenarios",
    "wargame.commands.calibrate",
    "wargame.commands.resume",
    "wargame.commands.verify",
    "wargame.commands.export",
    "wargame.commands.import_session",
    "wargame.commands.serve",
    "wargame.commands.rules",
    "wargame.commands.host",
    "wargame.commands.join",
    "wargame.commands.report",
    "wargame.commands.handouts",
    "wargame.commands.whatif",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wargame",
        description="Crisis Wargame: a turn-based international crisis game. "
        "Run without arguments to open the desktop application.",
    )
    parser.add_argument(
        "--screenshot",
        metavar="DIR",
        help="play two tutorial turns offscreen and save a PNG of every main screen",
    )
    parser.add_argument(
        "--size",
        metavar="WxH",
        help="with --screenshot: the window size in pixels, e.g. 1024x768 (default 1280x800)",
    )
    parser.add_argument(
        "--self-test", action="store_true", help="check that the installed program works, then exit"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return _gui(args)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _gui(args: argparse.Namespace) -> int:
    try:
        from ui import app
    except ImportError as exc:
        print(f"wargame: the desktop application cannot start: {exc}", file=sys.stderr)
        return 1
    return app.main(screenshot_dir=args.screenshot, self_test=args.self_test, size=args.size)


if __name__ == "__main__":
    sys.exit(main())
