"""What goes into a frozen build, shared by build.spec (the app) and packaging/bare_app.spec
(the bare PySide6 + pyqtgraph reference), so the two are frozen under the same rules.

Loaded by the spec files by path (this folder is deliberately not a Python package: a package
named `packaging` would shadow the PyPI `packaging` library that PyInstaller itself imports).

Three kinds of trimming:

* EXCLUDES: Python modules never analysed, so neither they nor the Qt libraries, plugins and
  translations their hooks would pull in are collected. Only Qt modules the program does not
  import are listed; tests/packaging/test_policy.py checks that ui/ and wargame/ import none of
  them.
* prune(): files removed from the analysed result: Qt translations, Qt plugins for hardware and
  services the game does not use, then any shared library nothing left in the bundle links to.
* strip_debug_info(): DWARF debug sections removed from the binaries that carry them (Linux).
"""

from __future__ import annotations

import fnmatch
import os
import sys

# --- Python modules -------------------------------------------------------------------------

# Qt for Python modules the program does not use (those of PySide6-Essentials and, should the
# build machine have the full PySide6, of PySide6-Addons). Kept: QtCore, QtGui, QtWidgets, and
# QtOpenGL + QtOpenGLWidgets, which pyqtgraph imports unconditionally. pyqtgraph imports QtSvg
# and QtTest only if present and works without them (only SVG export from a plot's right-click
# menu goes; the game does not offer it).
QT_MODULES_UNUSED = (
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtAxContainer",
    "QtBluetooth",
    "QtCharts",
    "QtConcurrent",
    "QtDataVisualization",
    "QtDBus",
    "QtDesigner",
    "QtGraphs",
    "QtGraphsWidgets",
    "QtHelp",
    "QtHttpServer",
    "QtLabsStyleKit",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetwork",
    "QtNetworkAuth",
    "QtNfc",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtPrintSupport",
    "QtQml",
    "QtQmlFeatures",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtSvg",
    "QtSvgWidgets",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
)

# Other Python packages that must never ride along (other Qt bindings, plotting and notebook
# stacks, test tools, the benchmark-only dependencies).
PY_EXCLUDES = (
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "matplotlib",
    "IPython",
    "ipykernel",
    "jupyter_client",
    "notebook",
    "scipy",
    "pandas",
    "PIL",
    "OpenGL",
    "cupy",
    "h5py",
    "numba",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "py",
    "diplomacy",
    "tornado",
    "ujson",
    "bcrypt",
    "coloredlogs",
    "humanfriendly",
    "pyqtgraph.examples",
    "pyqtgraph.opengl",
    "pyqtgraph.jupyter",
    "numpy.f2py",
    "numpy.distutils",
    "numpy._pyinstaller",
    "numpy.tests",
)

EXCLUDES = [*(f"PySide6.{m}" for m in QT_MODULES_UNUSED), *PY_EXCLUDES]

# --- files after analysis -------------------------------------------------------------------

