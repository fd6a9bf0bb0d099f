import pytest


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path, monkeypatch):
    """Seat tokens and sessions go to the test's folder, never the user's."""
    folder = tmp_path / "data"
    monkeypatch.setenv("WARGAME_DATA_DIR", str(folder))
    return folder
