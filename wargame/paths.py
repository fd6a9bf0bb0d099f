"""Where the program keeps the user's files: sessions, the recent list, user scenarios.

One folder per user from platformdirs, or $WARGAME_DATA_DIR when set (tests, portable installs
on a USB stick, classroom machines with a shared drive).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "CrisisWargame"
ENV_DATA_DIR = "WARGAME_DATA_DIR"


def data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    return Path(override) if override else user_data_path(APP_NAME, appauthor=False)


def user_scenarios_dir() -> Path:
    return data_dir() / "scenarios"
