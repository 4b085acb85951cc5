"""GUI monkey test: a seeded random sequence of user actions on a real MainWindow.

Clicks on enabled buttons, random valid and invalid text typed into fields, combo boxes, sliders, the
wheel, shortcuts and menu actions, tab switches, clicks in the Gallery / Explore grids and page actions
(training may start: it runs in the window's training process).  Modal dialogs are answered
automatically (file dialogs: cancelled; the save question: Cancel or Discard; other message boxes:
closed), and the run fails on any uncaught exception or Qt warning, naming the action that caused it.

CI runs `MONKEY_ACTIONS` (250) actions with a fixed seed; `benchmarks/monkey.py` runs many more for manual
checks (`.venv/bin/python benchmarks/monkey.py --actions 4000 --seed 7`).  The engine: gan_studio/testing/monkey.py.
"""

from __future__ import annotations

import os
import random

from gan_studio.testing.monkey import answered_dialogs, run_monkey

MONKEY_SEED = int(os.environ.get("MONKEY_SEED", "20261129"))
MONKEY_ACTIONS = int(os.environ.get("MONKEY_ACTIONS", "250"))


def test_monkey(qtbot, window, tiny_cfg):
    window.activateWindow()
    try:
        reports, history = run_monkey(window, MONKEY_SEED, MONKEY_ACTIONS, tiny_cfg)
    finally:
        with answered_dialogs(random.Random(0)):
            window.controller.discard()
            window.controller.shutdown()
            window.close()
    assert len(history) == MONKEY_ACTIONS
    assert not reports, f"{len(reports)} fault(s); the first:\n{reports[0]}"
