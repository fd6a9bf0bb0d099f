"""The long-session benchmark's arguments: a scenario it cannot find is named, with the shipped
ones, before any game is played (never a traceback)."""

import pytest

from bench import long_game_bench


def test_an_unknown_scenario_is_named_with_the_shipped_ones(capsys):
    with pytest.raises(SystemExit) as stopped:
        long_game_bench.main(["--scenario", "scenarios/crisis_committee.yaml"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "--scenario scenarios/crisis_committee.yaml: no such file" in err
    assert "crisis_committee.yaml" in err.split("shipped:")[1]
