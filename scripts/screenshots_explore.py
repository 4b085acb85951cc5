"""Render the Gallery and Explore tabs offscreen and save docs/screenshot-gallery.png and docs/screenshot-explore.png.

    python scripts/screenshots_explore.py [--model PATH] [--out docs] [--all-pages]

PATH is a run folder or an exported generator; by default the shipped
pretrained model.  Favourites and lineage go to a temporary GAN_STUDIO_HOME, so
the user's own files are never touched.  --all-pages also writes one image per
Explore page (screenshot-explore-<page>.png).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GAN_STUDIO_HOME", tempfile.mkdtemp(prefix="gs-shots-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gan_studio.app.explore import ExploreTab  # noqa: E402
from gan_studio.app.gallery_tab import GalleryTab  # noqa: E402
from gan_studio.app.model_source import ModelSource, Pick  # noqa: E402


def settle(app: QApplication, seconds: float = 0.2) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", help="run folder or exported generator (default: the shipped pretrained model)")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs"))
    ap.add_argument("--all-pages", action="store_true")
    args = ap.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setStyle("Fusion")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    source = ModelSource()
    if args.model:
        source.open(args.model)
    else:
        source.load_default()
    m = source.model

    gallery = GalleryTab(source)
    gallery.resize(1280, 800)
    gallery.set_count(64)
    gallery.set_seed(7)
    gallery.refresh()
    gallery.show()
    settle(app)
    gallery.grid.set_cell_size(80)
    gallery.select([3, 12, 21])
    gallery.toggle_favourite()
    gallery.select([5, 30, 44, 47])
    gallery.toggle_favourite()
    gallery.select([13, 14, 23])
    settle(app)
    gallery.grab().save(str(out / "screenshot-gallery.png"))

    explore = ExploreTab(source)
    explore.resize(1280, 800)
    explore.show()
    page = explore.interpolate
    keys = [Pick.from_address(m, 7, i, i % m.num_classes if m.conditional else None) for i in (1, 4, 9)]
    page.set_keyframes(keys)
    page.steps_slider.setValue(10)
    page.refresh()
    page.show_frame(6)
    settle(app)
    explore.grab().save(str(out / "screenshot-explore.png"))

    if args.all_pages:
        explore.plane.set_picks([Pick.from_address(m, 3, i, 8 if m.conditional else None) for i in range(3)])
        explore.show_page("plane")
        settle(app)
        explore.plane.refresh()
        settle(app)
        explore.grab().save(str(out / "screenshot-explore-plane.png"))
        directions = explore.directions
        computed = QEventLoop()
        directions.directionsReady.connect(computed.quit)
        QTimer.singleShot(60_000, computed.quit)
        explore.show_page("directions")  # starts the background computation
        if directions.directions is None:
            computed.exec()
        directions.dir_sliders[0].setValue(60)
        directions.refresh()
        settle(app)
        explore.grab().save(str(out / "screenshot-explore-directions.png"))
        explore.show_page("breed")
        explore.breed.set_picks(keys[:2])
        explore.breed.breed()
        explore.breed.promote(2)
        explore.breed.promote(5)
        explore.breed.breed()
        explore.breed.child_grid.set_selected([0])
        settle(app)
        explore.grab().save(str(out / "screenshot-explore-breed.png"))

    # timing: a strip of 16 frames (keyframes 2, 15 steps) regenerated end to end
    page.set_keyframes(keys[:2])
    page.steps_slider.setValue(15)
    times = []
    for _ in range(10):
        page.lerp_radio.setChecked(not page.lerp_radio.isChecked())
        t0 = time.perf_counter()
        page.refresh()
        times.append((time.perf_counter() - t0) * 1000)
    print(f"interpolation strip of {len(page.frames())} frames: median {sorted(times)[5]:.1f} ms, "
          f"max {max(times):.1f} ms")
    gallery.refresh()
    print(f"gallery of 64: {gallery.last_refresh_ms:.1f} ms")
    print(f"wrote {out / 'screenshot-gallery.png'} and {out / 'screenshot-explore.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
