"""Entry point of the frozen (PyInstaller) build: the `wargame` executable.

Same behaviour as the installed `wargame` command (wargame.cli.main), plus two things that only
matter when frozen: multiprocessing support (the tournament command uses worker processes, which
on Windows and macOS re-launch this executable) and the optional start-up probe used by
`python -m bench.package_bench` (see packaging/startup_probe.py).
"""

from __future__ import annotations

import multiprocessing
import sys


def main() -> int:
    multiprocessing.freeze_support()
    import startup_probe

    startup_probe.install()
    from wargame.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
