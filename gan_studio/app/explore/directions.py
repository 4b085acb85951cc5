"""Directions page: move one digit along the principal directions of the latent space, or along raw dimensions."""

from __future__ import annotations

import json
import random

import numpy as np
from PySide6.QtCore import QThreadPool, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGridLayout, QHBoxLayout, QInputDialog, QLabel,
                               QProgressBar, QPushButton, QSlider, QSpinBox, QVBoxLayout, QWidget)

from ...core.explore.directions import apply_directions, principal_directions
from ...core.atomic import set_aside
from ...core.run_folders.runs import atomic_write_text
from ..digit_view import DigitGrid, DigitImage
from ..i18n import tr
from ..model_source import Pick
from ..background import background, if_alive
from ..widgets import scroll_panel, section_title, tool_button
from .base import Page, chosen_digit, digit_combo, seed_spin, show_digits


def _empty(grid: QGridLayout) -> None:
    """Take every widget out of `grid` and delete it."""
    while grid.count():
        item = grid.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()


class DirectionsPage(Page):
    directionsReady = Signal()   # the principal directions of the current model are set

    N_DIRECTIONS = 8
    N_SAMPLES = 1000

    def __init__(self, source, parent=None):
        super().__init__(source, parent)
        self.base: Pick | None = None
        self._z0: np.ndarray | None = None       # the latent before the principal-direction offsets
        self._syncing = False
        self.named: list[dict] = []              # saved directions: {"name", "vector"}
        self._sweep = np.zeros((0, 1, 1, 1), np.uint8)
        self._sweep_picks: list[Pick] = []
        self.directions = None
        self._task = None
        self._pool = QThreadPool.globalInstance()

        self.seed_spin = seed_spin(tr("Start from image #0 of this seed"))
        self.seed_spin.valueChanged.connect(self._seed_changed)
        self.random_btn = QPushButton(tr("Random"))
        self.word(self.random_btn.setToolTip, tr("Start from a random seed's first digit"),
                  tr("Start from a random seed's first image"))
        self.random_btn.clicked.connect(lambda: self.seed_spin.setValue(random.randrange(0, 1_000_000)))
        self.reset_btn = QPushButton(tr("Reset"))
        self.word(self.reset_btn.setToolTip, tr("All sliders back to the starting digit"),
                  tr("All sliders back to the starting image"))
        self.reset_btn.clicked.connect(self.reset)
        self.digit_combo = digit_combo(source.model)
        self.digit_combo.currentIndexChanged.connect(self.schedule)
        self.digit_label = QLabel(tr("Digit"))
        self.word(self.digit_label.setText, tr("Digit"), tr("Class"))

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(10)
        self.busy.setTextVisible(False)
        self.busy_label = QLabel(tr("Finding the main directions of variation…"))
        self.busy_label.setStyleSheet("color: palette(mid);")

        self.dir_sliders: list[QSlider] = []
        self.dir_labels: list[QLabel] = []
        self.dir_values: list[QLabel] = []
        dir_box = QWidget()
        dgrid = QGridLayout(dir_box)
        dgrid.setContentsMargins(0, 0, 0, 0)
        for i in range(self.N_DIRECTIONS):
            lab = QLabel(tr("PC {n}").format(n=i + 1))
            s = QSlider(Qt.Orientation.Horizontal)
            s.setRange(-100, 100)
            s.setEnabled(False)
            s.valueChanged.connect(self._sync_raw)
            self.word(s.setToolTip, tr("Move along principal direction {n}: one of the main ways the generator's "
                                       "digits vary (found by PCA of many latent vectors)").format(n=i + 1),
                      tr("Move along principal direction {n}: one of the main ways the generator's images vary "
                         "(found by PCA of many latent vectors)").format(n=i + 1))
            s.valueChanged.connect(self.schedule)
            val = QLabel("0.00")
            val.setMinimumWidth(40)
            s.valueChanged.connect(lambda v, lab_=val, i_=i: lab_.setText(f"{self._coef(i_, v):+.2f}"))
            dgrid.addWidget(lab, i, 0)
            dgrid.addWidget(s, i, 1)
            dgrid.addWidget(val, i, 2)
            self.dir_sliders.append(s)
            self.dir_labels.append(lab)
            self.dir_values.append(val)

        self.raw_sliders: list[QSlider] = []     # one per coordinate of the model's latent (`_rebuild_raw_sliders`)
        raw_box = QWidget()
        self.raw_grid = QGridLayout(raw_box)
        self.raw_grid.setContentsMargins(0, 0, 4, 0)
        raw_scroll = scroll_panel(raw_box)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        start = QFormLayout()
        srow = QHBoxLayout()
        srow.addWidget(self.seed_spin, 1)
        srow.addWidget(self.random_btn)
        start.addRow(tr("Seed"), srow)
        start.addRow(self.digit_label, self.digit_combo)
        ll.addLayout(start)
        ll.addWidget(section_title(tr("Principal directions")))
        ll.addWidget(self.busy_label)
        ll.addWidget(self.busy)
        ll.addWidget(dir_box)
        self.named_title = section_title(tr("Your directions"))
        self.named_box = QWidget()
        self.named_grid = QGridLayout(self.named_box)
        self.named_grid.setContentsMargins(0, 0, 0, 0)
        self.named_sliders: list[QSlider] = []
        ll.addWidget(self.named_title)
        ll.addWidget(self.named_box)
        ll.addWidget(section_title(tr("Raw latent dimensions")))
        ll.addWidget(raw_scroll, 1)
        ll.addWidget(self.reset_btn)
        left_scroll = scroll_panel(left, 320, 420)

        self.preview = DigitImage(placeholder=tr("No generator"), min_size=240)

        # sweep along one direction: strip / GIF / MP4; named directions saved with the model
        self.sweep_combo = QComboBox()
        self.word(self.sweep_combo.setToolTip, tr("The direction to sweep along, from the current digit"),
                  tr("The direction to sweep along, from the current image"))
        self.sweep_frames = QSpinBox()
        self.sweep_frames.setRange(3, 120)
        self.sweep_frames.setValue(16)
        self.sweep_frames.setToolTip(tr("Frames of the sweep"))
        self.sweep_amount = QSpinBox()
        self.sweep_amount.setRange(1, 300)
        self.sweep_amount.setValue(100)
        self.sweep_amount.setSuffix(" %")
        self.sweep_amount.setToolTip(tr("How far the sweep goes each way: 100 % is the slider's full range"))
        for w in (self.sweep_combo, self.sweep_frames, self.sweep_amount):
            (w.currentIndexChanged if isinstance(w, QComboBox) else w.valueChanged).connect(self.schedule)
        self.sweep_grid = DigitGrid(cell=56, gap=3, selectable=True, placeholder=tr("The sweep appears here."))
        self.sweep_grid.setMinimumHeight(80)
        self.sweep_grid.setMaximumHeight(160)
        self.export_btn = tool_button(tr("Export sweep…"), tr("The sweep as a strip, GIF, MP4, sprite sheet or SVG"))
        self.export_btn.clicked.connect(lambda: self.export_sweep())
        self.keys_btn = tool_button(tr("Send to keyframes"), "")
        self.word(self.keys_btn.setToolTip, tr("The current digit (or the selected sweep frames) as Interpolate "
                                               "keyframes"),
                  tr("The current image (or the selected sweep frames) as Interpolate keyframes"))
        self.keys_btn.clicked.connect(self.send_current_to_keyframes)
        self.star_btn = tool_button(tr("★ Star"), "")
        self.word(self.star_btn.setToolTip, tr("Star the current digit (or the selected sweep frames)"),
                  tr("Star the current image (or the selected sweep frames)"))
        self.star_btn.clicked.connect(self.star_current)
        self.save_dir_btn = tool_button(tr("Save direction…"), "")
        self.word(self.save_dir_btn.setToolTip, tr("Name the change from the starting digit to this one and keep it "
                                                   "with the model"),
                  tr("Name the change from the starting image to this one and keep it with the model"))
        self.save_dir_btn.clicked.connect(lambda: self.save_direction())
        sweep_row = QHBoxLayout()
        sweep_row.addWidget(QLabel(tr("Sweep")))
        sweep_row.addWidget(self.sweep_combo, 1)
        sweep_row.addWidget(self.sweep_frames)
        sweep_row.addWidget(QLabel(tr("frames, ±")))
        sweep_row.addWidget(self.sweep_amount)
        act_row = QHBoxLayout()
        for b in (self.star_btn, self.keys_btn, self.save_dir_btn):
            act_row.addWidget(b)
        act_row.addStretch(1)
        act_row.addWidget(self.export_btn)
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addLayout(sweep_row)
        right.addWidget(self.sweep_grid)
        right.addLayout(act_row)
        right.addWidget(self.status)
        lay = QHBoxLayout(self)
        lay.addWidget(left_scroll)
        lay.addLayout(right, 1)
        self._set_busy(False)

    # directions
    def _coef(self, i: int, v: int) -> float:
        if self.directions is None or i >= len(self.directions.latent_std):
            return 0.0
        return v / 100.0 * 3.0 * float(self.directions.latent_std[i])

    def coefficients(self) -> np.ndarray:
        k = 0 if self.directions is None else len(self.directions.directions)
        return np.array([self._coef(i, self.dir_sliders[i].value()) for i in range(min(k, self.N_DIRECTIONS))],
                        dtype=np.float32)

    def _set_busy(self, on: bool) -> None:
        self.busy.setVisible(on)
        self.busy_label.setVisible(on)

    def ensure_directions(self) -> None:
        """Compute (once per model, in the background) or take from the cache."""
        m = self.model
        if m is None or self.directions is not None or self._task is not None:
            return
        cached = self.source.directions_cache.get(id(m))
        if cached is not None:
            self._directions_done((m, cached))
            return
        self._set_busy(True)
        n, k = self.N_SAMPLES, self.N_DIRECTIONS

        def work(progress, cancelled):
            return m, principal_directions(lambda z: m.features(z), m.latent_dim, n_samples=n, k=k, seed=0)

        self._task = background(self._pool, work, if_alive(self, self._directions_done),
                                if_alive(self, self._directions_failed))

    def _directions_done(self, result) -> None:
        model, pd = result
        self._task = None
        self.source.directions_cache[id(model)] = pd
        if model is not self.model:
            self.ensure_directions()
            return
        self.directions = pd
        self._set_busy(False)
        total = float(np.sum(pd.variance)) or 1.0
        for i, s in enumerate(self.dir_sliders):
            ok = i < len(pd.directions)
            s.setEnabled(ok)
            if ok:
                self.dir_labels[i].setText(tr("PC {n}").format(n=i + 1))
                s.setToolTip(tr("Direction {n}: {percent:.0f}% of the variation among these {total}; "
                                "range ±3σ = ±{range:.2f}").format(n=i + 1, percent=100 * pd.variance[i] / total,
                                                                  total=len(pd.directions),
                                                                  range=3 * pd.latent_std[i]))
        self._fill_sweep_combo()
        if str(self.sweep_combo.currentData()).startswith("raw:"):
            self.sweep_combo.setCurrentIndex(0)       # PC 1, now that there is one
        self.directionsReady.emit()
        self.refresh()

    def _directions_failed(self, exc) -> None:
        self._task = None
        self._set_busy(False)
        self.status.setText(tr("Directions could not be computed: {error}").format(error=exc))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.ensure_directions()

    # latents
    def set_picks(self, picks: list[Pick]) -> None:
        if not picks:
            return
        self.base = picks[0]
        if self.model is not None and self.model.conditional and self.base.label is not None:
            self.digit_combo.blockSignals(True)
            self.digit_combo.setCurrentIndex(int(self.base.label))
            self.digit_combo.blockSignals(False)
        self.reset()

    def _seed_changed(self, seed: int) -> None:
        if self.model is not None:
            lab = self.digit_combo.currentData() if self.model.conditional else None
            self.base = Pick.from_address(self.model, seed, 0, lab)
            self.reset()

    def reset(self) -> None:
        for s in self.dir_sliders + self.named_sliders:
            s.blockSignals(True)
            s.setValue(0)
            s.blockSignals(False)
        for v in self.dir_values:
            v.setText("+0.00")
        base = self.base.latent if self.base is not None else None
        self._z0 = None if base is None else base.astype(np.float32).copy()
        for i, s in enumerate(self.raw_sliders):
            s.setEnabled(base is not None and i < len(base))
        self._sync_raw()
        self.refresh()

    def _offset(self, dim: int) -> np.ndarray:
        """What the principal-direction sliders and the named-direction sliders add to the latent."""
        out = np.zeros(dim, np.float32)
        if self.directions is not None:
            c = self.coefficients()
            if len(c):
                out = apply_directions(out, self.directions.directions, c)
        for s, d in zip(self.named_sliders, self.named):
            if s.value() and len(d["vector"]) == dim:
                out = out + (s.value() / 100.0) * np.asarray(d["vector"], np.float32)
        return out.astype(np.float32)

    def _rebuild_named_sliders(self) -> None:
        """One slider (−1 … +1 times the saved change) per named direction of this model."""
        _empty(self.named_grid)
        self.named_sliders = []
        for i, d in enumerate(self.named):
            s = QSlider(Qt.Orientation.Horizontal)
            s.setRange(-100, 100)
            s.setToolTip(tr("Apply your direction “{name}”: +1 repeats the change you saved, −1 reverses it").format(
                name=d["name"]))
            s.valueChanged.connect(self.schedule)
            s.valueChanged.connect(self._sync_raw)
            name = QLabel(d["name"])
            name.setMaximumWidth(110)
            self.named_grid.addWidget(name, i, 0)
            self.named_grid.addWidget(s, i, 1)
            self.named_sliders.append(s)
        self.named_title.setVisible(bool(self.named))
        self.named_box.setVisible(bool(self.named))

    def _rebuild_raw_sliders(self, dim: int) -> None:
        """One slider per coordinate of the model's latent vector z (−3 … 3), in a scrolling list."""
        if len(self.raw_sliders) == dim:
            return
        _empty(self.raw_grid)
        self.raw_sliders = []
        for i in range(dim):
            s = QSlider(Qt.Orientation.Horizontal)
            s.setRange(-300, 300)
            s.valueChanged.connect(lambda v, i_=i: self._raw_moved(i_, v))
            s.setToolTip(tr("Change coordinate {n} of the noise vector z directly (−3 … 3)").format(n=i))
            s.valueChanged.connect(self.schedule)
            self.raw_grid.addWidget(QLabel(f"z[{i}]"), i, 0)
            self.raw_grid.addWidget(s, i, 1)
            self.raw_sliders.append(s)

    def current_latent(self) -> np.ndarray | None:
        if self._z0 is None:
            return None
        return (self._z0 + self._offset(len(self._z0))).astype(np.float32)

    def _raw_moved(self, i: int, value: int) -> None:
        """A raw slider sets that coordinate of the resulting latent (direction offsets stay as they are)."""
        if self._syncing or self._z0 is None or i >= len(self._z0):
            return
        self._z0[i] = value / 100.0 - self._offset(len(self._z0))[i]

    def _sync_raw(self, *_) -> None:
        """Raw sliders show the latent the direction sliders produce."""
        z = self.current_latent()
        self._syncing = True
        try:
            for i, s in enumerate(self.raw_sliders):
                s.blockSignals(True)
                s.setValue(int(round(float(z[i]) * 100)) if z is not None and i < len(z) else 0)
                s.blockSignals(False)
        finally:
            self._syncing = False

    def label(self) -> int | None:
        return chosen_digit(self.digit_combo, self.model)

    def image(self) -> np.ndarray | None:
        return self.preview.image()

    def refresh(self) -> None:
        """The edited image and the sweep through it, made in one render."""
        self._debounce.stop()
        z = self.current_latent()
        if self.model is None or z is None:
            self.renders.drop("view")
            self.preview.set_image(None)
            return
        lab = self.label()
        cap = self.base.caption() if self.base is not None else ""
        moved = any(s.value() for s in self.dir_sliders)
        zs = self.sweep_latents(z)
        name = self.sweep_combo.currentText()
        picks = [Pick(zs[i], lab, extra={"t": round(float(v), 4), "origin": "directions"})
                 for i, v in enumerate(np.linspace(-1, 1, len(zs)))]
        everything = np.concatenate([z[None], zs]) if len(zs) else z[None]

        def show(imgs, ms):
            self.last_refresh_ms = ms
            self.preview.set_image(imgs[0], cap + (tr(" · edited") if moved else ""))
            self.status.setText(tr("{ms:.0f} ms").format(ms=ms))
            self._sweep, self._sweep_picks = imgs[1:], picks
            self.sweep_grid.set_images(self._sweep, [f"{name} · {i + 1}/{len(picks)}" for i in range(len(picks))],
                                       keep_selection=True)

        self.render("view", everything, None if lab is None else [lab] * len(everything), show)

    # sweeps
    def _fill_sweep_combo(self) -> None:
        cur = self.sweep_combo.currentData()
        self.sweep_combo.blockSignals(True)
        self.sweep_combo.clear()
        k = 0 if self.directions is None else min(len(self.directions.directions), self.N_DIRECTIONS)
        for i in range(k):
            self.sweep_combo.addItem(tr("PC {n}").format(n=i + 1), f"pc:{i}")
        for j, d in enumerate(self.named):
            self.sweep_combo.addItem(tr("★ {name}").format(name=d["name"]), f"named:{j}")
        dim = self.model.latent_dim if self.model is not None else 0
        for i in range(dim):
            self.sweep_combo.addItem(f"z[{i}]", f"raw:{i}")
        idx = self.sweep_combo.findData(cur)
        self.sweep_combo.setCurrentIndex(max(0, idx))
        self.sweep_combo.blockSignals(False)

    def sweep_latents(self, z: np.ndarray | None = None) -> np.ndarray:
        """Latents (F, D) from −amount to +amount along the chosen direction, through the current digit."""
        z = self.current_latent() if z is None else z
        key = self.sweep_combo.currentData()
        if z is None or key is None:
            return np.zeros((0, 0), np.float32)
        n = self.sweep_frames.value()
        t = np.linspace(-1.0, 1.0, n, dtype=np.float32) * (self.sweep_amount.value() / 100.0)
        kind, i = key.split(":")[0], int(key.split(":")[1])
        if kind == "pc":
            step = self.directions.directions[i] * 3.0 * float(self.directions.latent_std[i])
            return (z[None] + t[:, None] * step[None]).astype(np.float32)
        if kind == "named":
            vec = np.asarray(self.named[i]["vector"], np.float32)
            return (z[None] + t[:, None] * vec[None]).astype(np.float32)
        out = np.repeat(z[None], n, axis=0)
        out[:, i] = t * 3.0
        return out.astype(np.float32)

    def sweep_images(self) -> np.ndarray:
        return self._sweep

    def _current_picks(self) -> list[Pick]:
        sel = [i for i in self.sweep_grid.selected() if i < len(self._sweep_picks)]
        if sel:
            return [self._sweep_picks[i] for i in sel]
        z = self.current_latent()
        if z is None:
            return []
        if self.base is not None and np.array_equal(z, self.base.latent) and self.base.seed is not None:
            return [self.base]
        return [Pick(z, self.label(), extra={"origin": "directions"})]

    def star_current(self) -> None:
        self.star_picks(self._current_picks())

    def send_current_to_keyframes(self) -> None:
        self.send_to_keyframes(self._current_picks())

    def export_sweep(self, path=None, options=None) -> list:
        key = self.sweep_combo.currentData()
        slug = "sweep" if key is None else "sweep_" + key.replace(":", "")
        return self.export_picks(self._sweep, self._sweep_picks, tr("Export sweep"), slug, default="gif",
                                 path=path, options=options, columns=len(self._sweep))

    # named directions, saved with the model
    def directions_path(self):
        lp = self.source.lineage_path()
        if lp is None:
            return None
        name = "directions.json" if lp.name == "lineage.json" else lp.name.replace(".lineage.json", ".directions.json")
        return lp.with_name(name)

    def _load_named(self) -> None:
        self.named = []
        self._unreadable = None         # a directions file not read in full: kept aside before the next write
        path = self.directions_path()
        dim = self.model.latent_dim if self.model is not None else 0
        if path is None or not path.is_file():
            return
        try:
            data = json.loads(path.read_text("utf-8"))
            items = data.get("directions", [])
            for d in items:
                vec = d.get("vector")
                if isinstance(d.get("name"), str) and isinstance(vec, list) and len(vec) == dim and \
                        all(isinstance(v, (int, float)) and np.isfinite(v) for v in vec):
                    self.named.append({"name": d["name"][:80], "vector": [float(v) for v in vec]})
            if len(self.named) != len(items):
                self._unreadable = path
        except (OSError, ValueError, AttributeError, TypeError) as exc:
            self._unreadable = path
            self.status.setText(tr("Saved directions could not be read: {e}").format(e=exc))

    def save_direction(self, name: str | None = None) -> dict | None:
        """Keep the change from the starting digit to the current one as a named direction of this model."""
        z = self.current_latent()
        if z is None or self.base is None:
            return None
        vec = z - self.base.latent.astype(np.float32)
        if not np.any(np.abs(vec) > 1e-6):
            self.status.setText(self.say(tr("Move a slider first: a direction is the change from the starting digit"),
                                         tr("Move a slider first: a direction is the change from the starting image")))
            return None
        if name is None:
            name, ok = QInputDialog.getText(self, tr("Save direction"), tr("Name of this direction:"),
                                            text=tr("direction {n}").format(n=len(self.named) + 1))
            if not ok:
                return None
        name = name.strip()[:80]
        if not name:
            return None
        entry = {"name": name, "vector": [round(float(v), 6) for v in vec]}
        self.named = [d for d in self.named if d["name"] != name] + [entry]
        keep = self.current_latent()           # the new slider starts at 0: the picture stays as it is
        self._rebuild_named_sliders()
        self._z0 = keep - self._offset(len(keep))
        path = self.directions_path()
        note = ""
        if path is not None and getattr(self, "_unreadable", None) is not None and path.exists():
            kept = set_aside(path)          # never write over a file that could not be read in full
            if kept is None:
                self._error(tr("Direction not saved"),
                            tr("{path} could not be read and could not be moved aside, so it is left as it is")
                            .format(path=path))
                path = None
            else:
                self._unreadable = None
                note = tr("the directions file that could not be read was kept as {path}").format(path=kept)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_text(path, json.dumps({"model": self.model.name, "latent_dim": self.model.latent_dim,
                                                    "directions": self.named}, indent=1))
            except OSError as exc:
                self._error(tr("Direction not saved"), tr("Could not write {path}: {e}").format(path=path, e=exc))
        self._fill_sweep_combo()
        self.sweep_combo.setCurrentIndex(self.sweep_combo.findData(f"named:{self.named.index(entry)}"))
        self.status.setText(tr("Saved direction “{name}”").format(name=name) + (f"; {note}" if note else ""))
        return entry

    def on_model(self, model) -> None:
        cond = show_digits(self.digit_combo, self.digit_label, model)
        self.directions = None
        self._load_named()
        self._rebuild_named_sliders()
        self._rebuild_raw_sliders(model.latent_dim if model is not None else 0)
        self._fill_sweep_combo()
        for s in self.dir_sliders:
            s.setEnabled(False)
        if model is not None:
            self.base = Pick.from_address(model, self.seed_spin.value(), 0, 0 if cond else None)
            if self.isVisible():
                self.ensure_directions()
        else:
            self.base = None
        self.reset()
