"""Regenerate docs/screenshot-compare.png: the Compare window on three real runs.

    .venv/bin/python scripts/screenshot_compare.py RUN RUN RUN [--step N] [--out docs/screenshot-compare.png]

The runs are ordinary run folders, e.g. trained with (full MNIST, quality meter on):

    M="--dataset mnist --data-path ../shared/datasets/mnist --threads 1 --quality --seconds 45"
    gan-studio train --preset quick-digits $M --out runs/quick-digits
    gan-studio train --preset quick-digits --lr 0.0002 $M --out runs/quick-digits-lr2e-4
    gan-studio train --preset seed-mlp-fixed $M --out runs/seed-mlp-fixed

(`scripts/screenshots.py --all --only compare` does all of this.)
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="+", type=Path)
    parser.add_argument("--step", type=int, help="the step of the grids shown (default: the last)")
    parser.add_argument("--time", action="store_true", help="curves against training time")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot-compare.png")
    parser.add_argument("--size", default="1440x900")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from gan_studio.app.compare_window import CompareWindow

    app = QApplication.instance() or QApplication([])
    w = CompareWindow([(p.name, p) for p in args.runs], checked=args.runs)
    width, height = (int(v) for v in args.size.split("x"))
    w.resize(width, height)
    if args.time:
        w.x_combo.setCurrentIndex(w.x_combo.findData("elapsed"))
    w.show()
    if args.step is not None:
        w.show_step(args.step)
    loop = QEventLoop()
    QTimer.singleShot(800, loop.quit)
    loop.exec()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    w.grab().save(str(args.out))
    from PIL import Image           # 256 colours: half the bytes, no visible change (flat UI colours)

    with Image.open(args.out) as im:
        small = im.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(args.out, optimize=True)
    print(f"{args.out}: {len(w.runs)} runs, problems: {w.problems.text() or 'none'}")
    w.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
