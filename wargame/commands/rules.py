"""`wargame rules`: every move of the game, what it does, costs and risks (from the rules
themselves); `--markdown` prints the list as docs/RULES.md carries it, `--write FILE` updates it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub) -> None:
    p = sub.add_parser(
        "rules",
        help="list every move: what it does, costs and risks",
        description="List every move of the game, family by family.",
    )
    p.add_argument("--markdown", action="store_true", help="as the table in docs/RULES.md")
    p.add_argument(
        "--write", metavar="FILE", help="rewrite the moves table in this Markdown file in place"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..rulebook import BEGIN, END, moves_markdown, moves_text, replace_block

    if args.write:
        path = Path(args.write)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            print(f"wargame rules: cannot read {path}: {exc.strerror}", file=sys.stderr)
            return 2
        if BEGIN not in text or END not in text:
            print(f"wargame rules: {path} has no moves table markers ({BEGIN})", file=sys.stderr)
            return 2
        path.write_text(replace_block(text), encoding="utf-8")
        print(f"{path}: moves table written")
        return 0
    print(moves_markdown() if args.markdown else moves_text(), end="")
    return 0
