"""The host serves the browser client at its address: the page and its scripts with the right
types and headers, nothing loaded from elsewhere (classrooms are often offline), every file a
wheel and the frozen app need to ship it, and `wargame host` saying where to open it."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import urllib.error
import urllib.request
from fnmatch import fnmatch
from pathlib import Path

import pytest

from wargame.net.hosting import host_class, new_session
from wargame.net.server import ClassServer
from wargame.net.web_client import WEB_DIR

ROOT = Path(__file__).resolve().parents[2]
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with NO_PROXY.open(url, timeout=10) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, dict(refused.headers), b""


@pytest.fixture(scope="module")
def server():
    s = ClassServer("127.0.0.1", 0, static_dir=WEB_DIR)
    s.start()
    yield f"http://127.0.0.1:{s.port}"
    s.stop()


def web_files() -> list[str]:
    return sorted(p.relative_to(WEB_DIR).as_posix() for p in WEB_DIR.rglob("*") if p.is_file())


def references(text: str) -> list[str]:
    """What an HTML page or a script module loads: src and href attributes, import specifiers."""
    found = re.findall(r"""(?:src|href)=["']([^"'#]+)["']""", text)
    found += re.findall(r"""(?:^|\s)(?:import|from)\s*\(?\s*["']([^"']+)["']""", text, re.M)
    return found


def test_the_page_and_its_files_are_served_with_their_types_and_headers(server):
    status, headers, body = get(server + "/")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert b"Join your class" in body
    assert headers["cache-control"] == "no-cache"
    assert "default-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    types = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}
    for name in web_files():
        status, headers, _ = get(f"{server}/{name}")
        assert status == 200, name
        if Path(name).suffix in types:
            assert headers["content-type"].startswith(types[Path(name).suffix]), name


def test_nothing_outside_the_client_is_served(server):
    for path in ("/../pyproject.toml", "/%2e%2e/pyproject.toml", "/js/../../protocol.py"):
        status, _, body = get(server + path)
        assert status == 404 or b"[project]" not in body, path


def test_every_file_the_page_loads_is_shipped_and_none_comes_from_elsewhere():
    shipped = set(web_files())
    for name in [n for n in shipped if n.endswith((".html", ".js"))]:
        text = (WEB_DIR / name).read_text(encoding="utf-8")
        base = Path(name).parent
        for ref in references(text):
            assert "//" not in ref and not ref.startswith(("http:", "https:", "data:")), (name, ref)
            target = (base / ref).as_posix() if not ref.startswith("/") else ref.lstrip("/")
            target = Path(target).as_posix().replace("./", "")
            assert target in shipped, f"{name} loads {ref}, which is not in wargame/net/web/"


def test_a_wheel_and_the_frozen_app_ship_every_file_of_the_client():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ]["wargame.net"]
    for name in web_files():
        assert any(fnmatch(f"web/{name}", p) for p in patterns), f"no package-data for {name}"
    spec = (ROOT / "build.spec").read_text()
    assert '"wargame", "net", "web"' in spec  # the frozen app collects the folder


def test_a_hosted_class_serves_the_client_at_its_address(tutorial, tmp_path):
    match, store = new_session(tutorial, 7, (), "easy", tmp_path / "class.wargame")
    hosted = host_class(match, store, tmp_path / "class.wargame", bind="127.0.0.1", port=0)
    try:
        status, _, body = get(f"http://127.0.0.1:{hosted.server.port}/")
    finally:
        hosted.stop()
    assert status == 200 and b"Join your class" in body


def test_wargame_host_prints_the_browser_address(tmp_path, own_data_dir):
    host = subprocess.Popen(
        [sys.executable, "-m", "wargame", "host", "tutorial_strait", "--bind", "127.0.0.1"]
        + ["--port", "0", "--save", str(tmp_path / "c.wargame"), "--quiet"],
        cwd=ROOT,
        env={"WARGAME_DATA_DIR": str(own_data_dir), "PATH": ""},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert host.stdout is not None
        lines = []
        for line in host.stdout:
            lines.append(line)
            if line.startswith("students:"):
                break
        browser = [line.split()[1] for line in lines if line.startswith("browser:")]
        assert browser, "".join(lines) + (host.stderr.read() if host.poll() is not None else "")
        status, _, body = get(browser[0])
        assert status == 200 and b"Join your class" in body
    finally:
        host.terminate()
        host.wait(10)
