"""Where the program keeps the user's files: sessions, the recent list, user scenarios, and the
desktop app's preferences.

One folder per user from platformdirs, or $WARGAME_DATA_DIR when set (tests, portable installs
on a USB stick, classroom machines with a shared drive). When it is set, everything user-specific
lives under it, so a portable install or a test leaves nothing behind elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "CrisisWargame"
ENV_DATA_DIR = "WARGAME_DATA_DIR"


def data_dir_override() -> Path | None:
    """$WARGAME_DATA_DIR, when set to something."""
    override = os.environ.get(ENV_DATA_DIR)
    return Path(override) if override else None


def data_dir() -> Path:
    override = data_dir_override()
    return override if override is not None else user_data_path(APP_NAME, appauthor=False)


def user_scenarios_dir() -> Path:
    return data_dir() / "scenarios"


def settings_file() -> Path | None:
    """The desktop app's preferences file (window layout, theme) under $WARGAME_DATA_DIR when it
    is set; None: the platform's usual place for preferences (QSettings' default)."""
    override = data_dir_override()
    return override / "settings.ini" if override is not None else None
