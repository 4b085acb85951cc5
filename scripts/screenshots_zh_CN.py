"""Screenshots of the Chinese UI, offscreen: docs/screenshot-zh_CN.png and docs/screenshot-learn-zh_CN.png.

    .venv/bin/python scripts/screenshots_zh_CN.py [--seconds 60] [--out docs]

Installs the zh_CN translation as the app does at start-up (View ▸ Language ▸ 简体中文),
trains the default preset on the offline sample for `--seconds` so the Train tab has
curves and samples, then saves the main window and the Learn tab.  Needs a CJK font
(`fc-list :lang=zh`); without one the Chinese text draws as boxes and the script stops.
Uses a temporary GAN_STUDIO_HOME so no user settings or runs are touched.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def spin(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(ms), loop.quit)
    loop.exec()


def has_cjk_font() -> bool:
    try:
        out = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return True         # no fontconfig to ask (Windows, macOS): their system fonts cover Chinese
    return bool(out.strip())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="training time before the main screenshot")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--size", default="1440x900")
    args = parser.parse_args(argv)
    if not has_cjk_font():
        print("No CJK font installed (fc-list :lang=zh is empty): install fonts-noto-cjk or fonts-wqy-microhei")
        return 1

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["GAN_STUDIO_HOME"] = tempfile.mkdtemp(prefix="gan-studio-shots-zh-")
    sys.path.insert(0, str(ROOT))

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["gan-studio"])
    app.setApplicationName("GAN Studio")
    from gan_studio.app.i18n import install_translators
    from gan_studio.app.main_window import MainWindow

    if install_translators(app, "zh_CN") != "zh_CN":
        print("The zh_CN translation did not load: run scripts/update_translations.py")
        return 1
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
    plots.show_readout(plots.buffer.last_step() * 0.8)
    spin(300)
    win.tabs.setCurrentWidget(win.train_tab)
    spin(300)
    win.grab().save(str(args.out / "screenshot-zh_CN.png"))
    win.tabs.setCurrentWidget(win.learn_tab)
    spin(1500)
    win.grab().save(str(args.out / "screenshot-learn-zh_CN.png"))
    print("saved", args.out / "screenshot-zh_CN.png", args.out / "screenshot-learn-zh_CN.png")
    win.controller.discard()
    win.train_tab.clear()
    win.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
