"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 releases a reference to None on every widget event it dispatches to a Python
override; a long session then aborts the interpreter ("deallocating None"). pyproject.toml keeps
that release out; this test fails if such a binding comes back.
"""

import subprocess
import sys
import textwrap

PROBE = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication, QWidget
    app = QApplication([])
    class W(QWidget):
        def event(self, e):
            return super().event(e)
    w = W(); w.show()
    before = sys.getrefcount(None)
    for i in range(300):
        w.resize(100 + i % 2, 100); app.processEvents()
    print(sys.getrefcount(None) - before)
    """
)


def test_widget_events_keep_reference_counts_intact():
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert int(proc.stdout.strip().splitlines()[-1]) > -50
