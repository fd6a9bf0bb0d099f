"""Hostile session files (see hostile/): refused or opened safely, one clear line, nothing changed.

Every read-only command (`verify`, `export`, the summary the recent list shows) runs in a forked
child with a 20-second safety net, so a file that made a command hang or run away fails the test
instead of stalling the suite. After each command the folder, side files included, must be byte
for byte as it was, with nothing added.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from wargame.persistence import SessionError, SessionStore

from .helpers import fingerprint, run_cli, run_forked
from .hostile import HOSTILE, Kit, build_kit, escape_codes_in_a_message

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="runs each command in a fork")

# what must never reach a terminal from a file: C0/C1 controls but newline, DEL, bidi controls,
# zero-width and other invisible format characters
UNSAFE = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    kit = build_kit(tmp_path_factory.mktemp("kit"))
    run_cli("verify", str(kit.good))  # load and warm everything once: forked children inherit it
    return kit


@pytest.fixture(params=sorted(HOSTILE))
def hostile(request, tmp_path: Path, kit: Kit) -> tuple[str, Path]:
    folder = tmp_path / "hostile"
    folder.mkdir()
    return request.param, HOSTILE[request.param].build(folder, kit)


def summary_line(path: Path) -> str:
    try:
        with SessionStore.open(path, readonly=True) as store:
            s = store.summary()
        return f"ok {s.title} {s.turns_played}/{s.turns_total}"
    except SessionError as exc:
        return f"refused {exc}"


def read_only_commands(path: Path, out: Path) -> list[tuple[tuple[str, ...], object, dict]]:
    """Each command's outcome, and the folder's fingerprint right after it."""
    commands = [
        ("verify", str(path)),
        ("export", str(path), "--json", str(out), "--full"),
        ("export", str(path), "--json", "-", "--seat", "aurelia"),
    ]
    results = [(argv, run_cli(*argv), fingerprint(path.parent)) for argv in commands]
    results.append((("summary",), summary_line(path), fingerprint(path.parent)))
    return results


def test_read_only_commands_refuse_or_open_safely_and_change_nothing(
    hostile: tuple[str, Path], tmp_path: Path
):
    name, path = hostile
    case = HOSTILE[name]
    before = fingerprint(path.parent)
    results = run_forked(lambda: read_only_commands(path, tmp_path / "export.json"))
    for argv, outcome, after in results:
        assert after == before, argv  # not a byte changed, side files included; nothing added
        if argv == ("summary",):
            assert outcome.startswith("refused" if case.expect and case.at_open else "ok")
            assert not UNSAFE.search(outcome) and "\n" not in outcome, outcome
            continue
        code, stdout, stderr, seconds = outcome
        print(f"{name}: wargame {argv[0]} exit {code} in {seconds:.2f} s")
        assert not UNSAFE.search(stdout + stderr), (argv, stdout, stderr)
        assert "Traceback" not in stderr
        if case.expect:
            assert code == 2, (argv, stdout, stderr)
            assert stderr.count("\n") == 1 and case.expect in stderr, stderr  # one clear line
            assert str(path) in stderr  # naming the file
        elif argv[0] == "verify" and case.verify_exit is not None:
            assert code == case.verify_exit, (stdout, stderr)
        else:
            assert code in (0, 1, 2) and (code != 2 or stderr.count("\n") == 1), stderr


def test_resume_refuses_without_changing_anything(hostile: tuple[str, Path]):
    name, path = hostile
    case = HOSTILE[name]
    if not case.expect:
        pytest.skip("a file that opens is played on by resume")
    before = fingerprint(path.parent)
    code, stdout, stderr, _ = run_forked(lambda: run_cli("resume", str(path)))
    assert code == 2 and stderr.count("\n") == 1 and case.expect in stderr, stderr
    assert not UNSAFE.search(stdout + stderr)
    assert fingerprint(path.parent) == before  # header bytes too; and no lock file left behind


def test_escape_codes_are_printed_as_plain_text(tmp_path: Path, monkeypatch):
    path = escape_codes_in_a_message(tmp_path, None)  # type: ignore[arg-type]
    code, stdout, _, _ = run_cli("verify", str(path))
    assert code == 0 and not UNSAFE.search(stdout)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # the next seat to play gets its news
    code, stdout, _, _ = run_cli("resume", str(path))
    assert code == 1 and not UNSAFE.search(stdout)
    # the message arrives as plain text: it cannot clear the screen, write the clipboard,
    # recolour a line or reverse the text after it
    assert "news: Aurelia to Borduria: hiall 6 turn(s) replay exactly" in stdout
    code, stdout, _, _ = run_cli("export", str(path), "--json", "-", "--seat", "borduria")
    assert code == 0 and not UNSAFE.search(stdout) and "\\u001b]52;c;" in stdout
