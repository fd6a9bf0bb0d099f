"""Run the benchmarks and print their tables: `.venv/bin/python -m bench [--package]`.

--package also builds the frozen app and a bare reference app with PyInstaller (about a minute).
Record the figures in docs/PERFORMANCE.md with the command that gave them.
"""

from __future__ import annotations

import sys

from bench import ai_bench, engine_bench, net_bench, persistence_bench, startup_bench


def main() -> None:
    sections = [
        ("Engine: turn resolution, whole games, and the diplomacy package", engine_bench.main),
        ("Computer players: decision time as worlds grow", lambda: ai_bench.main([])),
        ("Sessions: autosave and opening", lambda: persistence_bench.main([])),
        ("Desktop start-up", lambda: startup_bench.main([])),
        ("A class on many computers: 30 clients on one host", lambda: net_bench.main([])),
    ]
    if "--package" in sys.argv[1:]:
        from bench import package_bench

        sections.append(("Packaged executable", lambda: package_bench.main([])))
    for title, run in sections:
        print(f"\n## {title}\n", flush=True)
        run()


if __name__ == "__main__":
    main()
