"""The bare reference app: a QMainWindow holding one pyqtgraph PlotWidget, nothing else.

`python -m bench.package_bench` freezes it with the same policy as the real app
(packaging/bare_app.spec, packaging/freeze_policy.py) to show what the toolkit alone costs in
folder size and start-up time. Run it with WARGAME_STARTUP_PROBE=1 to print the time until the
window is shown and exit.
"""

from __future__ import annotations

import sys


def main() -> int:
    import startup_probe

    startup_probe.install()
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("bare PySide6 + pyqtgraph")
    plot = pg.PlotWidget()
    plot.plot([0, 1, 2, 3], [0, 1, 4, 9])
    window.setCentralWidget(plot)
    window.resize(800, 600)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
