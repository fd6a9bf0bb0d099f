"""Quick checks of the packaging files that need no build (and no PyInstaller)."""

from __future__ import annotations

import ast
import importlib.util
import os
import subprocess
import sys

import pytest

from .helpers import ROOT

PACKAGING = ROOT / "packaging"


def load_policy():
    spec = importlib.util.spec_from_file_location("freeze_policy", PACKAGING / "freeze_policy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def imported_modules(folder):
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                yield from ((path, a.name) for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                yield path, node.module
                yield from ((path, f"{node.module}.{a.name}") for a in node.names)


def test_no_excluded_module_is_imported_by_the_program():
    excluded = set(load_policy().EXCLUDES)
    used = [
        (path.relative_to(ROOT).as_posix(), name)
        for folder in (ROOT / "ui", ROOT / "wargame", PACKAGING)
        for path, name in imported_modules(folder)
        if name in excluded or any(name.startswith(e + ".") for e in excluded)
    ]
    assert not used, (
        f"excluded from the frozen build by packaging/freeze_policy.py but imported: {used}"
    )


@pytest.mark.parametrize(
    "plugin",
    [
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
        "platforms/libqoffscreen.so",
        "platforms/qwindows.dll",
        "platforms/libqcocoa.dylib",
        "imageformats/libqsvg.so",
        "imageformats/libqjpeg.so",
        "platforminputcontexts/libibusplatforminputcontextplugin.so",
    ],
)
def test_desktop_and_headless_plugins_are_kept(plugin):
    assert not load_policy()._dropped(f"PySide6/Qt/plugins/{plugin}")


def test_packaging_folder_does_not_shadow_the_packaging_library():
    # An __init__.py would turn packaging/ into a package named like PyPI's `packaging`, which
    # PyInstaller and pip import; as a plain folder it can never win over the real one.
    assert not (PACKAGING / "__init__.py").exists()


def test_launcher_runs_the_cli(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            str(PACKAGING / "launch.py"),
            "validate",
            str(ROOT / "scenarios" / "tutorial_strait.yaml"),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout


def test_probe_is_inert_without_its_variable():
    code = "import sys, startup_probe; startup_probe.install(); print('PySide6' in sys.modules)"
    env = {k: v for k, v in os.environ.items() if k != "WARGAME_STARTUP_PROBE"}
    env["PYTHONPATH"] = str(PACKAGING)
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "False", result.stderr


def test_probe_reports_the_bare_window_and_exits(tmp_path):
    pytest.importorskip("pyqtgraph")
    env = dict(
        os.environ,
        WARGAME_STARTUP_PROBE="1",
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(PACKAGING),
    )
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "bare_app.py")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("startup-probe: shown "), result.stdout
