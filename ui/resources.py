"""Where the application's files live: the only module that knows the location of `assets/`
and of the manual's documents.

In a source checkout the folders sit next to `ui/` (`assets/`, `docs/`); in a frozen
(PyInstaller) build they are unpacked under `sys._MEIPASS` (build.spec copies them); a wheel
install puts them under `<prefix>/share/crisis-wargame/` (pyproject's data-files). Everything
else asks this module for paths or ready-made Qt objects.
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
INSTALLED_DOCS = Path("share") / "crisis-wargame" / "docs"
# the documents of Help, in the order the help window lists them: (file, title)
MANUAL_DOCUMENTS = (
    ("MANUAL.md", "How to play"),
    ("RULES.md", "The rules"),
    ("FACILITATORS.md", "Running a class"),
    ("SCENARIOS.md", "Writing scenarios"),
    ("SECURITY.md", "Secrets and safety"),
)


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


@cache
def docs_dir() -> Path:
    """The folder of the manual's Markdown documents (it may be missing from a stripped copy)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "docs"
    checkout = Path(__file__).resolve().parent.parent / "docs"
    installed = Path(sys.prefix) / INSTALLED_DOCS
    return checkout if (checkout / "MANUAL.md").is_file() or not installed.is_dir() else installed


def manual_documents() -> list[tuple[Path, str]]:
    """The manual's documents that are present here, as (path, title)."""
    folder = docs_dir()
    return [(folder / name, title) for name, title in MANUAL_DOCUMENTS if (folder / name).is_file()]


def app_icon() -> QIcon:
    """The application icon (empty if the assets folder was not shipped)."""
    icon = QIcon()
    for name in ("icon-256.png", "icon-128.png", "icon-64.png", "icon-32.png", "icon-16.png"):
        path = asset(name)
        if path.exists():
            icon.addFile(str(path))
    return icon
