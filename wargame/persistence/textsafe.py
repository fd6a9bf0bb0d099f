"""Text from a session file or a scenario, made safe to print on a terminal.

A title, a seat name or an event text comes from a file someone else may have written. Printed
raw, an escape sequence can recolour or rewrite lines (a forged "replay exactly"), set the window
title or write to the clipboard (OSC 52), and bidirectional controls can reorder what is shown.
`plain` keeps the visible text and drops everything else: terminal escape sequences whole, then
every control character (C0, DEL, C1), every invisible format character (bidi embeddings,
overrides and isolates, marks, zero-width characters) and line or paragraph separators.
"""

from __future__ import annotations

import re
import unicodedata

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other ESC-introduced strings (DCS, SOS, PM,
# APC up to ST) and two-character escapes; their 8-bit C1 forms too
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]).*?(?:\x07|\x1b\\|\x9c|$)"
    r"|\x1b[ -/]*[0-~]?",
    re.DOTALL,
)
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_LINE_BREAKS = frozenset({"Zl", "Zp"})


def plain(text: object, *, newlines: bool = False) -> str:
    """`text` as a string holding only printable characters (and newlines if `newlines`).

    Tabs and line separators become spaces; everything invisible is removed.
    """
    s = _ESCAPES.sub("", str(text))
    if s.isascii() and s.isprintable():  # the common case, cheaply
        return s
    out = []
    for ch in s:
        if ch == "\n" and newlines:
            out.append(ch)
        elif ch in "\t\n\r\v\f":
            out.append(" ")
        else:
            category = unicodedata.category(ch)
            if category in _LINE_BREAKS:
                out.append(" ")
            elif category not in _DROPPED_CATEGORIES:
                out.append(ch)
    return "".join(out)