# Destination paths (inside the bundle, '/' separators) that are dropped. Patterns are fnmatch.
_QT = "PySide6/Qt"
DROP_PATTERNS = (
    # Translations of Qt's own dialogs: the game's text is English and it loads no QTranslator.
    f"{_QT}/translations/*",
    # Platform plugins: keep the desktop ones (xcb, wayland on Linux; windows; cocoa) and the
    # headless ones used by --self-test (offscreen, minimal).
    f"{_QT}/plugins/platforms/*eglfs*",
    f"{_QT}/plugins/platforms/*linuxfb*",
    f"{_QT}/plugins/platforms/*vnc*",
    f"{_QT}/plugins/platforms/*vkkhrdisplay*",
    f"{_QT}/plugins/platforms/*minimalegl*",
    f"{_QT}/plugins/egldeviceintegrations/*",
    # The GTK theme plugin would drag in a private copy of the system's GTK/Pango/Cairo stack
    # (and crash against the real one); the XDG desktop portal theme stays.
    f"{_QT}/plugins/platformthemes/*gtk3*",
    # Touch/evdev input for embedded devices, virtual keyboard (needs QtQuick).
    f"{_QT}/plugins/generic/*",
    f"{_QT}/plugins/platforminputcontexts/*virtualkeyboard*",
    # Network, SQL drivers (the game uses Python's sqlite3), printing, QML tooling.
    f"{_QT}/plugins/networkinformation/*",
    f"{_QT}/plugins/tls/*",
    f"{_QT}/plugins/sqldrivers/*",
    f"{_QT}/plugins/printsupport/*",
    f"{_QT}/plugins/qmltooling/*",
    f"{_QT}/plugins/designer/*",
    f"{_QT}/plugins/wayland-graphics-integration-server/*",
    # Image formats nobody opens in the game (PNG, JPEG, GIF, ICO, SVG stay).
    f"{_QT}/plugins/imageformats/*qtiff*",
    f"{_QT}/plugins/imageformats/*qwebp*",
    f"{_QT}/plugins/imageformats/*qtga*",
    f"{_QT}/plugins/imageformats/*qwbmp*",
    f"{_QT}/plugins/imageformats/*qpdf*",
)
if sys.platform != "darwin":
    DROP_PATTERNS += (f"{_QT}/plugins/imageformats/*qicns*",)


def _dest(entry) -> str:
    return entry[0].replace(os.sep, "/")


def _dropped(dest: str) -> bool:
    return any(fnmatch.fnmatch(dest, pattern) for pattern in DROP_PATTERNS)


def prune(analysis, log=print) -> None:
    """Remove DROP_PATTERNS from an Analysis, then shared libraries nothing kept links to."""
    before = {_dest(e) for e in [*analysis.binaries, *analysis.datas]}
    analysis.datas = [e for e in analysis.datas if not _dropped(_dest(e))]
    binaries = [e for e in analysis.binaries if not _dropped(_dest(e))]
    binaries = _drop_unreferenced_libraries(binaries)
    present = {_dest(e) for e in [*binaries, *analysis.datas] if e[2] != "SYMLINK"}
    analysis.binaries = _drop_dangling_symlinks(binaries, present)
    analysis.datas = _drop_dangling_symlinks(analysis.datas, present)
    after = {_dest(e) for e in [*analysis.binaries, *analysis.datas]}
    gone = sorted(before - after)
    log(f"freeze_policy: pruned {len(gone)} files: " + " ".join(os.path.basename(g) for g in gone))


def _drop_unreferenced_libraries(binaries):
    """Drop shared libraries that nothing kept links to (Linux only).

    PyInstaller collects the link-time dependencies of every plugin before prune() removes some
    plugins; this removes what only those plugins needed (e.g. the GTK stack of the gtk3 theme
    plugin, libQt6EglFSDeviceIntegration of the eglfs platform). Candidates are the Qt libraries
    (PySide6/Qt/lib) and the system libraries PyInstaller copied to the top of the bundle; Python
    extension modules and Qt plugins are always kept, with everything they link to. On Windows
    and macOS the collected libraries are left alone (Qt loads some of them there by name).
    """
    if not sys.platform.startswith("linux"):
        return binaries
    from PyInstaller.depend import bindepend

    files = [e for e in binaries if e[2] != "SYMLINK"]

    def candidate(entry) -> bool:
        dest = _dest(entry)
        if dest.startswith("libpython"):  # the bootloader loads it by name
            return False
        return ".so" in dest and (dest.startswith(f"{_QT}/lib/") or "/" not in dest)

    by_name: dict[str, list] = {}
    for entry in files:
        by_name.setdefault(os.path.basename(_dest(entry)), []).append(entry)
    kept = [e for e in files if not candidate(e)]
    keep_names = {os.path.basename(_dest(e)) for e in kept}
    queue = list(kept)
    while queue:
        entry = queue.pop()
        try:
            imports = bindepend.get_imports(entry[1])
        except Exception:  # cannot read it: keep everything rather than guess
            return binaries
        for imported, _path in imports:
            base = os.path.basename(imported)
            if base in by_name and base not in keep_names:
                keep_names.add(base)
                queue.extend(by_name[base])
    return [e for e in binaries if e[2] == "SYMLINK" or os.path.basename(_dest(e)) in keep_names]


