"""An install from a wheel (pip install . or from an index) carries what the program needs:
the bundled scenarios and the GUI's icons. Builds the wheel with pip (a few seconds, with a
download of the build backend), so it runs with the other slow packaging tests (WARGAME_SLOW=1
or CI=true)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from .helpers import ROOT

RUN = os.environ.get("WARGAME_SLOW") == "1" or os.environ.get("CI", "").lower() == "true"


@pytest.mark.slow
@pytest.mark.skipif(not RUN, reason="builds a wheel: set WARGAME_SLOW=1 to run")
def test_the_wheel_ships_scenarios_and_icons(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "--wheel-dir",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    (wheel,) = tmp_path.glob("crisis_wargame-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "scenarios/tutorial_strait.yaml" in names
    icons = [n for n in names if n.endswith("share/crisis-wargame/assets/icon-256.png")]
    assert icons and icons[0].startswith("crisis_wargame-") and ".data/data/" in icons[0]


def test_icons_are_found_where_a_wheel_installs_them(tmp_path):
    """Without a checkout's assets/ next to ui/, the icons come from <prefix>/share/..."""
    pytest.importorskip("PySide6")
    from ui import resources

    installed = tmp_path / resources.INSTALLED_ASSETS
    installed.mkdir(parents=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "prefix", str(tmp_path))
        patch.setattr(
            resources, "__file__", str(tmp_path / "site-packages" / "ui" / "resources.py")
        )
        resources.assets_dir.cache_clear()
        assert resources.assets_dir() == installed
    resources.assets_dir.cache_clear()
    assert resources.assets_dir() == ROOT / "assets"  # a checkout's own comes first
