"""Screenshots of the quality meter, a collapse warning and the snapshot timeline (docs/).

Train two runs with the CLI first (real MNIST, real numbers):

    gan-studio train --preset quick-digits --dataset mnist --data-path MNIST --seconds 60 --quality --out /tmp/shots/qd
    gan-studio train --preset seed-mlp --dataset mnist --data-path MNIST --seconds 90 --quality --out /tmp/shots/seed

then `QT_QPA_PLATFORM=offscreen python scripts/screenshots_quality.py /tmp/shots/qd /tmp/shots/seed [--out docs]`
(`scripts/screenshots.py --all` does all of this).
The warning shown for the seed-mlp run is the one `core.training.diagnostics.Watchdog` raises from that run's own
metrics and quality checks (what the window shows live while it trains).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GAN_STUDIO_HOME"] = tempfile.mkdtemp(prefix="gan-studio-shots-quality-")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from gan_studio.app.main_window import MainWindow
    from gan_studio.core.training.diagnostics import QualityPoint, Watchdog
    from gan_studio.core.run_folders.runs import RunFolder

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("good", type=Path, help="a quick-digits run trained with --quality")
    ap.add_argument("collapsed", type=Path, help="a seed-mlp run trained with --quality")
    ap.add_argument("--out", type=Path, default=ROOT / "docs")
    args = ap.parse_args()
    good, collapsed, docs = args.good, args.collapsed, args.out
    docs.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    w = MainWindow(threads=1)
    w.resize(1360, 860)
    w.show()
    w.lifecycle.open_run(good)
    for _ in range(20):
        app.processEvents()
    w.train_tab.plots.refresh()
    w.train_tab.grab().save(str(docs / "screenshot-quality-meter.png"))
    box = w.train_tab.timeline.parentWidget()
    w.train_tab.timeline.slider.setValue(max(0, len(w.train_tab.timeline.items) - 4))
    app.processEvents()
    box.grab().save(str(docs / "screenshot-snapshot-timeline.png"))

    w.lifecycle.open_run(collapsed)
    run = RunFolder.open(collapsed)
    dog = Watchdog(run.config.train.loss)
    warnings = dog.add_rows(run.read_metrics())
    for row in run.read_quality():
        warnings += dog.add_quality(QualityPoint.from_dict(row))
    warnings.sort(key=lambda x: (x.kind != "collapse", x.step))
    print("warnings:", [(x.kind, x.step) for x in warnings])
    if warnings:
        w.show_warning(warnings[0].to_dict())
    for _ in range(20):
        app.processEvents()
    w.train_tab.plots.refresh()
    w.centralWidget().grab().save(str(docs / "screenshot-collapse-warning.png"))
    w.controller.discard()
    w.close()


if __name__ == "__main__":
    main()
