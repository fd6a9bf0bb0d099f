"""The scenario library: no two scenarios on offer share an id, every broken user file says why,
and everything user-specific lives under $WARGAME_DATA_DIR."""

from pathlib import Path

import pytest

from wargame import paths
from wargame.cli import main
from wargame.scenario import ScenarioError
from wargame.scenario.library import catalogue, find_scenario
from wargame.scenario.loader import Problem

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
TUTORIAL = (SCENARIOS / "tutorial_strait.yaml").read_text(encoding="utf-8")


@pytest.fixture
def user_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(tmp_path / "data"))
    folder = tmp_path / "data" / "scenarios"
    folder.mkdir(parents=True)
    return folder


def own_copy(folder: Path, file_name: str, scenario_id: str) -> Path:
    path = folder / file_name
    path.write_text(TUTORIAL.replace("id: tutorial_strait", f"id: {scenario_id}", 1))
    return path


def entry_for(source: Path | str):
    return next(e for e in catalogue() if e.source == str(source))


def scenarios_output(capsys) -> str:
    assert main(["scenarios"]) == 0
    return capsys.readouterr().out


def test_a_user_copy_with_a_bundled_id_is_refused_naming_both_files(user_dir, capsys):
    copy = own_copy(user_dir, "my_strait.yaml", "tutorial_strait")
    entry = entry_for(copy)
    assert entry.scenario is None and entry.taken_id == "tutorial_strait"
    [problem] = entry.problems
    assert problem == Problem(
        str(copy),
        "id",
        "the id 'tutorial_strait' is also the id of bundled:tutorial_strait.yaml; each scenario "
        "needs its own id (change `id:` in this file, or remove one of them)",
    )
    playable = [e for e in catalogue() if e.scenario and e.scenario.id == "tutorial_strait"]
    assert [e.source for e in playable] == ["bundled:tutorial_strait.yaml"]
    assert find_scenario("tutorial_strait") == playable[0].scenario
    out = scenarios_output(capsys)
    assert f"(cannot be loaded)   {copy}" in out
    assert "is also the id of bundled:tutorial_strait.yaml" in out


def test_two_user_files_with_one_id_are_both_refused_each_naming_the_other(user_dir, capsys):
    first = own_copy(user_dir, "a.yaml", "island_dispute")
    second = own_copy(user_dir, "b.yaml", "island_dispute")
    for mine, other in ((first, second), (second, first)):
        entry = entry_for(mine)
        assert entry.scenario is None
        assert f"'island_dispute' is also the id of {other};" in entry.reason
    with pytest.raises(ScenarioError) as info:
        find_scenario("island_dispute")
    assert {p.source for p in info.value.problems} == {str(first), str(second)}
    out = scenarios_output(capsys)
    assert f"{first}: id: the id 'island_dispute' is also the id of {second}" in out
    assert f"{second}: id: the id 'island_dispute' is also the id of {first}" in out


def test_a_user_scenario_with_its_own_id_is_offered(user_dir, capsys):
    mine = own_copy(user_dir, "island.yaml", "island_dispute")
    assert entry_for(mine).scenario.id == "island_dispute"
    assert find_scenario("island_dispute").id == "island_dispute"
    assert f"island_dispute       The Narrow Strait (tutorial) (4 states, 6 turns)  [{mine}]" in (
        scenarios_output(capsys)
    )


def test_every_broken_user_scenario_keeps_and_shows_its_reasons(user_dir, capsys):
    self_trade = own_copy(user_dir, "self_trade.yaml", "self_trade")
    text = self_trade.read_text().replace("to: borduria", "to: aurelia", 1)
    self_trade.write_text(text)
    (user_dir / "not_yaml.yml").write_text("title: [unclosed\n")
    (user_dir / "two_problems.yaml").write_text("id: two\nturns: 0\n")
    reasons = {Path(e.source).name: e.reason for e in catalogue() if e.scenario is None}
    assert reasons["self_trade.yaml"].startswith("trade[")
    assert "a state cannot trade with itself ('aurelia')" in reasons["self_trade.yaml"]
    assert reasons["not_yaml.yml"].startswith("line 2, column 1: not valid YAML")
    assert reasons["two_problems.yaml"].endswith("more problems)")
    out = scenarios_output(capsys)
    assert "a state cannot trade with itself ('aurelia')" in out
    assert f"{user_dir / 'not_yaml.yml'}: line 2, column 1: not valid YAML" in out
    assert f"{user_dir / 'two_problems.yaml'}: turns: Input should be greater than" in out


def test_find_scenario_explains_a_broken_user_file_asked_for_by_name(user_dir):
    (user_dir / "broken.yaml").write_text("id: broken\n")
    with pytest.raises(ScenarioError, match="title: is required but missing"):
        find_scenario("broken")


def test_a_file_name_with_escape_codes_is_printed_harmlessly(user_dir, capsys):
    (user_dir / "evil\x1b[2J.yaml").write_text("id: evil\n")
    out = scenarios_output(capsys)
    assert "\x1b" not in out and "evil\\x1b[2J.yaml" in out


def test_user_files_live_under_wargame_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(tmp_path))
    assert paths.data_dir() == tmp_path
    assert paths.user_scenarios_dir() == tmp_path / "scenarios"
    assert paths.settings_file() == tmp_path / "settings.ini"


def test_without_wargame_data_dir_the_platforms_folders_are_used(monkeypatch):
    monkeypatch.delenv(paths.ENV_DATA_DIR, raising=False)
    assert paths.data_dir().name == paths.APP_NAME
    assert paths.settings_file() is None  # QSettings' own place
