"""Regenerate the golden files after an intended change to the rules:

    .venv/bin/python -m tests.golden.regenerate

Then review `git diff tests/golden`: the playthrough transcripts show what changed, turn by turn.
"""

from __future__ import annotations

import json
from pathlib import Path

from wargame.match import Match
from wargame.scenario import load_scenario
from wargame.state import state_hash
from wargame.view import information_string, view_for

HERE = Path(__file__).resolve().parent
SCENARIOS = HERE.parents[1] / "scenarios"
SEED = 7


def final_hashes() -> dict[str, str]:
    out = {}
    for path in sorted(SCENARIOS.glob("*.yaml")):
        scenario = load_scenario(path)
        match = Match(scenario, SEED, computer=scenario.state_ids)
        match.play_out()
        out[scenario.id] = state_hash(match.state)
    return out


def playthrough(scenario_file: str = "tutorial_strait.yaml") -> str:
    """A readable transcript of a whole game: orders, events and one seat's information."""
    scenario = load_scenario(SCENARIOS / scenario_file)
    match = Match(scenario, SEED, computer=scenario.state_ids)
    lines = [f"# {scenario.title}, seed {SEED}"]
    while not match.finished:
        record = match.resolve_turn()
        lines.append(f"\n## turn {record.turn}  hash {record.state_hash}")
        lines += [f"order {o.to_dict()}" for o in record.orders]
        lines += [f"event {e.kind} {e.text} {dict(e.numbers)}" for e in record.events]
        lines.append(
            information_string(view_for(match.state, scenario.state_ids[0], record.events))
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    (HERE / "final_hashes.json").write_text(
        json.dumps(final_hashes(), indent=2, sort_keys=True) + "\n"
    )
    (HERE / "tutorial_playthrough.txt").write_text(playthrough())
    print("golden files written")


if __name__ == "__main__":
    main()
