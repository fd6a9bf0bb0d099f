"""UI preferences kept in QSettings: window geometry and layout, recent session files, theme.

Only preferences live here; game data lives in the session file. Tests pass their own QSettings
(an INI file in a temporary folder) so they never touch a user's real settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from .resources import APP_NAME, ORG_NAME

MAX_RECENT = 8
THEMES = ("system", "light", "dark")


class UiSettings:
    def __init__(self, store: QSettings | None = None):
        self.store = store if store is not None else QSettings(ORG_NAME, APP_NAME)

    # --- window layout ----------------------------------------------------------------------

    def geometry(self, key: str) -> QByteArray | None:
        value = self.store.value(f"window/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self.store.setValue(f"window/{key}", value)

    # --- recent session files ---------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = self.store.value("files/recent", [])
        if isinstance(value, str):  # QSettings returns a lone string for one-item lists
            value = [value]
        return [str(v) for v in (value or []) if str(v)]

    def add_recent_file(self, path: str | Path) -> list[str]:
        path = str(Path(path).resolve())
        recent = [path, *[p for p in self.recent_files() if p != path]][:MAX_RECENT]
        self.store.setValue("files/recent", recent)
        return recent

    def remove_recent_file(self, path: str) -> list[str]:
        recent = [p for p in self.recent_files() if p != path]
        self.store.setValue("files/recent", recent)
        return recent

    def clear_recent_files(self) -> None:
        self.store.setValue("files/recent", [])

    # --- look -------------------------------------------------------------------------------

    def theme(self) -> str:
        value = str(self.store.value("view/theme", "system"))
        return value if value in THEMES else "system"

    def set_theme(self, theme: str) -> None:
        self.store.setValue("view/theme", theme if theme in THEMES else "system")

    def sync(self) -> None:
        self.store.sync()
