"""Where the application's files live: the only module that knows the location of `assets/`.

In a source checkout the folder sits next to `ui/`; in a frozen (PyInstaller) build it is unpacked
under `sys._MEIPASS`; a wheel install puts its files under `<prefix>/share/crisis-wargame/assets`
(pyproject's data-files). Everything else asks this module for paths or ready-made Qt objects.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

APP_NAME = "Crisis Wargame"
ORG_NAME = "CrisisWargame"
ORG_DOMAIN = "crisiswargame.org"
VERSION = "0.1.0"


INSTALLED_ASSETS = Path("share") / "crisis-wargame" / "assets"  # under sys.prefix, from a wheel


@cache
def assets_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "assets"
    checkout = Path(__file__).resolve().parent.parent / "assets"
    installed = Path(sys.prefix) / INSTALLED_ASSETS
    return checkout if checkout.is_dir() or not installed.is_dir() else installed


def asset(name: str) -> Path:
    return assets_dir() / name


def app_icon() -> QIcon:
    """The application icon (empty if the assets folder was not shipped)."""
    icon = QIcon()
    for name in ("icon-256.png", "icon-128.png", "icon-64.png", "icon-32.png", "icon-16.png"):
        path = asset(name)
        if path.exists():
            icon.addFile(str(path))
    return icon
