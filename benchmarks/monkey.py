"""GUI monkey run, longer than CI's: random clicks, edits, shortcuts and tab switches on a real window.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/monkey.py [--actions 4000] [--seed 7] [--seeds 3]

The engine of gan_studio/testing/monkey.py (tests/app/test_monkey.py runs 250 actions of it with a fixed
seed in CI), in a fresh GAN_STUDIO_HOME, on the tiny test experiment (training may start and runs in the window's
training process).  Modal dialogs are answered automatically.  Prints every uncaught exception or Qt
warning with the eight actions before it, every stall of the event loop over a second (a 50 ms timer's
beat that came over a second late, with the actions that ran meanwhile: the action itself, or a result a
queued signal put on show),
and a summary; exits 1 when any fault was found.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STALL_S = 1.0


def run(seed: int, actions: int, keep_training: float = 0.0) -> tuple[int, int]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import random

    from gan_studio.app.main_window import MainWindow
    from gan_studio.testing import tiny_config
    from gan_studio.testing.monkey import Monkey, answered_dialogs, collected_faults

    window = MainWindow(threads=1)
    window.resize(1300, 850)
    window.experiment.set_config(tiny_config())
    window.show()
    for _ in range(10):
        QApplication.processEvents()
    stalls: list[str] = []
    t_start = time.perf_counter()
    # A stall is a gap of over STALL_S between two beats of a 50 ms timer: an action that took that long, or
    # anything the event loop ran meanwhile (a render's result put on show, a queued signal's slot).
    # Each stall also says how much CPU the GUI thread used in it: far less than the gap means the thread
    # waited for a core (a loaded machine), not that it had that much work.
    beat = {"last": time.perf_counter(), "cpu": time.thread_time(), "doing": "start", "done": []}

    def on_beat():
        now, cpu = time.perf_counter(), time.thread_time()
        gap = now - beat["last"]
        if gap > STALL_S:
            what = "; ".join(beat["done"][-3:]) or beat["doing"]
            stalls.append(f"{gap:.1f} s ({cpu - beat['cpu']:.2f} s CPU on the GUI thread): {what}")
        beat["last"], beat["cpu"] = now, cpu
        beat["done"] = []

    heart = QTimer()
    heart.setInterval(50)
    heart.timeout.connect(on_beat)
    heart.start()
    with answered_dialogs(random.Random(seed)), collected_faults() as faults:
        monkey = Monkey(window, seed, faults, tiny_config(), keep_training)
        timed = []
        for fn, weight in monkey.actions + [(monkey.keep_going, 0), (monkey.wait_for_load, 0)]:
            def wrapped(fn=fn):
                beat["doing"] = fn.__name__
                what = fn()
                beat["done"].append(what)
                return what
            wrapped.__name__ = fn.__name__
            timed.append((wrapped, weight))
        monkey.actions = timed[:len(monkey.actions)]
        monkey.keep_going, monkey.wait_for_load = timed[-2][0], timed[-1][0]
        reports = monkey.run(actions)
        heart.stop()
        trained = window.experiment.step
        with answered_dialogs(random.Random(0)):
            window.controller.discard()
            window.controller.shutdown()
            window.close()
        reports += [f"while ending\n{f}" for f in faults]
    elapsed = time.perf_counter() - t_start
    window.deleteLater()
    QApplication.processEvents()
    for r in reports:
        print(f"--- fault (seed {seed})\n{r}")
    for s in stalls:
        print(f"--- stall (seed {seed}) {s}")
    print(f"seed {seed}: {actions} actions in {elapsed:.0f} s, {len(reports)} fault(s), {len(stalls)} stall(s) "
          f"over {STALL_S:.0f} s, training reached step {trained} (highest {monkey.highest_step}), running during "
          f"{monkey.training_actions} of {actions} actions ({100 * monkey.training_actions / max(1, actions):.0f} %), "
          f"{monkey.training_seconds:.0f} s of {elapsed:.0f} s")
    return len(reports), len(stalls)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actions", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--seeds", type=int, default=1, help="run seeds seed, seed+1, …")
    parser.add_argument("--keep-training", type=float, default=0.0, metavar="P",
                        help="before an action with training not running, press Train/Resume with probability P "
                             "(0.9: training runs for most of the run)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["GAN_STUDIO_HOME"] = tempfile.mkdtemp(prefix="gan-studio-monkey-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    total = 0
    for seed in range(args.seed, args.seed + args.seeds):
        faults, _stalls = run(seed, args.actions, args.keep_training)
        total += faults
    app.processEvents()
    return 1 if total else 0


if __name__ == "__main__":   # the training process starts by spawning: importing this must do nothing
    sys.exit(main())
