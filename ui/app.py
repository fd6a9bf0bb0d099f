"""Entry point of the desktop application (`wargame` with no arguments).

`main()` opens the window; `main(screenshot_dir=..., size=...)` plays a few tutorial turns
offscreen and saves a picture of every screen; `main(self_test=True)` checks the installed
program works. Before Qt starts, `platform_check` makes sure a window can open here (a display,
the system libraries Qt needs on Linux) and says what to install if not, instead of letting Qt
abort. Only Qt and the start screen are loaded before the window appears: pyqtgraph and the
game screen come when a game starts. The window itself is built by `app_factory`, which the
screenshot tour, the self-test and the tests share (imported lazily, after the check).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .platform_check import import_problem, startup_problem

if TYPE_CHECKING:  # loaded lazily by __getattr__, after the platform check
    from .app_factory import create_app, create_window, temporary_settings

__all__ = ["create_app", "create_window", "main", "parse_size", "temporary_settings"]


def parse_size(text: str) -> tuple[int, int]:
    """'1024x768' -> (1024, 768); ValueError with a message for anything else."""
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise ValueError(f"--size {text!r}: expected WIDTHxHEIGHT, e.g. 1024x768") from None
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise ValueError(f"--size {text!r}: width and height must be between 320 and 8000 pixels")
    return width, height


def main(
    screenshot_dir: str | os.PathLike[str] | None = None,
    self_test: bool = False,
    size: str | None = None,
) -> int:
    if size is not None and screenshot_dir is None:
        print("wargame: --size goes with --screenshot DIR", file=sys.stderr)
        return 2
    try:
        window_size = parse_size(size) if size is not None else None
    except ValueError as exc:
        print(f"wargame: {exc}", file=sys.stderr)
        return 2
    if screenshot_dir is not None or self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    problem = startup_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    try:
        from .app_factory import create_app, create_window, dispose_window
    except ImportError as exc:  # a library of Qt's own could not be loaded
        print(import_problem(exc), file=sys.stderr)
        return 1
    app = create_app()
    if screenshot_dir is not None:
        from .screenshots import take_screenshots

        return take_screenshots(Path(screenshot_dir), size=window_size)
    if self_test:
        from .selftest import run_self_test

        return run_self_test()
    from .interpreter import share_with_workers

    window = create_window()
    share_with_workers()
    window.show()
    code = app.exec()
    dispose_window(window)
    return code


def __getattr__(name: str) -> Any:
    """create_app, create_window and temporary_settings, loaded with Qt on first use."""
    if name in ("create_app", "create_window", "temporary_settings"):
        from . import app_factory

        return getattr(app_factory, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if __name__ == "__main__":
    sys.exit(main())
