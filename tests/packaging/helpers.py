"""Shared by the packaging tests and bench/package_bench.py: building with PyInstaller and
running a frozen program the way a facilitator's machine would (no virtual environment, no
PYTHONPATH, a fresh home folder, started from outside the repository)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP_SPEC = ROOT / "build.spec"
BARE_SPEC = ROOT / "packaging" / "bare_app.spec"


def build(
    spec: Path, distpath: Path, workpath: Path, timeout: float = 1200
) -> subprocess.CompletedProcess:
    """Run PyInstaller on `spec`; the result is distpath/<name>/."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(distpath),
            "--workpath",
            str(workpath),
            str(spec),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def executable(folder: Path, name: str) -> Path:
    """The program to start from a terminal (on Windows the console twin, if built)."""
    if sys.platform == "win32":
        console = folder / f"{name}-console.exe"
        return console if console.exists() else folder / f"{name}.exe"
    return folder / name


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a user who never installed Python: no venv, no PYTHONPATH, PATH without
    the build's interpreter, user folders (platformdirs, QSettings) inside `home`."""
    venv = os.environ.get("VIRTUAL_ENV")
    python_dirs = {str(Path(p).resolve()) for p in (sys.prefix, sys.exec_prefix, venv) if p}

    def outside_python(entry: str) -> bool:
        resolved = str(Path(entry).resolve()) if entry else ""
        return bool(entry) and not any(
            resolved == d or resolved.startswith(d + os.sep) for d in python_dirs
        )

    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "VIRTUAL_ENV", "CONDA", "QT_", "PYTEST"))
    }
    env["PATH"] = os.pathsep.join(
        p for p in os.environ.get("PATH", "").split(os.pathsep) if outside_python(p)
    )
    home.mkdir(parents=True, exist_ok=True)
    env.update(
        HOME=str(home),
        USERPROFILE=str(home),
        APPDATA=str(home / "AppData" / "Roaming"),
        LOCALAPPDATA=str(home / "AppData" / "Local"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        QT_QPA_PLATFORM="offscreen",
    )
    env.update(extra)
    return env
