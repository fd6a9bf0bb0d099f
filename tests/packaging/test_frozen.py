"""The packaged executable: build.spec builds, and the result works on a machine without Python.

Builds dist/wargame into a temporary folder (about a minute on two cores) and runs it with a
clean environment (no virtual environment, no PYTHONPATH, PATH without the build interpreter,
a fresh home folder, started outside the repository, offscreen Qt). Slow, so it runs only with
WARGAME_SLOW=1 or in CI (CI=true), and only where PyInstaller is installed
(`pip install -e '.[package]'`).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

pytest.importorskip("PyInstaller", reason="PyInstaller not installed: pip install -e '.[package]'")

from .helpers import APP_SPEC, ROOT, build, clean_env, executable  # noqa: E402

RUN = os.environ.get("WARGAME_SLOW") == "1" or os.environ.get("CI", "").lower() == "true"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not RUN, reason="builds the executable (~1 min): set WARGAME_SLOW=1 to run"),
]


@pytest.fixture(scope="module")
def frozen(tmp_path_factory):
    base = tmp_path_factory.mktemp("frozen")
    result = build(APP_SPEC, base / "dist", base / "work")
    assert result.returncode == 0, (
        f"pyinstaller failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
    )
    folder = base / "dist" / "wargame"
    outside = base / "elsewhere"
    outside.mkdir()
    return folder, executable(folder, "wargame"), outside, clean_env(base / "home")


def run(frozen, *args, timeout=180):
    _folder, exe, cwd, env = frozen
    return subprocess.run(
        [str(exe), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


def test_self_test_passes_in_the_frozen_build(frozen):
    result = run(frozen, "--self-test")
    assert result.returncode == 0, (
        f"exit {result.returncode}\nstdout:\n{result.stdout[-3000:]}\nstderr:\n{result.stderr[-3000:]}"
    )
    # The self-test skips saving when the session store is missing: in the bundle it must not be.
    assert "skipping" not in result.stdout + result.stderr, result.stdout


def test_bundled_scenarios_play_exactly_as_from_source(frozen):
    args = ["play", "tutorial_strait", "--seed", "7", "--computer", "all"]
    frozen_run = run(frozen, *args)
    source_run = subprocess.run(
        [sys.executable, "-m", "wargame", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert frozen_run.returncode == 0, frozen_run.stderr
    assert source_run.returncode == 0, source_run.stderr
    hashes = [re.search(r"state_hash: (\w+)", r.stdout) for r in (frozen_run, source_run)]
    assert hashes[0] and hashes[1] and hashes[0].group(1) == hashes[1].group(1)


def test_validate_reports_problems_with_exit_code_2(frozen):
    _folder, _exe, cwd, _env = frozen
    broken = cwd / "broken.yaml"
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    assert run(frozen, "validate", str(broken)).returncode == 2


def test_unused_qt_parts_are_left_out(frozen):
    folder = frozen[0]
    names = [p.relative_to(folder).as_posix() for p in folder.rglob("*")]
    unwanted = (
        "Qt6Qml",
        "Qt6Quick",
        "Qt6WebEngine",
        "Qt6Pdf",
        "Qt6Network",
        "Qt6Sql",
        "Qt6Multimedia",
        "Qt6Designer",
        "/translations/",
        "tkinter",
        "matplotlib",
        "qgtk3",
        "libQt6EglFS",
    )
    found = [n for n in names if any(u in n for u in unwanted)]
    assert not found, found
