"""A clear message, not a crash, when a window cannot open: no display, or the system libraries
Qt needs on Linux are missing (the message names the packages to install)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ui.platform_check import (
    CORE_LIBRARIES,
    NO_DISPLAY,
    XCB_LIBRARIES,
    import_problem,
    startup_problem,
)

ROOT = Path(__file__).resolve().parents[2]


def _none_missing(libraries):  # noqa: ANN001 - the check's signature
    return {}


def test_no_display_is_said_plainly():
    assert startup_problem({}, "linux", _none_missing) == NO_DISPLAY
    assert startup_problem({"QT_QPA_PLATFORM": "xcb"}, "linux", _none_missing) == NO_DISPLAY
    assert startup_problem({"QT_QPA_PLATFORM": "wayland"}, "linux", _none_missing) == NO_DISPLAY


def test_missing_x11_libraries_are_named_with_their_packages():
    def missing(libraries):  # noqa: ANN001
        return {
            k: v for k, v in libraries.items() if k in ("libxcb-cursor.so.0", "libxcb-icccm.so.4")
        }

    message = startup_problem({"DISPLAY": ":0"}, "linux", missing)
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4" in message
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in message


def test_nothing_is_asked_of_windows_macos_or_an_offscreen_run():
    assert startup_problem({}, "win32") is None and startup_problem({}, "darwin") is None
    asked = []

    def record(libraries):  # noqa: ANN001
        asked.append(set(libraries))
        return {}

    assert startup_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", record) is None
    assert asked == [set(CORE_LIBRARIES)]  # offscreen needs no X11 library
    assert startup_problem({"DISPLAY": ":0"}, "linux", record) is None
    assert set(XCB_LIBRARIES) <= asked[-1]


def test_a_qt_library_that_fails_to_load_names_its_package():
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    message = import_problem(error)
    assert "libEGL.so.1" in message and "sudo apt install libegl1" in message


def test_the_program_says_so_instead_of_crashing_without_a_display(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["WARGAME_DATA_DIR"] = str(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "wargame"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 1, proc.stderr
    assert "no display" in proc.stderr and "Traceback" not in proc.stderr
    assert "core dumped" not in proc.stderr


def test_screenshot_sizes_are_checked():
    from ui.app import main, parse_size

    assert parse_size("1024x768") == (1024, 768)
    assert main(size="1024x768") == 2  # --size goes with --screenshot
    assert main(screenshot_dir="unused", size="huge") == 2
