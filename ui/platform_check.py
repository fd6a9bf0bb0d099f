"""Can a window open here? Checked before Qt starts, so that a missing display or system library
gives one clear message naming what to install, never Qt's abort and core dump.

Only Linux needs this: the Qt of PySide6 (and of the frozen app) brings everything it needs on
Windows and macOS, but on Linux it uses the system's graphics libraries. The lists below are the
libraries Qt 6.8+ loads (`readelf -d` of its Gui, Widgets, DBus and xcb platform libraries), with
the Debian/Ubuntu package of each. No Qt is imported here.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

# every platform Qt can use on Linux needs these (Qt Gui, Qt DBus)
CORE_LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libxkbcommon.so.0": "libxkbcommon0",
}
# the X11 platform plugin ("xcb"), Qt's default on Linux
XCB_LIBRARIES = {
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
# the Wayland platform plugin, which Qt prefers in a Wayland session
WAYLAND_LIBRARIES = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
ALL_PACKAGES = sorted(set(CORE_LIBRARIES.values()) | set(XCB_LIBRARIES.values()))
# platforms that draw without a display
NO_DISPLAY_PLATFORMS = ("offscreen", "minimal", "minimalegl", "vnc", "eglfs", "linuxfb")

NO_DISPLAY = (
    "wargame: there is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is "
    "set). Start the program from a desktop session. Without a display, the commands that need "
    "no window still work (`wargame --help` lists them), and `wargame --self-test` checks the "
    "installation offscreen."
)


def _loadable(soname: str, folders: Iterable[Path]) -> bool:
    for folder in folders:
        candidate = folder / soname
        if candidate.exists():
            soname = str(candidate)
            break
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def _bundled_folders() -> list[Path]:
    """Where a frozen app or the PySide6 wheel keep libraries of their own."""
    folders = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        folders.append(Path(frozen))
    try:
        import importlib.util

        spec = importlib.util.find_spec("PySide6")
        if spec is not None and spec.origin:
            folders.append(Path(spec.origin).parent / "Qt" / "lib")
    except (ImportError, ValueError):
        pass
    return folders


def missing(libraries: Mapping[str, str]) -> dict[str, str]:
    """The libraries (soname -> package) that cannot be loaded here."""
    folders = _bundled_folders()
    return {name: package for name, package in libraries.items() if not _loadable(name, folders)}


def install_hint(packages: Iterable[str]) -> str:
    names = " ".join(sorted(set(packages)))
    return (
        f"On Debian or Ubuntu, install them with:\n    sudo apt install {names}\n"
        "(other Linux systems: the packages that provide the files named above; "
        "Windows and macOS need nothing extra)"
    )


def startup_problem(
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    check: Callable[[Mapping[str, str]], Mapping[str, str]] | None = None,
) -> str | None:
    """Why the window cannot open here, in words with the fix; None when it can (and always on
    Windows and macOS). `check` replaces `missing` in tests."""
    env = os.environ if env is None else env
    if (platform or sys.platform) != "linux":
        return None
    find = check or missing
    qpa = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    wayland, x11 = bool(env.get("WAYLAND_DISPLAY")), bool(env.get("DISPLAY"))
    needed = dict(CORE_LIBRARIES)
    if qpa in NO_DISPLAY_PLATFORMS:
        pass
    elif qpa == "wayland" or (qpa == "" and wayland and (not x11 or not find(WAYLAND_LIBRARIES))):
        if not wayland:
            return NO_DISPLAY
        needed.update(WAYLAND_LIBRARIES)
    else:  # X11: asked for, or Qt's choice when there is an X display
        if not x11:
            return NO_DISPLAY
        needed.update(XCB_LIBRARIES)
    absent = find(needed)
    if not absent:
        return None
    return (
        "wargame: the window cannot open: Qt needs system libraries that are missing here: "
        + ", ".join(sorted(absent))
        + ".\n"
        + install_hint(absent.values())
    )


def import_problem(exc: ImportError) -> str:
    """The message for Qt failing to load at all (a library of Qt's own is missing)."""
    text = str(exc)
    named = re.findall(r"(lib[\w.+-]+?\.so(?:\.\d+)*)", text)
    packages = {**CORE_LIBRARIES, **XCB_LIBRARIES, **WAYLAND_LIBRARIES}
    known = [packages[n] for n in named if n in packages]
    hint = (
        install_hint(known)
        if known
        else (
            "On Linux, Qt needs these system packages (Debian or Ubuntu):\n    sudo apt install "
            + " ".join(ALL_PACKAGES)
        )
    )
    return f"wargame: the desktop application cannot start: {text}\n{hint}"
