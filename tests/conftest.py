import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def tutorial():
    from wargame.scenario import load_scenario

    return load_scenario(SCENARIOS / "tutorial_strait.yaml")


@pytest.fixture(scope="session")
def all_scenarios():
    from wargame.scenario import load_scenario

    return {p.stem: load_scenario(p) for p in sorted(SCENARIOS.glob("*.yaml"))}
