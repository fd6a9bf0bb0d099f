"""Outside players: a class in a Python file, named as `path/to/file.py:ClassName`.

Loading the file runs it: that is the point (a teacher's or researcher's own strategy), so only
load files you trust. Every way it can go wrong before the first game (no such file, not Python,
an error while loading, no such class, no `decide` method, cannot be created without arguments)
is an `EntrantError` with a message that says which; during a game, a player that raises or
returns something other than a Decision of orders stops the tournament with `EntrantFailed`,
naming the scenario, turn and seat. Illegal orders are not errors: the rules record them as void,
as for any player.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
import traceback
from pathlib import Path

from ..moves import Order
from ..players import Decision, Player
from ..rng import Rng
from ..view import SeatView


class EntrantError(ValueError):
    """An outside player that cannot be used (the message says why)."""


class EntrantFailed(RuntimeError):
    """An outside player that failed during a game (the message says where)."""


_LOADED: dict[str, type] = {}


def is_spec(name: str) -> bool:
    """Does this contender name an outside player (`FILE.py:ClassName`)?"""
    path, sep, cls = name.rpartition(":")
    return bool(sep and path and cls)


def load_class(spec: str) -> type:
    """The class `spec` names, its file loaded once per process."""
    if spec in _LOADED:
        return _LOADED[spec]
    path_text, sep, class_name = spec.rpartition(":")
    if not (sep and path_text and class_name):
        raise EntrantError(f"{spec!r}: name a player as path/to/file.py:ClassName")
    path = Path(path_text)
    if not path.exists():
        raise EntrantError(f"{path_text}: no such file")
    if not path.is_file():
        raise EntrantError(f"{path_text}: is a folder, not a Python file")
    if path.suffix != ".py":
        raise EntrantError(f"{path_text}: not a Python file (expected a .py file)")
    digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:12]
    module_name = f"wargame_entrant_{digest}"
    spec_obj = importlib.util.spec_from_file_location(module_name, path)
    if spec_obj is None or spec_obj.loader is None:
        raise EntrantError(f"{path_text}: cannot be loaded as a Python module")
    module = importlib.util.module_from_spec(spec_obj)
    sys.modules[module_name] = module  # dataclasses and pickling look their module up here
    try:
        spec_obj.loader.exec_module(module)
    except SyntaxError as exc:
        del sys.modules[module_name]
        raise EntrantError(f"{path_text}, line {exc.lineno}: syntax error: {exc.msg}") from None
    except Exception as exc:  # the user's code may raise anything while it loads
        del sys.modules[module_name]
        raise EntrantError(f"{path_text}: failed while loading: {_describe(exc)}") from None
    cls = getattr(module, class_name, None)
    if cls is None:
        classes = sorted(
            n
            for n, v in vars(module).items()
            if isinstance(v, type) and v.__module__ == module_name
        )
        listed = ", ".join(classes) if classes else "none"
        raise EntrantError(f"{path_text} has no class {class_name} (classes in it: {listed})")
    if not isinstance(cls, type):
        raise EntrantError(f"{path_text}: {class_name} is not a class")
    if not callable(getattr(cls, "decide", None)):
        raise EntrantError(
            f"{path_text}: {class_name} has no decide(view, rng) method (see docs/PLAYERS.md)"
        )
    _LOADED[spec] = cls
    return cls


def load_player(spec: str) -> Player:
    """A new player of the class `spec` names, guarded (see the module's docstring)."""
    cls = load_class(spec)
    try:
        player = cls()
    except Exception as exc:
        raise EntrantError(
            f"{spec}: cannot be created without arguments: {_describe(exc)}"
        ) from None
    return Guarded(player, spec)


class Guarded:
    """An outside player whose failures become clear messages instead of tracebacks."""

    def __init__(self, player: object, spec: str):
        self.player, self.spec = player, spec
        self.name = str(getattr(player, "name", spec))

    def decide(self, view: SeatView, rng: Rng) -> Decision:
        where = f"{self.spec}, playing {view.seat} in {view.state.scenario.id}, turn {view.turn}"
        try:
            decision = self.player.decide(view, rng)  # type: ignore[attr-defined]
        except Exception as exc:
            raise EntrantFailed(f"{where}: decide raised {_describe(exc)}") from None
        orders = getattr(decision, "orders", None)
        if not isinstance(orders, list | tuple):
            raise EntrantFailed(
                f"{where}: decide returned {type(decision).__name__}, not a Decision"
            )
        bad = [o for o in orders if not isinstance(o, Order)]
        if bad:
            raise EntrantFailed(
                f"{where}: decide returned {type(bad[0]).__name__} among its orders, not an order"
            )
        reasons = [str(r) for r in getattr(decision, "reasons", None) or []]
        return Decision(list(orders), reasons)


def _describe(exc: BaseException) -> str:
    """The exception and the last line of the user's code it came from."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (at {Path(frames[-1].filename).name}, line {frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {exc}{where}"
