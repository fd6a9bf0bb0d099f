"""Golden tests: the shipped scenarios, played by the computer with seed 7, end in pinned states.

A failure here means the rules' behaviour changed. If that was intended, regenerate with
`.venv/bin/python -m tests.golden.regenerate` and review the transcript diff.
"""

import json

from .regenerate import HERE, final_hashes, playthrough


def test_final_hash_of_every_shipped_scenario_is_pinned():
    pinned = json.loads((HERE / "final_hashes.json").read_text())
    assert final_hashes() == pinned


def test_tutorial_playthrough_transcript_is_unchanged():
    expected = (HERE / "tutorial_playthrough.txt").read_text()
    assert playthrough() == expected
