"""Screenshots of the export dialog on Plane, Directions, Breed and of an SVG export (docs/screenshot-export-*.png).

    .venv/bin/python scripts/screenshots_export.py [--out docs]

Also writes docs/digits-traced.svg.  Offscreen; favourites starred on the Breed page go to a temporary
GAN_STUDIO_HOME, so the user's own files are never touched.
"""
import argparse, os, sys, tempfile
from pathlib import Path
ROOT = Path(__file__).resolve().parents[1]
_ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
_ap.add_argument("--out", type=Path, default=ROOT / "docs")
OUT = _ap.parse_args().out
OUT.mkdir(parents=True, exist_ok=True)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GAN_STUDIO_HOME"] = tempfile.mkdtemp(prefix="gan-studio-shots-export-")
sys.path.insert(0, str(ROOT))
import numpy as np
from PySide6.QtWidgets import QApplication
from PySide6.QtGui import QPainter, QPixmap, QColor
from PySide6.QtCore import QEventLoop, QTimer

app = QApplication(sys.argv[:1])
from gan_studio.app.model_source import ModelSource, Pick
from gan_studio.app.explore import ExploreTab
from gan_studio.core.explore.exports import ExportOptions

def spin(ms=200):
    loop = QEventLoop(); QTimer.singleShot(ms, loop.quit); loop.exec()

src = ModelSource()
src.load_default()
tab = ExploreTab(src)
tab.resize(1180, 760)
tab.show()
spin()

def compose(page_pix, dlg, path):
    dlg.show(); dlg.resize(dlg.sizeHint().width() + 80, max(560, dlg.sizeHint().height())); spin(300)
    dlg.update_preview(); spin(100)
    d = dlg.grab()
    w = page_pix.width() + int(d.width() * 0.45); h = max(page_pix.height(), 40 + d.height())
    out = QPixmap(w, h); out.fill(QColor("#1e1f22"))
    p = QPainter(out)
    p.drawPixmap(0, 0, page_pix)
    p.fillRect(0, 0, w, h, QColor(0, 0, 0, 60))
    x, y = w - d.width() - 20, h - d.height() - 20
    p.fillRect(x - 2, y - 2, d.width() + 4, d.height() + 4, QColor("#5b8def"))
    p.drawPixmap(x, y, d)
    p.end()
    out.save(path)
    dlg.close()

m = src.model
# Plane
tab.show_page("plane"); spin()
tab.plane.set_picks([Pick.from_address(m, 11, i, 7) for i in range(3)])
tab.plane.rows_spin.setValue(6); tab.plane.cols_spin.setValue(6)
tab.plane.refresh(); spin()
tab.plane.grid.set_selected([7, 8, 14]); spin()
page = tab.grab()
dlg = tab.plane.export_dialog(tab.plane.images(), tab.plane.picks(), "Export plane", "plane", default="sheet", columns=6)
dlg.apply(ExportOptions(format="sheet", size=56, padding=4, background="white", resampling="lanczos"))
compose(page, dlg, str(OUT / "screenshot-export-plane.png"))
# Directions
tab.show_page("directions"); spin()
tab.directions.ensure_directions()
for _ in range(100):
    spin(100)
    if tab.directions.directions is not None: break
tab.directions.set_picks([Pick.from_address(m, 5, 0, 2)])
tab.directions.dir_sliders[0].setValue(60); tab.directions.dir_sliders[2].setValue(-40)
tab.directions.sweep_frames.setValue(10)
tab.directions.refresh(); spin()
page = tab.grab()
dlg = tab.directions.export_dialog(tab.directions.sweep_images(), tab.directions._sweep_picks, "Export sweep", "sweep", default="gif", columns=10)
dlg.apply(ExportOptions(format="gif", size=512, fps=12, resampling="lanczos"))
compose(page, dlg, str(OUT / "screenshot-export-directions.png"))
# Breed
tab.show_page("breed")
tab.breed.set_picks([Pick.from_address(m, 9, 0, 3), Pick.from_address(m, 9, 3, 3)])
tab.breed.seed_spin.setValue(4)
tab.breed.breed(); spin()
tab.breed.child_grid.set_selected([1, 4]); tab.breed.star_selected(); spin()
page = tab.grab()
dlg = tab.breed.export_dialog(tab.breed.child_grid.images(), tab.breed.children, "Export children", "bred", default="png")
dlg.apply(ExportOptions(format="png", size=280, background="transparent", resampling="lanczos"))
compose(page, dlg, str(OUT / "screenshot-export-breed.png"))
# SVG
tab.show_page("plane")
from gan_studio.app.export_dialog import ExportDialog
imgs = m.generate(m.latents(3, 10), np.arange(10))
dlg = ExportDialog(None, imgs, [{"seed": 3, "index": i, "label": i} for i in range(10)], title="Export SVG", suggested="digits", num_classes=10)
dlg.apply(ExportOptions(format="svg", size=120, padding=6, columns=5, background="white", threshold=0.5, smoothing=2))
tab.plane.grid.set_selected([]); spin()
compose(tab.grab(), dlg, str(OUT / "screenshot-export-svg.png"))
from gan_studio.core.explore.exports import write_export
write_export(str(OUT / "digits-traced.svg"), imgs, ExportOptions(format="svg", size=80, padding=6, background="white"))
print("ok")
