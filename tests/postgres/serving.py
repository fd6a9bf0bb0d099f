"""Helpers for the tests and the load benchmark: `wargame serve` processes on loopback, and a
facilitator creating classes on them over HTTP."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "facilitator-password-for-tests"
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never a proxy


@dataclass
class ServeProcess:
    proc: subprocess.Popen[str]
    port: int
    output: list[str] = field(default_factory=list)  # what it printed after it began listening

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def kill(self) -> None:
        self.proc.kill()  # SIGKILL: no goodbye, no lease given back
        self.proc.wait(30)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()


def start_serve(db_url: str, *extra: str) -> ServeProcess:
    """`wargame serve --db URL --port 0` in a process of its own; returns once it listens."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "WARGAME_FACILITATOR_PASSWORD": PASSWORD}
    proc = subprocess.Popen(
        [sys.executable, "-m", "wargame", "serve", "--db", db_url, "--port", "0", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"wargame serve exited with {proc.wait()}")
        if line.startswith("listening:"):
            port = int(line.split()[-1])
            # keep reading its output, so it never blocks on a full pipe
            import threading

            served = ServeProcess(proc, port)
            threading.Thread(target=_keep, args=(proc, served.output), daemon=True).start()
            return served
    proc.kill()
    raise RuntimeError("wargame serve did not start listening within a minute")


def _keep(proc: subprocess.Popen[str], lines: list[str]) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.append(line)


def create_class(address: str, password: str = PASSWORD, **request: object) -> tuple[int, dict]:
    """POST /api/sessions: (HTTP status, answer)."""
    req = urllib.request.Request(
        f"http://{address}/api/sessions",
        data=json.dumps(request).encode(),
        headers={"Authorization": f"Bearer {password}", "Content-Type": "application/json"},
        method="POST",
    )
    try:
        with NO_PROXY.open(req, timeout=60) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())
