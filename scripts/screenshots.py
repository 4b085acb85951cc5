"""Regenerate the documentation screenshots offscreen.

    .venv/bin/python scripts/screenshots.py [--seconds 90] [--out docs]

Trains the default preset on the offline sample for `--seconds`, then saves
docs/screenshot-train.png (curves + samples) and docs/screenshot-learn.png;
then runs `gan-studio train` in another process, follows its run folder
(File ▸ Follow run…) for `--follow-seconds` and saves docs/screenshot-follow.png.
Uses a temporary GAN_STUDIO_HOME so no user settings or runs are touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def spin(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(ms), loop.quit)
    loop.exec()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=90.0, help="training time before the Train screenshot")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--follow-seconds", type=float, default=40.0, help="following time before its screenshot")
    parser.add_argument("--size", default="1440x900")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="gan-studio-shots-")
    os.environ["GAN_STUDIO_HOME"] = home
    sys.path.insert(0, str(ROOT))

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["gan-studio"])
    app.setApplicationName("GAN Studio")
    from gan_studio.app.main_window import MainWindow

    w, h = (int(v) for v in args.size.split("x"))
    win = MainWindow()
    win.resize(w, h)
    win.show()
    spin(1500)
    args.out.mkdir(parents=True, exist_ok=True)

    win.lifecycle.train()
    waited = 0
    while waited < args.seconds * 1000:
        spin(500)
        waited += 500
    win.controller.pause()
    spin(800)
    win.train_tab.plots.reset_zoom()
    plots = win.train_tab.plots
    steps = plots.buffer.last_step()
    plots.show_readout(steps * 0.8)
    spin(300)
    train_png = args.out / "screenshot-train.png"
    win.grab().save(str(train_png))
    print(f"{train_png} (step {steps:,})")

    win.tabs.setCurrentWidget(win.learn_tab)
    spin(300)
    learn_png = args.out / "screenshot-learn.png"
    win.grab().save(str(learn_png))
    print(learn_png)

    win.controller.discard()
    win.train_tab.clear()
    win.tabs.setCurrentWidget(win.train_tab)

    import subprocess

    run = Path(home) / "runs" / "from-a-terminal"
    writer = subprocess.Popen([sys.executable, "-m", "gan_studio", "train", "--seconds", str(args.follow_seconds + 60),
                               "--out", str(run)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not (run / "run.json").is_file():
            spin(200)
        win.follow_run(run)
        spin(args.follow_seconds * 1000)
        follow_png = args.out / "screenshot-follow.png"
        win.grab().save(str(follow_png))
        print(follow_png)
    finally:
        writer.terminate()
        writer.wait(30)
    win.follower.stop()
    win.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
