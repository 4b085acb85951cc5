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


def test_a_monkey_that_keeps_training_trains_during_most_actions(qtbot, window, tiny_cfg):
    """`keep_training`: whenever training is not running the monkey presses Train/Resume first, so the random
    actions happen while the training process trains (the long runs in benchmarks/monkey.py --keep-training)."""
    monkeys: list = []
    window.activateWindow()
    try:
        reports, history = run_monkey(window, MONKEY_SEED, 80, tiny_cfg, keep_training=1.0, monkeys=monkeys)
    finally:
        with answered_dialogs(random.Random(0)):
            window.controller.discard()
            window.controller.shutdown()
            window.close()
    monkey = monkeys[0]
    assert not reports, f"{len(reports)} fault(s); the first:\n{reports[0]}"
    assert any(h.split(": ", 1)[1].startswith("keep training") for h in history)
    assert monkey.training_actions >= 40, (monkey.training_actions, history[-20:])
    assert monkey.highest_step > 0
