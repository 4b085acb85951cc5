"""The Qt binding must not leak or drop references on hot paths.

PySide6 6.12.0 on Python 3.11 returned None from void methods and True from
`Signal.emit` without a reference; live plotting makes ~10^5 such calls a
minute and the interpreter then aborts ("none_dealloc").  pyproject pins a
sound release; this test fails on a broken one (run in a subprocess, since
the failure mode is an abort).
"""

import subprocess
import sys

CODE = r"""
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget()
class O(QObject):
    s = Signal(int)
o = O()
n0, t0 = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(20000):
    w.setEnabled(True)
    o.s.emit(1)
print(sys.getrefcount(None) - n0, sys.getrefcount(True) - t0)
"""


def test_void_calls_and_emits_keep_singleton_refcounts():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    none_delta, true_delta = (int(v) for v in out.stdout.split())
    assert abs(none_delta) < 100 and abs(true_delta) < 100, (none_delta, true_delta)
