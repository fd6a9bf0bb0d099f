"""The casebook in docs/RULES.md and the tests' docstrings must say the same thing."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _docstring_cases() -> dict[str, str]:
    cases = {}
    for path in sorted(Path(__file__).parent.glob("test_case_*.py")):
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_case_"):
                m = re.match(r"Case (\d+\.\d+): (.*)", " ".join(ast.get_docstring(node).split()))
                assert m, f"{node.name} must quote its case"
                cases[m.group(1)] = m.group(2)
    return cases


def test_every_case_is_in_the_rulebook_word_for_word():
    doc = (ROOT / "docs" / "RULES.md").read_text()
    listed = {
        m.group(1): " ".join(m.group(2).split())
        for m in re.finditer(r"^- \*\*(\d+\.\d+)\*\* (.*)$", doc, re.M)
    }
    assert listed == _docstring_cases()


def test_the_rulebooks_move_list_is_the_rules_own():
    from wargame.rulebook import replace_block

    doc = (ROOT / "docs" / "RULES.md").read_text()
    assert doc == replace_block(doc), "run `wargame rules --write docs/RULES.md`"