def _drop_dangling_symlinks(toc, present):
    """PyInstaller adds top-level symlinks to libraries kept in sub-folders; drop those whose
    target was pruned."""

    def target(entry) -> str:
        return os.path.normpath(os.path.join(os.path.dirname(entry[0]), entry[1])).replace(
            os.sep, "/"
        )

    return [e for e in toc if e[2] != "SYMLINK" or target(e) in present]


def strip_debug_info(analysis, workpath, log=print) -> None:
    """Replace binaries that carry DWARF debug information with copies without it (Linux only).

    Interpreters built from source (pyenv, as on the build machines here) leave 17 MB of debug
    information in libpython and more in the standard library's extension modules, and some
    wheels (SQLAlchemy's Cython modules) ship it too; none of it is used at run time. Only the
    debug sections go (`strip --strip-debug`): symbol tables stay, and files without debug
    sections, such as the auditwheel-patched libraries in numpy.libs, are left byte-identical.
    PyInstaller's own strip option is not used because it strips every library, those too.
    """
    import hashlib
    import shutil
    import subprocess

    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None:
        return
    out_dir = os.path.join(workpath, "stripped")
    os.makedirs(out_dir, exist_ok=True)
    saved = 0
    result = []
    for entry in analysis.binaries:
        dest, src, typecode = entry
        if typecode == "SYMLINK" or not _has_debug_info(src):
            result.append(entry)
            continue
        stat = os.stat(src)
        key = hashlib.sha1(
            f"{os.path.realpath(src)}:{stat.st_size}:{stat.st_mtime_ns}".encode()
        ).hexdigest()
        target = os.path.join(out_dir, f"{key[:16]}-{os.path.basename(src)}")
        if not os.path.exists(target):
            subprocess.run([strip, "--strip-debug", "-o", target + ".tmp", src], check=True)
            os.replace(target + ".tmp", target)
        saved += stat.st_size - os.path.getsize(target)
        result.append((dest, target, typecode))
    analysis.binaries = result
    log(f"freeze_policy: debug information stripped, {saved / 1e6:.1f} MB saved")


def _has_debug_info(path: str) -> bool:
    """True for an ELF file with a .debug_info section (read from the section headers)."""
    import struct

    try:
        with open(path, "rb") as f:
            ident = f.read(64)
            if (
                ident[:4] != b"\x7fELF" or ident[4] != 2 or ident[5] != 1
            ):  # 64-bit little-endian only
                return False
            (shoff,) = struct.unpack_from("<Q", ident, 0x28)
            shentsize, shnum, shstrndx = struct.unpack_from("<HHH", ident, 0x3A)
            if not shoff or not shnum or shstrndx >= shnum:
                return False
            f.seek(shoff)
            headers = f.read(shentsize * shnum)
            names_off, names_size = struct.unpack_from("<QQ", headers, shstrndx * shentsize + 0x18)
            f.seek(names_off)
            names = f.read(names_size)
    except (OSError, struct.error):
        return False
    return b".debug_info\x00" in names


# --- build options --------------------------------------------------------------------------

# Bytecode optimisation level of the collected Python modules. 0 keeps docstrings and asserts:
# pydantic, sqlalchemy and pyqtgraph read docstrings at run time in places, and -OO saves little.
OPTIMIZE = 0
# A console window on Windows and macOS is noise for workshop users, so the double-click
# executable is windowed there (build.spec adds a console twin on Windows for --self-test and the
# headless commands). On Linux there is no console window to hide: console=True keeps stdout and
# stderr working when started from a terminal and changes nothing when started from a desktop.
CONSOLE = sys.platform.startswith("linux")
# Stripping debug symbols from the bundled libraries (Linux/macOS) shrinks the folder a little;
# the wheels' Qt libraries are already stripped, so it is off to keep the build simple and safe.
STRIP = False
