"""The list of tuned constants is read from the code and its comments, and docs/CALIBRATION.md
carries the list the code gives today."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from wargame.calibration.constants import (
    BEGIN,
    END,
    all_constants,
    constants_markdown,
    generated_markdown,
    read_module,
    write_constants,
)

ROOT = Path(__file__).resolve().parents[2]

SAMPLE = '''
    """A module written the way the rules modules are."""
    from enum import StrEnum


    class Kind(StrEnum):
        ALLIANCE = "alliance"
        PACT = "defense_pact"


    LABEL = "not a number"  # skipped
    FLAG = True  # skipped: a switch, not a tuned value
    WAR_BASE = 0.12  # chance a reciprocated clash becomes war, before modifiers (tuned; mid_war)
    EDGE = 0.076  # battle odds per unit of log capability ratio: 9:1 gives 2:1 odds per turn
    # (tuned to COW; stronger_wins, stronger_wins_9to1)
    # a turn's odds stay within these bounds, so the weaker side always has a chance (tuned)
    ODDS_MIN = 0.15
    ODDS_MAX = 0.85
    HOME = 0.3  # share of a state's strength that a collapsed home front (stability 0)
    # takes away (tuned)

    QUORUM = 9  # of the fifteen seats: UN Charter Art. 27(3) (council_art27)

    # costs by kind (values tuned): alliance_honoured, pact_honoured
    COST = {Kind.ALLIANCE: 0.01, Kind.PACT: 0.02}
    KINDS = (Kind.ALLIANCE, Kind.PACT)  # skipped: not numbers
    SPAN = 2

    HORIZON = 4
'''


@pytest.fixture
def sample(tmp_path, monkeypatch):
    (tmp_path / "sample_rules.py").write_text(textwrap.dedent(SAMPLE))
    monkeypatch.syspath_prepend(str(tmp_path))
    yield {c.name: c for c in read_module("sample_rules")}
    sys.modules.pop("sample_rules", None)


def test_only_numbers_and_containers_of_numbers_are_listed(sample):
    names = ["WAR_BASE", "EDGE", "ODDS_MIN", "ODDS_MAX", "HOME", "QUORUM", "COST", "SPAN"]
    assert list(sample) == [*names, "HORIZON"]


def test_a_constants_comment_source_and_rows_come_from_the_comments(sample):
    assert sample["WAR_BASE"].origin == "tuned" and sample["WAR_BASE"].rows == ("mid_war",)
    assert sample["QUORUM"].origin == "published" and sample["QUORUM"].rows == ("council_art27",)
    assert sample["HORIZON"].origin == "set by hand" and sample["HORIZON"].rows == ()


def test_wrapped_comments_and_group_headings_are_told_apart(sample):
    edge = sample["EDGE"]
    assert edge.comment.endswith("(tuned to COW; stronger_wins, stronger_wins_9to1)")
    assert edge.rows == ("stronger_wins", "stronger_wins_9to1")
    assert sample["ODDS_MIN"].group.startswith("a turn's odds stay within these bounds")
    assert sample["ODDS_MAX"].group == sample["ODDS_MIN"].group and not sample["ODDS_MIN"].comment
    assert sample["HOME"].comment.endswith("(stability 0) takes away (tuned)")
    assert sample["HOME"].group == sample["ODDS_MIN"].group  # no blank line: the same run


def test_a_blank_line_ends_a_group(sample):
    assert sample["COST"].group.startswith("costs by kind")
    assert sample["COST"].rows == ("alliance_honoured", "pact_honoured")
    assert sample["SPAN"].group == sample["COST"].group and sample["SPAN"].origin == "tuned"
    assert sample["HORIZON"].group == ""


def test_values_are_shown_plainly():
    markdown = constants_markdown()
    assert "| `HONOUR_COST` | {alliance: 0.01, defense_pact: 0.02} |" in markdown
    assert "| `BATTLE_EDGE` | 0.076 |" in markdown


def test_constants_that_fix_a_row_by_construction_say_so():
    fixed = {c.name: c.rows for c in all_constants() if any("fixes it" in r for r in c.rows)}
    assert "stronger_wins_9to1 (fixes it)" in fixed["BATTLE_EDGE"]
    assert "council_art27 (fixes it)" in fixed["VOTES_NEEDED"]


def test_docs_calibration_lists_the_constants_the_code_has():
    text = (ROOT / "docs" / "CALIBRATION.md").read_text(encoding="utf-8")
    listed = text.split(BEGIN, 1)[1].split(END, 1)[0].strip()
    assert listed == generated_markdown().strip(), (
        "docs/CALIBRATION.md is out of date: run "
        "`wargame calibrate --constants --write docs/CALIBRATION.md`"
    )


def test_writing_the_list_needs_the_markers(tmp_path):
    bare = tmp_path / "bare.md"
    bare.write_text("# Notes\n")
    with pytest.raises(ValueError, match="no constants markers"):
        write_constants(bare)
    doc = tmp_path / "doc.md"
    doc.write_text(f"# Doc\n\n{BEGIN}\nOUTDATED LIST\n{END}\n\nAfter.\n")
    assert write_constants(doc) and not write_constants(doc)
    text = doc.read_text()
    assert (
        "OUTDATED" not in text and text.endswith(f"{END}\n\nAfter.\n") and "`BATTLE_EDGE`" in text
    )
