from __future__ import annotations

from pathlib import Path

import pytest

from wargame.match import Match
from wargame.persistence import SessionStore


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test away from the real user's data folder."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv("WARGAME_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def sessions(tmp_path: Path) -> Path:
    folder = tmp_path / "sessions"
    folder.mkdir()
    return folder


@pytest.fixture
def finished_file(sessions: Path, tutorial) -> Path:
    """The tutorial played to the end by the computer, saved as it went."""
    path = sessions / "finished.wargame"
    match = Match(tutorial, 11, tutorial.state_ids)
    with SessionStore.create(path, match):
        match.play_out()
    return path


@pytest.fixture
def unfinished_file(sessions: Path, tutorial) -> Path:
    """Two of the tutorial's six turns played, all seats computer."""
    path = sessions / "unfinished.wargame"
    match = Match(tutorial, 12, tutorial.state_ids)
    with SessionStore.create(path, match):
        match.resolve_turn()
        match.resolve_turn()
    return path
