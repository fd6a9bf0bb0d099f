"""UI preferences kept in QSettings: window geometry and layout, and the theme.

Only preferences live here. Game data lives in the session file, and the list of recent sessions
is the session store's (`wargame.persistence.recent`), so that there is one list, not two that
can disagree. With $WARGAME_DATA_DIR set (a USB stick on shared lab machines) the preferences
live in that folder too, so nothing user-specific is left on the machine. Tests pass their own
QSettings (an INI file in a temporary folder) so they never touch a user's real settings.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from wargame.paths import settings_file

from .resources import APP_NAME, ORG_NAME

THEMES = ("system", "light", "dark")
# Keys that earlier versions kept here and nothing reads any more.
RETIRED_KEYS = ("files/recent",)


class UiSettings:
    def __init__(self, store: QSettings | None = None):
        self.store = store if store is not None else default_store()
        for key in RETIRED_KEYS:
            self.store.remove(key)

    # --- window layout ----------------------------------------------------------------------

    def geometry(self, key: str) -> QByteArray | None:
        value = self.store.value(f"window/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self.store.setValue(f"window/{key}", value)

    # --- look -------------------------------------------------------------------------------

    def theme(self) -> str:
        value = str(self.store.value("view/theme", "system"))
        return value if value in THEMES else "system"

    def set_theme(self, theme: str) -> None:
        self.store.setValue("view/theme", theme if theme in THEMES else "system")

    def sync(self) -> None:
        self.store.sync()


def default_store() -> QSettings:
    """The platform's usual place for preferences, or settings.ini in $WARGAME_DATA_DIR."""
    path = settings_file()
    if path is not None:
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(ORG_NAME, APP_NAME)
