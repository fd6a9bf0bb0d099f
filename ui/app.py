"""Entry point of the desktop application (`wargame` with no arguments).

`main()` opens the window; `main(screenshot_dir=...)` plays two tutorial turns offscreen and saves
a picture of every main screen; `main(self_test=True)` checks the installed program works.
Only Qt and the start screen are loaded before the window appears: pyqtgraph and the game screen
come when a game starts. The window itself is built by `app_factory`, which the screenshot tour,
the self-test and the tests share.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .app_factory import create_app, create_window, temporary_settings

__all__ = ["create_app", "create_window", "main", "temporary_settings"]


def main(screenshot_dir: str | os.PathLike[str] | None = None, self_test: bool = False) -> int:
    if screenshot_dir is not None or self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = create_app()
    if screenshot_dir is not None:
        from .screenshots import take_screenshots

        return take_screenshots(Path(screenshot_dir))
    if self_test:
        from .selftest import run_self_test

        return run_self_test()
    window = create_window()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
