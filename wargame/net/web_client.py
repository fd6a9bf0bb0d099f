"""The browser client: static files shipped in the package (wargame/net/web/), which the class host
serves at its address, so a student opens http://HOST:PORT/ and plays with nothing installed.

Plain HTML, CSS and JavaScript modules, with no build step and nothing fetched from elsewhere
(classrooms are often offline). The page speaks the protocol of docs/PROTOCOL.md like any other
client, and asks the host for guides (wargame/net/guide.py) instead of running the rules itself.
"""

from __future__ import annotations

import mimetypes
import os
from pathlib import Path

from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

WEB_DIR = Path(__file__).with_name("web")

# Browsers run a script module only when it is served as JavaScript; on Windows, mimetypes reads
# the registry, where another program may have called .js "text/plain"
for _type, _suffix in (("text/javascript", ".js"), ("text/css", ".css"), ("image/svg+xml", ".svg")):
    mimetypes.add_type(_type, _suffix)

# what the page may load and connect to: its own files and the host's WebSocket, nothing else
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


class ClientFiles(StaticFiles):
    """The client's files. Browsers check them again on every load (a program updated between
    two classes never leaves students on old scripts) and may not run them from elsewhere."""

    def __init__(self, directory: Path = WEB_DIR):
        super().__init__(directory=directory, html=True)

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        response.headers["Cache-Control"] = "no-cache"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["Referrer-Policy"] = "no-referrer"
        return response
