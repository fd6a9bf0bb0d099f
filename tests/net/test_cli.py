"""`wargame host` and `wargame join` as a facilitator and students run them."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys

from wargame.cli import main

from .helpers import ROOT, local_hash, read_class, served, wait_until, wargame


def test_a_class_of_join_clients_ends_as_wargame_play_even_when_one_is_killed(tutorial, tmp_path):
    """`wargame host` + one `wargame join --computer normal` per seat gives the hash of
    `wargame play tutorial_strait --seed 7 --computer all --level normal`; one client is
    killed mid-game and started again, and comes back into its seat with its saved token."""
    env = {"WARGAME_DATA_DIR": str(tmp_path / "data")}
    path = tmp_path / "class.wargame"
    host = wargame(
        "host",
        "tutorial_strait",
        "--seed",
        "7",
        "--bind",
        "127.0.0.1",
        "--port",
        "0",
        "--save",
        str(path),
        "--quiet",
        env=env,
    )
    try:
        port, codes = read_class(host)
        assert sorted(codes) == list(tutorial.state_ids)

        def join(seat: str) -> subprocess.Popen:
            log = tmp_path / f"{seat}.log"
            return wargame(
                "join",
                f"127.0.0.1:{port}",
                "--seat",
                seat,
                "--code",
                codes[seat],
                "--computer",
                "normal",
                "--log",
                str(log),
                env=env,
            )

        clients = {seat: join(seat) for seat in codes}
        aurelia = tmp_path / "aurelia.log"
        wait_until(lambda: '"type":"turn"' in _text(aurelia), what="aurelia's first turn")
        clients["aurelia"].send_signal(signal.SIGKILL)
        clients["aurelia"].wait(10)
        clients["aurelia"] = join("aurelia")
        outputs = {seat: c.communicate(timeout=120) for seat, c in clients.items()}
        host_out, host_err = host.communicate(timeout=60)
    finally:
        for process in (host, *locals().get("clients", {}).values()):
            if process.poll() is None:
                process.kill()
    expected = f"state_hash: {local_hash(tutorial, 7, 'normal')}"
    assert host.returncode == 0, host_err
    assert host_out.strip().splitlines()[-1] == expected
    for seat, (out, err) in outputs.items():
        assert clients[seat].returncode == 0, err
        assert out.strip().splitlines()[-1] == expected
        assert (tmp_path / f"{seat}.log").read_text().strip().splitlines()[-1] == expected
    assert '"type":"welcome"' in aurelia.read_text()  # the restarted client came back
    verify = subprocess.run(
        [sys.executable, "-m", "wargame", "verify", str(path)], cwd=ROOT, capture_output=True
    )
    assert verify.returncode == 0, verify.stdout


def _text(path) -> str:  # noqa: ANN001
    try:
        return path.read_text()
    except OSError:
        return ""


def test_a_wrong_code_is_refused_with_a_message(tutorial, tmp_path, capsys):
    with served(tutorial, tmp_path, level="easy") as s:
        code = main(["join", s.address, "--seat", "aurelia", "--code", "AAAA-AAAA", "--quiet"])
    assert code == 2
    assert "not this seat's join code" in capsys.readouterr().err


def test_host_mistakes_are_explained(tmp_path, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        save = ["--save", str(tmp_path / "c.wargame")]
        cases = {
            "already in use": ["tutorial_strait", "--bind", "127.0.0.1", "--port", port, *save],
            "no_such_scenario": ["no_such_scenario", "--port", "0", *save],
            "give no scenario": ["tutorial_strait", "--port", "0", "--resume", "x.wargame"],
            "--port must be": ["tutorial_strait", "--port", "70000", *save],
            "leave at least one seat": ["tutorial_strait", "--port", "0", "--computer", "all"],
            "does not exist": ["--resume", str(tmp_path / "missing.wargame"), "--port", "0"],
        }
        for words, args in cases.items():
            assert main(["host", *args]) == 2, words
            err = capsys.readouterr().err
            assert words in err and "Traceback" not in err, (words, err)
    assert not (tmp_path / "c.wargame").exists()  # no session was made for a class not held


def test_join_mistakes_are_explained(capsys):
    assert main(["join", "http://", "--seat", "aurelia"]) == 2
    assert "not a host's address" in capsys.readouterr().err
    assert main(["join", "127.0.0.1:9", "--seat", "aurelia", "--give-up", "1", "--quiet"]) == 2
    assert "no host at" in capsys.readouterr().err
