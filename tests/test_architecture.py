"""The house's structure, checked: no import cycles, an engine without Qt, persistence without the
computer players (napari's import contracts, as plain tests)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("wargame", "ui")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, name: str) -> set[str]:
    """First-party modules this file imports, at any depth of the file (lazy imports count)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return {m for m in found if m.split(".")[0] in PACKAGES}


def import_graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")}
    graph = {}
    for name, path in files.items():
        # an import of a package's name means its __init__; of a name inside a module, the module
        graph[name] = {m if m in files else m.rpartition(".")[0] for m in _imports(path, name)}
        graph[name] = {m for m in graph[name] if m in files and m != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(max(10_000, sys.getrecursionlimit()))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _is_package_init_edge(a: str, b: str) -> bool:
    """A package's __init__ importing its own submodules (and those importing siblings through
    it) is how a package exposes its face; it is not a design cycle."""
    return a.startswith(b + ".") or b.startswith(a + ".")


def test_the_import_graph_has_no_cycles():
    graph = import_graph()
    graph = {
        a: {b for b in targets if not _is_package_init_edge(a, b)} for a, targets in graph.items()
    }
    assert cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_engine_never_imports_qt():
    graph = import_graph()
    for path in (ROOT / "wargame").rglob("*.py"):
        tree = ast.parse(path.read_text())
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        qt = [n for n in names if n.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6")]
        assert not qt, f"{path.relative_to(ROOT)} imports {qt}"
    # entry points that start Qt on purpose: the command line with no command starts the GUI,
    # and the report and handouts commands print PDFs with Qt's own writer
    entry_points = ("wargame.cli", "wargame.commands.report", "wargame.commands.handouts")
    engine = [e for e in graph if e.startswith("wargame") and e not in entry_points]
    assert not [(e, m) for e in engine for m in graph[e] if m.startswith("ui")]


def test_persistence_does_not_import_the_computer_players():
    graph = import_graph()
    direct = {m for e in graph if e.startswith("wargame.persistence") for m in graph[e]}
    assert not any(m.startswith("wargame.ai") for m in direct), sorted(direct)
    code = (
        "import sys, wargame.persistence, wargame.persistence.store;"
        "print([m for m in sys.modules if m.startswith('wargame.ai')])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert out.stdout.strip() == "[]", out.stderr
